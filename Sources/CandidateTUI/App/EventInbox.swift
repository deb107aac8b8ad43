import NIOConcurrencyHelpers

/// Events posted by effect tasks, drained by the UI loop: the only state shared across threads.
final class EventInbox: Sendable {
    private let events = NIOLockedValueBox<[Event]>([])

    func post(_ e: Event) {
        events.withLockedValue { $0.append(e) }
    }

    /// The oldest `limit` events (the rest stay for the next call).
    func drain(limit: Int) -> [Event] {
        events.withLockedValue { events in
            let n = min(limit, events.count)
            let out = Array(events.prefix(n))
            events.removeFirst(n)
            return out
        }
    }
}
