import CandidateCore

/// How the list's rows and the marks store an id in their byte buffers: a lower-case UUID (as
/// the API sends ids) in 17 bytes instead of 37, any other id as its text. Reads back as exactly
/// the id stored.
///
/// Layout: a varint header, then the payload. Header 1: the 16 bytes of a UUID follow
/// (`CompactID.uuid`, big-endian halves, so packed ids order as their text does). Header
/// `2 × n`: `n` bytes of UTF-8 text follow. Every id has one stored form, so ids are equal
/// exactly when their stored bytes are, and tables hash and compare those bytes.
enum StoredID {
    static let packedHeader: UInt8 = 1
    static let packedSize = 17

    /// The bytes `id` takes stored, header included.
    static func size(_ id: CompactID) -> Int {
        switch id {
        case .uuid: return packedSize
        case .text(let text): return headerSize(text.utf8.count * 2) + text.utf8.count
        }
    }

    /// Writes `id` stored at `p` (`size(id)` bytes) and returns how many bytes it wrote.
    static func write(_ id: CompactID, to p: UnsafeMutablePointer<UInt8>) -> Int {
        switch id {
        case .uuid(let high, let low):
            p[0] = packedHeader
            for i in 0..<8 {
                p[1 + i] = UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * i))
                p[9 + i] = UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * i))
            }
            return packedSize
        case .text(let text):
            var n = text.utf8.count * 2, at = 0
            while n >= 0x80 { p[at] = UInt8(n & 0x7F) | 0x80; at += 1; n >>= 7 }
            p[at] = UInt8(n); at += 1
            for b in text.utf8 { p[at] = b; at += 1 }
            return at
        }
    }

    /// Calls `body` with the stored form of `id`.
    static func withForm<R>(_ id: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let compact = CompactID(id)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size(compact)) { buffer in
            let n = write(compact, to: buffer.baseAddress!)
            return body(UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    private static func headerSize(_ n: Int) -> Int {
        var n = n, size = 1
        while n >= 0x80 { n >>= 7; size += 1 }
        return size
    }

    /// The bytes of the stored id at `p`, header included.
    static func length(at p: UnsafePointer<UInt8>) -> Int {
        var (header, size) = readHeader(p)
        if header == Int(packedHeader) { return packedSize }
        header /= 2
        return size + header
    }

    /// The id stored at `p`.
    static func string(at p: UnsafePointer<UInt8>) -> String {
        let (header, size) = readHeader(p)
        if header == Int(packedHeader) {
            var high: UInt64 = 0, low: UInt64 = 0
            for i in 0..<8 {
                high = high << 8 | UInt64(p[1 + i])
                low = low << 8 | UInt64(p[9 + i])
            }
            return CompactID.uuid(high, low).string
        }
        return String(decoding: UnsafeBufferPointer(start: p + size, count: header / 2), as: UTF8.self)
    }

    /// Whether the stored id at `a` comes before the one at `b` in the order of their text's
    /// UTF-8 bytes (the order of `String`'s `<` for ids in normal form).
    static func precedes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>) -> Bool {
        if a.pointee == packedHeader && b.pointee == packedHeader {
            return UnsafeBufferPointer(start: a + 1, count: 16).lexicographicallyPrecedes(UnsafeBufferPointer(start: b + 1, count: 16))
        }
        return string(at: a).utf8.lexicographicallyPrecedes(string(at: b).utf8)
    }

    /// The header's value and how many bytes it takes.
    private static func readHeader(_ p: UnsafePointer<UInt8>) -> (value: Int, size: Int) {
        var n = 0, shift = 0, i = 0
        while true {
            let b = p[i]; i += 1
            n |= Int(b & 0x7F) << shift
            if b < 0x80 { return (n, i) }
            shift += 7
        }
    }
}
