/// One row of the key table: the keys of an action in a context, what it does (help and
/// docs/keys.md), and how it shows on the hint line.
public struct KeyBinding: Equatable, Sendable {
    /// What the keys do; `nil` for a row that only describes keys the context reads itself
    /// (typing into a prompt, `y` of a question).
    public var action: KeyAction?
    /// The keys, the one shown on the hint line first.
    public var keys: [Key]
    /// Shown instead of the key names (e.g. `typing`).
    public var keysText: String?
    /// One sentence for the help page and docs/keys.md.
    public var does: String
    /// The word after the key on the hint line (`s status`); `nil` keeps it off the line.
    public var hint: String?
    /// Lower goes first when the hint line is too long; 0 is never dropped (`KeyHint`).
    public var priority: Int
    /// How many of `keys` the hint line names (`Tab/↓ next`).
    public var hintKeys: Int
    /// The hint names this action's first key before its own (`↑↓ move`).
    public var hintAfter: KeyAction?
    /// What the hint line shows for the keys instead of their names (`↑↓ PgUp/PgDn`, for a row
    /// that stands for several on the hint line).
    public var hintLabel: String?

    init(_ action: KeyAction?, _ keys: [Key], _ does: String, hint: String? = nil, priority: Int = 1,
         hintKeys: Int = 1, hintAfter: KeyAction? = nil, keysText: String? = nil, hintLabel: String? = nil) {
        self.action = action
        self.keys = keys
        self.does = does
        self.hint = hint
        self.priority = priority
        self.hintKeys = hintKeys
        self.hintAfter = hintAfter
        self.keysText = keysText
        self.hintLabel = hintLabel
    }

    /// The keys as help shows them: `↑, k`.
    public var keysLabel: String { keysText ?? keys.map(\.displayName).joined(separator: ", ") }
}
