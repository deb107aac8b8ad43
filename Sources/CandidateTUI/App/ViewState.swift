import CandidateCore

/// What only the view keeps between frames: where viewports stand. The model never reads it;
/// the views update it as they draw (a viewport moves only when the cursor leaves it).
struct ViewState: Equatable, Sendable {
    /// The focused form field and the scalar offset its text is shown from.
    struct FieldScroll: Equatable, Sendable {
        var field: CandidateField
        var scroll: Int
    }

    /// First list row on screen.
    var listTop = 0
    /// The focused field's horizontal scroll; `nil` on the list.
    var fieldScroll: FieldScroll?
    /// The first item shown of the open menu (0 when none is open).
    var menuTop = 0
    /// The column of the search prompt's cursor (after the typed text).
    var searchCursorColumn = 0
    /// Where the pager's `/` prompt puts the terminal cursor (`nil` while it is closed).
    var pagerCursor: CellPosition?
    /// Where a typed prompt in a panel (the GDPR expiry) puts the terminal cursor.
    var promptCursor: CellPosition?
}
