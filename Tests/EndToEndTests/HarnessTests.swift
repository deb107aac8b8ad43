import Foundation
import Testing

/// The harness cleans up after itself: a finished tmux session leaves no socket file behind,
/// and nothing but its own socket is removed.
@Suite("Test harness clean-up", .requires(.tmux), .ownThread)
struct HarnessTests {
    @Test("a test's blocking waits run on a thread of its own, not on the shared pool")
    func ownThread() async {
        #expect(Self.onOwnThread())
        #expect(await Task.detached { Self.onOwnThread() }.value == false)
    }

    static func onOwnThread() -> Bool { OwnThreadExecutor.isCurrent }

    @Test("a TmuxSession removes its own socket file after kill-server, and only that")
    func socketRemoved() throws {
        var session: TmuxSession? = try TmuxSession(command: "sleep 600", env: [:])
        let neighbour = try TmuxSession(command: "sleep 600", env: [:])
        let path = try #require(session).socketPath
        let reported = try #require(session).tmux(["display-message", "-p", "#{socket_path}"])
        #expect(reported.trimmingCharacters(in: .whitespacesAndNewlines) == path, "the known directory is where tmux put it")
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(FileManager.default.fileExists(atPath: neighbour.socketPath))

        session = nil
        #expect(!FileManager.default.fileExists(atPath: path), "socket file left behind: \(path)")
        #expect(FileManager.default.fileExists(atPath: neighbour.socketPath), "another session's socket was removed")
        #expect(try neighbour.tmux(["display-message", "-p", "#{session_name}"]).contains(neighbour.name), "the other server still runs")
    }

    @Test("removeSocketFile leaves alone a file that is not a socket, and a socket of another name")
    func onlySockets() throws {
        let dir = try TempDir()
        let plain = dir.file("candidates-e2e-plain")
        _ = FileManager.default.createFile(atPath: plain, contents: Data("keep".utf8))
        TmuxSession.removeSocketFile(plain, named: "candidates-e2e-plain")
        #expect(FileManager.default.fileExists(atPath: plain), "a regular file is never removed")

        let other = Self.makeSocketFile(in: dir)
        try #require(FileManager.default.fileExists(atPath: other))
        TmuxSession.removeSocketFile(other, named: "candidates-e2e-someone-else")
        #expect(FileManager.default.fileExists(atPath: other), "a socket of another name is never removed")
        TmuxSession.removeSocketFile(other, named: (other as NSString).lastPathComponent)
        #expect(!FileManager.default.fileExists(atPath: other))
    }

    /// A bound Unix-domain socket file in `dir` (no server behind it), for the clean-up tests.
    static func makeSocketFile(in dir: TempDir) -> String {
        let path = dir.file("candidates-e2e-sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (i, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[i] = byte }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return path
    }
}
