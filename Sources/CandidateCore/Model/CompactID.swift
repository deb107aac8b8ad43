/// A candidate id kept in 16 bytes when it is a UUID in lower case (`8-4-4-4-12` hex digits, as
/// the API sends ids), else as the string itself. Reads back as exactly the string it was made
/// from: an id in any other spelling (upper case, braces, not a UUID) is kept as sent.
///
/// Plans hold one per candidate: 100,000 ids as strings are 100,000 heap blocks (about 8 MB);
/// as UUIDs they sit inline.
public enum CompactID: Sendable, Hashable {
    /// The 32 hex digits, in order, as two 64-bit halves.
    case uuid(UInt64, UInt64)
    case text(String)

    public init(_ id: String) {
        var id = id
        self = id.withUTF8 { Self.uuid(utf8: $0) } ?? .text(id)
    }

    /// The id as it was given.
    public var string: String {
        switch self {
        case .text(let s): return s
        case .uuid(let high, let low):
            return String(unsafeUninitializedCapacity: 36) { buffer in
                let digits = Self.hexDigits
                var at = 0
                for i in 0..<32 {
                    if i == 8 || i == 12 || i == 16 || i == 20 { buffer[at] = UInt8(ascii: "-"); at += 1 }
                    let word = i < 16 ? high : low
                    let nibble = Int(truncatingIfNeeded: word >> UInt64(60 - 4 * (i % 16))) & 0xF
                    buffer[at] = digits[nibble]
                    at += 1
                }
                return at
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The two halves of a lower-case `8-4-4-4-12` UUID, or `nil`.
    private static func uuid(utf8 u: UnsafeBufferPointer<UInt8>) -> CompactID? {
        guard u.count == 36 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0, digit = 0
        for (i, b) in u.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard b == UInt8(ascii: "-") else { return nil }
                continue
            }
            let v: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = b - UInt8(ascii: "a") + 10
            default: return nil
            }
            if digit < 16 { high = high << 4 | UInt64(v) } else { low = low << 4 | UInt64(v) }
            digit += 1
        }
        return .uuid(high, low)
    }
}
