import ArgumentParser
import CandidateCore
import Foundation

/// `candidates show ID`: one candidate, every field, for people or (`--json`) for scripts.
struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one candidate: every field, job titles resolved (or --json).",
        discussion: """
        Reads GET /candidates/ID (and the job list, for titles). A status outside the API's enum \
        and fields this client does not know are shown as the server sent them. With --json the \
        candidate object is printed on one line, every field this client reads plus the unknown ones.

        Exit status: 0 shown, 1 the server failed or has no such candidate, 2 bad usage.
        """
    )

    @Argument(help: ArgumentHelp("The candidate's id (UUID).", valueName: "id"))
    var id: String

    @Flag(help: "Print the candidate as one JSON object (every field this client reads, and the unknown ones) instead of text.")
    var json = false

    @Flag(help: "Mask the email and phone number (with --json too).")
    var privacy = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        let charset = Console.prepareLocale()
        let mask: ContactMaskChoice = privacy ? .masked(charset) : .plain
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        guard PatchValidator.isUUID(trimmed) else {
            Console.err("candidates show: \"\(DisplayText.sanitize(id))\" is not a candidate id (a UUID)")
            throw ExitCode(2)
        }
        let open = try await Scripting.open(connection, command: "show")
        let client = open.client
        let candidate: Candidate
        do {
            candidate = try await client.paced(.standard) { try await client.getCandidate(id: trimmed).value }
        } catch {
            Console.err("candidates show: \(DisplayText.sanitize(Scripting.describe(error)))")
            await open.sandbox?.stop()
            throw ExitCode(1)
        }
        if json {
            Console.out(CandidateTable.jsonLine(candidate, mask: mask))
        } else {
            // Titles are a nicety: without the job list the ids are shown.
            let jobs = candidate.jobIds.isEmpty ? [] : ((try? await client.allJobs()) ?? [])
            let titles = Dictionary(jobs.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            var shown = candidate
            shown.email = shown.email.map { mask.apply(.email, $0) }
            shown.phoneNumber = shown.phoneNumber.map { mask.apply(.phoneNumber, $0) }
            let card = CandidateCard(shown) { titles[$0] }
            Console.out(card.text().split(separator: "\n", omittingEmptySubsequences: false).map { DisplayText.sanitize(String($0)) }.joined(separator: "\n"))
        }
        Console.flush()
        await open.sandbox?.stop()
    }
}
