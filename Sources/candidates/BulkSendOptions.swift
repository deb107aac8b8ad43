import ArgumentParser

/// How a bulk command sends (`bulk-status`, `bulk-jobs`, `bulk-gdpr`): `--dry-run` and
/// `--concurrency`.
struct BulkSendOptions: ParsableArguments {
    @Flag(help: "Print the plan and send nothing (candidates are still read).")
    var dryRun = false

    @Option(help: ArgumentHelp("Requests in flight at most (1...32).", valueName: "n"))
    var concurrency: Int = 4

    /// - Throws: `UsageProblem` when `--concurrency` is outside 1...32.
    func checked() throws -> BulkSendOptions {
        guard (1...32).contains(concurrency) else { throw UsageProblem("--concurrency must be 1...32 (got \(concurrency))") }
        return self
    }
}
