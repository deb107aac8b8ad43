@preconcurrency import CNCurses
import CandidateCore
import Foundation

/// Writes sanitized text at a position, cut to `width` cells, with attributes.
func put(_ win: UnsafeMutablePointer<WINDOW>?, _ y: Int, _ x: Int, _ text: String, width: Int, attr: attr_t = 0) {
    guard width > 0 else { return }
    let t = DisplayText.truncate(DisplayText.sanitize(text), to: width)
    if attr != 0 { wattr_on(win, attr, nil) }
    mvwaddstr(win, Int32(y), Int32(x), t)
    if attr != 0 { wattr_off(win, attr, nil) }
}

/// Copies a Swift string into C memory that lives until `free` (menu item names must outlive the menu).
private func cString(_ s: String) -> UnsafeMutablePointer<CChar> { strdup(s)! }

/// The form screen's fields, on ncurses' form library. Owns the `FORM`, its `FIELD`s and
/// its window; holds the text being typed (the model gets it through `fieldEdited`).
///
/// No field ever grows near ncurses' limit of 32,767 columns (see `FormModel.maxTypedCells`):
/// the other fields show text cut to the field's width.
final class FormView {
    let fields = CandidateField.allCases
    /// The fields typed into in this widget (`FormModel.isTypedInForm` when it was made).
    let typed: Set<CandidateField>
    private let fieldArray: UnsafeMutablePointer<UnsafeMutablePointer<FIELD>?>
    private(set) var form: UnsafeMutablePointer<FORM>?
    let window: UnsafeMutablePointer<WINDOW>?
    let top: Int, left: Int, width: Int
    /// Text last written into each display-only field, to avoid rewriting it each frame.
    private var shown: [CandidateField: String] = [:]

    init(top: Int, left: Int, width: Int, draft: CandidateDraft, focus: CandidateField) {
        self.top = top; self.left = left; self.width = width
        typed = Set(fields.filter { FormModel.isTypedInForm($0, draft) })
        fieldArray = .allocate(capacity: fields.count + 1)
        for (i, f) in fields.enumerated() {
            let field = new_field(1, Int32(width), Int32(i), 0, 0, 0)
            field_opts_off(field, Int32(O_AUTOSKIP | O_STATIC | O_BLANK))
            field_opts_on(field, Int32(O_NULLOK | O_PASSOK))
            set_field_back(field, cn_a_underline())
            if typed.contains(f) {
                set_max_field(field, Int32(FormModel.maxTypedCells))
            } else {
                field_opts_off(field, Int32(O_EDIT))
                set_max_field(field, Int32(width))
            }
            fieldArray[i] = field
        }
        fieldArray[fields.count] = nil
        window = newwin(Int32(fields.count), Int32(width), Int32(top), Int32(left))
        keypad(window, true)
        form = new_form(fieldArray)
        set_form_win(form, window)
        set_form_sub(form, window)
        post_form(form)
        for f in typed { setBuffer(f, DisplayText.sanitize(draft.text(f))) }
        self.focus(focus)
        if typed.contains(focus) { moveToEnd(focus) }
    }

    deinit {
        unpost_form(form)
        free_form(form)
        for i in 0..<fields.count { free_field(fieldArray[i]) }
        fieldArray.deallocate()
        delwin(window)
    }

    private func setBuffer(_ f: CandidateField, _ text: String) {
        guard let i = fields.firstIndex(of: f) else { return }
        set_field_buffer(fieldArray[i], 0, text)
    }

    /// Shows display text, cut to the field's width, in a field not typed into here: one that
    /// opens a menu or an editor, or a typed field too long for the widget (only when it changed).
    func show(_ f: CandidateField, _ text: String) {
        let t = DisplayText.truncate(DisplayText.sanitize(text), to: width)
        guard shown[f] != t else { return }
        shown[f] = t
        setBuffer(f, t)
    }

