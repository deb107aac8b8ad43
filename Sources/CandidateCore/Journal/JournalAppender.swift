import Foundation
import NIOConcurrencyHelpers

/// Appends lines to a journal file kept open between records, under the same exclusive `flock`
/// as `Journal.prune` and other processes, so a bulk change of 1,000 candidates does not open,
/// stat and close the file 2,000 times.
///
/// Each append: lock the open file; when the path no longer names it (a prune renamed a new
/// file over it, or a purge removed it), open the file that is there now (made if missing) and
/// lock that; keep it private (0600); start on a new line when the file does not end with one
/// (a record cut short by a crash or a full disk must not swallow the next) — the last byte is
/// read only when the file is not as this process left it; write; unlock. Safe to share
/// between tasks: one append at a time.
final class JournalAppender: @unchecked Sendable {
    private let lock = NIOLock()
    /// The open file, or -1.
    private var fd: Int32 = -1
    private var device: UInt64 = 0
    private var inode: UInt64 = 0
    /// The file's size right after this process's last append (so its last byte is a newline),
    /// or -1 when unknown.
    private var sizeAfterAppend: Int64 = -1

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Appends `line` (ending in a newline) to the file at `path`.
    /// - Throws: `JournalError.cannotWrite` naming the file and the reason.
    func append(_ line: [UInt8], to path: String) throws {
        try lock.withLock {
            while true {
                if fd < 0 { try openFile(path) }
                if try appendLocked(line, path: path) { return }
                // The path names another file now: let this one go and open that.
                close(fd)
                fd = -1
            }
        }
    }

    /// Opens the file for appending, making it (and its folders) when missing.
    private func openFile(_ path: String) throws {
        var file = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        if file < 0, errno == ENOENT {
            do { try PrivateFiles.makeFile(path) } catch { throw JournalError.cannotWrite(path: path, reason: "\(error)") }
            file = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        }
        guard file >= 0 else { throw Self.failure(path) }
        var info = stat()
        guard fstat(file, &info) == 0 else {
            let error = Self.failure(path)
            close(file)
            throw error
        }
        fd = file
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        sizeAfterAppend = -1
    }

    /// Appends under the file lock; `false` (nothing written) when `path` no longer names the
    /// open file.
    private func appendLocked(_ line: [UInt8], path: String) throws -> Bool {
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw Self.failure(path) }
        }
        defer { flock(fd, LOCK_UN) }
        var named = stat(), held = stat()
        guard stat(path, &named) == 0, UInt64(named.st_ino) == inode, UInt64(named.st_dev) == device else { return false }
        guard fstat(fd, &held) == 0 else { throw Self.failure(path) }
        // Private however it was found (another program may have loosened it).
        if held.st_mode & 0o777 != 0o600, fchmod(fd, 0o600) != 0 { throw Self.failure(path) }
        var bytes = line
        var last: UInt8 = 0
        if held.st_size > 0, Int64(held.st_size) != sizeAfterAppend,
           pread(fd, &last, 1, held.st_size - 1) == 1, last != UInt8(ascii: "\n") {
            bytes.insert(UInt8(ascii: "\n"), at: 0)
        }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            sizeAfterAppend = -1
            throw JournalError.cannotWrite(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
        sizeAfterAppend = Int64(held.st_size) + Int64(written)
        return true
    }

    private static func failure(_ path: String) -> JournalError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}
