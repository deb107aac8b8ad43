import NIOConcurrencyHelpers
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Events posted by effect tasks, drained by the UI loop: the only state shared across threads.
///
/// A drain takes the oldest events by moving a start index, so a backlog (a fast bulk change
/// ahead of the screen) is not copied again on every turn of the loop.
///
/// Posting also makes `wakeFD` readable, so a loop waiting for a key (`Terminal.readKey`)
/// wakes as soon as a result arrives instead of at the end of its wait: pages answered every
/// few milliseconds are applied, and the next ones asked, without waiting out a key timeout.
/// It stays readable while events wait to be drained.
final class EventInbox: Sendable {
    private struct Queue {
        var events: [Event] = []
        /// The first event not drained yet.
        var head = 0
        /// A byte is in the wake pipe (or about to be written): later posts need not write one.
        var woken = false
    }

    private let queue = NIOLockedValueBox(Queue())
    /// The read end of the wake pipe (non-blocking); `-1` when no pipe could be made, and the
    /// loop then sees events at the end of its waits, as without one.
    let wakeFD: Int32
    private let wakeWriteFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeFD = fds[0]
        wakeWriteFD = fds[1]
    }

    deinit {
        if wakeFD >= 0 { close(wakeFD) }
        if wakeWriteFD >= 0 { close(wakeWriteFD) }
    }

    func post(_ e: Event) {
        queue.withLockedValue { q in
            q.events.append(e)
            // Written under the lock, as `drain` empties the pipe under it: a byte written after
            // a drain took this event would leave the pipe readable with nothing to drain, and
            // the loop's wait for a key would return at once, again and again.
            guard !q.woken, wakeWriteFD >= 0 else { return }
            q.woken = true
            var byte: UInt8 = 1
            // A full pipe is already readable: nothing is lost when this write fails.
            _ = write(wakeWriteFD, &byte, 1)
        }
    }

    /// The oldest `limit` events (the rest stay for the next call). Once nothing is left,
    /// `wakeFD` is emptied until the next post.
    func drain(limit: Int) -> [Event] {
        queue.withLockedValue { q in
            let end = min(q.head + max(0, limit), q.events.count)
            let out = Array(q.events[q.head..<end])
            q.head = end
            if q.head == q.events.count {
                q.events.removeAll(keepingCapacity: q.events.count <= 4096)
                q.head = 0
                // Emptied under the lock: a post after this writes a byte again.
                q.woken = false
                if wakeFD >= 0 {
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { sink in
                        while read(wakeFD, sink.baseAddress, sink.count) > 0 {}
                    }
                }
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
