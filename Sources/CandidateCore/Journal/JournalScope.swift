import Foundation

/// Where the records of one command's sends go: the journal, the command's name and, for a bulk
/// change or an `apply` run, the batch. Every PATCH the product sends passes through a scope, so
/// no change is sent without a record.
public struct JournalScope: Sendable, Equatable {
    public let journal: Journal
    /// `form`, `status`, `bulk-status`, `bulk-jobs`, `bulk-gdpr`, `update`, `apply` or `undo`.
    public let command: String
    /// The batch the changes belong to; `nil` for a single change.
    public let batch: String?

    public init(journal: Journal, command: String, batch: String? = nil) {
        self.journal = journal; self.command = command; self.batch = batch
    }

    /// A new batch id (a UUID, lower case).
    public static func newBatch() -> String { JournalChange.newID() }

    /// The same journal and command with a fresh batch.
    public func inNewBatch() -> JournalScope { JournalScope(journal: journal, command: command, batch: Self.newBatch()) }

    /// Records `patch` over `candidate` as pending. Call before sending; when it throws, send nothing.
    /// - Throws: `JournalError.cannotWrite`.
    public func begin(_ patch: CandidatePatch, over candidate: Candidate) throws -> JournalChange {
        let change = JournalChange(sending: patch, to: candidate, command: command, batch: batch)
        try journal.record(change)
        return change
    }

    /// Records how a change begun with `begin` ended. The send has happened, so a record that
    /// cannot be written here is not an error of the send: it stays pending in the journal.
    public func end(_ change: JournalChange, _ result: Result<Candidate, APIError>) {
        var settled = change
        switch result {
        case .success(let c):
            settled.outcome = .sent
            settled.updatedAtAfter = c.updatedAt
        case .failure(let e):
            settled.outcome = .failed
            settled.error = e.description
        }
        try? journal.record(settled)
    }

    /// Records, sends one partial update paced with `policy` (retries as `paced` does), records
    /// the outcome; returns the server's candidate.
    /// - Throws: `JournalError.cannotWrite` before anything is sent, or the send's `APIError`.
    public func send(_ patch: CandidatePatch, over candidate: Candidate, client: CandidatesClient,
                     policy: RetryPolicy = .standard) async throws -> Candidate {
        let change = try begin(patch, over: candidate)
        do {
            let c = try await client.paced(policy) { try await client.updateCandidate(id: candidate.id, patch: patch).value }
            end(change, .success(c))
            return c
        } catch {
            end(change, .failure((error as? APIError) ?? .transport(detail: "\(error)")))
            throw error
        }
    }
}
