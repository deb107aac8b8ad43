import CandidateCore
import ChildProcess
import Foundation
import Testing

/// The command's conventions: shell completion scripts (statuses, profile names, paths),
/// `--version` with the build's commit.
@Suite("Completions and --version (real binary)", .ownThread)
struct CLIConventionsTests {
    /// `candidates ARGS` (with `direct`, the program ARGS) with no sandbox and no config of the developer's.
    func run(_ args: [String], env extra: [String: String] = [:], direct: Bool = false) throws -> CLIRun {
        let dir = try TempDir()
        let pipeline = direct ? args.map(TmuxSession.quote).joined(separator: " ") : nil
        return try CLI.run(args, pipeline: pipeline, dir: dir, env: CLI.environment(nil).merging(extra) { $1 })
    }

    /// An XDG config folder in `dir` whose config file has `profiles` (in that order; the first
    /// is the default). Returns the folder, for XDG_CONFIG_HOME.
    static func config(in dir: TempDir, profiles: [String]) throws -> String {
        let config = dir.file("config")
        try FileManager.default.createDirectory(atPath: config + "/candidates", withIntermediateDirectories: true)
        let text = "default-profile = \"\(profiles[0])\"\n" + profiles.map { name in
            "[profiles.\(name)]\nbase-url = \"http://127.0.0.1:9\"\napi-key-env = \"\(name.uppercased())_KEY\"\n"
        }.joined()
        try text.write(toFile: config + "/candidates/config.toml", atomically: true, encoding: .utf8)
        return config
    }

    @Test("each shell's script completes the subcommands, the statuses, --profile by calling back, and paths", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) throws {
        let run = try run(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.stderr)")
        let script = run.stdout
        for word in ["list", "bulk-status", "serve", "config", "APPLIED", "IN_PROCESS", "REJECTED", "---completion edit -- --profile",
                     "---completion list -- --profile"] {
            #expect(script.contains(word), "\(shell) script lacks \(word)")
        }
        for option in ["privacy", "no-privacy", "profile", "api-key-file", "ids-file", "csv", "db", "request-log", "to", "only-from"] {
            let written = shell == "fish" ? "-l '\(option)'" : "--\(option)"
            #expect(script.contains(written), "\(shell) script lacks \(written)")
        }
        // A path is completed for each file option.
        let pathCompletion = ["bash": "__candidates_add_completions -f", "zsh": ":_files", "fish": "-rF"][shell] ?? "?"
        for option in ["api-key-file", "ids-file", "csv", "db", "request-log"] {
            let line = script.split(separator: "\n").firstIndex { shell == "fish" ? $0.contains("-l '\(option)'") : $0.contains("'--\(option)") }
            let lines = script.split(separator: "\n")
            let near = line.map { lines[$0...min(lines.count - 1, $0 + 1)].joined(separator: "\n") } ?? ""
            #expect(near.contains(pathCompletion), "\(shell): --\(option) does not complete paths: \(near)")
        }
    }

    @Test("--profile completes the config file's profile names; no config or a broken one completes nothing, silently")
    func profileNames() throws {
        let dir = try TempDir()
        let config = try Self.config(in: dir, profiles: ["north", "globex", "nordic"])
        let all = try run(["---completion", "list", "--", "--profile", "0", "0", ""], env: ["XDG_CONFIG_HOME": config])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.lines == ["north", "globex", "nordic"])
        #expect(all.stderr.isEmpty)
        let no = try run(["---completion", "edit", "--", "--profile", "0", "2", "no"], env: ["XDG_CONFIG_HOME": config])
        #expect(no.lines == ["north", "nordic"])

        try "this is = = not toml".write(toFile: config + "/candidates/config.toml", atomically: true, encoding: .utf8)
        let broken = try run(["---completion", "list", "--", "--profile", "0", "0", ""], env: ["XDG_CONFIG_HOME": config])
        #expect(broken.status == 0 && broken.stdout.isEmpty && broken.stderr.isEmpty, "\(broken)")
        let none = try run(["---completion", "list", "--", "--profile", "0", "0", ""], env: ["XDG_CONFIG_HOME": dir.file("nowhere")])
        #expect(none.status == 0 && none.stdout.isEmpty && none.stderr.isEmpty, "\(none)")
    }

    @Test("bash, driven as it completes a command line: statuses, profile names, paths, option names, serve's shapes")
    func bashCompletes() throws {
        let dir = try TempDir()
        let config = try Self.config(in: dir, profiles: ["north", "globex"])
        try "".write(toFile: dir.file("ids.txt"), atomically: true, encoding: .utf8)
        let script = dir.file("candidates.bash")
        try run(["--generate-completion-script", "bash"]).stdout.write(toFile: script, atomically: true, encoding: .utf8)
        // What bash does on Tab: COMP_* set, then the completion function with the command, the word and the one before.
        let driver = """
        source \(TmuxSession.quote(script))
        t() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
              COMPREPLY=(); _candidates "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; echo "${COMPREPLY[*]}"; }
        t candidates list --status ""
        t candidates bulk-status --to IN
        t candidates list --profile ""
        t candidates edit --profile g
        t candidates bulk-status --ids-file \(TmuxSession.quote(dir.path + "/id"))
        t candidates list --pr
        t candidates serve --shape ""
        """
        let bin = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().path
        let out = try run(["bash", "-c", driver], env: ["XDG_CONFIG_HOME": config, "PATH": bin + ":/usr/bin:/bin"], direct: true)
        #expect(out.lines == ["UNDEFINED APPLIED IN_PROCESS REJECTED ACCEPTED", "IN_PROCESS", "north globex", "globex",
                              dir.path + "/ids.txt", "--privacy --profile", "bare wrapped"], "\(out.stdout)\(out.stderr)")
    }

    @Test("--version prints the version and the commit the binary was built from")
    func version() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let git = try ChildProcess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"])
        let commit = git.status == 0 ? git.output.trimmingCharacters(in: .whitespacesAndNewlines) : "unknown"
        let run = try run(["--version"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(CandidatesVersion.current) (\(commit))\n")
    }
}
