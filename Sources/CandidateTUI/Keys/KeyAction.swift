/// What a key does, apart from which key it is. The raw value is the action's name in the
/// config file's `[keys]` table and in `:help`.
public enum KeyAction: String, CaseIterable, Sendable {
    // Moving (list; menus and panels use the same keys).
    case up, down
    case pageUp = "page-up", pageDown = "page-down"
    case top, bottom
    // The list.
    case open, status, reload, mark, range, unmark
    case markAll = "mark-all"
    /// Assign to a job, remove from one, or extend the GDPR expiry (a menu).
    case bulkActions = "jobs-gdpr"
    case search
    /// Esc on the list: cancel a running bulk change, stop a `*` still marking, or clear the search.
    case back
    case filterStatus = "filter-status", filterJob = "filter-job"
    case sort
    case reverseSort = "reverse-sort"
    case company
    case privacy
    /// The detail pane beside the list, on or off.
    case detailPane = "detail-pane"
    /// The candidate's CV, read-only in the pager.
    case viewCV = "cv"
    /// The candidate's metadata, read-only in the pager.
    case viewMetadata = "metadata"
    /// Every message of the screen, whole, in a scrolling panel.
    case messages
    /// The changes sent to the candidate under the cursor, from the journal.
    case history
    /// The undo of the last change or batch, previewed first.
    case undo
    case quit
    case help
    case command
    // The form.
    case nextField = "next-field", previousField = "previous-field"
    case fieldAction = "field-action"
    case clearField = "clear-field"
    /// F3 in the form: the CV or the metadata being edited, read-only in the pager.
    case viewField = "view-field"
    case save
    /// Esc in the form: back to the list (asks first when something changed); in a panel: close it.
    case close
    // Panels and questions (their keys are fixed).
    case yes, no, send, retry, review, discard, later, mine, theirs, choose, toggle
    /// Enter in the conflict view: on to the confirmation.
    case proceed
}
