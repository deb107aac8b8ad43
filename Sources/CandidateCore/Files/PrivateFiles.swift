import Foundation

/// Files that hold candidate data (the sandbox database, drafts, logs, request logs) are
/// readable by their owner only: files mode 0600, the folders the product creates for them 0700.
public enum PrivateFiles {
    /// Why a private file or folder could not be made.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "Cannot create \(path): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Creates `path` and each missing folder above it with mode 0700. Folders that already
    /// exist keep their mode (a shared parent such as `/tmp` is never changed), except `path`
    /// itself when `tighten` is set: it is made 0700.
    /// - Throws: `Failure` when a folder cannot be made (a file in the way, no permission).
    public static func makeFolder(_ path: String, tighten: Bool = false) throws {
        // A bare file name lives in the current folder: nothing to make.
        guard !path.isEmpty else { return }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw Failure(path: path, reason: "a file is in the way") }
        } else {
            let parent = Self.parent(of: path)
            if !parent.isEmpty, parent != path { try makeFolder(parent) }
            if mkdir(path, 0o700) != 0 && errno != EEXIST { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            // mkdir's mode is reduced by the umask; say it once more.
            _ = chmod(path, 0o700)
            return
        }
        if tighten, chmod(path, 0o700) != 0 { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Makes sure the file at `path` exists with mode 0600 (created empty when missing, its
    /// mode tightened when it exists), creating missing folders above it with mode 0700.
    /// - Throws: `Failure`.
    public static func makeFile(_ path: String) throws {
        try makeFolder(Self.parent(of: path))
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if fchmod(fd, 0o600) != 0 { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }

    /// The folder part of `path`: `""` for a bare name (the current folder), `/` for a file at
    /// the root; trailing slashes are ignored. Plain string work on `/`: no `~` or other
    /// special names (Foundation's path methods treat `~` specially and trap on a bare `~`).
    public static func parent(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        let head = p[..<slash]
        return head.isEmpty ? "/" : String(head)
    }
}
