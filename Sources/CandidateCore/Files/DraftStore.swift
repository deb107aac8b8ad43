import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A draft as stored: the draft (original as loaded + current field values), where it
/// belongs, and when it was last saved. Never holds an API key.
public struct SavedDraft: Codable, Hashable, Sendable {
    /// Format version of the file.
    public var version: Int
    /// The server's base URL as given by the caller (trailing `/` removed).
    public var server: String
    /// The company the draft belongs to, as the caller names it (`nil` for a company key
    /// that sees one company).
    public var company: String?
    /// When the draft was last written.
    public var savedAt: Date
    public var draft: CandidateDraft

    public init(server: String, company: String?, savedAt: Date, draft: CandidateDraft) {
        self.version = 1
        self.server = server
        self.company = company
        self.savedAt = savedAt
        self.draft = draft
    }

    /// The candidate's id.
    public var candidateId: String { draft.original.id }
}

/// Why a draft could not be written, read or removed. The message names the path.
public enum DraftStoreError: Error, CustomStringConvertible, Equatable {
    case cannotCreateFolder(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case cannotDelete(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreateFolder(let p, let r): return "Cannot create the drafts folder \(p): \(r)"
        case .cannotWrite(let p, let r): return "Cannot save the draft \(p): \(r)"
        case .cannotRead(let p, let r): return "Cannot read the draft \(p): \(r)"
        case .cannotDelete(let p, let r): return "Cannot remove the draft \(p): \(r)"
        }
    }
}

/// Unsent form edits on disk, so nothing typed is lost when the connection, the terminal or
/// the program dies.
///
/// Layout: `<root>/<folder>/<candidate>.json`, where `root` is
/// `$XDG_STATE_HOME/candidates/drafts` (default `~/.local/state/candidates/drafts`),
/// `folder` is the SHA-256 (hex) of the server base URL and the company, and `candidate` is
/// the candidate id (or a digest of it when it is not a plain file name). Folders are
/// created with mode 0700 and files with 0600; every write goes to a temporary file in the
/// same folder, is flushed, and renamed over the old one, so a reader sees the old draft or
/// the new one, never half of one.
///
/// A value type with no open files: cheap to create, safe to use from any thread (writes of
/// the same draft from two threads race; the last rename wins).
public struct DraftStore: Sendable, Equatable {
    /// `<root>`: the folder holding every server's drafts.
    public let root: String
    /// The server base URL the drafts belong to (trailing `/` removed).
    public let server: String
    /// The company the drafts belong to, as the caller names it.
    public let company: String?

    /// Drafts for one server and company under `root`.
    public init(server: String, company: String?, root: String) {
        var s = server
        while s.hasSuffix("/") { s.removeLast() }
        self.server = s
        self.company = company.flatMap { $0.isEmpty ? nil : $0 }
        self.root = root
    }

    /// Drafts for one server and company under the default root (see `defaultRoot`).
    public init(server: String, company: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(server: server, company: company, root: Self.defaultRoot(environment: environment))
    }

