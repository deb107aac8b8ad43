/// Low-bandwidth mode's typeahead: while a move key is held (keys arriving faster than
/// `quiet`), frames wait until it is let go — the rows it passes over are never sent — but
/// never longer than `longest`, so the screen still catches up now and then. Typing is never
/// held back. Times are uptime nanoseconds.
struct Typeahead: Equatable {
    /// A pause this long ends a burst of keys.
    static let quiet: UInt64 = 120_000_000
    /// The longest a frame waits during a burst.
    static let longest: UInt64 = 2_000_000_000

    /// When the burst's first key that has not been drawn came.
    private(set) var since: UInt64?
    private var lastKey: UInt64 = 0

    /// A key that only moves (a cursor, a mark, a scroll) came at `now`.
    mutating func moveKey(at now: UInt64) {
        if since == nil { since = now }
        lastKey = now
    }

    /// Any other key: its effect is drawn without waiting.
    mutating func otherKey() { since = nil }

    /// How long to wait before drawing (0: draw now).
    func wait(at now: UInt64) -> UInt64 {
        guard let since, now &- since < Self.longest else { return 0 }
        let quietEnds = lastKey &+ Self.quiet
        return quietEnds > now ? quietEnds - now : 0
    }

    /// A frame was drawn.
    mutating func drew() { since = nil }
}

extension AppModel {
    /// Whether `key` only moves here — the list's cursor, a mark, a scrolling panel or menu —
    /// so low-bandwidth mode may draw its result together with the next ones.
    func isMoveKey(_ key: Key) -> Bool {
        switch keyContext() {
        case .list, .range:
            let action = options.keys.action(for: key, in: .list)
            return [.up, .down, .pageUp, .pageDown, .mark].contains(action)
        case .bulkPreview, .bulkResult, .menu, .picker, .help:
            return [.up, .down, .pageUp, .pageDown, .char("j"), .char("k")].contains(key)
        default:
            return false
        }
    }
}
