/// How many candidates of a bulk run ended in each outcome.
public struct BulkTally: Sendable, Equatable {
    public var moved: Int
    public var skipped: Int
    public var failed: Int
    public var notAttempted: Int
    /// Not sent because the server's copy changed meanwhile.
    public var conflicts: Int = 0
    /// Left out because their input was invalid (`apply --skip-invalid`).
    public var invalid: Int = 0

    /// Counts as given (the CLI counts its own lines, those it could not read included).
    public init(moved: Int = 0, skipped: Int = 0, failed: Int = 0, notAttempted: Int = 0) {
        self.moved = moved; self.skipped = skipped; self.failed = failed; self.notAttempted = notAttempted
    }

    /// The counts of a report's results.
    /// One pass over the outcomes' kinds: no result is built.
    public init(_ report: BulkReport) {
        self.init()
        let r = report.results
        for i in r.indices {
            switch r.kind(at: i) {
            case .moved: moved += 1
            case .skipped: skipped += 1
            case .failed: failed += 1
            case .notAttempted: notAttempted += 1
            case .conflict: conflicts += 1
            }
        }
    }
}
