import Dispatch
import Foundation
import NIOConcurrencyHelpers
#if canImport(Glibc)
import Glibc
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into a graceful cancel; a second one ends the program at once (status 130).
///
/// A class because it owns the signal sources; the signals seen so far are counted in a lock box.
final class InterruptWatcher {
    private let sources: [DispatchSourceSignal]

    /// Starts watching; `onFirst` runs on a background queue at the first signal.
    init(onFirst: @escaping @Sendable () -> Void) {
        let seen = NIOLockedValueBox(0)
        sources = [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                let n = seen.withLockedValue { count -> Int in count += 1; return count }
                if n == 1 {
                    onFirst()
                } else {
                    Console.err("candidates: interrupted again, stopping now")
                    exit(130)
                }
            }
            source.resume()
            return source
        }
    }

    /// Stops watching and restores the default handlers.
    func stop() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
