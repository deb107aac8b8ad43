import Foundation

/// The local record of every change sent to one server and company: JSON lines, one
/// `JournalChange` a line, in `$XDG_STATE_HOME/candidates/journal/` (files 0600 in 0700
/// folders). A change is written before it is sent (pending) and again when it ends; the last
/// line of an id is its state. It holds candidate data; `purge` deletes it.
public struct Journal: Sendable, Equatable {
    /// The journal file.
    public let path: String
    /// How long changes are kept by `prune` (seconds); 30 days by default.
    public static let defaultRetention: TimeInterval = 30 * 24 * 3600

    /// The journal of `server` (its base URL, or the sandbox's name) and `company` (an id, or a
    /// key's fingerprint) under `root` (default: the state folder's `journal`).
    public init(server: String, company: String, root: String = XDGPaths().journal) {
        let host = server.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        let readable = String(host.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }.prefix(40))
        path = root + "/" + readable + "-" + String(Digest.sha256Hex(server + "\n" + company).prefix(16)) + ".jsonl"
    }

    /// A journal at exactly `path` (tests, tools).
    public init(path: String) { self.path = path }

    /// Appends the change's current state. Called before a send (the send must not happen when
    /// this throws) and after it.
    /// - Throws: `JournalError.cannotWrite` naming the file and the reason.
    public func record(_ change: JournalChange) throws {
        let line: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            line = try encoder.encode(change) + Data("\n".utf8)
        } catch {
            throw JournalError.cannotWrite(path: path, reason: "\(error)")
        }
        do { try PrivateFiles.makeFile(path) } catch { throw JournalError.cannotWrite(path: path, reason: "\(error)") }
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw JournalError.cannotWrite(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
    }

    /// Every change in the order first recorded, each in its last state; lines that cannot be
    /// read are skipped and counted (never fatal).
    public func changes() -> (changes: [JournalChange], unreadable: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], 0) }
        var order: [String] = [], byId: [String: JournalChange] = [:], unreadable = 0
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let change = try? decoder.decode(JournalChange.self, from: Data(line)) else { unreadable += 1; continue }
            if byId[change.id] == nil { order.append(change.id) }
            byId[change.id] = change
        }
        return (order.compactMap { byId[$0] }, unreadable)
    }

    /// Drops changes recorded before `cutoff` (rewriting the file whole, then renaming it over
    /// the old); unreadable lines go too. Returns how many changes were dropped.
    /// - Throws: `JournalError.cannotWrite`.
    @discardableResult
    public func prune(before cutoff: Date) throws -> Int {
        let (all, unreadable) = changes()
        let kept = all.filter { ($0.date ?? .distantFuture) >= cutoff }
        guard kept.count != all.count || unreadable > 0 else { return 0 }
        let temporary = path + ".tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        let staged = Journal(path: temporary)
        for change in kept { try staged.record(change) }
        if kept.isEmpty { try? FileManager.default.removeItem(atPath: path); return all.count }
        if rename(temporary, path) != 0 { throw JournalError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        return all.count - kept.count
    }

    /// Deletes every journal under `root`.
    /// - Throws: the file system's error.
    public static func purge(root: String = XDGPaths().journal) throws {
        guard FileManager.default.fileExists(atPath: root) else { return }
        try FileManager.default.removeItem(atPath: root)
    }
}

/// A journal that cannot be written: nothing is sent without a record.
public enum JournalError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "Cannot write the journal \(path) (\(reason)); nothing was sent"
        }
    }
}
