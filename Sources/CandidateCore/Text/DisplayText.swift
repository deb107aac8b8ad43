import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// The C library's `wcwidth(3)` (not exported by the Glibc module overlay).
@_silgen_name("wcwidth") private func c_wcwidth(_ wc: Int32) -> Int32

/// Turns text from the server into something safe to put on a terminal, and measures it in
/// terminal cells. Every server-provided string goes through it before it reaches curses or
/// standard output.
///
/// Server data is data, never control. Per grapheme cluster (`Character`):
/// - C0 and C1 control characters, DEL and the Unicode bidirectional controls (overrides,
///   embeddings, isolates, LRM/RLM/ALM) and line/paragraph separators become `�`; ESC becomes
///   `␛` so an escape sequence in data stays recognisable; a newline or tab becomes a space.
/// - Width is what curses will count: the sum of `wcwidth` over the cluster's scalars, taken
///   in a UTF-8 locale whatever the process's locale (CJK 2, combining marks 0).
/// - An emoji sequence (ZWJ, variation selector, skin-tone modifier, keycap, tag sequence) is
///   shown as its first emoji only: terminals disagree on how wide a joined sequence is, and
///   curses would count every part, so columns would drift. Flags stay whole.
/// - A character the C library cannot measure (unassigned) becomes `�`.
///
/// With `Charset.ascii` (the locale's codeset is not UTF-8) every non-ASCII cluster becomes
/// `?` (a few punctuation marks the screens use become their ASCII look-alikes), every
/// cluster is 1 cell, and a cut ends in `~` instead of `…`.
///
/// Only what is shown changes; values are stored unchanged.
public enum DisplayText {
    /// What the terminal can show.
    public enum Charset: Sendable, Equatable {
        /// UTF-8: any printable character.
        case unicode
        /// ASCII only (a non-UTF-8 locale such as `LANG=C`).
        case ascii
    }

    /// The charset every function uses by default. The terminal layer sets it once at
    /// start-up from the locale's codeset; it is `.unicode` until then.
    public static var charset: Charset {
        get { charsetStore.withLockedValue { $0 } }
        set { charsetStore.withLockedValue { $0 = newValue } }
    }

    /// Placeholder for a control character.
    public static let controlPlaceholder: Character = "\u{FFFD}"
    /// Placeholder for ESC, so an escape sequence in data stays recognizable.
    public static let escapePlaceholder: Character = "\u{241B}"
    /// Placeholder for anything an ASCII terminal cannot show.
    public static let asciiPlaceholder: Character = "?"

    /// What ends a cut text: `…`, or `~` in ASCII.
    public static func ellipsis() -> String { ellipsis(charset) }

    /// `ellipsis()` for a given charset.
    public static func ellipsis(_ charset: Charset) -> String {
        charset == .ascii ? "~" : "…"
    }

    /// The text with every control character and bidi control made visible, on one line, in
    /// the form the terminal shows (see the type's documentation).
    public static func sanitize(_ text: String) -> String { sanitize(text, charset: charset) }

