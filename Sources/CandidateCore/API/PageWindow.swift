/// Which page numbers of a paged listing to request next when several requests may be in
/// flight, and their answers handed back in page order. Pure bookkeeping: no requests, no clock.
///
/// The rules:
/// - at most `width` requests in flight, fewer at the start: one at a time until two pages were
///   delivered (page 2 is where a server that repeats its pages shows), then one more per page
///   delivered (1, 1, 1, 2, 3, … `width`), so a server whose pages stop making sense early is
///   asked few pages it never needed;
/// - only pages up to `lastAllowed` (the caller raises it with `allow(through:)` as pages
///   announce how many there are), and none `span` or more pages ahead of the oldest page not
///   yet delivered, so out-of-order answers waiting for an older one stay bounded;
/// - a failed page (`failed(_:)`) is requested again before any newer page;
/// - `arrived(_:_:)` returns the answers that are now next in page order, oldest first (or
///   `keep(_:_:)` holds an answer and `takeNext()` hands them out one at a time); the answer
///   to the page due next is taken even when the caller asked for it without `next()`;
/// - after `stop()` nothing more is requested and answers still in flight are dropped.
public struct PageWindow<Answer> {
    /// Requests kept in flight when nothing says otherwise.
    public static var defaultWidth: Int { 4 }

    /// Most requests in flight at once (at least 1).
    public let width: Int
    /// How far ahead of the oldest undelivered page a request may go, in pages (at least `width`).
    public let span: Int
    /// The highest page number that may be requested.
    public private(set) var lastAllowed: Int
    /// The page whose answer is handed out next.
    public private(set) var nextToDeliver: Int
    /// Pages handed out so far.
    public private(set) var delivered = 0
    /// Whether `stop()` ended the walk.
    public private(set) var isStopped = false

    private var nextUnrequested: Int
    /// Failed pages to request again, smallest first.
    private var again: [Int] = []
    private var inFlight: Set<Int> = []
    private var waiting: [Int: Answer] = [:]

    /// - Parameters:
    ///   - width: most requests in flight (at least 1).
    ///   - span: pages ahead of the oldest undelivered one a request may reach; `nil`: twice `width`.
    ///   - firstPage: the first page number (1 in the API); only it is allowed at first.
    public init(width: Int = PageWindow.defaultWidth, span: Int? = nil, firstPage: Int = 1) {
        self.width = max(1, width)
        self.span = max(self.width, span ?? 2 * self.width)
        lastAllowed = firstPage
        nextToDeliver = firstPage
        nextUnrequested = firstPage
    }

    /// Requests in flight.
    public var inFlightCount: Int { inFlight.count }
    /// Answers that arrived and were not handed out yet: ahead of an older page, or kept for `takeNext()`.
    public var waitingCount: Int { waiting.count }
    /// Whether a failed page waits to be requested again.
    public var hasPagesToAskAgain: Bool { !again.isEmpty }
    /// Whether any page is in flight or waits to be requested again.
    public var isBusy: Bool { !inFlight.isEmpty || !again.isEmpty }
    /// Requests allowed in flight now (the slow start described on the type).
    public var currentWidth: Int { min(width, max(1, delivered - 1)) }

    /// Lets pages up to `page` be requested (never lowers what was allowed).
    public mutating func allow(through page: Int) {
        lastAllowed = max(lastAllowed, page)
    }

    /// The page to request now, counted as in flight; `nil` when the rules above hold it back.
    public mutating func next() -> Int? {
        guard !isStopped, inFlight.count < currentWidth else { return nil }
        if let page = again.first {
            again.removeFirst()
            inFlight.insert(page)
            return page
        }
        let page = nextUnrequested
        guard page <= lastAllowed, page < nextToDeliver + span else { return nil }
        nextUnrequested += 1
        inFlight.insert(page)
        return page
    }

    /// Every page `next()` gives now, in order.
    public mutating func nextPages() -> [Int] {
        var pages: [Int] = []
        while let p = next() { pages.append(p) }
        return pages
    }

    /// The answer to `page` arrived; returns the answers now next in page order (empty while an
    /// older page is still missing, or after `stop()`). An answer to a page neither in flight
    /// nor due next is ignored.
    public mutating func arrived(_ page: Int, _ answer: Answer) -> [(page: Int, answer: Answer)] {
        keep(page, answer)
        var ready: [(page: Int, answer: Answer)] = []
        while let next = takeNext() { ready.append(next) }
        return ready
    }

    /// The answer to `page` arrived: it waits until `takeNext()` hands it out in page order
    /// (for a caller that applies one page at a time). Ignored after `stop()`, and for a page
    /// neither in flight nor due next.
    public mutating func keep(_ page: Int, _ answer: Answer) {
        guard !isStopped else { return }
        if inFlight.remove(page) == nil {
            // Asked for outside the window (or again after a failure): only the page due next counts.
            guard page == nextToDeliver else { return }
            again.removeAll { $0 == page }
            nextUnrequested = max(nextUnrequested, page + 1)
        }
        waiting[page] = answer
    }

    /// Whether the answer to the page due next has arrived (`takeNext()` would hand it out).
    public var nextIsReady: Bool { !isStopped && waiting[nextToDeliver] != nil }

    /// The answer to the page due next, when it has arrived; it counts as delivered.
    public mutating func takeNext() -> (page: Int, answer: Answer)? {
        guard !isStopped, let answer = waiting.removeValue(forKey: nextToDeliver) else { return nil }
        defer {
            nextToDeliver += 1
            delivered += 1
        }
        return (nextToDeliver, answer)
    }

    /// The request for `page` brought no answer: it is requested again before any newer page.
    public mutating func failed(_ page: Int) {
        guard inFlight.remove(page) != nil, !isStopped else { return }
        again.append(page)
        again.sort()
    }

    /// Nothing more is requested; answers waiting or still in flight are dropped.
    public mutating func stop() {
        isStopped = true
        again.removeAll()
        waiting.removeAll()
    }
}

extension PageWindow: Sendable where Answer: Sendable {}
