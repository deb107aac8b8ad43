import ArgumentParser

/// How a bulk command sends (`bulk-status`, `bulk-jobs`, `bulk-gdpr`): `--dry-run` and
/// `--concurrency`.
struct BulkSendOptions: ParsableArguments {
    @Flag(help: "Print the plan and send nothing (candidates are still read).")
    var dryRun = false

    /// 8 by default, as many as a parallel curl sends: the rate-limit pacer, not this number,
    /// keeps a small budget (the API's default is 60 a minute) from being overrun.
    @Option(help: ArgumentHelp("Requests in flight at most (1...32); the server's rate-limit headers may hold fewer.", valueName: "n"))
    var concurrency: Int = 8

    /// - Throws: `UsageProblem` when `--concurrency` is outside 1...32.
    func checked() throws -> BulkSendOptions {
        guard (1...32).contains(concurrency) else { throw UsageProblem("--concurrency must be 1...32 (got \(concurrency))") }
        return self
    }
}
