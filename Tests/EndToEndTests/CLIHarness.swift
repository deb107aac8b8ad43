import CandidateCore
import ChildProcess
import Foundation

/// Runs the real `candidates` binary as a script would: through `sh -c`, with separate
/// standard output and error, optional standard input, and the sandbox in the environment.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard output split into lines (no empty trailing line).
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// Each standard-output line parsed as JSON.
    func jsonLines() throws -> [JSONValue] { try lines.map { try JSONValue.parse($0) } }
}

enum CLI {
    /// The environment pointing at `sandbox` with the Northwind company key (nothing else inherited
    /// that could change the outcome, e.g. a developer's INSTAVIEW_* variables).
    /// The journal and other state go to `stateHome` (default: a fresh temporary folder), never the user's.
    static func environment(_ sandbox: SandboxProcess?, key: String = "sk_test_northwind", dataHome: String? = nil,
                            stateHome: String? = nil) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in ["INSTAVIEW_BASE_URL", "INSTAVIEW_API_KEY", "INSTAVIEW_COMPANY_ID", "CANDIDATES_LOG", "CANDIDATES_PROFILE"] { env.removeValue(forKey: name) }
        // A developer's own config file (profiles) never reaches the tests.
        env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("candidates-no-config").path
        if let sandbox {
            env["INSTAVIEW_BASE_URL"] = sandbox.baseURL
            env["INSTAVIEW_API_KEY"] = key
        }
        if let dataHome { env["XDG_DATA_HOME"] = dataHome }
        env["XDG_STATE_HOME"] = stateHome
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("candidates-cli-state-\(UUID().uuidString)").path
        env["LANG"] = "C.UTF-8"
        return env
    }

    /// `candidates ARGS` (or a whole shell `pipeline` where `$CANDIDATES` is the binary), with
    /// `stdin` text on standard input (else /dev/null).
    static func run(_ args: [String] = [], pipeline: String? = nil, stdin: String? = nil, dir: TempDir,
                    env: [String: String]) throws -> CLIRun {
        let tag = UUID().uuidString.prefix(8)
        let inPath = dir.file("stdin-\(tag)"), outPath = dir.file("stdout-\(tag)"), errPath = dir.file("stderr-\(tag)")
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))
        let command = pipeline ?? ("\"$CANDIDATES\" " + args.map(TmuxSession.quote).joined(separator: " "))
        var environment = env
        environment["CANDIDATES"] = Binary.path
        let script = "( \(command) ) < \(TmuxSession.quote(stdin == nil ? "/dev/null" : inPath)) > \(TmuxSession.quote(outPath)) 2> \(TmuxSession.quote(errPath))"
        let result = try ChildProcess.run(["sh", "-c", script], environment: environment)
        func read(_ p: String) -> String { FileManager.default.contents(atPath: p).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        return CLIRun(status: result.status, stdout: read(outPath), stderr: read(errPath) + result.output)
    }
}
