import CandidateCore
import Foundation

/// Performs the model's effects: requests through the client's shared paced, retrying path
/// (`CandidatesClient.paced`: rate-limit pacing, 429 / 5xx / timeout retries, whole-request
/// timeouts), timers, and the draft files. Every result comes back as an event through the
/// inbox; nothing here reads or changes the model or touches the screen. Used from the UI
/// thread only. The editor hand-over needs the terminal, so `TUIApp` performs that one.
final class EffectRunner {
    private var client: CandidatesClient
    private let inbox: EventInbox
    private var drafts: DraftStore?
    /// Where every change is recorded before it is sent; `nil` only in tests that keep no files.
    private var journal: Journal?
    /// Opens another profile's or company's connection (`.connect`); `nil` when the program
    /// gave none.
    private let connector: TUIConnector?
    /// Cancels the running bulk change.
    private var bulkControl: BulkControl?
    /// The detail pane's request in flight: a newer one cancels it.
    private var detailTask: Task<Void, Never>?

    /// The editor's rules on the shared request path. A page or the job list gets one attempt
    /// for a 5xx, timeout or network error (429s and pacing still apply): the model asks it
    /// again after 1–16 s and says so. Other requests get three attempts, a short blip's worth.
    static let loadPolicy = RetryPolicy(maxAttempts: 1)
    static let interactivePolicy = RetryPolicy(maxAttempts: 3)

    /// How long typing must pause before the server is asked with `search=`.
    static let searchPauseMs = 300

    init(client: CandidatesClient, inbox: EventInbox, drafts: DraftStore?, journal: Journal? = nil, connector: TUIConnector? = nil) {
        self.client = client
        self.inbox = inbox
        self.drafts = drafts
        self.journal = journal
        self.connector = connector
    }

    /// Stops a running bulk change from starting new requests (a signal is ending the program).
    func cancelBulk() { bulkControl?.cancel() }

    /// Starts one effect; `.openEditor` is not one of its own (see the type's note).
    func run(_ effect: Effect) {
        guard !runHere(effect) else { return }
        let client = self.client, inbox = self.inbox, drafts = self.drafts, journal = self.journal
        Task.detached { await EffectTask.perform(effect, client: client, drafts: drafts, journal: journal, inbox: inbox) }
    }

    /// Performs the effects that are not one request: the bulk engine, cancelling it, the next
    /// waiting page's turn, and the draft files (written at once, on this thread: a form open
    /// when the program dies keeps its draft). Returns whether `effect` was one of them.
    private func runHere(_ effect: Effect) -> Bool {
        switch effect {
        case .runBulk(let plan):
            let control = BulkControl()
            bulkControl = control
            let client = self.client, inbox = self.inbox
            let scope = journal.map { JournalScope(journal: $0, command: plan.goal.command, batch: JournalScope.newBatch()) }
            Task.detached {
                _ = await BulkChangeEngine(client: client, journal: scope).run(plan, control: control) { inbox.post(.bulk($0)) }
            }
        case .cancelBulk:
            bulkControl?.cancel()
        case .applyNextPage(let generation):
            inbox.post(.pageDue(generation: generation))
        case .fetchDetail(let id, let token):
            detailTask?.cancel()
            let client = self.client, inbox = self.inbox
            detailTask = Task.detached {
                do {
                    let r = try await client.paced(EffectRunner.loadPolicy) { try await client.getCandidate(id: id) }
                    if let info = r.rateLimit { inbox.post(.rateLimit(info)) }
                    inbox.post(.detailLoaded(r.value, token: token))
                } catch {
                    // A cancelled fetch was superseded: its answer is of no use to anyone.
                    if !Task.isCancelled { inbox.post(.detailFailed(id: id, token: token, EffectRunner.apiError(error))) }
                }
            }
        case .keepDraft(let draft):
            guard let drafts else { return true }
            do { try drafts.record(draft) } catch { inbox.post(.draftStoreFailed("Could not keep the draft: \(error)")) }
        case .discardDrafts(let ids):
            guard let drafts else { return true }
            do { for id in ids { try drafts.delete(candidateId: id) } } catch { inbox.post(.draftStoreFailed("Could not delete the draft: \(error)")) }
        case .openEditor:
            break
        case .connect(let profile, let companyId):
            let inbox = self.inbox
            guard let connector else {
                inbox.post(.connectFailed("This run cannot switch connections"))
                return true
            }
            Task.detached {
                do { inbox.post(.connected(try await connector(profile, companyId))) } catch {
                    inbox.post(.connectFailed("\(error)"))
                }
            }
        case .loadCommandHistory(let file):
            inbox.post(.commandHistoryLoaded(file.load()))
        case .keepCommandHistory(let file, let commands):
            do { try file.save(commands) } catch { inbox.post(.commandHistoryFailed("Could not keep the command history: \(error)")) }
        case .useConnection(let connection):
            // Requests already started finish on the old client; the model drops their answers
            // (a new list generation).
            client = connection.client
            drafts = connection.drafts
            journal = connection.journal
        default:
            return false
        }
        return true
    }

    static func apiError(_ error: Error) -> APIError {
        if let e = error as? JournalError { return .configuration(e.description) }
        return (error as? APIError) ?? .transport(detail: "\(error)")
    }
}

