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

    /// Puts the menu's cursor on item `index`.
    func select(_ index: Int) {
        guard items.indices.contains(index) else { return }
        set_current_item(menu, itemArray[index])
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
