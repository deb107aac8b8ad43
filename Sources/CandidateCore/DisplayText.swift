/// The C library's `wcwidth(3)` (not exported by the Glibc module overlay).
@_silgen_name("wcwidth") private func c_wcwidth(_ wc: Int32) -> Int32

/// Turns text from the server into something safe to put on a terminal, and measures it in
/// terminal cells.
///
/// Server data is data, never control: C0 and C1 control characters, DEL, ESC and the
/// Unicode bidirectional overrides are replaced by visible placeholders (`␛` for ESC,
/// `�` for the rest; a newline or tab becomes a space) before anything reaches curses or
/// standard output. Widths are counted per grapheme cluster (`Character`) with the C
/// library's `wcwidth`, so CJK counts 2 cells, combining marks 0, and an emoji sequence 2.
/// Requires `setlocale` with a UTF-8 codeset to have run for exact widths.
public enum DisplayText {
    /// Placeholder for a control character.
    public static let controlPlaceholder: Character = "\u{FFFD}"
    /// Placeholder for ESC, so an escape sequence in data stays recognizable.
    public static let escapePlaceholder: Character = "\u{241B}"

    /// The text with every control character and bidi override made visible; one line.
    public static func sanitize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            if ch.unicodeScalars.allSatisfy({ !isControl($0) }) { out.append(ch); continue }
            if ch == "\n" || ch == "\r\n" || ch == "\t" || ch == "\r" { out.append(" "); continue }
            if ch.unicodeScalars.first?.value == 0x1B { out.append(escapePlaceholder); continue }
            // Keep any harmless scalars of a cluster that contains a control.
            for scalar in ch.unicodeScalars {
                if isControl(scalar) { out.append(scalar.value == 0x1B ? escapePlaceholder : controlPlaceholder) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether a scalar must not reach a terminal raw: C0, DEL, C1, and bidi controls
    /// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// Cells one grapheme cluster takes on a terminal (0, 1 or 2).
    public static func width(of ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation
        if first.properties.isEmojiPresentation { return 2 }
        let w = Int(c_wcwidth(Int32(bitPattern: first.value)))
        if w < 0 { return 1 }
        return min(w, 2)
    }

    /// Cells the text takes on a terminal.
    public static func width(_ text: String) -> Int {
        var w = 0
        for ch in text { w += width(of: ch) }
        return w
    }

    /// The text cut to at most `cells` cells, ending in `…` when cut, never splitting a
    /// cluster or a wide character.
    public static func truncate(_ text: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        if width(text) <= cells { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = width(of: ch)
            if used + w > cells - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Sanitized, cut to `cells` and padded with spaces to exactly `cells` cells.
    public static func fit(_ text: String, to cells: Int, alignRight: Bool = false) -> String {
        let t = truncate(sanitize(text), to: cells)
        let pad = String(repeating: " ", count: max(0, cells - width(t)))
        return alignRight ? pad + t : t + pad
    }
}
