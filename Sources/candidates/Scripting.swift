import ArgumentParser
import CandidateCore
import Foundation

/// What the scripted commands (`list`, `show`, `update`, `bulk-status`, `undo`, …) share: connecting, error text, JSON lines,
/// and exit status 2 for every kind of bad usage.
enum Scripting {
    /// The scripted subcommands, whose usage errors exit with status 2 (not ArgumentParser's 64).
    static let commandNames: Set<String> = ["list", "show", "update", "apply", "bulk-status", "bulk-jobs", "bulk-gdpr", "undo", "history"]

    /// Opens the configured server, or the embedded sandbox when nothing is configured (like the editor).
    /// Configuration problems exit with 2, a sandbox that cannot start with 1. The journal's
    /// changes older than the retention are dropped first (a failure is a warning).
    static func open(_ connection: ConnectionOptions, command: String) async throws -> OpenConnection {
        do {
            let open = try await OpenConnection.open(connection)
            if let warning = open.pruneJournal() { Console.err("candidates \(command): \(warning)") }
            return open
        } catch let e as ConnectionProblem {
            Console.err("candidates \(command): \(e.message)")
            throw ExitCode(2)
        } catch {
            Console.err("candidates \(command): cannot start the sandbox: \(DisplayText.sanitize("\(error)"))")
            throw ExitCode(1)
        }
    }

    /// One line for any error (the API's own description for `APIError`).
    static func describe(_ error: Error) -> String {
        (error as? APIError)?.description ?? "\(error)"
    }

    /// Compact JSON (sorted keys) with every character a terminal could act on escaped as `\\uXXXX`:
    /// C0 as JSON does, and DEL, C1 and the bidi overrides (`DisplayText.isControl`) too. Written
    /// once by `CompactJSONWriter`, the writer `list --json` uses. Still valid JSON with the same data.
    static func jsonLine(_ value: JSONValue) -> String {
        var writer = CompactJSONWriter(escapingTerminalControls: true)
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
