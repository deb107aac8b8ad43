import Foundation
import Testing

/// Runs each test of a suite on a thread of its own instead of Swift's shared concurrency pool.
///
/// End-to-end tests block: they poll a terminal or a file with a deadline, and wait for child
/// processes. The shared pool has one thread per core (two on a small CI machine), so a few
/// such tests at once would hold every thread of it and starve the other suites' async work —
/// an in-process server, a bulk run — until their own deadlines pass.
struct OwnThreadTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        // A suite's own scope holds no test body: only test cases get a thread.
                guard testCase != nil else { return try await function() }
        let executor = OwnThreadExecutor()
        defer { executor.finish() }
        try await withTaskExecutorPreference(executor) { try await function() }
    }
}

extension SuiteTrait where Self == OwnThreadTrait {
    /// Each test of the suite runs on a thread of its own (see `OwnThreadTrait`).
    static var ownThread: Self { Self() }
}

extension TestTrait where Self == OwnThreadTrait {
    /// The test runs on a thread of its own (see `OwnThreadTrait`).
    static var ownThread: Self { Self() }
}

/// A task executor with one thread of its own, for one test. Work that arrives after the
/// test has finished goes to the shared pool, so nothing is left waiting.
final class OwnThreadExecutor: TaskExecutor, @unchecked Sendable {
    /// Whether the calling code runs on such a thread.
    static var isCurrent: Bool { Thread.current.threadDictionary[markKey] as? Bool == true }
    private static let markKey = "candidates.ownThreadExecutor"

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false

    init() {
        let thread = Thread { [self] in
            Thread.current.threadDictionary[Self.markKey] = true
            self.drain()
        }
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        if finished {
            condition.unlock()
            globalConcurrentExecutor.enqueue(job)
            return
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread once the jobs it holds have run.
    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
