/// How the TUI uses colour: `default` colours errors, successes and the key hints; `mono`
/// sends no colour at all (bold, reverse video and underline stay), for `NO_COLOR`, for
/// terminals without colour and for slow links.
public enum TUITheme: String, CaseIterable, Equatable, Sendable {
    case `default`
    case mono

    /// Parses a profile or flag value (`"default"`, `"mono"`); `nil` for anything else.
    public init?(name: String) { self.init(rawValue: name.lowercased()) }

    /// Whether colour pairs are used.
    public var usesColor: Bool { self == .default }
}
