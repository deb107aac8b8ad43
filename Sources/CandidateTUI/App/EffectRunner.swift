import CandidateCore
import Foundation

/// Performs the model's effects: requests through the client's shared paced, retrying path
/// (`CandidatesClient.paced`: rate-limit pacing, 429 / 5xx / timeout retries, whole-request
/// timeouts), timers, and the draft files. Every result comes back as an event through the
/// inbox; nothing here reads or changes the model or touches the screen. Used from the UI
/// thread only. The editor hand-over needs the terminal, so `TUIApp` performs that one.
final class EffectRunner {
    private let client: CandidatesClient
    private let inbox: EventInbox
    private let drafts: DraftStore?
    /// Cancels the running bulk change.
    private var bulkControl: BulkControl?

    /// The editor's rules on the shared request path. A page or the job list gets one attempt
    /// for a 5xx, timeout or network error (429s and pacing still apply): the model asks it
    /// again after 1–16 s and says so. Other requests get three attempts, a short blip's worth.
    static let loadPolicy = RetryPolicy(maxAttempts: 1)
    static let interactivePolicy = RetryPolicy(maxAttempts: 3)

    /// How long typing must pause before the server is asked with `search=`.
    static let searchPauseMs = 300

    init(client: CandidatesClient, inbox: EventInbox, drafts: DraftStore?) {
        self.client = client
        self.inbox = inbox
        self.drafts = drafts
    }

    /// Stops a running bulk change from starting new requests (a signal is ending the program).
    func cancelBulk() { bulkControl?.cancel() }

    /// Starts one effect; `.openEditor` is not one of its own (see the type's note).
    func run(_ effect: Effect) {
        let client = self.client, inbox = self.inbox, drafts = self.drafts
        let interactive = Self.interactivePolicy
        switch effect {
        case .debounceSearch(let token):
            after(milliseconds: Self.searchPauseMs, post: .searchDue(token: token))
        case .wake(let seconds):
            after(milliseconds: Int(seconds * 1000), post: .wake)
        case .searchServer(let generation, let text, let query):
            Task.detached {
                do {
                    let p = try await client.paced(interactive) { try await client.listCandidates(query).value }
                    inbox.post(.searchResults(generation: generation, text: text, p))
                } catch {
                    inbox.post(.searchFailed(generation: generation, Self.apiError(error)))
                }
            }
        case .loadPage(let generation, let query):
            Task.detached {
                do {
                    let r = try await client.paced(Self.loadPolicy) { try await client.listCandidates(query) }
                    if let info = r.rateLimit { inbox.post(.rateLimit(info)) }
                    inbox.post(.pageLoaded(generation: generation, r.value))
                } catch {
                    inbox.post(.pageFailed(generation: generation, Self.apiError(error)))
                }
            }
        case .loadJobs:
            Task.detached {
                do { inbox.post(.jobsLoaded(try await client.allJobs(policy: Self.loadPolicy))) } catch { inbox.post(.jobsFailed(Self.apiError(error))) }
            }
        case .save(let id, let patch, let fields):
            Task.detached {
                do {
                    let c = try await client.paced(interactive) { try await client.updateCandidate(id: id, patch: patch).value }
                    inbox.post(.saved(c, fields: fields))
                } catch {
                    inbox.post(.saveFailed(Self.apiError(error)))
                }
            }
        case .moveStatus(let id, let name, let from, let patch):
            Task.detached {
                do {
                    let c = try await client.paced(interactive) { try await client.updateCandidate(id: id, patch: patch).value }
                    inbox.post(.statusMoved(c, from: from))
                } catch {
                    inbox.post(.statusMoveFailed(name: name, Self.apiError(error)))
                }
            }
        case .runBulk(let plan):
            let control = BulkControl()
            bulkControl = control
            Task.detached {
                _ = await BulkStatusEngine(client: client).run(plan, control: control) { inbox.post(.bulk($0)) }
            }
        case .cancelBulk:
            bulkControl?.cancel()
        case .checkBeforeSave(let id):
            Task.detached {
                do { inbox.post(.checkedBeforeSave(try await client.paced(interactive) { try await client.getCandidate(id: id).value })) } catch {
                    inbox.post(.saveFailed(Self.apiError(error)))
                }
            }
        case .openCandidate(let id, let name):
            Task.detached {
                // A draft kept for later (or left by a crash) is what the user was editing: open
                // it over the server's current copy instead of a clean form, which would delete it.
                if let drafts, let saved = try? drafts.load(candidateId: id), saved.server == drafts.server, saved.company == drafts.company {
                    await Self.open(saved.draft, client: client, inbox: inbox)
                    return
                }
                do { inbox.post(.candidateOpened(try await client.paced(interactive) { try await client.getCandidate(id: id).value })) } catch {
                    inbox.post(.openFailed(name: name, Self.apiError(error)))
                }
            }
        case .openDraft(let draft):
            Task.detached { await Self.open(draft, client: client, inbox: inbox) }
        case .findDrafts:
            guard let drafts else { return }
            Task.detached { inbox.post(.draftsFound(drafts.list().map(\.draft))) }
        case .keepDraft(let draft):
            // At once, on this thread: a form open when the program dies keeps its draft.
            guard let drafts else { return }
            do { try drafts.record(draft) } catch { inbox.post(.draftStoreFailed("Could not keep the draft: \(error)")) }
        case .discardDrafts(let ids):
            guard let drafts else { return }
            do { for id in ids { try drafts.delete(candidateId: id) } } catch { inbox.post(.draftStoreFailed("Could not delete the draft: \(error)")) }
        case .openEditor:
            break
        }
    }

    /// Reads the draft's candidate again and posts the draft rebased over it.
    private static func open(_ draft: CandidateDraft, client: CandidatesClient, inbox: EventInbox) async {
        do {
            let current = try await client.paced(interactivePolicy) { try await client.getCandidate(id: draft.original.id).value }
            inbox.post(.draftOpened(draft.rebased(onto: current)))
        } catch {
            inbox.post(.openFailed(name: draft.original.fullName, apiError(error)))
        }
    }

    private func after(milliseconds: Int, post event: Event) {
        let inbox = self.inbox
        Task.detached {
            try? await Task.sleep(for: .milliseconds(milliseconds))
            inbox.post(event)
        }
    }

    static func apiError(_ error: Error) -> APIError {
        (error as? APIError) ?? .transport(detail: "\(error)")
    }
}
