import Foundation

/// Keeps a client under the API's rate limit (API page, "Rate limits") by tracking what the
/// server last announced and the requests still in flight.
///
/// Every response the `CandidatesClient` receives is fed to `observe` (its `X-RateLimit-*`
/// headers, and for a 429 the wait it asked for). `PacedRequests` (every command and the
/// editor) asks `reserve()` before each request and calls `release()` after it.
///
/// The model, per window (minute and hour): the smallest `Remaining` announced for the
/// current `Reset` is what the server had left when it answered; requests in flight may
/// already be counted in it or not, so they are subtracted (conservative). When the budget
/// of a window is spent, nothing starts until its `Reset` (Unix seconds, the server's clock)
/// plus `resetMargin`. A 429 blocks every request until its `Retry-After` has passed. Before
/// anything is known, one request at a time goes out as a probe. A server that sends no
/// headers is not paced (its 429s still are).
actor RateLimitPacer {
    /// What `reserve` answers.
    enum Decision: Equatable, Sendable {
        /// Send now (the request is counted as in flight until `release()`).
        case go
        /// Ask again after `seconds`. `forRateLimit`: the budget is spent or a 429 asked to
        /// wait (worth telling the user), rather than a short wait for requests in flight.
        case wait(seconds: Double, forRateLimit: Bool)
    }

    /// One rate-limit window as last announced.
    struct Window: Equatable, Sendable {
        var limit: Int?
        /// Smallest remaining announced for `reset`.
        var remaining: Int
        /// Unix seconds when the window resets.
        var reset: Double
    }

    /// Added to an announced reset before sending again, in seconds, for clock differences
    /// between client and server.
    static let resetMargin = 0.25
    /// How long to wait for requests in flight to report before asking again, in seconds.
    static let shortWait = 0.005

    private(set) var minute: Window?
    private(set) var hour: Window?
    private(set) var inFlight = 0
    /// Any request finished (with or without headers): probing is over.
    private var sawResponse = false
    private var headersSeen = false
    /// Unix seconds before which nothing is sent (after a 429).
    private(set) var blockedUntil: Double = 0

    init() {}

    /// Whether a paced request may start now; `.go` counts it as in flight.
    func reserve(now: Double = Date().timeIntervalSince1970) -> Decision {
        if now < blockedUntil { return .wait(seconds: blockedUntil - now, forRateLimit: true) }
        if !sawResponse {
            guard inFlight == 0 else { return .wait(seconds: Self.shortWait, forRateLimit: false) }
            inFlight += 1
            return .go
        }
        if headersSeen {
            var longest: Decision?
            for window in [minute, hour].compactMap({ $0 }) {
                guard let d = Self.decide(window, inFlight: inFlight, now: now) else { continue }
                if case .wait(let s, _) = d, case .wait(let t, _)? = longest, t >= s { continue }
                longest = d
            }
            if let longest { return longest }
        }
        inFlight += 1
        return .go
    }

    /// A window's verdict: `nil` when it has room for one more request.
    private static func decide(_ w: Window, inFlight: Int, now: Double) -> Decision? {
        let resumes = w.reset + resetMargin
        if now < resumes {
            if w.remaining - inFlight > 0 { return nil }
            // Spent for certain: wait for the reset. Otherwise the requests in flight will tell.
            if w.remaining <= 0 { return .wait(seconds: resumes - now, forRateLimit: true) }
            return .wait(seconds: shortWait, forRateLimit: false)
        }
        // The window has reset since: a fresh budget of `limit`, unknown when never announced.
        if let limit = w.limit, limit - inFlight <= 0 { return .wait(seconds: shortWait, forRateLimit: false) }
        return nil
    }

    /// A paced request ended, with or without an answer.
    func release() {
        inFlight = max(0, inFlight - 1)
        sawResponse = true
    }

    /// A reservation that was not used (cancelled before sending).
    func unreserve() {
        inFlight = max(0, inFlight - 1)
    }

    /// What a response announced. `retryAfter` (seconds) is the wait a 429 asked for.
    func observe(_ info: RateLimitInfo?, status: Int, retryAfter: Double?, now: Double = Date().timeIntervalSince1970) {
        sawResponse = true
        if let info {
            // Resets are Unix seconds (API page); a small number can only be "seconds from now".
            func absolute(_ reset: Double?) -> Double? { reset.map { $0 < 1_000_000_000 ? now + $0 : $0 } }
            if let m = Self.merge(minute, limit: info.limitMinute, remaining: info.remainingMinute, reset: absolute(info.resetMinute)) {
                minute = m
                headersSeen = true
            }
            if let h = Self.merge(hour, limit: info.limitHour, remaining: info.remainingHour, reset: absolute(info.resetHour)) {
                hour = h
                headersSeen = true
            }
        }
        guard status == 429 else { return }
        var wait = retryAfter
        if wait == nil {
            // No Retry-After: the reset of a spent window, else a second.
            let resets = [minute, hour].compactMap { $0 }.filter { $0.remaining <= 0 }.map { $0.reset + Self.resetMargin - now }
            wait = resets.max().map { max($0, 0) } ?? 1
        }
        blockedUntil = max(blockedUntil, now + (wait ?? 1))
    }

    /// The window after an announcement; `nil` when the announcement lacks remaining or reset.
    static func merge(_ old: Window?, limit: Int?, remaining: Int?, reset: Double?) -> Window? {
        guard let remaining, let reset else { return nil }
        guard let old else { return Window(limit: limit, remaining: remaining, reset: reset) }
        if reset > old.reset + 0.5 { return Window(limit: limit ?? old.limit, remaining: remaining, reset: reset) }
        if reset < old.reset - 0.5 { return old }  // a late answer from an earlier window
        return Window(limit: limit ?? old.limit, remaining: min(old.remaining, remaining), reset: max(old.reset, reset))
    }
}
