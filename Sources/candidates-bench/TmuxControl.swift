import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One tmux control-mode client (`tmux -C attach`) kept attached to a bench pane: keys and
/// `capture-pane` go in as commands on its standard input; the pane's output comes back as
/// `%output` lines and each command's answer as a `%begin`/`%end` block, with no process started
/// per key or per screen read. The latency probe uses it, so a sample is the program's answer
/// through tmux, as a user's attached tmux client sees it, not the start of a `tmux send-keys`
/// process (2–4 ms idle, 10–30 ms on a busy 2-core machine); the load timings read the screen
/// through it every 10 ms.
final class TmuxControl: @unchecked Sendable {  // its state is guarded by `lock`
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSCondition()
    /// Pane output bytes (decoded from `%output` lines) since the last `clear()`.
    private var seen: [UInt8] = []
    private var partial: [UInt8] = []
    private var ended = false
    /// Commands written so far; each is answered by one `%begin … 1` / `%end` block, in order.
    private var commandsSent = 0
    /// Blocks of this client's commands that have ended.
    private var blocksEnded = 0
    /// The lines of the block being read, when one is open.
    private var blockLines: [String]?
    /// Commands whose output is wanted (by number), and their output once their block ended.
    private var wanted: Set<Int> = []
    private var results: [Int: [String]] = [:]

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
        lock.lock()
        commandsSent += 1
        lock.unlock()
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// The pane's visible screen as text (`capture-pane -p`), asked through this client: no
    /// tmux process started, so polling it every few milliseconds costs the machine little.
    func screen(session: String, seconds: Double = 5) throws -> String {
        lock.lock()
        let number = commandsSent
        wanted.insert(number)
        lock.unlock()
        try command("capture-pane -p -t \(session)")
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while results[number] == nil {
            guard !ended, lock.wait(until: deadline) else {
                wanted.remove(number)
                throw BenchFailure(description: "tmux capture-pane through the control client did not answer within \(Int(seconds)) s")
            }
        }
        return results.removeValue(forKey: number)!.joined(separator: "\n")
    }

    /// Polls `screen` every `interval` seconds until `condition` holds or `seconds` pass;
    /// returns the screen that held and the wall time (ns since the epoch) it was captured.
    func waitForScreen(session: String, _ what: String, seconds: Double, interval: Double = 0.01,
                       _ condition: (String) -> Bool) throws -> (screen: String, at: UInt64) {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        repeat {
            last = try screen(session: session)
            if condition(last) { return (last, realtimeNanoseconds()) }
            Thread.sleep(forTimeInterval: interval)
        } while Date() < deadline
        throw BenchFailure(description: "timed out after \(Int(seconds)) s waiting for \(what)\n--- screen ---\n\(last)")
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
                take(line)
            }
            lock.broadcast()
            lock.unlock()
        }
    }

    /// One line from tmux (under the lock): a line of a command's block, a block's start or
    /// end (only blocks with flags 1, this client's commands, count), or pane output.
    private func take(_ line: [UInt8]) {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("%begin "), text.split(separator: " ").last == "1" {
            blockLines = []
        } else if blockLines != nil, text.hasPrefix("%end ") || text.hasPrefix("%error ") {
            if wanted.remove(blocksEnded) != nil { results[blocksEnded] = blockLines }
            blocksEnded += 1
            blockLines = nil
        } else if blockLines != nil {
            blockLines?.append(text)
        } else if let bytes = Self.paneOutput(line) {
            seen.append(contentsOf: bytes)
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
