/// How a bulk command reads the candidates it was given before it changes them: list pages
/// (`GET /candidates?limit=100`, filtered server-side by `status=` when only some statuses
/// matter) and pick the ids, or read each id (`GET /candidates/{id}`) in parallel.
///
/// Pure: the choice follows from the numbers given, so `--dry-run` can say which was chosen and
/// why, and tests can pin it down.
/// - When the rate limit binds (the reads and the changes together need more requests than the
///   budget has left), the fewest requests win: every request spent on reading delays the run
///   by a whole request's share of the window.
/// - Otherwise the least time wins: a page costs about `pageCost` single reads (a hundred
///   candidates to send and decode instead of one); pages run at most `pagesInFlight` at a time,
///   single reads `concurrency` at a time. Reading stops once every id is found, so the pages
///   counted are those expected to hold the unread ids at the rate the pages already read held
///   them (all the pages left when they held none).
public struct CandidateReadPlan: Sendable, Equatable {
    /// Which way the candidates are read.
    public enum Way: String, Sendable, Equatable {
        /// List pages (of the statuses in `statuses`, or of everyone), pick the ids; an id the
        /// lists did not hold is then read on its own, so a missing or foreign one fails with the
        /// server's 404/403 and one at another status is reported with that status.
        case listPages = "list_pages"
        /// One `GET /candidates/{id}` per id, in parallel.
        case singleReads = "single_reads"
    }

    /// What the rate limit allows right now: requests left before the tightest window resets.
    public struct Budget: Sendable, Equatable {
        /// Requests left in the tightest window; `nil` when the server announces no limit.
        public var remaining: Int?
        /// The tightest window's limit per minute, for the reason text; `nil` when unknown.
        public var perMinute: Int?

        public init(remaining: Int?, perMinute: Int? = nil) {
            self.remaining = remaining
            self.perMinute = perMinute
        }

        /// Before any answer: the API's default, 60 per minute (API page, "Rate limits").
        public static let assumed = Budget(remaining: 60, perMinute: 60)
        /// A server that sends no rate-limit headers.
        public static let unlimited = Budget(remaining: nil, perMinute: nil)
    }

    /// Ids below this many are read one by one without looking at any list (a page is not worth
    /// asking for); the default of `choose`'s `listThreshold`.
    public static let listThreshold = 10
    /// A page of 100 costs about this many single reads of time. Measured against the sandbox on
    /// 127.0.0.1 with curl (company of 20,000): a page 5.7–6.7 ms and a single read 0.8–1.0 ms one
    /// at a time, 3.4–3.8 ms and 0.34–0.36 ms each with 8 in flight; decoding a page is also
    /// about a hundred times the work of decoding one candidate.
    public static let pageCost = 10
    /// List pages in flight at most: each is a hundred candidates for the server to render and
    /// for the client to decode, and pages read past the last id found are wasted.
    public static let pagesInFlight = 4
    /// Candidates per list page.
    public static let pageSize = 100

    public let way: Way
    /// The statuses the pages are filtered by (`status=`, one list each); empty: every candidate.
    public let statuses: [CandidateStatus]
    /// List pages the list way takes in all (those already read included).
    public let pages: Int?
    /// List pages past those already read that the list way expects to need to find every unread
    /// id (at the rate the pages read held them); `nil` when no list is read. The reader reads at
    /// most twice as many before it reads the ids still missing one by one.
    public let expectedPages: Int?
    /// Single reads the single way takes (ids not yet found).
    public let singleReads: Int
    /// Whether the rate limit binds (the fewest requests were chosen rather than the least time).
    public let rateLimitBinds: Bool
    /// One line for people: why this way was chosen.
    public let reason: String

