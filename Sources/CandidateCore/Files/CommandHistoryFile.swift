import Foundation

/// The TUI's `:` command history between runs: one command a line, oldest first, in a file
/// only its owner can read (mode 0600 in 0700 folders; commands can hold search text).
public struct CommandHistoryFile: Sendable, Equatable {
    public var path: String
    /// Commands kept; older ones are dropped when saving.
    public static let limit = 200

    public init(path: String = XDGPaths().state + "/command-history") { self.path = path }

    /// The stored commands, oldest first; none when the file is missing or unreadable.
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }.suffix(Self.limit).map { $0 }
    }

    /// Replaces the stored commands with the last `limit` of `commands` (line breaks in a
    /// command become spaces), written whole to a temporary file and renamed over the old.
    /// - Throws: `PrivateFiles.Failure` or the write's error.
    public func save(_ commands: [String]) throws {
        let text = commands.suffix(Self.limit).map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
        let temporary = path + ".tmp"
        try PrivateFiles.makeFile(temporary)
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 { throw PrivateFiles.Failure(path: path, reason: String(cString: strerror(errno))) }
    }
}
