import Foundation

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

    /// The folded haystack for a candidate: name, email and phone (digits with and without `+`).
    public static func haystack(_ c: Candidate) -> [UInt8] {
        let phone = c.phoneNumber ?? ""
        return Array(fold("\(c.firstName) \(c.lastName)\u{1F}\(c.email ?? "")\u{1F}\(phone)").utf8)
    }

    /// Whether the folded `needle` bytes occur in `haystack` (plain byte search; both folded).
    @inlinable
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = haystack.count
        if n == 0 { return true }
        if n > h { return false }
        let first = needle[0]
        return haystack.withUnsafeBufferPointer { hb in
            needle.withUnsafeBufferPointer { nb in
                var i = 0
                let last = h - n
                while i <= last {
                    if hb[i] == first {
                        var j = 1
                        while j < n && hb[i + j] == nb[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
