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

    @Flag(help: "For slow links: load only the rows on screen and one page ahead, no animated progress, at most 10 repaints a second, no colour unless --color (env CANDIDATES_LOW_BANDWIDTH=1).")
    var lowBandwidth = false

    @Flag(inversion: .prefixedNo, help: "Colour on or off (default: on, off with NO_COLOR or --low-bandwidth).")
    var color: Bool?

    @Flag(inversion: .prefixedNo, help: "Start in privacy mode: email and phone masked on every screen (p toggles it).")
    var privacy: Bool?

    @Option(help: ArgumentHelp("The list's columns, comma-separated, from: name, status, email, phone, jobs, rating, updated (name and status always show). Chosen by width when not given.",
                               valueName: "names"),
            transform: Edit.parseColumns)
    var columns: [ListColumn]?

    @Flag(inversion: .prefixedNo, help: "Show the detail pane beside the list (default: from 140 columns; i toggles it).")
    var detailPane: Bool?

    /// This run's TUI options: flag > environment > profile > default.
    func tuiOptions(_ base: TUIOptions = TUIOptions(), profile: Profile? = nil, environment: [String: String]) -> TUIOptions {
        var options = TUIOptions.resolving(base, lowBandwidthFlag: lowBandwidth ? true : nil, colorFlag: color, environment: environment,
                                           profileLowBandwidth: profile?.lowBandwidth, profileTheme: profile?.theme.flatMap(TUITheme.init(name:)))
        options.privacy = privacy ?? profile?.privacy ?? false
        options.columns = columns ?? base.columns
        options.detailPane = detailPane ?? profile?.detailPane
        return options
    }

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
        if let warning = open.pruneJournal() { FileHandle.standardError.write(Data("candidates: \(warning)\n".utf8)) }
        let options = tuiOptions(open.tuiOptions, profile: open.profile, environment: ProcessInfo.processInfo.environment)
        let (result, exitNote) = await TUIApp.run(client: open.client, connection: open.info, drafts: open.drafts, journal: open.journal, options: options,
                                                  connector: OpenConnection.connector(connection, startProfile: open.tuiOptions.profile))
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
