import CandidateCore

/// Work for the runtime to start; results come back as events.
enum Effect: Equatable, Sendable {
    case loadPage(generation: Int, query: CandidateQuery)
    /// Posts `.pageDue(generation)` at once: the next page, already arrived, is applied in a
    /// turn of the update loop of its own, after any key typed meanwhile.
    case applyNextPage(generation: Int)
    /// Waits a short pause, then posts `.searchDue(token)`.
    case debounceSearch(token: Int)
    /// Asks the server for `search=`; results come back as `.searchResults`.
    case searchServer(generation: Int, text: String, query: CandidateQuery)
    case loadJobs
    /// Records the form's partial update in the journal and sends it over `over` (the server's
    /// copy it was checked against); comes back as `.saved` or `.saveFailed`.
    case save(over: Candidate, patch: CandidatePatch, fields: [CandidateField])
    /// Records and sends one status transition; comes back as `.statusMoved` or `.statusMoveFailed`.
    case moveStatus(over: Candidate, patch: CandidatePatch)
    /// Hands the terminal to `$VISUAL`/`$EDITOR` on the text; comes back as `.editorFinished`.
    case openEditor(CandidateField, text: String)
    /// Posts `.wake` after `seconds`.
    case wake(after: Double)
    /// Reads the candidate again before a PATCH; the answer comes back as `.checkedBeforeSave`.
    case checkBeforeSave(id: String)
    /// Reads the journal of this server and company; comes back as `.historyRead`.
    case readHistory
    /// Fetches the server's copy for an unsent draft; comes back as `.draftOpened`.
    case openDraft(CandidateDraft)
    /// Lists the stored drafts for this server and company; they come back as `.draftsFound`.
    case findDrafts
    /// Writes the draft to the draft store (every edit is kept at once).
    case keepDraft(CandidateDraft)
    /// Deletes stored drafts (candidate ids).
    case discardDrafts([String])
    /// Opens the candidate in the form: over its stored draft when there is one (as
    /// `.openDraft`), else a fresh copy (`GET /candidates/{id}`) that comes back as `.candidateOpened`.
    case openCandidate(id: String, name: String)
    /// Runs the bulk engine on the plan; events come back as `.bulk`.
    case runBulk(BulkChangePlan)
    /// Read the journal for the undo of the change or batch `id` names, else of the last one.
    case planUndo(id: String?)
    /// Stops starting new requests of the running bulk change.
    case cancelBulk
    /// Opens the connection of a profile and company (`:profile`, `:company`); comes back as
    /// `.connected` or `.connectFailed`.
    case connect(profile: String?, companyId: String?)
    /// Every later request goes through this connection (its client and draft store).
    case useConnection(TUIConnection)
    /// Reads the stored `:` history; comes back as `.commandHistoryLoaded`.
    case loadCommandHistory(CommandHistoryFile)
    /// Stores the `:` history (written at once).
    case keepCommandHistory(CommandHistoryFile, [String])
    /// Waits `after` seconds, then posts `.detailDue(token)` (the cursor rested on a row).
    case detailDue(token: Int, after: Double)
    /// Reads one candidate whole for the detail pane or the pager (`GET /candidates/{id}`);
    /// comes back as `.detailLoaded` or `.detailFailed`. A newer one cancels the one before.
    case fetchDetail(id: String, token: Int)
}
