@preconcurrency import CNCurses

/// What curses reports, named as `Key`s.
extension Terminal {
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

    /// Names a character: ^H and ^? are Backspace, ^M/^J Enter, ^I Tab, ^[ Escape.
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
}