    /// `sanitize(_:)` for a given charset.
    public static func sanitize(_ text: String, charset: Charset) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text { out += displayForm(of: ch, charset: charset).text }
        return out
    }

    /// Whether a scalar must not reach a terminal raw: C0, DEL, C1, the bidi controls
    /// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and the line/paragraph
    /// separators (U+2028, U+2029).
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        case 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Cells one grapheme cluster takes on a terminal, as shown (0, 1 or 2; more only for a
    /// flag or a cluster of several spacing characters, which curses counts the same way).
    public static func width(of ch: Character) -> Int { width(of: ch, charset: charset) }

    /// `width(of:)` for a given charset.
    public static func width(of ch: Character, charset: Charset) -> Int {
        displayForm(of: ch, charset: charset).width
    }

    /// Cells the text takes on a terminal, as shown.
    public static func width(_ text: String) -> Int { width(text, charset: charset) }

    /// `width(_:)` for a given charset.
    public static func width(_ text: String, charset: Charset) -> Int {
        var w = 0
        for ch in text { w += displayForm(of: ch, charset: charset).width }
        return w
    }

    /// The text as shown, cut to at most `cells` cells, ending in `…` (`~` in ASCII) when
    /// cut, never splitting a cluster or a wide character.
    public static func truncate(_ text: String, to cells: Int) -> String { truncate(text, to: cells, charset: charset) }

    /// `truncate(_:to:)` for a given charset.
    public static func truncate(_ text: String, to cells: Int, charset: Charset) -> String {
        guard cells > 0 else { return "" }
        // Reads only as far as needed: a long CV costs no more than its first `cells` cells.
        var out = ""
        var kept = ""       // what fits in `cells - 1`, in case the text must be cut
        var used = 0
        for ch in text {
            let part = displayForm(of: ch, charset: charset)
            if used + part.width > cells { return kept + ellipsis(charset) }
            if used + part.width <= cells - 1 { kept += part.text }
            out += part.text
            used += part.width
        }
        return out
    }

    /// The text as shown, in lines of at most `cells` cells, broken at spaces where it can be
    /// (a word longer than a line is cut into pieces). Always at least one line.
    public static func wrap(_ text: String, to cells: Int) -> [String] {
        let cells = max(1, cells)
        var lines: [String] = []
        var line = "", lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var w = String(word), ww = width(w)
            if lineWidth > 0 && lineWidth + 1 + ww <= cells {
                line += " " + w; lineWidth += 1 + ww
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            while ww > cells {
                // A word wider than a line: as many whole clusters as fit.
                var piece = "", pw = 0
                var rest = Substring(w)
                while let ch = rest.first {
                    let cw = width(String(ch))
                    if pw + cw > cells && pw > 0 { break }
                    piece.append(ch); pw += cw; rest = rest.dropFirst()
                }
                lines.append(piece)
                w = String(rest); ww = width(w)
            }
            line = w; lineWidth = ww
        }
        lines.append(line)
        return lines
    }

    /// Sanitized, cut to `cells` and padded with spaces to exactly `cells` cells.
    public static func fit(_ text: String, to cells: Int, alignRight: Bool = false) -> String {
        fit(text, to: cells, alignRight: alignRight, charset: charset)
    }

    /// `fit(_:to:alignRight:)` for a given charset.
    public static func fit(_ text: String, to cells: Int, alignRight: Bool = false, charset: Charset) -> String {
        let t = truncate(text, to: cells, charset: charset)
        let pad = String(repeating: " ", count: max(0, cells - width(t, charset: charset)))
        return alignRight ? pad + t : t + pad
    }

    // MARK: - Hidden characters

    /// The scalars of `text` that the screen does not show as they are: control and bidi
    /// characters (shown as placeholders), line breaks and tabs (shown as spaces), zero-width
    /// characters such as U+200B (shown as nothing), what the C library cannot measure, and
    /// the parts of an emoji sequence after its first emoji. Measured as in a UTF-8 terminal,
    /// whatever the charset: it says what the value holds, not what this terminal can draw.
    public static func hiddenScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for ch in text {
            switch displayForm(of: ch, charset: .unicode).hidden {
            case .none: break
            case .all: out += ch.unicodeScalars
            case .allButFirst: out += ch.unicodeScalars.dropFirst()
            case .unmeasurable: out += ch.unicodeScalars.filter { scalarWidth($0) < 0 }
            }
        }
        return out
    }

    /// `N hidden: U+200B U+001B` (at most `listed` code points, then `…`), or `nil` when the
    /// text shows as it is. Beside a form field and in the save confirmation, so what the
    /// screen cannot show is still known to be there.
    public static func hiddenNote(_ text: String, listed: Int = 4) -> String? {
        let hidden = hiddenScalars(text)
        guard !hidden.isEmpty else { return nil }
        var codes = hidden.prefix(listed).map { "U+" + String(format: "%04X", $0.value) }
        if hidden.count > listed { codes.append("…") }
        return "\(hidden.count) hidden: " + codes.joined(separator: " ")
    }

    // MARK: - One cluster

    /// Which scalars of a cluster its display form does not show as they are.
    enum Hidden { case none, all, allButFirst, unmeasurable }

    /// How one cluster is shown, its width in cells, and which of its scalars are not shown as they are.
    static func displayForm(of ch: Character, charset: Charset) -> (text: String, width: Int, hidden: Hidden) {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return ("", 0, .none) }
        // Printable ASCII, the common case.
        if first.value >= 0x20 && first.value < 0x7F && scalars.count == 1 { return (String(ch), 1, .none) }
        if ch == "\n" || ch == "\r\n" || ch == "\r" || ch == "\t" { return (" ", 1, .all) }
        if scalars.contains(where: isControl) {
            // Controls are clusters of their own (but CR LF); one placeholder per control.
            var out = ""
            var n = 0
            for s in scalars where isControl(s) {
                out.append(charset == .ascii ? asciiPlaceholder : (s.value == 0x1B ? escapePlaceholder : controlPlaceholder))
                n += 1
            }
            return (out, n, .all)
        }
        // In ASCII every cluster is shown as itself or `?`; `hiddenScalars` always measures as UTF-8.
        if charset == .ascii {
            if scalars.count == 1 && first.isASCII { return (String(ch), 1, .none) }
            return (String(asciiLookAlike[first] ?? asciiPlaceholder), 1, .none)
        }
        let w0 = scalarWidth(first)
        if w0 < 0 { return (String(controlPlaceholder), 1, .all) }
        if w0 == 0 {
            // A cluster that starts with a mark has nothing to sit on: give it a space, which
            // then counts like any base (a spacing mark after it still takes its cell). Other
            // zero-width characters alone (ZWSP, BOM, a lone joiner) show nothing.
            if isMark(first) { return measured(scalars, onSpace: true) }
            return ("", 0, .all)
        }
        if scalars.count == 1 { return (String(ch), w0, .none) }
        if scalars.contains(where: isEmojiSequencePart) { return (String(first), w0, .allButFirst) }
        return measured(scalars, onSpace: false)
    }

    /// A cluster shown scalar by scalar, as curses counts it: the sum of each scalar's width,
    /// without the scalars the C library cannot measure; `onSpace` puts a space before it.
    private static func measured(_ scalars: String.UnicodeScalarView, onSpace: Bool) -> (text: String, width: Int, hidden: Hidden) {
        var w = onSpace ? 1 : 0
        var out = String.UnicodeScalarView()
        if onSpace { out.append(" ") }
        var dropped = false
        for s in scalars {
            let sw = scalarWidth(s)
            if sw < 0 { dropped = true; continue }
            out.append(s)
            w += sw
        }
        return (String(out), w, dropped ? .unmeasurable : .none)
    }

    /// Scalars that make an emoji sequence: ZWJ, variation selectors 15/16, skin-tone
    /// modifiers, the keycap mark, and tag characters.
    static func isEmojiSequencePart(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F: return true
        default: return false
        }
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// `wcwidth` in a UTF-8 locale (so tests and a process in any UTF-8 locale agree with
    /// curses), capped at 2; -1 for what it cannot print.
    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        if s.value >= 0x20 && s.value < 0x7F { return 1 }
        let w: Int32
        if let loc = utf8Locale {
            let old = uselocale(loc)
            w = c_wcwidth(Int32(bitPattern: s.value))
            uselocale(old)
        } else {
            return approximateWidth(s)
        }
        return w < 0 ? -1 : min(Int(w), 2)
    }

    /// Used only when no UTF-8 locale exists on the machine.
    static func approximateWidth(_ s: Unicode.Scalar) -> Int {
        if isMark(s) || s.properties.generalCategory == .format { return 0 }
        if s.properties.isEmojiPresentation { return 2 }
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return s.properties.generalCategory == .unassigned ? -1 : 1
        }
    }

    /// ASCII stand-ins for punctuation the screens themselves use.
    static let asciiLookAlike: [Unicode.Scalar: Character] = [
        "\u{2026}": ".", "\u{00B7}": "-", "\u{2014}": "-", "\u{2013}": "-", "\u{2010}": "-", "\u{2011}": "-",
        "\u{2212}": "-", "\u{2192}": ">", "\u{2190}": "<", "\u{2191}": "^", "\u{2193}": "v", "\u{25B8}": ">",
        "\u{25B6}": ">", "\u{203A}": ">", "\u{2039}": "<", "\u{00D7}": "x", "\u{2018}": "'", "\u{2019}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{2022}": "*", "\u{00A0}": " ", "\u{2500}": "-",
    ]
}

/// A C.UTF-8 (or any UTF-8) locale for measuring widths, whatever the process's locale.
nonisolated(unsafe) private let utf8Locale: locale_t? = {
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"] {
        if let loc = newlocale(Int32(1) << LC_CTYPE, name, nil) { return loc }
    }
    return nil
}()

/// The process-wide charset (`DisplayText.charset`), behind a lock.
private let charsetStore = NIOLockedValueBox(DisplayText.Charset.unicode)
