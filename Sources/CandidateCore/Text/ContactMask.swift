/// Masks a candidate's email and phone for privacy mode, so a screen shared or recorded shows
/// enough to tell candidates apart and no more: `lucia.garcia@example.org` reads
/// `l•••••@example.org`, `+34612349708` reads `+34 •••••9708`.
///
/// Display only: what is stored, compared and sent is always the exact value. The mask
/// character is `•`, or `*` when the terminal is not UTF-8 (`DisplayText.Charset.ascii`).
/// Odd values (no `@`, very short, non-ASCII, empty) never reveal more than a typical value
/// does: at most one leading letter of an email's name, a phone's country code and last 4
/// digits.
public enum ContactMask {
    /// Mask characters standing for an email's name, whatever its length (the length is hidden too).
    public static let emailDots = 5

    /// The character that stands for hidden text: `•`, or `*` for `charset == .ascii`.
    public static func dot(_ charset: DisplayText.Charset = DisplayText.charset) -> Character {
        charset == .ascii ? "*" : "•"
    }

    /// `value` masked when `field` is the email or the phone; any other field's text as it is.
    public static func masked(_ field: CandidateField, _ value: String, charset: DisplayText.Charset = DisplayText.charset) -> String {
        switch field {
        case .email: return email(value, charset: charset)
        case .phoneNumber: return phone(value, charset: charset)
        default: return value
        }
    }

    /// An email masked: its name's first letter (kept only when it is a letter or digit and the
    /// name has at least 3 characters), `emailDots` dots, then `@` and the whole domain
    /// (after the last `@`). Without an `@` the whole value is treated as the name. Empty or
    /// blank stays empty.
    public static func email(_ value: String, charset: DisplayText.Charset = DisplayText.charset) -> String {
        let trimmed = value.trimmingSpaces()
        guard !trimmed.isEmpty else { return "" }
        let dots = String(repeating: dot(charset), count: emailDots)
        let name: Substring, domain: Substring?
        if let at = trimmed.lastIndex(of: "@") {
            name = trimmed[..<at]
            domain = trimmed[trimmed.index(after: at)...]
        } else {
            name = Substring(trimmed)
            domain = nil
        }
        var out = ""
        if name.count >= 3, let first = name.unicodeScalars.first, isPlainLetterOrDigit(first),
           name.first?.unicodeScalars.count == 1 {
            out.unicodeScalars.append(first)
        }
        out += dots
        if let domain { out += "@" + domain }
        return out
    }

    /// A phone masked: a leading `+` and the country code (its length from the ITU's list of
    /// calling codes), every other digit or character as a dot except the last 4 digits, and
    /// the separators (space, `-`, `.`, `(`, `)`, `/`) where they were. A space follows the
    /// country code when the value has none there (`+34 •••••9708`). The last 4 show only when
    /// at least 4 more are hidden, and only if they are ASCII digits. Empty or blank stays empty.
    public static func phone(_ value: String, charset: DisplayText.Charset = DisplayText.charset) -> String {
        let chars = Array(value.trimmingSpaces())
        guard !chars.isEmpty else { return "" }
        let dot = dot(charset)
        var out = ""
        var rest = chars[...]
        if chars.first == "+" {
            let digits = chars.dropFirst().prefix(while: { $0.isASCII && $0.isNumber })
            let code = digits.prefix(callingCodeLength(String(digits)))
            if !code.isEmpty {
                out = "+" + String(code)
                rest = chars[(1 + code.count)...]
                if let next = rest.first, !isSeparator(next) { out += " " }
            }
        }
        // The hidden characters: everything but the separators.
        let hidden = rest.indices.filter { !isSeparator(rest[$0]) }
        let tail = hidden.suffix(4)
        let showTail = hidden.count >= 8 && tail.allSatisfy { rest[$0].isASCII && rest[$0].isNumber }
        let shown = showTail ? Set(tail) : []
        for i in rest.indices {
            out.append(isSeparator(rest[i]) || shown.contains(i) ? rest[i] : dot)
        }
        return out
    }

    /// How many of `digits` (the digits after `+`) are the country calling code: 1 for `1`
    /// and `7`, 2 for the two-digit codes of ITU-T E.164's list, else 3 (never more than there are).
    public static func callingCodeLength(_ digits: String) -> Int {
        let d = Array(digits.prefix(2))
        guard let first = d.first else { return 0 }
        if first == "1" || first == "7" { return 1 }
        guard d.count == 2 else { return d.count }
        return twoDigitCodes.contains(String(d)) ? 2 : min(3, digits.count)
    }

    /// The two-digit country calling codes (ITU-T E.164 assignments).
    static let twoDigitCodes: Set<String> = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
        "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ]

    /// Characters a phone number is laid out with, kept where they are.
    static func isSeparator(_ c: Character) -> Bool { " -.()/".contains(c) }

    /// A letter or digit standing alone (not a mark, control or symbol).
    static func isPlainLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic && !s.properties.isDiacritic && s.properties.generalCategory != .nonspacingMark
            || s.properties.numericType == .decimal
    }
}

private extension String {
    /// Without leading and trailing white space and line breaks.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
