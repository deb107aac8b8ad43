@preconcurrency import CNCurses

/// The canvas over curses' standard screen: the only drawing code that calls curses.
///
/// Every frame draws the whole screen into stdscr; `doupdate` (called by the runtime) then
/// sends only the cells that differ from what the terminal shows, so a cursor move on the list
/// costs a few cells, however much is drawn here.
struct CursesCanvas: Canvas {
    let rows: Int
    let cols: Int
    let utf8: Bool
    /// Whether colour pairs are in use (a colour terminal and no `NO_COLOR`).
    private let colors: Bool

    /// A canvas of the terminal's current size, in its charset and colours. Call on the thread
    /// that runs curses.
    init(terminal: Terminal) {
        let size = terminal.size
        rows = size.rows
        cols = size.cols
        utf8 = terminal.utf8
        colors = terminal.colors
    }

    private var window: UnsafeMutablePointer<WINDOW>? { cn_stdscr() }

    /// The curses attributes of a style, colour pair included.
    private func attributes(_ style: CellStyle) -> attr_t {
        var attr: attr_t = 0
        if style.bold { attr |= cn_a_bold() }
        if style.reverse { attr |= cn_a_reverse() }
        if style.underline { attr |= cn_a_underline() }
        if style.dim { attr |= cn_a_dim() }
        if let pair = pair(style.color) { attr |= attr_t(COLOR_PAIR(Int32(pair))) }
        return attr
    }

    /// The colour pair of a role (`Terminal` sets the pairs up), or `nil` without colour.
    private func pair(_ role: CellStyle.Role?) -> Int16? {
        guard colors, let role else { return nil }
        switch role {
        case .error: return Terminal.Pair.error.rawValue
        case .ok: return Terminal.Pair.ok.rawValue
        case .dim: return Terminal.Pair.dim.rawValue
        }
    }

    func write(_ y: Int, _ x: Int, shown text: String, style: CellStyle) {
        let attr = attributes(style)
        if attr != 0 { wattr_on(window, attr, nil) }
        mvwaddstr(window, Int32(y), Int32(x), text)
        if attr != 0 { wattr_off(window, attr, nil) }
    }

    func fill(y: Int, x: Int, rows height: Int, cols width: Int, style: CellStyle) {
        if y == 0, x == 0, height >= rows, width >= cols, style.isPlain {
            werase(window)
            return
        }
        let first = max(0, y), end = min(rows, y + height)
        guard first < end, width > 0 else { return }
        let attr = attributes(style)
        if attr != 0 { wattr_on(window, attr, nil) }
        for row in first..<end {
            mvwhline(window, Int32(row), Int32(x), chtype(UInt8(ascii: " ")), Int32(width))
        }
        if attr != 0 { wattr_off(window, attr, nil) }
    }

    func restyle(_ y: Int, _ x: Int, count: Int, style: CellStyle) {
        var plain = style
        plain.color = nil
        wmove(window, Int32(y), Int32(x))
        wchgat(window, Int32(count), attributes(plain), pair(style.color) ?? 0, nil)
    }

    func frame(y: Int, x: Int, rows height: Int, cols width: Int) {
        // A window sharing stdscr's cells, so `box` draws the terminal's own line characters
        // (ASCII ones when `Terminal` mapped them for a non-UTF-8 locale).
        guard height >= 2, width >= 2, let sub = derwin(window, Int32(height), Int32(width), Int32(y), Int32(x)) else { return }
        box(sub, 0, 0)
        wsyncup(sub)
        delwin(sub)
    }

    func setCursor(_ position: CellPosition?) {
        guard let position else {
            // Hidden, the cursor may stay wherever the last change left it: no move to park it
            // after every frame (`leaveok`).
            leaveok(window, true)
            curs_set(0)
            return
        }
        leaveok(window, false)
        curs_set(1)
        wmove(window, Int32(position.y), Int32(position.x))
    }
}
