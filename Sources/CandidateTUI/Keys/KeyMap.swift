import CandidateCore

/// The one key table: which key does what in each context. Key handling, the hint line, the
/// `?` help page and the key tables of docs/keys.md are all read from it, so they cannot
/// disagree. The list's and the form's actions can be given other keys from the config file
/// (`remapped(_:)`).
public struct KeyMap: Equatable, Sendable {
    private var table: [KeyContext: [KeyBinding]]

    /// The rows of a context, in the order help shows them.
    public func bindings(_ context: KeyContext) -> [KeyBinding] { table[context] ?? [] }

    /// The action a key starts in a context, or `nil` when the key does nothing there.
    public func action(for key: Key, in context: KeyContext) -> KeyAction? {
        bindings(context).first { $0.action != nil && $0.keys.contains(key) }?.action
    }

    /// The keys of an action in a context (empty when it has none).
    public func keys(for action: KeyAction, in context: KeyContext) -> [Key] {
        bindings(context).first { $0.action == action }?.keys ?? []
    }

    /// The hint line's entries for a context, in table order.
    func hints(_ context: KeyContext) -> [KeyHint] {
        let rows = bindings(context)
        return rows.compactMap { b in
            guard let word = b.hint else { return nil }
            var label = b.hintLabel ?? b.keysText ?? b.keys.prefix(max(1, b.hintKeys)).map(\.displayName).joined(separator: "/")
            if let before = b.hintAfter, let first = rows.first(where: { $0.action == before })?.keys.first {
                label = first.displayName + label
            }
            return KeyHint(label + " " + word, b.priority)
        }
    }

    /// The help page's lines for a context, `width` cells wide: the keys in a column, then what
    /// they do, wrapped under itself.
    func helpLines(_ context: KeyContext, width: Int) -> [String] {
        let rows = bindings(context)
        let keysWidth = min(18, rows.map { DisplayText.width($0.keysLabel) }.max() ?? 0)
        let doesWidth = max(10, width - keysWidth - 2)
        return rows.flatMap { b in
            let does = DisplayText.wrap(b.does.replacingOccurrences(of: "`", with: ""), to: doesWidth)
            return does.enumerated().map { i, line in
                (i == 0 ? DisplayText.fit(b.keysLabel, to: keysWidth) : String(repeating: " ", count: keysWidth)) + "  " + line
            }
        }
    }

    /// Every context's table as Markdown (`### Title` and a `| keys | does |` table; the list
    /// and the form add the action's config name), as docs/keys.md holds it between its
    /// `keys:begin` and `keys:end` markers.
    public func markdown() -> String {
        KeyContext.allCases.map { context in
            let named = context.isRemappable
            return "### \(context.title)\n\n" + (named ? "| keys | action | does |\n|---|---|---|\n" : "| keys | does |\n|---|---|\n")
                + bindings(context).map { b in
                    let keys = b.keysText ?? b.keys.map { "`\($0.displayName)`" }.joined(separator: ", ")
                    let action = named ? " \(b.action.map { "`\($0.rawValue)`" } ?? "") |" : ""
                    return "| \(keys) |\(action) \(b.does.replacingOccurrences(of: "|", with: "\\|")) |\n"
                }.joined()
        }.joined(separator: "\n")
    }

    /// This table with actions given other keys, as the config's `[keys]` table says:
    /// `action-name = "key"` or `= ["key", "key"]` (names as `Key(configName:)` reads them).
    /// An action of both the list and the form gets the keys in both.
    /// - Throws: `KeyMapProblem` naming the action for an unknown action or key name, a key
    ///   given to two actions of one context, or a printable key in the form (it types there).
    public func remapped(_ remaps: [(action: String, keys: [String])]) throws(KeyMapProblem) -> KeyMap {
        var map = self
        for (name, names) in remaps {
            guard let action = KeyAction(rawValue: name) else {
                throw KeyMapProblem(action: name, message: "unknown action '\(name)' (actions: "
                    + Self.remappableActions.map(\.rawValue).joined(separator: ", ") + ")")
            }
            guard !names.isEmpty else { throw KeyMapProblem(action: name, message: "'\(name)' needs at least one key") }
            var keys: [Key] = []
            for n in names {
                guard let key = Key(configName: n) else {
                    throw KeyMapProblem(action: name, message: "'\(n)' is not a key name (e.g. \"S\", \"ctrl-r\", \"f5\", \"space\", \"pgdn\")")
                }
                if let reason = Self.reserved(key) {
                    throw KeyMapProblem(action: name, message: "'\(n)' \(reason); give '\(name)' another key")
                }
                if !keys.contains(key) { keys.append(key) }
            }
            var found = false
            for context in KeyContext.allCases where context.isRemappable {
                guard let i = map.table[context]?.firstIndex(where: { $0.action == action }) else { continue }
                found = true
                let standardKeys = KeyMap.standard.keys(for: action, in: context)
                if context == .form, let typed = keys.first(where: { LineEditor.isEditingKey($0) && !standardKeys.contains($0) }) {
                    throw KeyMapProblem(action: name, message: "\(typed.displayName) edits the text of the form's fields; give '\(name)' a function key or another control key")
                }
                map.table[context]![i].keys = keys
            }
            if !found {
                throw KeyMapProblem(action: name, message: "'\(name)' cannot be remapped (actions: "
                    + Self.remappableActions.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }
        for context in KeyContext.allCases where context.isRemappable {
            var owner: [Key: KeyAction] = [:]
            for b in map.bindings(context) {
                guard let action = b.action else { continue }
                for key in b.keys {
                    if let other = owner[key], other != action {
                        // Named by the entry the config wrote, so the message points at its line.
                        let written = remaps.contains { $0.action == other.rawValue } ? other : action
                        throw KeyMapProblem(action: written.rawValue, message: "\(key.displayName) is given to both '\(other.rawValue)' and '\(action.rawValue)' on the \(context.rawValue)")
                    }
                    owner[key] = action
                }
            }
        }
        return map
    }

    /// Why a key cannot be given to an action, or `nil`: control keys the terminal sends as
    /// another key (Ctrl-I is Tab, Ctrl-M and Ctrl-J are Enter, Ctrl-H is Backspace) or keeps
    /// for itself (Ctrl-C interrupts, Ctrl-Z suspends, Ctrl-S/Ctrl-Q may be flow control, Ctrl-\\ quits).
    static func reserved(_ key: Key) -> String? {
        guard case .ctrl(let c) = key else { return nil }
        switch c {
        case "i": return "is the same key as Tab to the terminal"
        case "m", "j": return "is the same key as Enter to the terminal"
        case "h": return "is the same key as Backspace to the terminal"
        case "c": return "interrupts the program"
        case "z": return "suspends the program"
        case "q": return "is flow control on many terminals"
        default: return nil
        }
    }

    /// Actions the config file may give other keys, in table order.
    public static var remappableActions: [KeyAction] {
        var seen: [KeyAction] = []
        for context in KeyContext.allCases where context.isRemappable {
            for case let a? in standard.bindings(context).map(\.action) where !seen.contains(a) { seen.append(a) }
        }
        return seen
    }

    init(_ table: [KeyContext: [KeyBinding]]) { self.table = table }
}

/// A `[keys]` entry that cannot be used.
public struct KeyMapProblem: Error, Equatable, CustomStringConvertible {
    /// The action as the config names it (the key of the entry).
    public var action: String
    public var message: String
    public var description: String { message }
}

extension Key: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(displayName) }
}
