import CandidateCore

/// A connection the TUI can switch to while it runs: a client, what the header says, where its
/// drafts and its journal are kept, and the settings of its profile.
public struct TUIConnection: Sendable, Equatable {
    public var client: CandidatesClient
    public var info: ConnectionInfo
    public var drafts: DraftStore?
    /// Where the changes sent through this connection are recorded.
    public var journal: Journal?
    public var options: TUIOptions

    public init(client: CandidatesClient, info: ConnectionInfo, drafts: DraftStore?, journal: Journal? = nil, options: TUIOptions) {
        self.client = client; self.info = info; self.drafts = drafts; self.journal = journal; self.options = options
    }

    public static func == (a: TUIConnection, b: TUIConnection) -> Bool {
        a.client === b.client && a.info == b.info && a.options == b.options
    }
}

/// Opens the connection for a profile (`nil`: the one in use) and a company id (`nil`: the
/// profile's first or only). Supplied by the program, which knows the config file and the
/// sandbox. Throws with a message for the message line.
public typealias TUIConnector = @Sendable (_ profile: String?, _ companyId: String?) async throws -> TUIConnection
