import CandidateCore
import Foundation

extension ListModel {
    /// A page's answer as it waits in the window for its turn: the page, and its items' folded
    /// search texts (`SearchText.haystack`, one per item, in order), made in the task that read
    /// the page so the UI thread does not fold them; `nil` when they were not made there.
    struct ArrivedPage: Sendable {
        var page: Page<Candidate>
        var haystacks: [[UInt8]]?
    }
}

/// Loading the list and the job catalog: pages as they arrive or fail, retries after a
/// transient failure, background paging within the rate-limit reserve, and reloading.
///
/// Page 1 is asked alone (first rows soon); then up to `ListModel.pagesInFlight` pages are
/// asked at once (`PageWindow`: ramping up, never past the last page the server announced),
/// and their answers are applied in page order, whatever order they arrive in.
extension AppModel {
    /// How the message line starts while pages fail.
    static let loadFailurePrefix = "Could not load candidates"
    /// Times a page (or the job list) is asked again after a transient failure before giving
    /// up (`RetryPolicy.reload`: 5).
    static let loadRetries = RetryPolicy.reload.maxRetries
    /// The pause before retry `attempt` (1-based): 1, 2, 4, 8, 16 s (`RetryPolicy.reload`).
    static func retryWait(attempt: Int) -> Double { RetryPolicy.reload.backoff(afterAttempt: attempt) }

    /// The answer to page `number` (`nil`: the page due next) arrived. It is applied when it is
    /// next in page order; pages that waited for it follow, one per turn of the update loop
    /// (`applyWaitingPage`), so a key typed meanwhile is read between two pages, never behind a
    /// run of them. Then more pages are asked for as allowed.
    mutating func pageArrived(_ generation: Int, number: Int?, _ answer: Page<Candidate>, haystacks: [[UInt8]]? = nil) -> [Effect] {
        guard generation == list.generation else { return [] }
        list.window.keep(number ?? list.window.nextToDeliver, ListModel.ArrivedPage(page: answer, haystacks: haystacks))
        return applyWaitingPage(generation)
    }

    /// Applies the page due next when its answer has arrived; when the one after it waits too,
    /// asks for another turn (`.applyNextPage`). Then more pages are asked for as allowed.
    mutating func applyWaitingPage(_ generation: Int) -> [Effect] {
        guard generation == list.generation else { return [] }
        list.loading = list.window.inFlightCount > 0
        if list.hasMore, let (_, page) = list.window.takeNext() { applyPage(page) }
        if !list.hasMore {
            list.window.stop()
            list.loading = false
        }
        var effects = prefetchIfNeeded()
        if list.window.nextIsReady {
            effects.append(.applyNextPage(generation: generation))
            // Still loading, though nothing may be in flight: the header says so between turns.
            list.loading = true
        }
        return effects
    }

    /// Applies the next page in order. When the server's pages stop making sense the walk stops
    /// on it (`hasMore` is then false) and says why.
    private mutating func applyPage(_ arrived: ListModel.ArrivedPage) {
        // The pages are checked as `list` checks them: a server that repeats pages or claims
        // more than it has is stopped with its reason, not followed for 10,000 pages.
        var page = arrived.page
        do {
            page.items = try list.walk.accept(arrived.page)
        } catch {
            list.loadError = "\(error)"
            stopLoading(because: "\(error)")
            return
        }
        // Pages up to the last one the server announced may be asked ahead; beyond it, one at a time.
        if let following = list.walk.nextPage { list.window.allow(through: max(following, page.totalPages)) }
        // The walk keeps items in order and drops only candidates already listed: the folded
        // search texts line up while it kept every one, and `append` folds again when it did not
        // (their count then differs).
        list.append(page.items, haystacks: arrived.haystacks)
        marks.refresh(page.items)
        // What said the list was reloading or failing is over once a page arrived.
        if let text = flash?.text, text == "Reloading…" || text.hasPrefix(Self.loadFailurePrefix) { flash = nil }
        list.total = page.total
        if list.markAllPending {
            // `*` marks what the list showed when it was pressed: the server's filters and
            // the search typed then (changing the search meanwhile does not widen it).
            marks.mark(page.items.filter { list.matches(id: $0.id, needle: list.markAllNeedle) })
            if list.walk.problem == nil {
                if list.hasMore { flash = Flash(text: markingProgress(), kind: .info) } else { finishMarkingAll() }
            }
        }
        // A later page that failed is still to be asked again: its failure still stands.
        if !list.window.hasPagesToAskAgain {
            list.loadError = nil
            list.failedAttempts = 0
            list.lastFailure = nil
        }
        noticeUnknownStatuses()
        noticeSkipped(page.skipped)
        if let problem = list.walk.problem { stopLoading(because: problem.description) }
    }

