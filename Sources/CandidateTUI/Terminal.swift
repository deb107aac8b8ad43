@preconcurrency import CNCurses
import Foundation

/// The curses terminal: set-up, teardown, key input, signals and handing the terminal to
/// another program. The only type (with the views) that calls curses, always from the
/// UI thread.
///
/// Set-up order: locale (UTF-8, falling back to `C.UTF-8` for `LC_CTYPE`), signal flags,
/// `initscr`, cbreak + noecho + keypad, terminal flow control off (so Ctrl-S reaches the
/// program), a short escape delay. `end()` undoes it; it is idempotent and also restores
/// the termios saved before curses started.
final class Terminal {
    private(set) var isActive = false
    private var savedTermios = termios()
    private var haveSavedTermios = false
    /// Whether the locale can show UTF-8.
    private(set) var utf8 = true
    /// Whether colour is in use (off with NO_COLOR or a monochrome terminal).
    private(set) var colors = false

    /// Colour pairs used by the screens.
    enum Pair: Int16 { case header = 1, error = 2, ok = 3, dim = 4, marked = 5 }

    /// Starts curses. Throws `TerminalError` when there is no usable terminal.
    func start() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw TerminalError.dumbTerminal(term) }
        setlocale(LC_ALL, "")
        if let cs = nl_langinfo(nl_item(CODESET)), String(cString: cs).uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        }
        if let cs = nl_langinfo(nl_item(CODESET)) { utf8 = String(cString: cs).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" }
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveSavedTermios = true }
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { cn_install_signal(sig) }
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
        guard initscr() != nil else { throw TerminalError.dumbTerminal(term) }
        isActive = true
        cbreak()
        noecho()
        nonl()
        intrflush(cn_stdscr(), false)
        keypad(cn_stdscr(), true)
        // Flow control off: Ctrl-S/Ctrl-Q must reach the program, not freeze output.
        var t = termios()
        if tcgetattr(STDIN_FILENO, &t) == 0 {
            t.c_iflag &= ~tcflag_t(IXON | IXOFF)
            tcsetattr(STDIN_FILENO, TCSANOW, &t)
            def_prog_mode()
        }
        curs_set(0)
        wtimeout(cn_stdscr(), 50)
        if ProcessInfo.processInfo.environment["NO_COLOR"] == nil && has_colors() {
            start_color()
            use_default_colors()
            init_pair(Pair.header.rawValue, Int16(COLOR_CYAN), -1)
            init_pair(Pair.error.rawValue, Int16(COLOR_RED), -1)
            init_pair(Pair.ok.rawValue, Int16(COLOR_GREEN), -1)
            init_pair(Pair.dim.rawValue, Int16(COLOR_BLUE), -1)
            init_pair(Pair.marked.rawValue, Int16(COLOR_YELLOW), -1)
            colors = true
        }
    }

    /// Restores the terminal. Safe to call more than once.
    func end() {
        if isActive {
            curs_set(1)
            endwin()
            isActive = false
        }
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
    }

    /// A signal that arrived since the last call (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or 0.
    func takeSignal() -> Int32 { cn_take_signal() }

    /// Screen size in cells.
    var size: (rows: Int, cols: Int) { (Int(cn_lines()), Int(cn_cols())) }

    /// The attribute for a colour pair, or none without colour.
    func color(_ pair: Pair) -> attr_t { colors ? attr_t(COLOR_PAIR(Int32(pair.rawValue))) : 0 }

    /// Waits up to the input timeout for a key; `nil` when none came.
    func readKey() -> Key? {
        var wch: wint_t = 0
        let r = wget_wch(cn_stdscr(), &wch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES { return Self.decode(keyCode: Int32(wch)) }
        return Self.decode(char: UInt32(wch))
    }

    /// Names a curses key code.
    static func decode(keyCode c: Int32) -> Key {
        switch c {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_LL, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where c == cn_key_f(Int32(n)) { return .function(n) }
            return .unknown(c)
        }
    }

    static func decode(char c: UInt32) -> Key {
        switch c {
        case 13, 10: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(c + 96)!))
        default:
            guard let s = Unicode.Scalar(c) else { return .unknown(Int32(bitPattern: c)) }
            return .char(Character(s))
        }
    }

    /// Hands the terminal to an editor command (shell words, like `$EDITOR`, e.g. `code --wait`)
    /// on `file`, waits for it, and takes the terminal back. Returns the exit status.
    func runEditor(_ command: String, file: String) -> Int32 {
        def_prog_mode()
        endwin()
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " " + Self.shellQuote(file)]
        var status: Int32 = 127
        do {
            try process.run()
            process.waitUntilExit()
            status = process.terminationStatus
        } catch {
            status = 127
        }
        reset_prog_mode()
        // Re-read the size: the terminal may have been resized while the editor ran.
        endwin()
        refresh()
        clearok(cn_stdscr(), true)
        return status
    }

    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Why the TUI cannot start.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case dumbTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "candidates needs an interactive terminal. For scripts, use the subcommands (candidates --help)."
        case .dumbTerminal(let t):
            return "The terminal type \(t.isEmpty ? "(TERM unset)" : "'\(t)'") cannot show the editor. Set TERM (e.g. xterm-256color), or use the subcommands (candidates --help)."
        }
    }
}
