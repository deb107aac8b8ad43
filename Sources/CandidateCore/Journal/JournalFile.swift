import Foundation
import NIOConcurrencyHelpers

/// A journal's file kept open between records, and locked (`flock`, exclusive) for each
/// append and for a prune, against other processes: a bulk change of 1,000 candidates does not
/// open, stat and close the file 2,000 times.
///
/// An append starts on a new line when the file does not end with one (a record cut short by a
/// crash or a full disk must not swallow the next); the last byte is read only when the file
/// is not as this process left it. Safe to share between tasks: one use at a time.
final class JournalFile: @unchecked Sendable {
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
        try withLockedFile(path) { fd, size in
            var bytes = line
            var last: UInt8 = 0
            if size > 0, size != sizeAfterAppend, pread(fd, &last, 1, off_t(size - 1)) == 1, last != UInt8(ascii: "\n") {
                bytes.insert(UInt8(ascii: "\n"), at: 0)
            }
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == bytes.count else {
                sizeAfterAppend = -1
                throw JournalError.cannotWrite(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
            }
            sizeAfterAppend = size + Int64(written)
        }
    }

    /// Runs `body` with the file at `path` open for appending (made if missing), exclusively
    /// locked (`flock`) and private (0600), passing its descriptor and size. When the path no
    /// longer names the file held open (a prune renamed a new one over it while this process
    /// waited for the lock, or a purge removed it), the file there now is opened and locked
    /// instead: a record appended while another process prunes is never lost.
    /// - Throws: `JournalError.cannotWrite` when the file cannot be made, opened or locked, or what `body` throws.
    func withLockedFile<T>(_ path: String, _ body: (_ fd: Int32, _ size: Int64) throws -> T) throws -> T {
        try lock.withLock {
            while true {
                if fd < 0 { try openFile(path) }
                while flock(fd, LOCK_EX) != 0 {
                    guard errno == EINTR else { throw Self.failure(path) }
                }
                var named = stat(), held = stat()
                guard stat(path, &named) == 0, UInt64(named.st_ino) == inode, UInt64(named.st_dev) == device else {
                    close(fd)  // and with it the lock
                    fd = -1
                    continue
                }
                defer { flock(fd, LOCK_UN) }
                guard fstat(fd, &held) == 0 else { throw Self.failure(path) }
                // Private however it was found (another program may have loosened it).
                if held.st_mode & 0o777 != 0o600, fchmod(fd, 0o600) != 0 { throw Self.failure(path) }
                return try body(fd, Int64(held.st_size))
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

    private static func failure(_ path: String) -> JournalError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}
