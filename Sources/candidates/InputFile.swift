import Foundation

/// The text of a file a scripted command reads (`--ids-file`, `--csv`, `apply FILE`).
enum InputFile {
    /// A file's UTF-8 text (`-`: standard input) and its name for messages.
    /// - Throws: `UsageProblem` when it cannot be read or is not UTF-8.
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