    /// The typed text of a field, without the form library's padding.
    func text(_ f: CandidateField) -> String {
        form_driver_w(form, KEY_CODE_YES, REQ_VALIDATION)
        guard let i = fields.firstIndex(of: f), let buf = field_buffer(fieldArray[i], 0) else { return "" }
        var s = String(cString: buf)
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Moves the form's cursor to a field, at the end of its text.
    func focus(_ f: CandidateField) {
        guard let i = fields.firstIndex(of: f) else { return }
        if current_field(form) != fieldArray[i] {
            // A field that cannot be made current leaves the form with no field window, and any
            // request would then dereference it: drive nothing.
            guard set_current_field(form, fieldArray[i]) == E_OK else { return }
            // Typed fields: cursor after the text. Menu/editor fields show their start.
            if typed.contains(f) { moveToEnd(f) } else { form_driver_w(form, KEY_CODE_YES, REQ_BEG_LINE) }
        }
    }

    /// Puts the cursor after the last character. The form library's `REQ_END_LINE` lands in the
    /// wrong place when the field holds wide characters (CJK), and a Backspace there deletes the
    /// wrong character; stepping character by character from the start is exact.
    func moveToEnd(_ f: CandidateField) {
        let count = text(f).count
        form_driver_w(form, KEY_CODE_YES, REQ_BEG_LINE)
        for _ in 0..<count { form_driver_w(form, KEY_CODE_YES, REQ_NEXT_CHAR) }
    }

    /// Applies an editing key to the focused field. Returns whether the key edits text.
    @discardableResult
    func drive(_ key: Key) -> Bool {
        let req: Int32
        switch key {
        case .left: req = REQ_PREV_CHAR
        case .right: req = REQ_NEXT_CHAR
        case .home, .ctrl("a"): req = REQ_BEG_LINE
        case .end, .ctrl("e"):
            if let f = fields.first(where: { fieldArray[fields.firstIndex(of: $0)!] == current_field(form) }) { moveToEnd(f) }
            return true
        case .backspace: req = REQ_DEL_PREV
        case .delete: req = REQ_DEL_CHAR
        case .ctrl("u"): req = REQ_CLR_FIELD
        case .ctrl("k"): req = REQ_CLR_EOL
        case .char(let ch):
            for scalar in ch.unicodeScalars where !DisplayText.isControl(scalar) {
                form_driver_w(form, OK, wchar_t(bitPattern: scalar.value))
            }
            return true
        default: return false
        }
        form_driver_w(form, KEY_CODE_YES, wchar_t(req))
        return true
    }

    /// Refreshes the form window into the virtual screen; the cursor ends up in the field.
    func stage() {
        touchwin(window)
        pos_form_cursor(form)
        wnoutrefresh(window)
    }
}

/// A menu on ncurses' menu library, in a bordered panel. Owns the items and their strings.
final class MenuView {
    let items: [MenuItem]
    let multi: Bool
    private let itemArray: UnsafeMutablePointer<UnsafeMutablePointer<ITEM>?>
    private var strings: [UnsafeMutablePointer<CChar>] = []
    private(set) var menu: UnsafeMutablePointer<MENU>?
    let window: UnsafeMutablePointer<WINDOW>?
    private let sub: UnsafeMutablePointer<WINDOW>?
    private let panel: UnsafeMutablePointer<PANEL>?

    /// - Parameters:
    ///   - multi: a toggle list (Space toggles through the model; labels carry `[x]`).
    ///   - current: the item to put the cursor on.
    init(title: String, items: [MenuItem], multi: Bool, screenRows: Int, screenCols: Int, utf8: Bool, current: Int = 0) {
        self.items = items
        self.multi = multi
        itemArray = .allocate(capacity: items.count + 1)
        let labelWidth = min(40, items.map { DisplayText.width($0.label) }.max() ?? 10)
        // The details (e.g. the bulk menu's "29990 next step · 40088 override · 19968 already")
        // get what the screen leaves beside the labels, up to 64 cells.
        let detailWidth = min(max(10, min(64, screenCols - labelWidth - 10)), items.map { DisplayText.width($0.detail) }.max() ?? 0)
        for (i, item) in items.enumerated() {
            let name = cString(DisplayText.fit(item.label, to: labelWidth))
            let desc = cString(DisplayText.fit(item.detail, to: max(detailWidth, 1)))
            strings += [name, desc]
            let it = new_item(name, desc)
            if !item.selectable { item_opts_off(it, Int32(O_SELECTABLE)) }
            itemArray[i] = it
        }
        itemArray[items.count] = nil
        let innerWidth = max(labelWidth + detailWidth + 4, DisplayText.width(title) + 2, 24)
        let width = min(innerWidth + 4, max(10, screenCols - 2))
        let visible = max(1, min(items.count, screenRows - 6))
        let height = visible + 4
        let y = max(0, (screenRows - height) / 2), x = max(0, (screenCols - width) / 2)
        window = newwin(Int32(height), Int32(width), Int32(y), Int32(x))
        sub = derwin(window, Int32(visible), Int32(width - 4), 2, 2)
        keypad(window, true)
        menu = new_menu(itemArray)
        set_menu_win(menu, window)
        set_menu_sub(menu, sub)
        set_menu_format(menu, Int32(visible), 1)
        set_menu_mark(menu, "> ")
        set_menu_fore(menu, cn_a_reverse())
        set_menu_grey(menu, cn_a_dim())
        post_menu(menu)
        if items.indices.contains(current), items[current].selectable {
            set_current_item(menu, itemArray[current])
        } else if let first = items.firstIndex(where: \.selectable) {
            set_current_item(menu, itemArray[first])
        }
        box(window, 0, 0)
        put(window, 0, 2, " \(title) ", width: width - 4, attr: cn_a_bold())
        if multi { put(window, height - 1, 2, utf8 ? " Space toggle · Enter keep · Esc cancel " : " Space toggle, Enter keep, Esc cancel ", width: width - 4) }
        panel = new_panel(window)
    }

