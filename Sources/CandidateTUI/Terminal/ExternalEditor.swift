import Foundation

/// Hands the terminal to `$VISUAL`/`$EDITOR` (else `vi`) on a text and reads it back.
enum ExternalEditor {
    /// Largest text taken back from the editor (the CV limit is 50,000 characters).
    static let maxBytes = 1 << 20

    /// Writes `text` to a private temporary file (0600 from the start: a CV never sits readable
    /// by others, even for a moment) named with `fileExtension`, runs the editor on it in the
    /// foreground, and reads it back. Returns the edited text, or `nil` with the editor's exit
    /// status (-1 when the file could not be written) when it failed or the result is not
    /// UTF-8 text of at most `maxBytes`.
    static func edit(_ text: String, name: String, fileExtension: String, on terminal: Terminal) -> (text: String?, status: Int32) {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("candidates-\(name)-\(UUID().uuidString).\(fileExtension)")
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return (nil, -1) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return (nil, -1) }
        let status = terminal.runEditor(editor, file: url.path)
        guard status == 0, let data = FileManager.default.contents(atPath: url.path), data.count <= maxBytes,
              let edited = String(data: data, encoding: .utf8) else {
            return (nil, status)
        }
        return (edited, 0)
    }
}
