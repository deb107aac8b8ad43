import Foundation

/// Case- and diacritics-insensitive text for `search` (API page: `search` matches first name,
/// last name and maybe email; we match all three).
///
/// Both the stored search column and the query are folded the same way, so a plain substring
/// test finds `Šťastný` with `stastny`, `Nguyễn` with `nguyen` and `Ødegaard` with `odegaard`.
/// Letters that Unicode does not decompose into a base letter plus a mark (ø, đ, ł, ß, æ, œ, ı)
/// are mapped explicitly. CJK text passes through unchanged.
enum SearchFolding {
    /// The folded form of `text`.
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        guard folded.unicodeScalars.contains(where: { !$0.isASCII }) else { return folded }
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        for ch in folded {
            if let mapped = extra[ch] { out += mapped } else { out.append(ch) }
        }
        return out
    }

    /// The folded haystack stored per candidate: "first last" and the email, separated by a
    /// character no query contains, so `jan nov` finds Jan Novák but a match never runs from
    /// the name into the email.
    static func searchText(firstName: String, lastName: String, email: String?) -> String {
        fold(firstName + " " + lastName) + "\u{1}" + fold(email ?? "")
    }

    private static let extra: [Character: String] = [
        "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h",
    ]
}
