/// The escape sequences terminals send for cursor, editing and function keys, in every common
/// encoding, whatever the terminfo entry says: CSI (`ESC [`) and SS3 (`ESC O`) forms, the
/// `~` forms of vt220/xterm/rxvt/tmux, the Linux console's F1–F5, rxvt's shifted and ctrl
/// arrows, and xterm's modifier variants (`ESC [ 1 ; m X`, `ESC O 1 ; m X`, `ESC O m X` and
/// `ESC [ n ; m ~`, m = 2…16, Meta included); focus reports (`ESC [ I`, `ESC [ O`) are read and
/// ignored.
///
/// The terminal layer registers each with curses (`define_key`), so an arrow that arrives in
/// CSI form while the terminal is in keypad (SS3) mode is still one key, never Esc followed
/// by text. A modified key (Shift-Up, Ctrl-Right, Shift-F2) acts as the key itself.
enum KeySequences {
    /// The key a sequence stands for.
    enum Target: Hashable, Sendable {
        case up, down, right, left, home, end, insert, delete, pageUp, pageDown, backTab, enter
        /// F1…F12.
        case function(Int)
        /// A report the terminal may send on its own (focus in/out): read whole, then dropped.
        case ignored
    }

    /// xterm's modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4, Meta 8): 2 Shift … 8 Shift-Alt-Ctrl,
    /// 9…16 the same with Meta.
    static let modifiers = 2...16

    /// Every sequence and its key, each sequence once.
    static let all: [(sequence: String, target: Target)] = {
        let esc = "\u{1B}"
        var table: [(String, Target)] = []
        // Letter-final keys: CSI and SS3, plain and (CSI 1;m X) modified.
        let letters: [(Character, Target)] = [("A", .up), ("B", .down), ("C", .right), ("D", .left), ("H", .home), ("F", .end)]
        for (letter, target) in letters {
            table.append((esc + "[" + String(letter), target))
            table.append((esc + "O" + String(letter), target))
            for m in modifiers {
                table.append((esc + "[1;\(m)" + String(letter), target))
                table.append((esc + "O\(m)" + String(letter), target))
                table.append((esc + "O1;\(m)" + String(letter), target))
            }
        }
        // rxvt: Shift-arrows ESC [ a…d, Ctrl-arrows ESC O a…d.
        for (letter, target) in [("a", Target.up), ("b", .down), ("c", .right), ("d", .left)] {
            table.append((esc + "[" + letter, target))
            table.append((esc + "O" + letter, target))
        }
        // Tilde-final keys: ESC [ n ~ and ESC [ n ; m ~ (rxvt's modified forms end in $, ^, @).
        let tilde: [(Int, Target)] = [(1, .home), (2, .insert), (3, .delete), (4, .end), (5, .pageUp), (6, .pageDown),
                                      (7, .home), (8, .end),
                                      (11, .function(1)), (12, .function(2)), (13, .function(3)), (14, .function(4)),
                                      (15, .function(5)), (17, .function(6)), (18, .function(7)), (19, .function(8)),
                                      (20, .function(9)), (21, .function(10)), (23, .function(11)), (24, .function(12))]
        for (n, target) in tilde {
            table.append((esc + "[\(n)~", target))
            for m in modifiers { table.append((esc + "[\(n);\(m)~", target)) }
            for final in ["$", "^", "@"] { table.append((esc + "[\(n)" + final, target)) }
        }
        // F1–F4: SS3 P…S, CSI 1;m P…S when modified; the Linux console's F1–F5: ESC [ [ A…E.
        for (i, letter) in ["P", "Q", "R", "S"].enumerated() {
            table.append((esc + "O" + letter, .function(i + 1)))
            table.append((esc + "[" + letter, .function(i + 1)))
            for m in modifiers {
                table.append((esc + "[1;\(m)" + letter, .function(i + 1)))
                table.append((esc + "O\(m)" + letter, .function(i + 1)))
                table.append((esc + "O1;\(m)" + letter, .function(i + 1)))
            }
        }
        for (i, letter) in ["A", "B", "C", "D", "E"].enumerated() { table.append((esc + "[[" + letter, .function(i + 1))) }
        table.append((esc + "[Z", .backTab))
        table.append((esc + "OM", .enter))
        table.append((esc + "[I", .ignored))
        table.append((esc + "[O", .ignored))
        var seen = Set<String>()
        return table.filter { seen.insert($0.0).inserted }
    }()
}
