import CandidateCore

/// How the TUI looks and behaves for one run, chosen by flags and the profile (flag >
/// environment > profile > default). Some can be toggled while it runs; the model keeps the
/// current values in `AppModel.options`.
public struct TUIOptions: Equatable, Sendable {
    /// The key table, with the profile's `[keys]` applied.
    public var keys: KeyMap = .standard
    /// The config file's profiles, for `:profile` (empty without a config file).
    public var profiles: [String] = []
    /// The profile in use, if any.
    public var profile: String?
    /// The companies an ATS key of this profile switches between (`:company`, `C`); empty when
    /// the key sees one company.
    public var companies: [CompanyChoice] = []
    /// The company in use, one of `companies` (`nil` for a company key).
    public var company: CompanyChoice?
    /// The list's first sort (the profile's `sort`), and whether descending.
    public var sort: (column: String, descending: Bool)?
    /// The list's first server-side filter (the profile's `filter`).
    public var filterStatus: CandidateStatus?
    public var filterJobId: String?
    /// Where `:` commands are kept between runs; `nil` keeps them for this run only.
    public var commandHistory: CommandHistoryFile?
    /// Low-bandwidth mode for slow links: pages load only for the visible rows and one page
    /// ahead, progress advances in steps instead of animating, and frames are drawn at most
    /// `TUIApp.lowBandwidthFrameInterval` apart. See `resolving(…)` for how it is chosen.
    public var lowBandwidth = false
    /// Colours or none (`mono` keeps bold, reverse and underline).
    public var theme = TUITheme.default
    /// Privacy mode at start: email and phone are masked on every screen (`ContactMask`);
    /// `p` on the list toggles it. Display only: what is sent never changes.
    public var privacy = false
    /// The list's columns, in the order shown (`ListColumn.parse` reads them from names);
    /// `nil` chooses by width. Name and status are always shown; a set too wide for the
    /// terminal loses its lowest priorities first.
    public var columns: [ListColumn]?
    /// The detail pane beside the list: `true` always, `false` never (until `i`), `nil`
    /// when the terminal is at least `DetailPane.autoColumns` (140) columns wide.
    public var detailPane: Bool?

    public init() {}

    public init(columns: [ListColumn]? = nil, detailPane: Bool? = nil) {
        self.init()
        self.columns = columns
        self.detailPane = detailPane
    }

    public init(privacy: Bool) {
        self.init()
        self.privacy = privacy
    }

    public static func == (a: TUIOptions, b: TUIOptions) -> Bool {
        a.keys == b.keys && a.profiles == b.profiles && a.profile == b.profile && a.companies == b.companies
            && a.company == b.company && a.sort?.column == b.sort?.column && a.sort?.descending == b.sort?.descending
            && a.filterStatus == b.filterStatus && a.filterJobId == b.filterJobId
            && a.commandHistory == b.commandHistory && a.lowBandwidth == b.lowBandwidth && a.theme == b.theme
            && a.privacy == b.privacy && a.columns == b.columns && a.detailPane == b.detailPane
    }
}

/// A company an ATS key can act for: its name as the profile gives it, and its id.
public struct CompanyChoice: Equatable, Sendable {
    public var name: String
    public var id: String
    public init(name: String, id: String) { self.name = name; self.id = id }
}
