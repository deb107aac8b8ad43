import ArgumentParser
import CandidateCore
import Foundation

/// `candidates bulk-jobs`: assigns many candidates to a job, or removes them from it.
struct BulkJobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk-jobs",
        abstract: "Assign many candidates to a job (--add) or remove them from it (--remove).",
        discussion: """
        Ids are taken as bulk-status takes them: arguments, --ids-file FILE (- is standard \
        input), --csv FILE, or standard input when it is not a terminal.

        --add checks first that the job exists (GET /jobs/ID). Each candidate is read, and \
        read again right before its PATCH: the job is added to (or removed from) its jobIds as \
        they are at that moment, so a job someone else assigned meanwhile is kept. Candidates \
        already assigned (--add), not assigned (--remove) or with 50 jobs (the API's limit) are \
        skipped with the reason. Every change is journaled, one batch per run.

        --json prints one object per candidate: id, name, outcome (assigned or removed, \
        skipped, conflict, failed, not_attempted; with --dry-run would_assign or would_remove), \
        status (the HTTP status of a failure, else null), message, attempts (requests sent for \
        it: the read right before its PATCH and the PATCH, retries included), job, and action \
        (add or remove).

        Exit status: 0 every candidate changed or skipped, 1 any failed or not attempted (or the \
        job could not be read), 2 bad usage or no such job.
        """
    )

    @Option(help: ArgumentHelp("Assign every candidate to this job (its id).", valueName: "job-id"))
    var add: String?

    @Option(help: ArgumentHelp("Remove every candidate from this job (its id).", valueName: "job-id"))
    var remove: String?

    @OptionGroup var input: BulkIdOptions

    @OptionGroup var sending: BulkSendOptions

    @OptionGroup var output: JSONOutputOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        Console.prepareLocale()
        let jobId: String, adding: Bool
        let entries: [IdInput.Entry]
        do {
            switch (add, remove) {
            case (let id?, nil): (jobId, adding) = (id.trimmingCharacters(in: .whitespaces), true)
            case (nil, let id?): (jobId, adding) = (id.trimmingCharacters(in: .whitespaces), false)
            case (nil, nil): throw UsageProblem("say which job: --add JOB-ID or --remove JOB-ID")
            default: throw UsageProblem("--add and --remove cannot be used together: one job change per run")
            }
            guard PatchValidator.isUUID(jobId) else {
                throw UsageProblem("\"\(DisplayText.sanitize(String(jobId.prefix(60))))\" is not a job id (a UUID)")
            }
            _ = try sending.checked()
            entries = try input.gather()
        } catch let problem as UsageProblem {
            Console.err("candidates bulk-jobs: \(problem)")
            throw ExitCode(2)
        }

        let open = try await Scripting.open(connection, command: "bulk-jobs")
        let client = open.client
        let title: String
        do {
            title = try await client.paced(.standard) { try await client.getJob(id: jobId).value }.title
        } catch let e as APIError where e.httpStatus == 404 && adding {
            Console.err("candidates bulk-jobs: no job \(jobId) in this company (GET /jobs/\(jobId) answered 404): nothing sent")
            await open.sandbox?.stop()
            throw ExitCode(2)
        } catch let e as APIError where e.httpStatus == 404 {
            // A deleted job can still be removed from candidates: its id stands for its title.
            title = jobId
        } catch {
            Console.err("candidates bulk-jobs: cannot read job \(jobId): \(DisplayText.sanitize(Scripting.describe(error)))")
            await open.sandbox?.stop()
            throw ExitCode(1)
        }
        let code = await BulkChangeRun(
            command: "bulk-jobs", client: client, entries: entries, options: BulkOptions(concurrency: sending.concurrency),
            dryRun: sending.dryRun, json: output.json,
            journal: JournalScope(journal: open.journal, command: "bulk-jobs", batch: JournalScope.newBatch()),
            jsonFields: ["job": .string(jobId), "action": .string(adding ? "add" : "remove")],
            makePlan: { candidates in
                adding ? .addingJob(id: jobId, title: title, to: candidates) : .removingJob(id: jobId, title: title, from: candidates)
            }).run()
        await open.sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }
}
