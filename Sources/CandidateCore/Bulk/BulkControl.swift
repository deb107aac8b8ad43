import NIOConcurrencyHelpers

/// Cancels a running bulk change from anywhere (a key handler, a signal handler's watcher).
///
/// After `cancel()` no new request starts; requests in flight finish and are reported;
/// candidates not yet tried are `.notAttempted`. Cancelling twice is harmless.
public final class BulkControl: Sendable {
    private let state = NIOLockedValueBox<(cancelled: Bool, handlers: [@Sendable () -> Void])>((false, []))

    /// A control that is not cancelled; use one per run.
    public init() {}

    /// Stops the run: no new request starts.
    public func cancel() {
        let handlers: [@Sendable () -> Void] = state.withLockedValue { s in
            guard !s.cancelled else { return [] }
            s.cancelled = true
            defer { s.handlers = [] }
            return s.handlers
        }
        for h in handlers { h() }
    }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { state.withLockedValue { $0.cancelled } }

    /// Runs `handler` once on cancel (at once when already cancelled).
    func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let runNow = state.withLockedValue { s -> Bool in
            if s.cancelled { return true }
            s.handlers.append(handler)
            return false
        }
        if runNow { handler() }
    }
}
