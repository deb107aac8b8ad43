/// Every field of one candidate as `label: value` rows for people: job ids resolved to titles,
/// a status outside the API's enum and fields this client does not know shown as they came,
/// metadata pretty-printed, the CV whole. Values are raw text; the caller sanitizes for a terminal.
public struct CandidateCard: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: String
        /// One or more lines.
        public var value: String
    }

    public var rows: [Row]

    /// - Parameter jobTitle: a job's title by id, `nil` when unknown (the id is shown).
    public init(_ c: Candidate, jobTitle: (String) -> String? = { _ in nil }) {
        var rows: [Row] = []
        func add(_ label: String, _ value: String?) { rows.append(Row(label: label, value: value ?? "–")) }
        add("Name", c.fullName)
        add("Id", c.id)
        add("Status", c.status.rawValue + (CandidateStatus.allKnown.contains(c.status) ? "" : " (not in the API's enum)"))
        add("Email", c.email)
        add("Phone", c.phoneNumber)
        add("GDPR expiry", c.gdprExpiryDate)
        add("Gender", c.gender?.rawValue ?? "auto (from the name)")
        add("Jobs", c.jobIds.isEmpty ? "none" : c.jobIds.map { id in jobTitle(id).map { "\($0) (\(id))" } ?? id }.joined(separator: "\n"))
        add("Rating", c.overallRating.map(String.init))
        add("Analyses", String(c.analysisCount))
        add("Interviews", String(c.interviewCount))
        add("Created", c.createdAt)
        add("Updated", c.updatedAt)
        if !c.links.isEmpty { add("Links", c.links.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")) }
        add("Metadata", c.metadata.map { $0.prettyText() } ?? "(none)")
        add("CV", c.cvText.map { $0.isEmpty ? "(empty)" : $0 } ?? "(none)")
        for (name, value) in c.extraFields.sorted(by: { $0.key < $1.key }) {
            add(name, value.stringValue ?? value.prettyText())
        }
        self.rows = rows
    }

    /// The rows as text: labels in a column, values' further lines indented under the first.
    public func text() -> String {
        let width = rows.map { $0.label.count }.max() ?? 0
        return rows.map { row in
            let pad = String(repeating: " ", count: width - row.label.count)
            let lines = row.value.split(separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: width + 2)
            return ([row.label + pad + "  " + (lines.first.map(String.init) ?? "")] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
