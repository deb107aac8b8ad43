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
    ///
    /// ASCII text is only lower-cased (all that folding does to it). Other text is folded by
    /// Foundation, then the letters that do not decompose are replaced in the same pass that
    /// reads the result: this runs for every candidate of every page, so no search-and-replace
    /// over the string per letter.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for u in folded.unicodeScalars {
            if let replacement = extra(u) { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    /// Letters that folding leaves as they are but a search should find by their base letters.
    private static func extra(_ u: Unicode.Scalar) -> String? {
        switch u {
        case "ø": return "o"
        case "đ": return "d"
        case "ł": return "l"
        case "ß": return "ss"
        case "æ": return "ae"
        case "œ": return "oe"
        case "ı": return "i"
        case "þ": return "th"
        default: return nil
        }
    }

    /// The byte between the parts of a haystack (U+001F, unit separator).
    public static let separator: UInt8 = 0x1F

    /// The folded haystack for a candidate: full name, email and phone (`+` and digits as sent),
    /// joined by `separator`. The part before the first separator is the folded name, the
    /// list's name sort key.
    public static func haystack(_ c: Candidate) -> [UInt8] {
        // Each part is folded alone (the separator is a cluster of its own, so this is the
        // same as folding the whole), which lets an ASCII email or phone skip Foundation.
        var bytes = Array(fold(c.fullName).utf8)
        bytes.append(separator)
        if let email = c.email { bytes += fold(email).utf8 }
        bytes.append(separator)
        if let phone = c.phoneNumber { bytes += fold(phone).utf8 }
        return bytes
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
