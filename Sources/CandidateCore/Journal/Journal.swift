import Foundation

/// The local record of every change sent to one server and company: JSON lines, one
/// `JournalChange` a line, in `$XDG_STATE_HOME/candidates/journal/` (files 0600 in 0700
/// folders). A change is written before it is sent (pending) and again when it ends; the last
/// line of an id is its state. It holds candidate data; `purge` deletes it.
public struct Journal: Sendable, Equatable {
    /// The journal file.
    public let path: String
    /// The file, held open between records (a bulk change appends two records per candidate).
    private let file = JournalFile()
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
        var bytes = change.compactJSON()
        bytes.append(UInt8(ascii: "\n"))
        try file.append(bytes, to: path)
    }

    /// Journals name the same file.
    public static func == (a: Journal, b: Journal) -> Bool { a.path == b.path }

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

    /// Drops changes recorded before `cutoff`, every line of each (rewriting the file whole,
    /// then renaming it over the old). Lines that cannot be read, or whose time cannot, are
    /// kept as they are: they carry no date, and dropping them would lose data. Returns how
    /// many changes were dropped.
    /// - Throws: `JournalError.cannotWrite`.
    @discardableResult
    public func prune(before cutoff: Date) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return try file.withLockedFile(path) { _, _ in try rewriteDropping(before: cutoff) }
    }

    /// `prune`'s work, under the lock. The file is read once and its lines found with `memchr`
    /// (this runs over the whole journal at the start of every command); the file is rewritten
    /// only when some line is dropped.
    private func rewriteDropping(before cutoff: Date) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        var keptLines: [Range<Int>] = [], dropped = Set<String>()
        let decoder = JSONDecoder()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: raw.count)
            var start = 0
            while start < bytes.count {
                let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                    .map { base.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
                defer { start = end + 1 }
                guard end > start else { continue }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let stamp = Stamp(line) ?? (try? decoder.decode(Stamp.self, from: Data(line))),
                   let date = APITimestamp.parse(stamp.time), date < cutoff {
                    dropped.insert(stamp.id)
                } else {
                    keptLines.append(start..<end)
                }
            }
        }
        guard !dropped.isEmpty else { return 0 }
        var kept = Data()
        kept.reserveCapacity(keptLines.reduce(0) { $0 + $1.count + 1 })
        for range in keptLines {
            kept.append(data[data.startIndex + range.lowerBound..<data.startIndex + range.upperBound])
            kept.append(UInt8(ascii: "\n"))
        }
        if kept.isEmpty {
            do { try FileManager.default.removeItem(atPath: path) } catch { throw JournalError.cannotWrite(path: path, reason: "\(error)") }
            return dropped.count
        }
        let temporary = path + ".tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try PrivateFiles.makeFile(temporary)
            guard let handle = FileHandle(forWritingAtPath: temporary) else { throw PrivateFiles.Failure(path: temporary, reason: "cannot open") }
            defer { try? handle.close() }
            try handle.write(contentsOf: kept)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw JournalError.cannotWrite(path: path, reason: "\(error)")
        }
        if rename(temporary, path) != 0 { throw JournalError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        return dropped.count
    }

    /// What `prune` reads of a line: the change and when it was recorded.
    private struct Stamp: Decodable {
        var id: String
        var time: String

        /// Read straight from the line's bytes, without decoding it whole: this runs over the
        /// whole file at the start of every command. Lines are written with sorted keys, so the
        /// top-level `id` and `time` come after `fields` (whose values may hold objects with
        /// such keys): the last occurrence of each is the change's. `nil` when not found.
        init?(_ line: UnsafeBufferPointer<UInt8>) {
            guard let id = Self.lastString(after: Array(#""id":""#.utf8), in: line),
                  let time = Self.lastString(after: Array(#""time":""#.utf8), in: line) else { return nil }
            self.id = id
            self.time = time
        }

        /// The plain (unescaped) string after the last `key` in `line`.
        private static func lastString(after key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> String? {
            guard bytes.count > key.count else { return nil }
            var i = bytes.count - key.count
            while i >= 0 {
                if bytes[i] == key[0] && key.indices.allSatisfy({ bytes[i + $0] == key[$0] }) {
                    let start = i + key.count
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                        if bytes[end] == UInt8(ascii: "\\") { return nil }
                        end += 1
                    }
                    guard end < bytes.count else { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                }
                i -= 1
            }
            return nil
        }
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
