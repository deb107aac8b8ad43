@preconcurrency import CNCurses
import CandidateCore
import ChildProcess
import Foundation

/// The curses terminal: set-up, teardown, key input, signals and handing the terminal to
/// another program. The only type (with the views) that calls curses, always from the
/// UI thread; the only file that touches the signal state in `shim.h` (its statics are
/// per object file).
///
/// Set-up order:
/// 1. a terminal on both ends and a usable `TERM` (checked with `setupterm`, which unlike
///    `initscr` never exits the process; an unknown type falls back to `xterm-256color`,
///    `xterm` or `vt100` with a warning);
/// 2. the user's locale; when its codeset is not UTF-8 the screens run in ASCII
///    (`DisplayText.charset = .ascii`, ASCII line drawing, non-ASCII input ignored);
/// 3. the termios saved, then signal handlers: flag-only handlers for INT, TERM, HUP, QUIT
///    (noticed by the loop within the 50 ms input timeout), TSTP and CONT (Ctrl-Z and `fg`),
///    and an async-signal-safe handler for ILL, TRAP, ABRT, SEGV, BUS and FPE that restores
///    the terminal and dies with the default action;
/// 4. `newterm`, cbreak + noecho + keypad, flow control off (Ctrl-S reaches the program), a
///    25 ms escape delay unless `ESCDELAY` is set, every common key sequence (`KeySequences`),
///    bracketed paste on, colours when asked for (the caller weighs `NO_COLOR`) and the
///    terminal has them.
///
/// `end()` undoes it in reverse order; it is idempotent and also restores the saved termios.
public final class Terminal {
    private(set) var isActive = false
    private var savedTermios = termios()
    private var haveSavedTermios = false
    /// Whether the locale can show UTF-8.
    private(set) var utf8 = true
    /// Whether colour is in use (not asked for, or a monochrome terminal: off).
    private(set) var colors = false
    /// Something the user should know about the set-up (e.g. a TERM fallback), shown once.
    private(set) var warning: String?
    /// The terminal is gone (hang-up, end of input, EIO): the program should end.
    private(set) var inputClosed = false
    /// Bracketed paste was turned on (and must be turned off).
    private var pasteMode = false
    /// A redraw is owed after a suspend or a resume: `readKey` reports `.resize` once.
    private var redrawPending = false
    /// Input errors that came back without waiting for the timeout, in a row.
    private var quickErrors = 0
    /// The size of the last frame drawn; a new size repaints the whole screen.
    private var frameSize = (rows: 0, cols: 0)

    /// Colour pairs used by the screens.
    enum Pair: Int16 { case error = 2, ok = 3, dim = 4 }

    /// Terminal types tried, in order, when `TERM` names one terminfo does not know.
    static let fallbackTerminals = ["xterm-256color", "xterm", "vt100"]
    static let pasteOn = "\u{1B}[?2004h"
    static let pasteOff = "\u{1B}[?2004l"
    /// Largest paste kept, in Unicode scalars; the rest of a longer paste is dropped.
    static let maxPasteScalars = 1 << 20

