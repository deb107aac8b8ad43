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
    case search
    /// Esc on the list: cancel a running bulk change, stop a `*` still marking, or clear the search.
    case back
    case filterStatus = "filter-status", filterJob = "filter-job"
    case sort
    case reverseSort = "reverse-sort"
    case company
    case privacy
    /// Every message of the screen, whole, in a scrolling panel.
    case messages
    case quit
    case help
    case command
    // The form.
    case nextField = "next-field", previousField = "previous-field"
    case fieldAction = "field-action"
    case clearField = "clear-field"
    case save
    /// Esc in the form: back to the list (asks first when something changed).
    case close
}
