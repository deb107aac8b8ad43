/// The names keys have on screen, in help and in the config file.
extension Key {
    /// How the key is shown: `s`, `Space`, `↑`, `PgDn`, `Enter`, `Esc`, `S-Tab`, `F2`, `^S`.
    public var displayName: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .escape: "Esc"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "^" + String(c).uppercased()
        case .resize: "resize"
        case .paste: "paste"
        case .unknown(let code): "key \(code)"
        }
    }

    /// A key from its config-file name: one character (`s`, `S`, `?`), a named key (`space`,
    /// `enter`, `esc`, `tab`, `s-tab`, `backspace`, `delete`, `up`, `down`, `left`, `right`,
    /// `pgup`, `pgdn`, `home`, `end`), `f1`…`f12`, or a control key (`ctrl-r`, `^r`). Named keys
    /// ignore case; `nil` for anything else.
    public init?(configName name: String) {
        if name.count == 1, let c = name.first, !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value != 0x7F }) {
            self = .char(c)
            return
        }
        let lower = name.lowercased()
        let named: [String: Key] = [
            "space": .char(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "s-tab": .backTab, "shift-tab": .backTab, "backtab": .backTab,
            "backspace": .backspace, "delete": .delete, "del": .delete,
            "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "page-up": .pageUp,
            "pgdn": .pageDown, "pagedown": .pageDown, "page-down": .pageDown,
            "home": .home, "end": .end,
        ]
        if let key = named[lower] { self = key; return }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter { self = .ctrl(c); return }
        }
        return nil
    }
}
