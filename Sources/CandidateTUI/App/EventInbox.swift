import NIOConcurrencyHelpers

/// Events posted by effect tasks, drained by the UI loop: the only state shared across threads.
///
/// A drain takes the oldest events by moving a start index, so a backlog (a fast bulk change
/// ahead of the screen) is not copied again on every turn of the loop.
final class EventInbox: Sendable {
    private struct Queue {
        var events: [Event] = []
        /// The first event not drained yet.
        var head = 0
    }

    private let queue = NIOLockedValueBox(Queue())

    func post(_ e: Event) {
        queue.withLockedValue { $0.events.append(e) }
    }

    /// The oldest `limit` events (the rest stay for the next call).
    func drain(limit: Int) -> [Event] {
        queue.withLockedValue { q in
            let end = min(q.head + max(0, limit), q.events.count)
            let out = Array(q.events[q.head..<end])
            q.head = end
            if q.head == q.events.count {
                q.events.removeAll(keepingCapacity: q.events.count <= 4096)
                q.head = 0
            } else if q.head >= 4096 && q.head * 2 >= q.events.count {
                // What was drained is dropped once it is most of the buffer: each event moves
                // at most once more, however long the backlog.
                q.events.removeFirst(q.head)
                q.head = 0
            }
            return out
        }
    }
}
