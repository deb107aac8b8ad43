import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folding for as-you-type search and name sorting: case- and diacritics-insensitive, so
/// `stastny` finds `Šťastný` and `Š` sorts with `S`.
///
/// Folding uses Foundation's `.caseInsensitive` + `.diacriticInsensitive` (+ width-insensitive)
/// and a few letters that do not decompose (ø, đ, ł, ß, æ, œ, ı).
public enum SearchText {
    /// The folded form of `text`, lower case, without diacritics.
    public static func fold(_ text: String) -> String {
        var s = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if s.unicodeScalars.contains(where: { $0.value > 0x7F }) {
            for (from, to) in extra { s = s.replacingOccurrences(of: from, with: to) }
        }
        return s
    }

    private static let extra: [(String, String)] = [("ø", "o"), ("đ", "d"), ("ł", "l"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ı", "i"), ("þ", "th")]

    /// The byte between the parts of a haystack (U+001F, unit separator).
    public static let separator: UInt8 = 0x1F

    /// The folded haystack for a candidate: full name, email and phone (`+` and digits as sent),
    /// joined by `separator`. The part before the first separator is the folded name, the
    /// list's name sort key.
    public static func haystack(_ c: Candidate) -> [UInt8] {
        let phone = c.phoneNumber ?? ""
        return Array(fold("\(c.fullName)\u{1F}\(c.email ?? "")\u{1F}\(phone)").utf8)
    }

    /// Whether the folded `needle` bytes occur in `haystack` (both folded); `memchr` finds
    /// each candidate position of the first byte, `memcmp` checks the rest.
    @inlinable
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count, h = haystack.count
        if n == 0 { return true }
        guard n <= h, let hb = haystack.baseAddress, let nb = needle.baseAddress else { return false }
        let first = Int32(nb.pointee)
        var i = 0
        let last = h - n
        while i <= last {
            guard let hit = memchr(hb + i, first, last - i + 1) else { return false }
            let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - hb
            if n == 1 || memcmp(hb + at + 1, nb + 1, n - 1) == 0 { return true }
            i = at + 1
        }
        return false
    }

    /// Whether the folded `needle` bytes occur in `haystack` (both folded).
    @inlinable
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in contains(h, n) } }
    }
}
