import ArgumentParser
import CandidateCore
import CandidateTUI
import Foundation

/// `candidates` / `candidates edit`: the terminal editor.
struct Edit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open the terminal editor (the default)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("The list's columns, comma-separated, from: name, status, email, phone, jobs, rating, updated (name and status always show). Chosen by width when not given.",
                               valueName: "names"),
            transform: Edit.parseColumns)
    var columns: [ListColumn]?

    @Flag(inversion: .prefixedNo, help: "Show the detail pane beside the list (default: from 140 columns; i toggles it).")
    var detailPane: Bool?

    /// `--columns name,email,…` as `ListColumn`s; an unknown name is a usage error naming it.
    static func parseColumns(_ text: String) throws -> [ListColumn] {
        do {
            return try ListColumn.parse(text.split(separator: ",").map(String.init))
        } catch let e as ListColumn.UnknownName {
            throw ValidationError(e.description)
        }
    }

    func run() async throws {
        // Nothing may print while curses owns the screen: logs go to $CANDIDATES_LOG or nowhere.
        LogSetup.bootstrapFromEnvironment()
        // No terminal: say so before a connection is opened or the sandbox's file is created.
        do { try Terminal.preflight() } catch {
            FileHandle.standardError.write(Data("candidates: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let open: OpenConnection
        do {
            open = try await OpenConnection.open(connection)
        } catch let e as ConnectionProblem {
            FileHandle.standardError.write(Data("candidates: \(e.message)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("candidates: cannot start the sandbox: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let options = TUIOptions(columns: columns, detailPane: detailPane)
        let (result, exitNote) = await TUIApp.run(client: open.client, connection: open.info, drafts: open.drafts, options: options)
        await open.sandbox?.stop()
        if let note = exitNote { FileHandle.standardError.write(Data("candidates: \(note)\n".utf8)) }
        switch result {
        case .success(let code):
            if code != 0 { throw ExitCode(code) }
        case .failure(let error):
            FileHandle.standardError.write(Data("candidates: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
