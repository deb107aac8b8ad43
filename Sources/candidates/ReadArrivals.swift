import CandidateCore
import Foundation

/// Candidates as their reads finish, handed from the reading task to the sending loop in
/// batches: everything that arrived since the last batch, so PATCHes start while reading goes on.
final class ReadArrivals: @unchecked Sendable {
    typealias Arrival = (id: String, result: Result<Candidate, APIError>)
    private let lock = NSLock()
    private var waiting: [Arrival] = []
    private var closed = false
    private let bell: AsyncStream<Void>
    private let ring: AsyncStream<Void>.Continuation

    init() {
        (bell, ring) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// One read finished (called from any task).
    func push(_ id: String, _ result: Result<Candidate, APIError>) {
        lock.lock()
        waiting.append((id, result))
        lock.unlock()
        ring.yield()
    }

    /// No read follows.
    func close() {
        lock.lock()
        closed = true
        lock.unlock()
        ring.finish()
    }

    /// Every arrival not yet taken, waiting for at least one; `nil` once closed and all taken.
    /// Call from one task only.
    func next() async -> [Arrival]? {
        var doorbell = bell.makeAsyncIterator()
        while true {
            let (batch, done) = take()
            if !batch.isEmpty { return batch }
            if done { return nil }
            _ = await doorbell.next()
        }
    }

    /// The arrivals waiting (now taken) and whether the reading had already ended.
    private func take() -> (batch: [Arrival], closed: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let batch = waiting
        waiting = []
        return (batch, closed)
    }
}