/// The effects that are one wait or one request (with its retries), performed in a task of
/// their own: each posts what came of it.
enum EffectTask {
    static func perform(_ effect: Effect, client: CandidatesClient, drafts: DraftStore?, journal: Journal?, inbox: EventInbox) async {
        let interactive = EffectRunner.interactivePolicy
        switch effect {
        case .debounceSearch(let token):
            try? await Task.sleep(for: .milliseconds(EffectRunner.searchPauseMs))
            inbox.post(.searchDue(token: token))
        case .wake(let seconds):
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            inbox.post(.wake)
        case .detailDue(let token, let seconds):
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            inbox.post(.detailDue(token: token))
        case .searchServer(let generation, let text, let query):
            do {
                let p = try await client.paced(interactive) { try await client.listCandidates(query).value }
                inbox.post(.searchResults(generation: generation, text: text, p))
            } catch {
                inbox.post(.searchFailed(generation: generation, EffectRunner.apiError(error)))
            }
        case .loadPage(let generation, let query):
            do {
                let r = try await client.paced(EffectRunner.loadPolicy) { try await client.listCandidates(query) }
                if let info = r.rateLimit { inbox.post(.rateLimit(info)) }
                // Folded here, off the UI thread, which only copies them into the list's rows.
                let haystacks = r.value.items.map(SearchText.haystack)
                inbox.post(.pageLoaded(generation: generation, number: query.page, r.value, haystacks: haystacks))
            } catch {
                inbox.post(.pageFailed(generation: generation, number: query.page, EffectRunner.apiError(error)))
            }
        case .loadJobs:
            do { inbox.post(.jobsLoaded(try await client.allJobs(policy: EffectRunner.loadPolicy))) } catch { inbox.post(.jobsFailed(EffectRunner.apiError(error))) }
        case .save(let over, let patch, let fields):
            do {
                let c = try await send(patch, over: over, command: "form", client: client, journal: journal)
                inbox.post(.saved(c, fields: fields))
            } catch {
                inbox.post(.saveFailed(EffectRunner.apiError(error)))
            }
        case .moveStatus(let over, let patch):
            do {
                let c = try await send(patch, over: over, command: "status", client: client, journal: journal)
                inbox.post(.statusMoved(c, from: over.status))
            } catch {
                inbox.post(.statusMoveFailed(name: over.fullName, EffectRunner.apiError(error)))
            }
        case .checkBeforeSave(let id):
            do { inbox.post(.checkedBeforeSave(try await client.paced(interactive) { try await client.getCandidate(id: id).value })) } catch {
                inbox.post(.saveFailed(EffectRunner.apiError(error)))
            }
        case .openCandidate(let id, let name):
            // A draft kept for later (or left by a crash) is what the user was editing: open
            // it over the server's current copy instead of a clean form, which would delete it.
            if let drafts, let saved = try? drafts.load(candidateId: id), saved.server == drafts.server, saved.company == drafts.company {
                await open(saved.draft, client: client, inbox: inbox)
                return
            }
            do { inbox.post(.candidateOpened(try await client.paced(interactive) { try await client.getCandidate(id: id).value })) } catch {
                inbox.post(.openFailed(name: name, EffectRunner.apiError(error)))
            }
        case .openDraft(let draft):
            await open(draft, client: client, inbox: inbox)
        case .findDrafts:
            if let drafts { inbox.post(.draftsFound(drafts.list().map(\.draft))) }
        case .readHistory:
            inbox.post(.historyRead(journal.map(JournalHistory.init)))
        case .planUndo(let id):
            guard let journal else { inbox.post(.undoFailed("Changes are not journaled here, so there is nothing to undo")); return }
            let (changes, unreadable) = journal.changes()
            do {
                let undo = try id.map { try JournalUndo.named($0, in: changes) } ?? JournalUndo.last(in: changes)
                inbox.post(.undoPlanned(undo, unreadable: unreadable))
            } catch {
                inbox.post(.undoFailed("\(error)"))
            }
        case .runBulk, .cancelBulk, .applyNextPage, .keepDraft, .discardDrafts, .openEditor, .connect, .useConnection, .loadCommandHistory, .keepCommandHistory, .fetchDetail:
            break
        }
    }

    /// One partial update on the shared path: recorded in the journal first (a journal that
    /// cannot be written sends nothing), paced, retried as the editor's requests are.
    private static func send(_ patch: CandidatePatch, over: Candidate, command: String, client: CandidatesClient,
                             journal: Journal?) async throws -> Candidate {
        guard let journal else {
            return try await client.paced(EffectRunner.interactivePolicy) { try await client.updateCandidate(id: over.id, patch: patch).value }
        }
        return try await JournalScope(journal: journal, command: command)
            .send(patch, over: over, client: client, policy: EffectRunner.interactivePolicy)
    }

    /// Reads the draft's candidate again and posts the draft rebased over it.
    private static func open(_ draft: CandidateDraft, client: CandidatesClient, inbox: EventInbox) async {
        do {
            let current = try await client.paced(EffectRunner.interactivePolicy) { try await client.getCandidate(id: draft.original.id).value }
            inbox.post(.draftOpened(draft.rebased(onto: current)))
        } catch {
            inbox.post(.openFailed(name: draft.original.fullName, EffectRunner.apiError(error)))
        }
    }
}
