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

    @Flag(inversion: .prefixedNo, help: "Start in privacy mode: email and phone masked on every screen (p toggles it).")
    var privacy: Bool?

    /// This run's TUI settings from the flags.
    var tuiOptions: TUIOptions { TUIOptions(privacy: privacy ?? false) }

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
        let (result, exitNote) = await TUIApp.run(client: open.client, connection: open.info, drafts: open.drafts, options: tuiOptions)
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
