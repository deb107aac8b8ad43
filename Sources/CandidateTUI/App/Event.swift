import CandidateCore

/// Everything that happens becomes one of these and goes through `AppModel.update`.
enum Event: Sendable {
    /// The terminal is up: whether it shows UTF-8, its size in cells, and a line to show
    /// first (e.g. the locale fallback); `keepsDrafts` when edits are kept as drafts on disk.
    case terminalReady(utf8: Bool, rows: Int, cols: Int, keepsDrafts: Bool, warning: String?)
    /// The terminal's new size in cells.
    case resized(rows: Int, cols: Int)
    case key(Key)
    /// A page arrived for the list generation that asked for it: the answer to page `number`
    /// (`nil`: the page due next). Pages may arrive out of order; the list applies them in order.
    /// `haystacks`: its items' `SearchText.haystack`, folded in the task that read the page.
    case pageLoaded(generation: Int, number: Int? = nil, Page<Candidate>, haystacks: [[UInt8]]? = nil)
    /// The request for page `number` (`nil`: the page due next) failed.
    case pageFailed(generation: Int, number: Int? = nil, APIError)
    /// The page due next for the list generation arrived earlier and waits to be applied.
    case pageDue(generation: Int)
    case jobsLoaded([Job])
    case jobsFailed(APIError)
    /// A form save came back with the server's candidate.
    case saved(Candidate, fields: [CandidateField])
    case saveFailed(APIError)
    /// A status move from the list came back.
    case statusMoved(Candidate, from: CandidateStatus)
    case statusMoveFailed(name: String, APIError)
    /// Enter on a single-choice menu: the index of the chosen item.
    case menuChosen(Int)
    /// Space on a toggle menu (the jobs picker): the index of the item toggled.
    case menuToggled(Int)
    /// The external editor returned; `nil` text when it failed (the field stays as it was).
    case editorFinished(CandidateField, text: String?, status: Int32)
    /// Progress or the end of a bulk status change.
    case bulk(BulkEvent)
    /// The undo asked for (`nil`: nothing was sent from here), and how many journal lines could not be read.
    case undoPlanned(JournalUndo?, unreadable: Int)
    /// The journal has no such change or batch, or cannot be read.
    case undoFailed(String)
    /// Ctrl-C (SIGINT) while the editor runs: cancels a bulk change, else quits.
    case interrupt
    /// The pause after typing in the search prompt ended.
    case searchDue(token: Int)
    /// Server results for a search, to merge into the list.
    case searchResults(generation: Int, text: String, Page<Candidate>)
    case searchFailed(generation: Int, APIError)
    /// What a response said about the rate limit.
    case rateLimit(RateLimitInfo)
    /// A pause for the rate limit ended: background loading may go on.
    case wake
    /// The server's copy read just before sending.
    case checkedBeforeSave(Candidate)
    /// Unsent drafts found at start for this server and company.
    case draftsFound([CandidateDraft])
    /// An unsent draft, laid over the server's current copy, ready to review.
    case draftOpened(CandidateDraft)
    /// The candidate to edit arrived.
    case candidateOpened(Candidate)
    case openFailed(name: String, APIError)
    /// The journal, read for the history panel (`nil`: this run keeps none).
    case historyRead(JournalHistory?)
    /// A draft file could not be written or deleted: what went wrong, for the message line.
    case draftStoreFailed(String)
    /// Another profile's or company's connection is open (`.connect`).
    case connected(TUIConnection)
    /// It could not be opened: the message says why.
    case connectFailed(String)
    /// The `:` commands of earlier runs, oldest first.
    case commandHistoryLoaded([String])
    /// The `:` history could not be stored: the message says why.
    case commandHistoryFailed(String)
    /// The cursor rested on a row long enough for the detail pane to fetch it.
    case detailDue(token: Int)
    /// A candidate read whole for the detail pane or the pager.
    case detailLoaded(Candidate, token: Int)
    case detailFailed(id: String, token: Int, APIError)
}