    /// The request for page `number` (`nil`: the page due next) failed: it is asked again
    /// before any later page, after the pause below.
    mutating func pageFailed(_ generation: Int, number: Int?, _ error: APIError) -> [Effect] {
        guard generation == list.generation else { return [] }
        list.window.failed(number ?? list.window.nextToDeliver)
        list.loading = list.window.inFlightCount > 0
        // Several pages in flight may fail together: one pause (and one count) for them all.
        guard !list.retryWaiting, list.loadError == nil else { return [] }
        // A server hiccup (5xx, 429, timeout, network): try the page again by itself, waiting
        // 1, 2, 4, 8, 16 s; then give up until `r`.
        list.lastFailure = error.description
        if error.isTransient, list.failedAttempts < Self.loadRetries {
            list.failedAttempts += 1
            list.retryWaiting = true
            let wait = Self.retryWait(attempt: list.failedAttempts)
            flash = Flash(text: Self.loadFailurePrefix + " (trying again in \(Int(wait)) s, \(list.failedAttempts) of \(Self.loadRetries)): \(error.description)", kind: .error)
            return [.wake(after: wait)]
        }
        // A pending `*` stays pending: `r` goes on with it.
        list.loadError = error.description
        flash = Flash(text: Self.loadFailurePrefix + " (r retries): \(error.description)", kind: .error)
        return []
    }

    mutating func jobsLoaded(_ list: [Job]) -> [Effect] {
        jobs.loaded(list)
        return []
    }

    mutating func jobsFailed(_ error: APIError) -> [Effect] {
        jobs.failed()
        if error.isTransient, jobs.failedAttempts < Self.loadRetries {
            jobs.failedAttempts += 1
            jobs.retryDue = true
            return [.wake(after: Self.retryWait(attempt: jobs.failedAttempts))]
        }
        if flash == nil { flash = Flash(text: "Could not load jobs (r retries): \(error.description)", kind: .error) }
        return []
    }

    /// A wait ended (a retry's pause or the rate limit's reset): loading goes on.
    mutating func wake() -> [Effect] {
        waitingForRateLimit = false
        list.retryWaiting = false
        var effects = prefetchIfNeeded()
        if jobs.retryDue {
            jobs.retryDue = false
            effects.append(.loadJobs)
        }
        return effects
    }

    /// Loads the next page: at once when the cursor nears the end of what is loaded or `*`
    /// waits for every page; otherwise in the background while the rate-limit budget keeps a
    /// reserve (a quarter of the per-minute limit, at least 5) for what the user does. In
    /// low-bandwidth mode there is no background paging: only the rows the view can show from
    /// the cursor and one page beyond them (`lowBandwidthRowsWanted`), and what `*` needs.
    ///
    /// Several pages go at once (`ListModel.pagesInFlight`, as the page window allows) while the
    /// budget is above the reserve; within the reserve, only what the user needs, one page at a
    /// time; in low-bandwidth mode, one page at a time.
    mutating func prefetchIfNeeded() -> [Effect] {
        guard list.hasMore, list.loadError == nil, !list.retryWaiting else { return [] }
        // A first page asked outside the window (start, reload, a new connection) is on its way.
        guard !(list.loading && list.window.inFlightCount == 0) else { return [] }
        if options.lowBandwidth {
            guard list.markAllPending || lowBandwidthShortOfRows else { return [] }
            return askPages(upTo: 1)
        }
        let urgent = list.markAllPending || list.cursor >= list.count - ListModel.prefetchDistance
        if let wait = rateLimitReserveWait() {
            guard urgent else {
                guard !waitingForRateLimit else { return [] }
                waitingForRateLimit = true
                return [.wake(after: wait)]
            }
            return askPages(upTo: 1)
        }
        return askPages(upTo: ListModel.pagesInFlight)
    }

