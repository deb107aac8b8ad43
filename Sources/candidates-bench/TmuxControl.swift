import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One tmux control-mode client (`tmux -C attach`) kept attached to a bench pane: keys go in as
/// commands on its standard input and the pane's output comes back as `%output` lines, with no
/// process started per key. The latency probe uses it, so a sample is the program's answer
/// through tmux, as a user's attached tmux client sees it, not the start of a `tmux send-keys`
/// process (2–4 ms idle, 10–30 ms on a busy 2-core machine).
final class TmuxControl: @unchecked Sendable {  // its state is guarded by `lock`
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSCondition()
    /// Pane output bytes (decoded from `%output` lines) since the last `clear()`.
    private var seen: [UInt8] = []
    private var partial: [UInt8] = []
    private var ended = false

    /// Attaches to `session` of the tmux server on `socket` (`tmux -L`).
    init(socket: String, session: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket, "-C", "attach-session", "-t", session]
        process.environment = TmuxPane.clientEnvironment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = Thread { [weak self] in self?.readLoop() }
        reader.start()
    }

    deinit { close() }

    /// Detaches the client.
    func close() {
        lock.lock()
        let wasEnded = ended
        ended = true
        lock.unlock()
        guard !wasEnded else { return }
        try? input.fileHandleForWriting.write(contentsOf: Data("detach-client\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Sends one tmux command line (e.g. `send-keys -t bench Enter`).
    func command(_ line: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Milliseconds from just before `send-keys -t session key` to the first `byte` the pane
    /// writes after it; nil after `seconds` without it. `key` is quoted for tmux's parser
    /// (a bare `~` would be read as the home folder).
    func probe(session: String, key: String, byte: UInt8, seconds: Double = 5) throws -> Double? {
        lock.lock()
        seen.removeAll(keepingCapacity: true)
        lock.unlock()
        let start = ContinuousClock.now
        try command("send-keys -t \(session) '\(key)'")
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while !seen.contains(byte) {
            guard !ended, lock.wait(until: deadline) else { return nil }
        }
        return Double((ContinuousClock.now - start) / .microseconds(1)) / 1000
    }

    private func readLoop() {
        let fd = output.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            lock.lock()
            guard n > 0 else {
                ended = true
                lock.broadcast()
                lock.unlock()
                return
            }
            partial.append(contentsOf: buffer[0..<n])
            while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(partial[..<newline])
                partial.removeSubrange(...newline)
                if let bytes = Self.paneOutput(line) { seen.append(contentsOf: bytes) }
            }
            lock.broadcast()
            lock.unlock()
        }
    }

    /// The bytes of a `%output %<pane> <value>` line (tmux writes bytes below 32 and `\` as
    /// `\ooo` octal escapes); nil for any other line.
    static func paneOutput(_ line: [UInt8]) -> [UInt8]? {
        let prefix = Array("%output ".utf8)
        guard line.starts(with: prefix), let space = line[prefix.count...].firstIndex(of: UInt8(ascii: " ")) else { return nil }
        var bytes: [UInt8] = []
        var i = space + 1
        while i < line.count {
            if line[i] == UInt8(ascii: "\\"), i + 3 < line.count {
                let digits = line[(i + 1)...(i + 3)]
                if digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) {
                    bytes.append(digits.reduce(0) { $0 &* 8 &+ ($1 - UInt8(ascii: "0")) })
                    i += 4
                    continue
                }
            }
            bytes.append(line[i])
            i += 1
        }
        return bytes
    }
}
