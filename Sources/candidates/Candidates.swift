import ArgumentParser
import CandidateCore
import Foundation

@main
struct Candidates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates",
        abstract: "Edit recruiting candidates from the terminal: list, edit in a form, move along the pipeline.",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        With no API key and no base URL set, opens the editor on the embedded sandbox (demo \
        data in a local SQLite file).

        INSTAVIEW_API_KEY (or --api-key-file) on its own connects to the real InstaView API at \
        \(APIConfiguration.defaultBaseURL). Add INSTAVIEW_BASE_URL (or --base-url) for another \
        server, such as one started with `candidates serve`. A base URL without a key is an error.
        """,
        version: "\(CandidatesVersion.current) (\(BuildCommit.short))",
        subcommands: [Edit.self, Serve.self, ListCandidates.self, Show.self, Update.self, Apply.self, BulkStatus.self, BulkJobs.self, BulkGDPR.self, Undo.self, History.self, Config.self],
        defaultSubcommand: Edit.self
    )

    /// ArgumentParser's `main`, except that the scripted commands (`list`, `bulk-status`) exit
    /// with status 2 on bad usage, as scripts expect (ArgumentParser uses 64).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        ConcurrencyOnEventLoops.install(for: arguments.first)
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let first = arguments.first, Scripting.commandNames.contains(first), exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
