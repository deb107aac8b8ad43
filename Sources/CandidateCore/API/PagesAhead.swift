import NIOConcurrencyHelpers

/// The pages of one listing fetched ahead of its reader: up to `width` requests at once, chosen
/// by a `PageWindow`, handed to the reader in page order and checked by a `PageWalk`.
///
/// `next()` starts what the window allows, then waits for the oldest page. Requests start only
/// when the reader asks for a page, so a reader that stops early leaves at most the window's
/// requests unread. Each request runs in its own task (what it does with the rate limit and
/// retries is up to `fetch`); cancelling the reader, or releasing this object, cancels the
/// ones not yet answered.
final class PagesAhead: Sendable {
    typealias Fetch = @Sendable (_ page: Int) async throws -> Page<Candidate>

    private struct State {
        var window: PageWindow<Void>
        var walk = PageWalk()
        var requests: [Int: Task<Result<Page<Candidate>, Error>, Never>] = [:]
        var ended = false

        /// Ends the walk: nothing more is asked, requests not answered yet are cancelled.
        mutating func end() {
            ended = true
            window.stop()
            for task in requests.values { task.cancel() }
            requests.removeAll()
        }
    }

    private let state: NIOLockedValueBox<State>
    private let lastPage: Int
    private let fetch: Fetch

    /// - Parameters:
    ///   - width: most requests at once (at least 1).
    ///   - lastPage: no page after this one is asked.
    ///   - fetch: one page, by number (1-based).
    init(width: Int, lastPage: Int, fetch: @escaping Fetch) {
        state = NIOLockedValueBox(State(window: PageWindow(width: width)))
        self.lastPage = lastPage
        self.fetch = fetch
    }

    deinit {
        state.withLockedValue { $0.end() }
    }

    /// The next page in order, its items only those not listed before; `nil` at the end.
    /// - Throws: the failed page's error, or the walk's `APIError.decoding` (see `PageWalk`);
    ///   `CancellationError` when the calling task is cancelled.
    func next() async throws -> Page<Candidate>? {
        try Task.checkCancellation()
        let waiting: (number: Int, task: Task<Result<Page<Candidate>, Error>, Never>)? = try state.withLockedValue { s in
            guard !s.ended else { return nil }
            if let problem = s.walk.problem {
                s.end()
                throw problem
            }
            guard let wanted = s.walk.nextPage, wanted <= lastPage else {
                s.end()
                return nil
            }
            for number in s.window.nextPages() {
                let fetch = self.fetch
                s.requests[number] = Task {
                    do { return .success(try await fetch(number)) } catch { return .failure(error) }
                }
            }
            let number = s.window.nextToDeliver
            guard let task = s.requests[number] else { return nil }
            return (number, task)
        }
        guard let waiting else { return nil }
        let result = await withTaskCancellationHandler {
            await waiting.task.value
        } onCancel: {
            self.state.withLockedValue { $0.end() }
        }
        return try state.withLockedValue { s in
            guard !s.ended else { throw CancellationError() }
            s.requests[waiting.number] = nil
            _ = s.window.arrived(waiting.number, ())
            do {
                var page = try result.get()
                page.items = try s.walk.accept(page)
                // Pages up to the last one the server announced may go ahead; beyond it, one
                // at a time as the walk asks.
                if let following = s.walk.nextPage {
                    s.window.allow(through: min(max(following, page.totalPages), lastPage))
                }
                return page
            } catch {
                s.end()
                throw error
            }
        }
    }
}
