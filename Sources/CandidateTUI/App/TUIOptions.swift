import CandidateCore

/// How the TUI looks and behaves for one run, chosen by flags and the profile (flag >
/// environment > profile > default). Some can be toggled while it runs; the model keeps the
/// current values in `AppModel.options`.
public struct TUIOptions: Equatable, Sendable {
    /// The list's columns, in the order shown (`ListColumn.parse` reads them from names);
    /// `nil` chooses by width. Name and status are always shown; a set too wide for the
    /// terminal loses its lowest priorities first.
    public var columns: [ListColumn]?
    /// The detail pane beside the list: `true` always, `false` never (until `i`), `nil`
    /// when the terminal is at least `DetailPane.autoColumns` (140) columns wide.
    public var detailPane: Bool?

    public init(columns: [ListColumn]? = nil, detailPane: Bool? = nil) {
        self.columns = columns
        self.detailPane = detailPane
    }
}