    /// `$XDG_STATE_HOME/candidates/drafts` when `XDG_STATE_HOME` is an absolute path, else
    /// `$HOME/.local/state/candidates/drafts`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        XDGPaths(environment: environment).drafts
    }

    /// The folder of this server and company's drafts.
    /// A short, one-way fingerprint of a secret (the first 12 hex digits of its SHA-256), to tell
    /// keys apart in folder names without storing them.
    public static func fingerprint(_ secret: String) -> String { String(Digest.sha256Hex(secret).prefix(12)) }

    public var folder: String { root + "/" + Digest.sha256Hex(server + "\n" + (company ?? "")) }

    /// The file of one candidate's draft.
    public func path(candidateId: String) -> String { folder + "/" + Self.fileName(candidateId) + ".json" }

    /// A file name for an id: the id itself when it is a plain name, else a digest of it.
    static func fileName(_ id: String) -> String {
        let plain = !id.isEmpty && id.count <= 128 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == ".") }
        return plain ? id : "id-" + Digest.sha256Hex(id)
    }

    // MARK: - Writing

    /// Writes the draft now (atomically), replacing any earlier draft of the same candidate.
    /// - Throws: `DraftStoreError`.
    public func save(_ draft: CandidateDraft, now: Date = Date()) throws {
        try makeFolder()
        let saved = SavedDraft(server: server, company: company, savedAt: now, draft: draft)
        let data: Data
        do { data = try Self.encoder.encode(saved) } catch {
            throw DraftStoreError.cannotWrite(path: path(candidateId: draft.original.id), reason: "\(error)")
        }
        try writeAtomically(data, to: path(candidateId: draft.original.id))
    }

    /// Saves the draft when it changes something, else removes any stored draft of that
    /// candidate (a value changed and changed back leaves nothing behind).
    /// - Throws: `DraftStoreError`.
    public func record(_ draft: CandidateDraft, now: Date = Date()) throws {
        if draft.hasChanges { try save(draft, now: now) } else { try delete(candidateId: draft.original.id) }
    }

    /// Removes a candidate's draft (after it was sent or discarded). No error when there is none.
    /// - Throws: `DraftStoreError`.
    public func delete(candidateId: String) throws {
        let p = path(candidateId: candidateId)
        if unlink(p) != 0 && errno != ENOENT {
            throw DraftStoreError.cannotDelete(path: p, reason: String(cString: strerror(errno)))
        }
    }

    // MARK: - Reading

    /// A candidate's stored draft, or `nil` when there is none.
    /// - Throws: `DraftStoreError.cannotRead` when the file exists but cannot be read or decoded.
    public func load(candidateId: String) throws -> SavedDraft? {
        let p = path(candidateId: candidateId)
        guard FileManager.default.fileExists(atPath: p) else { return nil }
        return try read(p)
    }

    /// Every stored draft of this server and company, newest first. Files that cannot be
    /// read are skipped (see `unreadable()`); a missing folder is no drafts.
    public func list() -> [SavedDraft] {
        files().compactMap { try? read($0) }
            .filter { $0.server == server && $0.company == company }
            .sorted { ($0.savedAt, $0.candidateId) > ($1.savedAt, $1.candidateId) }
    }

    /// Draft files of this server and company that cannot be read or decoded.
    public func unreadable() -> [String] {
        files().filter { (try? read($0)) == nil }
    }

    private func files() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    private func read(_ p: String) throws -> SavedDraft {
        guard let data = FileManager.default.contents(atPath: p) else {
            throw DraftStoreError.cannotRead(path: p, reason: "not readable")
        }
        do { return try Self.decoder.decode(SavedDraft.self, from: data) } catch {
            throw DraftStoreError.cannotRead(path: p, reason: "not a draft file (\(error))")
        }
    }

    // MARK: - Files

    /// Creates `root` and this server's folder with mode 0700, and tightens the mode of any
    /// that existed with looser permissions.
    private func makeFolder() throws {
        for dir in [root, folder] {
            do {
                try PrivateFiles.makeFolder(dir, tighten: true)
            } catch let failure as PrivateFiles.Failure {
                throw DraftStoreError.cannotCreateFolder(path: dir, reason: failure.reason)
            }
        }
    }

    /// Temporary file (0600) in the same folder → write → fsync → rename over `target`.
    private func writeAtomically(_ data: Data, to target: String) throws {
        let temp = folder + "/.tmp-" + UUID().uuidString
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DraftStoreError.cannotWrite(path: target, reason: String(cString: strerror(errno))) }
        var ok = fchmod(fd, 0o600) == 0
        var failure = ok ? "" : String(cString: strerror(errno))
        if ok {
            ok = data.withUnsafeBytes { buf -> Bool in
                var offset = 0
                while offset < buf.count {
                    let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
                    if n < 0 { if errno == EINTR { continue }; return false }
                    offset += n
                }
                return true
            }
            if !ok { failure = String(cString: strerror(errno)) }
        }
        if ok && fsync(fd) != 0 { ok = false; failure = String(cString: strerror(errno)) }
        close(fd)
        if ok && rename(temp, target) != 0 { ok = false; failure = String(cString: strerror(errno)) }
        if !ok {
            unlink(temp)
            throw DraftStoreError.cannotWrite(path: target, reason: failure)
        }
    }

    private static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    private static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