    /// Asks the pages the window allows now, with at most `limit` in flight.
    private mutating func askPages(upTo limit: Int) -> [Effect] {
        var effects: [Effect] = []
        while list.window.inFlightCount < limit, let number = list.window.next() {
            effects.append(.loadPage(generation: list.generation, query: list.query(page: number)))
        }
        if !effects.isEmpty { list.loading = true }
        return effects
    }

    /// When the last rate-limit headers left no more than the reserve kept for what the user
    /// does (a quarter of the per-minute limit, at least 5): the seconds until the minute's
    /// window resets (1–60). `nil` while there is room, when no headers were seen, or once the
    /// window they describe has reset (their count no longer holds: waiting on it again would
    /// wait forever, since nothing is asked that would bring new headers).
    func rateLimitReserveWait(now: Double = Date().timeIntervalSince1970) -> Double? {
        guard let r = rateLimit, let remaining = r.remainingMinute else { return nil }
        if let reset = r.resetMinute, reset <= now { return nil }
        guard remaining <= max(5, (r.limitMinute ?? 60) / 4) else { return nil }
        return min(max(1, (r.resetMinute ?? 0) - now), 60)
    }

    /// Drops what is loaded and fetches page 1 again; the cursor stays on the same candidate
    /// when it comes back on the first pages.
    mutating func reload() -> [Effect] {
        let keep = list.current?.id
        let markingAll = list.markAllPending, markingNeedle = list.markAllNeedle
        jobs.failedAttempts = 0
        jobs.retryDue = false
        list = ListModel(generation: list.generation + 1, filter: list.filter, sortColumn: list.sortColumn, sortDescending: list.sortDescending)
        list.cursorTarget = keep
        // A `*` still loading goes on with the fresh pages.
        list.markAllPending = markingAll
        list.markAllNeedle = markingNeedle
        list.loading = true
        flash = Flash(text: "Reloading…", kind: .info)
        forgetDetails()
        return [.loadPage(generation: list.generation, query: list.query(page: 1)), .loadJobs]
    }

    /// Says when a page had candidates this client cannot read (left out of the list).
    mutating func noticeSkipped(_ skipped: [String]) {
        guard let first = skipped.first else { return }
        let more = skipped.count > 1 ? " and \(skipped.count - 1) more" : ""
        flash = Flash(text: "Left out \(skipped.count) candidate\(skipped.count == 1 ? "" : "s") the server sent unreadable (\(first)\(more))",
                      kind: .error)
    }

    /// Says once per status when the server sent one outside the API's enum (its own docs'
    /// prose names `INTERVIEWED`, `HIRED`, `WITHDRAWN`): it is shown as it came and never sent.
    mutating func noticeUnknownStatuses() {
        let new = list.unknownStatuses.filter { !noticedStatuses.contains($0) }
        guard !new.isEmpty else { return }
        noticedStatuses.formUnion(new)
        let names = new.map(\.rawValue).joined(separator: ", ")
        flash = Flash(text: "The server sent \(new.count == 1 ? "a status" : "statuses") this client does not know: \(names) — shown as sent; the status menu offers the API's statuses",
                      kind: .info)
    }
}
