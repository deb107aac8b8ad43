/// A key press, decoded from curses' `wget_wch` into the names the screens use.
public enum Key: Equatable, Sendable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    /// Function key F1…F12.
    case function(Int)
    /// Ctrl plus a letter, lower case (`.ctrl("s")` is Ctrl-S).
    case ctrl(Character)
    case resize
    /// Text the terminal delivered as one bracketed paste (`ESC [200~ … ESC [201~`), as
    /// pasted: line breaks are `\n`, nothing else is changed. Never interpreted as keys.
    case paste(String)
    case unknown(Int32)
}
