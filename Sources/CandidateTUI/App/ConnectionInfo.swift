import CandidateCore

/// What the header says about the connection.
public struct ConnectionInfo: Sendable, Equatable {
    /// Where it is connected, e.g. `local sandbox 127.0.0.1:50123` or `api.instaview.sk`.
    public var location: String
    /// The company name or id the key sees, when known.
    public var company: String?
    public init(location: String, company: String?) {
        self.location = location; self.company = company
    }
}
