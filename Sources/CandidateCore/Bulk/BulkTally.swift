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
    public init(_ report: BulkReport) {
        self.init(moved: report.moved.count, skipped: report.skipped.count, failed: report.failed.count,
                  notAttempted: report.notAttempted.count)
        conflicts = report.conflicts.count
    }
}
