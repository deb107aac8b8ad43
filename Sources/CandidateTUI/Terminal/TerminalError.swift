import CandidateCore

/// Why the TUI cannot start.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case dumbTerminal(String)
    /// Neither `TERM` nor any fallback type is known to terminfo.
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "candidates needs an interactive terminal. For scripts, use the subcommands (candidates --help)."
        case .dumbTerminal(let t):
            return "The terminal type \(t.isEmpty ? "(TERM unset)" : "'\(DisplayText.sanitize(t))'") cannot show the editor. Set TERM (e.g. xterm-256color), or use the subcommands (candidates --help)."
        case .unknownTerminal(let t):
            return "The terminal type '\(DisplayText.sanitize(t))' is unknown and no fallback (\(Terminal.fallbackTerminals.joined(separator: ", "))) is installed. Install ncurses-term or set TERM, or use the subcommands (candidates --help)."
        }
    }
}
