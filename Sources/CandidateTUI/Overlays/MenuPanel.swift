import CandidateCore

/// A menu in a boxed panel centred on the screen, the title on the top border.
///
/// ```
/// ┌─ Jana Nováková: APPLIED ───────┐
/// │                                │
/// │ > IN_PROCESS  next step        │
/// │   REJECTED    next step        │
/// │   ── Other ── (dim)            │
/// │   UNDEFINED   override         │
/// │                                │
/// └────────────────────────────────┘
/// ```
/// Each item is a label column and a detail column; the item under the cursor has `> ` before
/// it and its columns in reverse video, the others `  `; headings (not selectable) are dim. A
/// toggle list names its keys on the bottom border. The cursor is the model's `menuCursor`;
/// when the items outgrow the panel the view scrolls a line at a time to keep it in sight.
struct MenuPanel: Equatable, Sendable {
    var title: String
    var items: [MenuItem]
    /// A toggle list (the jobs picker): Space toggles, Enter keeps.
    var multi: Bool
    /// The item under the cursor.
    var cursor: Int

    /// The model's open menu with its cursor, or `nil` when no menu is open.
    init?(_ model: AppModel) {
        guard let m = model.menu() else { return nil }
        self.init(title: m.title, items: m.items, multi: m.multi, cursor: model.menuCursor)
    }

    init(title: String, items: [MenuItem], multi: Bool, cursor: Int) {
        self.title = title
        self.items = items
        self.multi = multi
        self.cursor = cursor
    }

    /// The first item shown when `visible` items fit, given the one shown before: the view
    /// scrolls only as far as the cursor leaves it (a line at a time as it moves), and never
    /// past the last item.
    static func top(cursor: Int, count: Int, visible: Int, previous: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        let cursor = max(0, min(cursor, count - 1))
        var top = previous
        if cursor < top { top = cursor }
        if cursor >= top + visible { top = cursor - visible + 1 }
        return max(0, min(top, count - visible))
    }

    /// Draws the panel over whatever the canvas holds; `firstShown` is the first item on show
    /// (view state, kept between frames).
    func draw<C: Canvas>(on canvas: inout C, firstShown: inout Int) {
        let labelWidth = min(40, items.map { DisplayText.width($0.label) }.max() ?? 10)
        // The details (e.g. the bulk menu's "29990 next step · 40088 override · 19968 already")
        // get what the screen leaves beside the labels, up to 64 cells.
        let detailWidth = min(max(10, min(64, canvas.cols - labelWidth - 10)), items.map { DisplayText.width($0.detail) }.max() ?? 0)
        let innerWidth = max(labelWidth + detailWidth + 4, DisplayText.width(title) + 2, 24)
        let width = min(innerWidth + 4, max(10, canvas.cols - 2))
        let visible = max(1, min(items.count, canvas.rows - 6))
        let height = visible + 4
        let top = max(0, (canvas.rows - height) / 2), left = max(0, (canvas.cols - width) / 2)
        canvas.fill(y: top, x: left, rows: height, cols: width, style: .plain)
        canvas.frame(y: top, x: left, rows: height, cols: width)
        canvas.put(top, left + 2, " \(title) ", width: width - 4, style: .bold)
        if multi {
            canvas.put(top + height - 1, left + 2, canvas.utf8 ? " Space toggle · Enter keep · Esc cancel " : " Space toggle, Enter keep, Esc cancel ",
                       width: width - 4)
        }
        // Items in the rows between a blank row under the title and one above the bottom border,
        // cut at the panel's inner width (no ellipsis: the columns are already fitted).
        let itemWidth = width - 4
        let first = Self.top(cursor: cursor, count: items.count, visible: visible, previous: firstShown)
        firstShown = first
        for (row, i) in (first..<min(items.count, first + visible)).enumerated() {
            let item = items[i]
            let y = top + 2 + row, x = left + 2
            let current = i == cursor
            let style: CellStyle = !item.selectable ? .dim : (current ? .reverse : .plain)
            let columns = DisplayText.fit(item.label, to: labelWidth) + " " + DisplayText.fit(item.detail, to: max(detailWidth, 1))
            canvas.write(y, x, shown: Self.clip(current ? "> " : "  ", to: itemWidth), style: .plain)
            canvas.write(y, x + 2, shown: Self.clip(columns, to: itemWidth - 2), style: style)
        }
    }

    /// The text (already in display form) cut to at most `cells` cells, never splitting a
    /// character.
    static func clip(_ text: String, to cells: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = DisplayText.width(of: ch)
            if used + w > cells { break }
            out.append(ch)
            used += w
        }
        return out
    }
}