    deinit {
        del_panel(panel)
        unpost_menu(menu)
        free_menu(menu)
        for i in 0..<items.count { free_item(itemArray[i]) }
        itemArray.deallocate()
        strings.forEach { free($0) }
        delwin(sub)
        delwin(window)
    }

    /// Moves or toggles for navigation keys. Returns whether the key was used.
    func drive(_ key: Key) -> Bool {
        guard !items.isEmpty else { return false }
        let req: Int32
        switch key {
        case .up, .char("k"): req = REQ_UP_ITEM
        case .down, .char("j"): req = REQ_DOWN_ITEM
        case .pageUp: req = REQ_SCR_UPAGE
        case .pageDown: req = REQ_SCR_DPAGE
        case .home, .char("g"): req = REQ_FIRST_ITEM
        case .end, .char("G"): req = REQ_LAST_ITEM
        default: return false
        }
        menu_driver(menu, req)
        // Skip headings; at either end, step back the other way.
        if items.indices.contains(currentIndex), !items[currentIndex].selectable {
            let up = req == REQ_UP_ITEM || req == REQ_SCR_UPAGE || req == REQ_FIRST_ITEM
            menu_driver(menu, up ? REQ_UP_ITEM : REQ_DOWN_ITEM)
            if items.indices.contains(currentIndex), !items[currentIndex].selectable {
                menu_driver(menu, up ? REQ_DOWN_ITEM : REQ_UP_ITEM)
            }
        }
        return true
    }

    /// Index of the item under the cursor.
    var currentIndex: Int { Int(item_index(current_item(menu))) }
}

/// A y/N question in a bordered panel, with lines above it.
final class PromptView {
    let window: UnsafeMutablePointer<WINDOW>?
    private let panel: UnsafeMutablePointer<PANEL>?

    /// Lines of text a panel has room for on a screen of `screenRows` rows.
    static func room(screenRows: Int) -> Int { max(0, screenRows - 8) }

    /// - Parameters:
    ///   - moreAbove: lines scrolled off the top (shown as a hint).
    ///   - moreBelow: lines after `lines` that were not even made (added to the `↓ N more` hint).
    ///   - minWidth: the panel's least content width in cells (a scrolling panel keeps its width).
    init(title: String, lines: [String], question: String, screenRows: Int, screenCols: Int, moreAbove: Int = 0,
         moreBelow: Int = 0, minWidth: Int = 20) {
        // The title is drawn as " title " on the border: two cells more than its text.
        let contentWidth = max(([question] + lines).map(DisplayText.width).max() ?? 20, DisplayText.width(title) + 2, minWidth, 20)
        let width = min(contentWidth + 4, max(10, screenCols - 2))
        let room = Self.room(screenRows: screenRows)
        let cut = lines.count > room || moreBelow > 0
        let shownLines = Array(lines.prefix(cut ? max(0, room - 1) : room))
        let height = shownLines.count + (shownLines.isEmpty ? 4 : 5) + (cut ? 1 : 0)
        let y = max(0, (screenRows - height) / 2), x = max(0, (screenCols - width) / 2)
        window = newwin(Int32(height), Int32(width), Int32(y), Int32(x))
        werase(window)
        box(window, 0, 0)
        put(window, 0, 2, " \(title) ", width: width - 4, attr: cn_a_bold())
        if moreAbove > 0 { put(window, 0, max(2, width - 16), " ↑ \(moreAbove) more ", width: 14) }
        for (i, line) in shownLines.enumerated() { put(window, 1 + i, 2, line, width: width - 4) }
        if cut { put(window, height - 3, 2, "↓ \(lines.count - shownLines.count + moreBelow) more", width: width - 4, attr: cn_a_dim()) }
        put(window, height - 2, 2, question, width: width - 4, attr: cn_a_bold())
        panel = new_panel(window)
    }

    deinit {
        del_panel(panel)
        delwin(window)
    }
}
