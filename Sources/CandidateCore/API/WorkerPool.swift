import NIOConcurrencyHelpers

/// Up to N workers that take items by index from one shared counter: how the bulk engine
/// sends its PATCHes and how the client reads candidates one by one.
enum WorkerPool {
    /// Calls `body` with 0, 1, … `count − 1`, each once, from at most `concurrency` tasks at a
    /// time (at least 1). A worker stops taking items when its task is cancelled or `body`
    /// returns `false`; returns when every worker has stopped.
    static func forEach(_ count: Int, concurrency: Int, _ body: @escaping @Sendable (Int) async -> Bool) async {
        let next = NIOLockedValueBox(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(max(1, concurrency), count) {
                group.addTask {
                    while !Task.isCancelled {
                        let slot: Int? = next.withLockedValue { n in
                            guard n < count else { return nil }
                            defer { n += 1 }
                            return n
                        }
                        guard let slot, await body(slot) else { return }
                    }
                }
            }
        }
    }
}
