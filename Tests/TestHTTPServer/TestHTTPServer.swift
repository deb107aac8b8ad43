import Foundation
import NIOConcurrencyHelpers
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests that need a server to misbehave in ways the
/// sandbox does not: bodies that stall, answers that quote the key, pages that never end.
///
/// Plain POSIX sockets, one thread per connection, `Connection: close` on every answer. The
/// handler sees each request (numbered from 1) and returns the reply to send.
public final class TestHTTPServer: Sendable {
    /// One request as received.
    public struct Request: Sendable {
        public var method: String
        /// The path without the query, e.g. `/candidates`.
        public var path: String
        /// Query parameters (the last value wins).
        public var query: [String: String]
        /// Header names in lower case.
        public var headers: [String: String]
        /// 1 for the first request this server received.
        public var number: Int
    }

    /// What to answer.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// When set, the head goes out at once and the body one byte every this many milliseconds.
        public var byteDelayMs: Int?
        /// Announced `Content-Length` (default: the body's length); a larger value with a short
        /// body and `byteDelayMs` makes an answer that never ends.
        public var contentLength: Int?

        public init(status: Int = 200, headers: [(String, String)] = [("Content-Type", "application/json")], body: [UInt8] = [],
                    byteDelayMs: Int? = nil, contentLength: Int? = nil) {
            self.status = status; self.headers = headers; self.body = body; self.byteDelayMs = byteDelayMs; self.contentLength = contentLength
        }

        /// A JSON answer.
        public static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> Reply {
            Reply(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
        }
    }

    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    /// Requests so far, and whether `stop()` was called.
    private let state = NIOLockedValueBox((received: [Request](), stopped: false))

    /// Starts listening on a free loopback port.
    public init(_ handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EBADF) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && listen(fd, 64) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { close(fd); throw POSIXError(.EADDRINUSE) }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Every request received so far, in arrival order.
    public var requests: [Request] { state.withLockedValue { $0.received } }

    /// Stops accepting; connections still dripping a body end at their next byte.
    public func stop() {
        let first = state.withLockedValue { state -> Bool in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }
    }

    private var isStopped: Bool { state.withLockedValue { $0.stopped } }

    private func acceptLoop() {
        while !isStopped {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        guard let request = readRequest(fd) else { return }
        let reply = handler(request)
        var head = "HTTP/1.1 \(reply.status) Status\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(reply.contentLength ?? reply.body.count)\r\nConnection: close\r\n\r\n"
        guard write(fd, Array(head.utf8)) else { return }
        guard let delay = reply.byteDelayMs else {
            _ = write(fd, reply.body)
            return
        }
        for byte in reply.body {
            usleep(useconds_t(delay * 1000))
            if isStopped || !write(fd, [byte]) { return }
        }
        // An announced length longer than the body: keep the answer open until the client leaves.
        if (reply.contentLength ?? 0) > reply.body.count {
            while !isStopped && write(fd, []) {
                usleep(useconds_t(delay * 1000))
                var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&probe, 1, 0) > 0 { var b: UInt8 = 0; if recv(fd, &b, 1, Int32(MSG_DONTWAIT)) <= 0 { return } }
            }
        }
    }

    /// Writes all bytes; `false` when the peer has gone (never raises SIGPIPE).
    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return nil }
            data += buffer[0..<n]
            if data.count >= 4 {
                headEnd = (0...(data.count - 4)).first { data[$0..<($0 + 4)].elementsEqual(end) }
            }
        }
        let head = String(decoding: data[0..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let parts = lines.removeFirst().split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        // Read (and drop) a request body so the client is not cut off mid-send.
        var bodyLeft = Int(headers["content-length"] ?? "0") ?? 0
        bodyLeft -= data.count - (headEnd! + 4)
        while bodyLeft > 0 {
            let n = recv(fd, &buffer, min(buffer.count, bodyLeft), 0)
            if n <= 0 { break }
            bodyLeft -= n
        }
        let target = String(parts[1])
        let components = URLComponents(string: target)
        var query: [String: String] = [:]
        for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        return state.withLockedValue { state in
            let request = Request(method: String(parts[0]), path: components?.path ?? target, query: query, headers: headers,
                                  number: state.received.count + 1)
            state.received.append(request)
            return request
        }
    }
}