    /// The checks that need no curses: standard input and output are a terminal, and `TERM`
    /// is set and not `dumb`. `candidates` runs them before it opens a connection or starts the
    /// sandbox, so a piped run fails at once and creates nothing.
    /// - Throws: `TerminalError.notATerminal` or `.dumbTerminal`.
    public static func preflight() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw TerminalError.dumbTerminal(term) }
    }

    /// Starts curses, with colour pairs when `colors` and the terminal has colour. Throws
    /// `TerminalError` when there is no usable terminal.
    func start(colors wantsColors: Bool = true) throws {
        try Self.preflight()
        let env = ProcessInfo.processInfo.environment
        var term = env["TERM"] ?? ""

        setlocale(LC_ALL, "")
        utf8 = Self.codesetIsUTF8()
        DisplayText.charset = utf8 ? .unicode : .ascii
        if !utf8 { warning = Self.localeNotice(env) }

        switch cn_term_usable(term) {
        case 1: break
        case -1: throw TerminalError.dumbTerminal(term)
        default:
            guard let fallback = Self.fallbackTerminals.first(where: { cn_term_usable($0) == 1 }) else {
                throw TerminalError.unknownTerminal(term)
            }
            let shown = DisplayText.sanitize(term)
            let termWarning = "Unknown terminal type '\(shown)'; using \(fallback). Set TERM to a type this machine knows (toe -a lists them)."
            FileHandle.standardError.write(Data("candidates: \(termWarning)\n".utf8))
            warning = [termWarning, warning].compactMap { $0 }.joined(separator: " · ")
            setenv("TERM", fallback, 1)
            term = fallback
        }

        // Swift emits a C helper only when Swift code uses it; the fatal-signal handler's
        // storage is otherwise reached only from C, so name it here.
        _ = cn_fatal_termios()
        _ = cn_fatal_reset()
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 {
            haveSavedTermios = true
            cn_fatal_save_termios(&savedTermios)
        }
        // A signal the parent ignored (nohup, `trap '' HUP`) stays ignored.
        for sig in [SIGINT, SIGQUIT, SIGHUP, SIGTSTP] { _ = cn_install_signal(sig, 1) }
        for sig in [SIGTERM, SIGCONT] { _ = cn_install_signal(sig, 0) }
        for sig in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] { cn_install_fatal(sig) }
        cn_fatal_arm(1)

        if env["ESCDELAY"] == nil { set_escdelay(25) }
        // In a UTF-8 locale, boxes are drawn with the Unicode line characters (3 bytes a cell)
        // instead of switching to the terminal's line-drawing charset and back around every
        // border cell (10 bytes). Set only for `newterm`, so an editor started later is unaffected.
        let unicodeLines = utf8 && env["NCURSES_NO_UTF8_ACS"] == nil
        if unicodeLines { setenv("NCURSES_NO_UTF8_ACS", "1", 1) }
        let screen = newterm(term, stdout, stdin)
        if unicodeLines { unsetenv("NCURSES_NO_UTF8_ACS") }
        guard screen != nil else {
            cn_fatal_arm(0)
            throw TerminalError.dumbTerminal(term)
        }
        isActive = true
        cbreak()
        noecho()
        nonl()
        intrflush(cn_stdscr(), false)
        keypad(cn_stdscr(), true)
        idlok(cn_stdscr(), true)  // let curses scroll the list with line insert/delete
        // Flow control off: Ctrl-S/Ctrl-Q must reach the program, not freeze output.
        var t = termios()
        if tcgetattr(STDIN_FILENO, &t) == 0 {
            t.c_iflag &= ~tcflag_t(IXON | IXOFF)
            tcsetattr(STDIN_FILENO, TCSANOW, &t)
            def_prog_mode()
        }
        curs_set(0)
        wtimeout(cn_stdscr(), 50)
        defineKeys()
        if !utf8 { cn_ascii_line_drawing() }
        if wantsColors && has_colors() {
            start_color()
            use_default_colors()
            init_pair(Pair.error.rawValue, Int16(COLOR_RED), -1)
            init_pair(Pair.ok.rawValue, Int16(COLOR_GREEN), -1)
            init_pair(Pair.dim.rawValue, Int16(COLOR_BLUE), -1)
            colors = true
        }
        writeRaw(Self.pasteOn)
        pasteMode = true
        prepareFatalReset()
    }

    /// Writes a mode sequence straight to the terminal, after anything buffered (curses
    /// flushes its own buffer at the end of each frame), so the order on the wire is the
    /// order of the calls even if the process dies right after.
    private func writeRaw(_ s: String) {
        fflush(stdout)
        var bytes = Array(s.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return }
            bytes = bytes.dropFirst(n)
        }
    }

    /// The bytes the fatal-signal handler writes: every mode this program turned on, undone
    /// in reverse order (paste off, attributes and colours reset, cursor visible, keypad
    /// off, alternate screen left). CAN first ends any escape sequence cut off mid-write.
    private func prepareFatalReset() {
        var bytes = "\u{18}" + Self.pasteOff
        for cap in ["sgr0", "op", "cnorm", "rmkx", "rmcup"] { bytes += String(cString: cn_tigetstr(cap)) }
        let utf8Bytes = Array(bytes.utf8)
        utf8Bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { cn_fatal_set_reset($0, Int32(buf.count)) }
        }
    }

    /// Every cursor, editing and function key sequence of `KeySequences`, whatever terminfo
    /// lists (an arrow in CSI form while the terminal is in keypad mode is still an arrow), and
    /// the bracketed-paste markers.
    private func defineKeys() {
        for (sequence, target) in KeySequences.all {
            let code = Self.keyCode(target)
            if key_defined(sequence) != code { define_key(sequence, code) }
        }
        define_key("\u{1B}[200~", cn_key_paste_begin())
        define_key("\u{1B}[201~", cn_key_paste_end())
    }

    /// The code for sequences read whole and dropped (above every curses key code; decodes as
    /// `.unknown`, which no screen acts on).
    static let ignoredKeyCode = KEY_MAX + 200

    /// The curses key code for a key of `KeySequences`.
    static func keyCode(_ target: KeySequences.Target) -> Int32 {
        switch target {
        case .up: return KEY_UP
        case .down: return KEY_DOWN
        case .right: return KEY_RIGHT
        case .left: return KEY_LEFT
        case .home: return KEY_HOME
        case .end: return KEY_END
        case .insert: return KEY_IC
        case .delete: return KEY_DC
        case .pageUp: return KEY_PPAGE
        case .pageDown: return KEY_NPAGE
        case .backTab: return KEY_BTAB
        case .enter: return KEY_ENTER
        case .function(let n): return cn_key_f(Int32(n))
        case .ignored: return ignoredKeyCode
        }
    }

    /// The one-line notice for a locale whose codeset is not UTF-8: why names show `?`, and the fix.
    static func localeNotice(_ env: [String: String]) -> String {
        let setting = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { name in env[name].flatMap { $0.isEmpty ? nil : "\(name)=\($0)" } }.first
        return "Locale \(setting.map(DisplayText.sanitize) ?? "(LANG unset)") is not UTF-8: ? marks what it cannot show (start with LANG=C.UTF-8)"
    }

    static func codesetIsUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: cs).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    /// Restores the terminal. Safe to call more than once.
    func end() {
        if isActive {
            if pasteMode { writeRaw(Self.pasteOff); pasteMode = false }
            curs_set(1)
            endwin()
            isActive = false
        }
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
        cn_fatal_arm(0)
    }

    /// A terminating signal that arrived since the last call (SIGINT, SIGTERM, SIGHUP,
    /// SIGQUIT), or 0. Handles job control on the way: after Ctrl-Z it restores the
    /// terminal, stops the process group, and when continued (`fg`) takes the terminal back
    /// and owes a redraw (the next `readKey` returns `.resize`).
    func takeSignal() -> Int32 {
        if cn_take_stop() != 0 { suspend() }
        if cn_take_continue() != 0 { resumeAfterStop(wasEnded: false) }
        return cn_take_signal()
    }

    private func suspend() {
        guard isActive else { return }
        _ = cn_take_continue()
        if pasteMode { writeRaw(Self.pasteOff) }
        def_prog_mode()
        endwin()
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
        // When another process of the job stopped at once (a wrapper script), the shell has
        // taken the terminal back and restoring it above stopped us (SIGTTOU): we only get
        // here after `fg`, and must not stop a second time.
        if cn_take_continue() == 0 { cn_stop_now() }
        _ = cn_take_continue()
        resumeAfterStop(wasEnded: true)
    }

    /// Takes the terminal back after a stop (ours, or an outside SIGSTOP/SIGCONT): the tty
    /// modes, the size, paste mode, and a full repaint.
    private func resumeAfterStop(wasEnded: Bool) {
        guard isActive else { return }
        reset_prog_mode()
        if wasEnded { refresh() }
        updateSize()
        if pasteMode { writeRaw(Self.pasteOn) }
        clearok(cn_stdscr(), true)
        redrawPending = true
    }

    /// Re-reads the size from the kernel (a resize while stopped or while an editor ran
    /// reached the shell, not us).
    private func updateSize() {
        var rows: Int32 = 0, cols: Int32 = 0
        if cn_tty_size(&rows, &cols) != 0, rows != cn_lines() || cols != cn_cols() {
            resizeterm(rows, cols)
        }
    }

    /// Screen size in cells.
    var size: (rows: Int, cols: Int) { (Int(cn_lines()), Int(cn_cols())) }

    /// Draws one frame with `draw` on a canvas over the screen and sends only the cells that
    /// changed (after a resize, the whole screen).
    func drawFrame(_ draw: (inout CursesCanvas) -> Void) {
        let size = self.size
        if size.rows != frameSize.rows || size.cols != frameSize.cols {
            frameSize = size
            clearok(cn_stdscr(), true)
        }
        var canvas = CursesCanvas(terminal: self)
        draw(&canvas)
        wnoutrefresh(cn_stdscr())
        doupdate()
    }

    /// The next key, waiting at most `milliseconds` for one; `nil` when none came. When the
    /// terminal is gone (hang-up, end of input, EIO) returns `nil` at once and sets `inputClosed`.
    ///
    /// With `wake`, the wait also ends (returning `nil`) as soon as that descriptor is readable:
    /// the event inbox's, so a network result is applied at once, not after the wait.
    func readKey(waitingAtMost milliseconds: Int32, orUntilReadable wake: Int32) -> Key? {
        guard wake >= 0, milliseconds > 0 else { return readKey(waitingAtMost: milliseconds) }
        // A key curses already holds (the rest of a paste) or input already there comes first.
        if let key = readKey(waitingAtMost: 0) { return key }
        if inputClosed { return nil }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        // A timeout, a signal (EINTR: the loop looks at it) or only the wake: no key.
        guard poll(&fds, 2, milliseconds) > 0, fds[0].revents != 0 else { return nil }
        // Input (or a hang-up, an end of input): read as without a wake, with the same wait,
        // so an input error is judged as before.
        return readKey(waitingAtMost: milliseconds)
    }

    /// Whether input is waiting to be read (a key typed, or the end of input), without reading it.
    var inputWaiting: Bool {
        var p = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 1 && p.revents != 0
    }

    func readKey(waitingAtMost milliseconds: Int32) -> Key? {
        wtimeout(cn_stdscr(), milliseconds)
        if inputClosed { return nil }
        if redrawPending { redrawPending = false; return .resize }
        var wch: wint_t = 0
        let before = DispatchTime.now().uptimeNanoseconds
        let r = wget_wch(cn_stdscr(), &wch)
        if r == ERR {
            noteInputError(waited: DispatchTime.now().uptimeNanoseconds - before)
            return nil
        }
        quickErrors = 0
        if r == KEY_CODE_YES {
            switch Int32(wch) {
            case cn_key_paste_begin(): return readPaste()
            case cn_key_paste_end(): return nil
            default: return Self.decode(keyCode: Int32(wch))
            }
        }
        // Without UTF-8 a byte above ASCII cannot be shown or edited: ignore it.
        if !utf8 && wch > 0x7F { return .unknown(Int32(bitPattern: UInt32(wch))) }
        return Self.decode(char: UInt32(wch))
    }

    /// An input error: decides whether the terminal is gone. A hang-up (POLLHUP/POLLERR) or
    /// end of input ends it at once; errors that keep coming back without waiting (a dead
    /// descriptor poll cannot explain) end it after a few hundred, never a busy loop.
    private func noteInputError(waited nanoseconds: UInt64) {
        if cn_input_hung_up() != 0 { inputClosed = true; return }
        // Only a wait of 20 ms or more that came back early says anything (the loop also
        // asks for short waits to pace frames).
        guard wgetdelay(cn_stdscr()) >= 20 else { return }
        guard nanoseconds < 5_000_000 else { quickErrors = 0; return }
        quickErrors += 1
        if (quickErrors >= 3 && cn_input_at_eof() != 0) || quickErrors > 200 { inputClosed = true }
    }

    /// Milliseconds a read inside a paste waits; 40 empty reads end it.
    static let pasteReadMs: Int32 = 50

    /// Reads a bracketed paste up to its end marker. Carriage returns (what terminals send
    /// for a line break) become `\n`; keys recognised inside the paste are dropped. Gives up
    /// after 2 s without input.
    private func readPaste() -> Key {
        // Its own wait per read, whatever the caller asked for (the loop reads keys already
        // typed without waiting): a paste over a slow link comes in pieces.
        wtimeout(cn_stdscr(), Self.pasteReadMs)
        var text = String.UnicodeScalarView()
        var kept = 0
        var idleReads = 0
        var lastWasCR = false
        while idleReads < 40 && !inputClosed {
            var wch: wint_t = 0
            let before = DispatchTime.now().uptimeNanoseconds
            let r = wget_wch(cn_stdscr(), &wch)
            if r == ERR {
                idleReads += 1
                noteInputError(waited: DispatchTime.now().uptimeNanoseconds - before)
                continue
            }
            idleReads = 0
            var scalar: Unicode.Scalar?
            if r == KEY_CODE_YES {
                if Int32(wch) == cn_key_paste_end() { break }
                if Int32(wch) == KEY_ENTER { scalar = "\n" }
            } else {
                scalar = Unicode.Scalar(UInt32(wch))
            }
            guard var s = scalar else { lastWasCR = false; continue }
            if s == "\n" && lastWasCR { lastWasCR = false; continue }
            lastWasCR = s == "\r"
            if s == "\r" { s = "\n" }
            if !utf8 && s.value > 0x7F { s = "?" }
            if kept < Self.maxPasteScalars { text.append(s); kept += 1 }
        }
        return .paste(String(text))
    }

    /// Hands the terminal to an editor command (shell words, like `$EDITOR`, e.g. `code --wait`)
    /// on `file`, waits for it, and takes the terminal back. Returns the exit status.
    ///
    /// Like `system(3)`, a Ctrl-C or Ctrl-\ meant for the editor does not end this program,
    /// and Ctrl-Z stops the editor and this program together (`fg` resumes both).
    func runEditor(_ command: String, file: String) -> Int32 {
        if pasteMode { writeRaw(Self.pasteOff) }
        def_prog_mode()
        endwin()
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
        cn_default_signal(SIGTSTP)
        let status = Self.runInForeground(["/bin/sh", "-c", command + " " + Self.shellQuote(file)])
        _ = cn_install_signal(SIGTSTP, 1)
        cn_drop_signal(SIGINT)
        cn_drop_signal(SIGQUIT)
        _ = cn_take_stop()
        _ = cn_take_continue()
        reset_prog_mode()
        refresh()
        // Re-read the size: the terminal may have been resized while the editor ran.
        updateSize()
        if pasteMode { writeRaw(Self.pasteOn) }
        clearok(cn_stdscr(), true)
        return status
    }

    /// Runs a program in this process group — the terminal's foreground group, so it may read
    /// the terminal and change its modes (Foundation's `Process` starts a new group, where an
    /// editor is stopped by SIGTTOU/SIGTTIN) — with default signal handling and no inherited
    /// descriptors beyond 0–2. Returns its exit status, or 128+signal.
    static func runInForeground(_ argv: [String]) -> Int32 {
        guard let child = try? ChildProcess.start(argv, stdin: .inherit, stdout: .inherit, stderr: .inherit) else { return 127 }
        return child.wait()
    }

    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
