import CandidateCore

/// A one-line text editor over the exact text of a form field: a value, no curses.
///
/// The text is kept scalar for scalar as given and as typed; nothing is sanitized or cut
/// here (that happens only where text is drawn, in `view(width:scroll:)`). The cursor is a
/// count of Unicode scalars and always sits at a grapheme-cluster boundary. A typed scalar
/// is inserted as it is, so a combining mark, a zero-width joiner, a variation selector or a
/// skin-tone modifier joins the cluster before it: terminals deliver a decomposed `é` or an
/// emoji ZWJ sequence one scalar at a time. Moving and deleting work on whole clusters.
struct LineEditor: Equatable {
    /// The exact text.
    private(set) var text: String
    /// Unicode scalars before the cursor; always a cluster boundary.
    private(set) var cursor: Int

    /// An editor over `text` with the cursor at scalar offset `cursor` (clamped, and moved
    /// forward to the next cluster boundary), or at the end when `nil`.
    init(text: String, cursor: Int? = nil) {
        self.text = text
        self.cursor = 0
        self.cursor = snapped(cursor ?? Int.max)
    }

    /// Keys that edit or move within a typed field (docs/keys.md, Form).
    static func isEditingKey(_ key: Key) -> Bool {
        switch key {
        case .char, .left, .right, .home, .end, .backspace, .delete, .ctrl("u"), .ctrl("k"), .ctrl("a"), .ctrl("e"): return true
        default: return false
        }
    }

    /// Applies an editing key (`isEditingKey`); other keys change nothing.
    mutating func apply(_ key: Key) {
        let b = boundaries
        switch key {
        case .char(let ch): insert(String(ch))
        case .left: cursor = b.last(where: { $0 < cursor }) ?? 0
        case .right: cursor = b.first(where: { $0 > cursor }) ?? cursor
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = b.last ?? 0
        case .backspace:
            if let start = b.last(where: { $0 < cursor }) { remove(start..<cursor) }
        case .delete:
            if let end = b.first(where: { $0 > cursor }) { remove(cursor..<end) }
        case .ctrl("u"): remove(0..<(b.last ?? 0))
        case .ctrl("k"): remove(cursor..<(b.last ?? 0))
        default: break
        }
    }

    /// Inserts typed or pasted text at the cursor, scalar for scalar, leaving out control
    /// characters (`DisplayText.isControl`: a key never types one); the cursor ends after it.
    mutating func insert(_ typed: String) {
        let scalars = typed.unicodeScalars.filter { !DisplayText.isControl($0) }
        guard !scalars.isEmpty else { return }
        var view = text.unicodeScalars
        view.insert(contentsOf: scalars, at: scalarIndex(cursor))
        text = String(view)
        // The inserted text may join the cluster after it (a mark before a lone mark): the
        // cursor goes to the end of that cluster.
        cursor = snapped(cursor + scalars.count)
    }

    /// Text for a one-line field from a paste: every line break and tab becomes a space.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    // MARK: drawing

    /// What a field `width` cells wide shows.
    struct Viewport: Equatable {
        /// Scalar offset of the first cluster shown: pass it back as `scroll` next time, so
        /// the field scrolls only when the cursor leaves it.
        var scroll: Int
        /// The shown clusters in display form (`DisplayText.sanitize`), at most `width` cells.
        var text: String
        /// Cells from the field's left edge to the cursor.
        var cursorColumn: Int
    }

    /// The part of the text a field `width` cells wide shows, starting at `scroll` (a scalar
    /// offset) unless the cursor is outside it, with one cell kept for the cursor after the
    /// text. Each cluster is drawn and measured as `DisplayText` shows it (a control as its
    /// placeholder), except that one showing as nothing takes a cell as `�`.
    func view(width: Int, scroll: Int) -> Viewport {
        let width = max(1, width)
        var starts: [Int] = [], shown: [String] = [], widths: [Int] = []
        var offset = 0
        for ch in text {
            starts.append(offset)
            let form = DisplayText.sanitize(String(ch))
            // A character that shows as nothing (a zero-width space, a lone joiner) takes a cell
            // as `�` here, so the cursor is seen to step over it and it is deleted knowingly.
            let invisible = form.isEmpty
            shown.append(invisible ? String(DisplayText.controlPlaceholder) : form)
            widths.append(invisible ? 1 : DisplayText.width(of: ch))
            offset += ch.unicodeScalars.count
        }
        let cursorIndex = starts.firstIndex(where: { $0 >= cursor }) ?? starts.count
        var first = min(starts.firstIndex(where: { $0 >= scroll }) ?? starts.count, cursorIndex)
        var before = widths[first..<cursorIndex].reduce(0, +)
        while first < cursorIndex && before + 1 > width {
            before -= widths[first]
            first += 1
        }
        var out = "", used = 0
        for i in first..<starts.count {
            if used + widths[i] > width { break }
            out += shown[i]
            used += widths[i]
        }
        return Viewport(scroll: first < starts.count ? starts[first] : offset, text: out, cursorColumn: before)
    }

    // MARK: positions

    /// Scalar offsets of every cluster boundary: 0, the end of each cluster.
    private var boundaries: [Int] {
        var b = [0]
        var n = 0
        for ch in text {
            n += ch.unicodeScalars.count
            b.append(n)
        }
        return b
    }

    /// The first cluster boundary at or after `offset` (the end for anything past it).
    private func snapped(_ offset: Int) -> Int {
        boundaries.first(where: { $0 >= offset }) ?? text.unicodeScalars.count
    }

    private func scalarIndex(_ offset: Int) -> String.Index {
        text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset)
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var view = text.unicodeScalars
        view.removeSubrange(scalarIndex(range.lowerBound)..<scalarIndex(range.upperBound))
        text = String(view)
        cursor = snapped(range.lowerBound)
    }
}
