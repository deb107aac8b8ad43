import Foundation

extension ChildProcess {
    /// Runs `argv` to the end with standard output and error in one temporary file — not a
    /// pipe: a daemon the program starts (a tmux server) would hold a pipe open after the
    /// program exits. Returns the exit status and the output (UTF-8, invalid bytes replaced).
    /// - Throws: `SpawnError` when it cannot start.
    public static func run(_ argv: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let status = try start(argv, stdout: .file(out), environment: environment).wait()
        let text = FileManager.default.contents(atPath: out).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (status, text)
    }
}