    /// Chooses how to read.
    ///
    /// - Parameters:
    ///   - ids: distinct ids given.
    ///   - unread: ids not yet found (e.g. not on the first pages already read); defaults to `ids`.
    ///   - listTotals: how many candidates each list holds (one per status of `onlyFrom`, or one
    ///     for everyone the key sees), from the first page's `total`; `nil` when not known.
    ///   - pagesRead: list pages already read (their ids are not in `unread`).
    ///   - onlyFrom: the statuses that matter (`--only-from`); empty: all.
    ///   - sends: the changes the run will send at most after reading (for whether the limit binds).
    ///   - budget: the rate limit's budget (`Budget.assumed` before any answer).
    ///   - concurrency: requests in flight at most.
    ///   - listThreshold: fewer ids than this are read one by one without looking at any list.
    public static func choose(ids: Int, unread: Int? = nil, listTotals: [Int]?, pagesRead: Int = 0,
                              onlyFrom: [CandidateStatus] = [], sends: Int? = nil, budget: Budget = .assumed,
                              concurrency: Int = 4, listThreshold: Int = CandidateReadPlan.listThreshold) -> CandidateReadPlan {
        let unread = max(0, unread ?? ids)
        let filterText = onlyFrom.isEmpty ? "" : " of " + onlyFrom.map(\.rawValue).joined(separator: ", ")
        guard ids >= listThreshold else {
            return CandidateReadPlan(way: .singleReads, statuses: [], pages: nil, expectedPages: nil, singleReads: unread, rateLimitBinds: false,
                                     reason: "\(count(ids, "id")), fewer than \(listThreshold): no list is worth reading")
        }
        guard let listTotals else {
            return CandidateReadPlan(way: .singleReads, statuses: [], pages: nil, expectedPages: nil, singleReads: unread, rateLimitBinds: false,
                                     reason: "the size of the list is unknown")
        }
        let pages = listTotals.reduce(0) { $0 + max(1, ($1 + pageSize - 1) / pageSize) }
        let pagesLeft = max(0, pages - pagesRead)
        // The ids the pages already read held, per page: the rest is expected at that rate.
        let found = max(0, ids - unread)
        let expected = found > 0 && pagesRead > 0 ? min(pagesLeft, (unread * pagesRead + found - 1) / found) : pagesLeft
        let listed = listTotals.reduce(0, +)
        let sends = sends ?? ids
        let fewest = min(pagesLeft, unread)
        let binds = budget.remaining.map { fewest + sends > $0 } ?? false
        let limitText = budget.perMinute.map { "\($0)/min" } ?? "\(budget.remaining ?? 0) left"
        let pagesText = "\(count(pages, "page"))\(filterText) for \(count(listed, "candidate"))"

        if unread == 0 || pagesLeft == 0 {
            return CandidateReadPlan(way: .listPages, statuses: onlyFrom, pages: pages, expectedPages: 0, singleReads: unread, rateLimitBinds: binds,
                                     reason: "\(pagesText): every page is already read")
        }
        let useList: Bool
        let why: String
        if binds {
            useList = pagesLeft < unread
            why = "the rate limit binds (\(limitText)): fewest requests"
        } else {
            // Rounds of requests in flight; a page round costs `pageCost` single rounds.
            let c = max(1, concurrency), p = min(c, pagesInFlight)
            let listTime = (expected + p - 1) / p * pageCost
            let singleTime = (unread + c - 1) / c
            useList = listTime < singleTime
            why = budget.remaining == nil ? "no rate limit: least time" : "the rate limit does not bind (\(limitText)): least time"
        }
        let expectText = useList && !binds && expected < pagesLeft
            ? " (about \(expected) more, at the \(found / max(1, pagesRead)) ids a page held so far)" : ""
        let plan = useList
            ? "\(pagesText)\(expectText) instead of \(count(unread, "single read"))"
            : "\(count(unread, "single read")) instead of \(pagesText)"
        return CandidateReadPlan(way: useList ? .listPages : .singleReads, statuses: useList ? onlyFrom : [], pages: pages,
                                 expectedPages: useList ? (binds ? pagesLeft : expected) : nil,
                                 singleReads: unread, rateLimitBinds: binds, reason: "\(plan); \(why)")
    }

    /// `list pages (16 pages for 1,560 candidates instead of 1,000 single reads; no rate limit: least time)`.
    public var description: String {
        (way == .listPages ? "list pages" : "single reads") + " (\(reason))"
    }

    private init(way: Way, statuses: [CandidateStatus], pages: Int?, expectedPages: Int?, singleReads: Int, rateLimitBinds: Bool,
                 reason: String) {
        self.way = way; self.statuses = statuses; self.pages = pages; self.expectedPages = expectedPages; self.singleReads = singleReads
        self.rateLimitBinds = rateLimitBinds; self.reason = reason
    }

    private static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
