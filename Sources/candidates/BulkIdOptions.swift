import ArgumentParser
import CandidateCore
import Foundation

/// The candidate ids of a bulk command (`bulk-status`, `bulk-jobs`, `bulk-gdpr`): arguments,
/// `--ids-file FILE` (`-`: standard input), `--csv FILE`, or standard input when none is given
/// and it is not a terminal. Every problem is a `UsageProblem` (exit status 2).
struct BulkIdOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read ids from this file, one per line (- for standard input).", valueName: "file"), completion: .file())
    var idsFile: String?

    @Option(help: ArgumentHelp("Read ids from the id column of this CSV file (header row required).", valueName: "file"), completion: .file())
    var csv: String?

    @Argument(help: ArgumentHelp("Candidate ids (UUIDs).", valueName: "id"))
    var ids: [String] = []

    /// Ids from every source given, validated as UUIDs.
    func gather() throws -> [IdInput.Entry] {
        var entries = ids.enumerated().map { IdInput.Entry(id: $0.element.trimmingCharacters(in: .whitespaces), origin: "argument \($0.offset + 1)") }
        if let idsFile {
            let (text, name) = try Self.read(idsFile)
            entries += IdInput.lines(text, source: name)
        }
        if let csv {
            let (text, name) = try Self.read(csv)
            entries += try IdInput.csv(text, source: name)
        }
        if ids.isEmpty && idsFile == nil && csv == nil && !Console.stdinIsTerminal {
            entries += IdInput.lines(try Self.read("-").text, source: "standard input")
        }
        let explicitSource = !ids.isEmpty || idsFile != nil || csv != nil
        guard !entries.isEmpty else {
            throw UsageProblem(explicitSource
                ? "no candidate ids found in the input given"
                : "no candidate ids: pass them as arguments, with --ids-file FILE or --csv FILE, or on standard input")
        }
        let bad = entries.filter { UUID(uuidString: $0.id) == nil }
        guard bad.isEmpty else {
            let shown = bad.prefix(5).map { "\($0.origin): \"\(DisplayText.sanitize(String($0.id.prefix(60))))\"" }
            throw UsageProblem("\(bad.count) id\(bad.count == 1 ? " is" : "s are") not a UUID: " + shown.joined(separator: ", ")
                               + (bad.count > 5 ? ", …" : ""))
        }
        return entries
    }

    /// A file's text (`-`: standard input) and its name for messages.
    static func read(_ path: String) throws -> (text: String, name: String) {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw UsageProblem("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw UsageProblem("\(path) is not UTF-8 text") }
        return (text, path == "-" ? "standard input" : path)
    }
}
