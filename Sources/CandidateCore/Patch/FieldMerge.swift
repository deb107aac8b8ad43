/// The lost-update guard's three-way comparison of one candidate, per editable field.
///
/// The API has no ETag; `updatedAt` is the only change marker. Before sending, the editor
/// reads the candidate again (`theirs`). With `base` = the candidate as the form loaded it
/// (`mine.original`) and `mine` = the draft, each field is one of:
///
/// | base → mine | base → theirs | outcome |
/// |---|---|---|
/// | same | same | `.unchanged` |
/// | same | changed | `.changedOnServer` — take theirs (refresh the form) |
/// | changed | same | `.changedByMe` — keep mine |
/// | changed | changed, equal to mine | `.changedAlike` — no conflict |
/// | changed | changed, different | `.conflict` — the user chooses |
///
/// Values are compared the way a PATCH would send them (`CandidateDraft.wireValue` /
/// `originalWireValue`: trimmed, phone normalized, dates as days), so spacing never makes a
/// conflict. Metadata that is not valid JSON counts as a change of mine, carried as text.
public struct FieldMerge: Hashable, Sendable {
    /// Whose value a conflicting field takes.
    public enum Side: String, Hashable, Sendable, Codable {
        case mine, theirs
    }

    /// One field's outcome. Values are wire values (`JSONValue.null` = cleared).
    public enum Outcome: Hashable, Sendable {
        case unchanged
        /// Only the server changed it: the merged draft takes `theirs`.
        case changedOnServer(base: JSONValue, theirs: JSONValue)
        /// Only the user changed it: the merged draft keeps `mine`.
        case changedByMe(base: JSONValue, mine: JSONValue)
        /// Both changed it to the same value: nothing to choose, nothing left to send.
        case changedAlike(base: JSONValue, value: JSONValue)
        /// Both changed it to different values: the user chooses.
        case conflict(base: JSONValue, mine: JSONValue, theirs: JSONValue)

        public var isConflict: Bool { if case .conflict = self { return true }; return false }
    }

    /// The candidate as the form loaded it.
    public let base: Candidate
    /// The user's draft (its `original` is `base`).
    public let mine: CandidateDraft
    /// The server's current copy.
    public let theirs: Candidate
    /// Every editable field's outcome, in form order.
    public let outcomes: [(field: CandidateField, outcome: Outcome)]

    /// Compares the draft with the server's current copy of the same candidate.
    public init(mine: CandidateDraft, theirs: Candidate) {
        self.base = mine.original
        self.mine = mine
        self.theirs = theirs
        outcomes = CandidateField.allCases.map { f in (f, Self.classify(f, mine: mine, theirs: theirs)) }
    }

    static func classify(_ f: CandidateField, mine: CandidateDraft, theirs: Candidate) -> Outcome {
        let b = CandidateDraft.originalWireValue(f, of: mine.original)
        let t = CandidateDraft.originalWireValue(f, of: theirs)
        let m: JSONValue
        switch mine.wireValue(f) {
        case .success(let v): m = v
        case .failure: m = .string(mine.text(f))
        }
        switch (m != b, t != b) {
        case (false, false): return .unchanged
        case (false, true): return .changedOnServer(base: b, theirs: t)
        case (true, false): return .changedByMe(base: b, mine: m)
        case (true, true): return m == t ? .changedAlike(base: b, value: m) : .conflict(base: b, mine: m, theirs: t)
        }
    }

    /// Whether the server's `updatedAt` moved since the form was opened (the API's only
    /// change marker; a moved marker with no field outcome means a read-only field changed).
    public var serverMoved: Bool { theirs.updatedAt != base.updatedAt }

    /// The outcome of one field.
    public func outcome(_ field: CandidateField) -> Outcome {
        outcomes.first { $0.field == field }?.outcome ?? .unchanged
    }

    /// Fields changed on both sides to different values, in form order.
    public var conflicts: [CandidateField] { outcomes.filter { $0.outcome.isConflict }.map(\.field) }

    public var hasConflicts: Bool { !conflicts.isEmpty }

    /// Fields only the server changed (refreshed in the merged draft), in form order.
    public var refreshed: [CandidateField] {
        outcomes.compactMap { if case .changedOnServer = $0.outcome { return $0.field }; return nil }
    }

    /// Conflicting fields `choices` does not decide yet.
    public func unresolved(_ choices: [CandidateField: Side]) -> [CandidateField] {
        conflicts.filter { choices[$0] == nil }
    }

    /// The draft to continue with: based on `theirs` (so its patch is computed against the
    /// server's current copy and read-only fields are fresh), with the user's changes kept,
    /// the server's changes taken, and each conflict resolved by `choices`. A conflict with
    /// no choice keeps mine: the user's typing is never dropped silently (ask first; see
    /// `unresolved`).
    public func merged(choosing choices: [CandidateField: Side] = [:]) -> CandidateDraft {
        var d = CandidateDraft(theirs)
        for (f, outcome) in outcomes {
            switch outcome {
            case .unchanged, .changedOnServer, .changedAlike: continue
            case .changedByMe: d.setValue(of: f, from: mine)
            case .conflict: if choices[f] ?? .mine == .mine { d.setValue(of: f, from: mine) }
            }
        }
        return d
    }

    public static func == (a: FieldMerge, b: FieldMerge) -> Bool {
        a.mine == b.mine && a.theirs == b.theirs
    }

    public func hash(into h: inout Hasher) {
        h.combine(mine)
        h.combine(theirs)
    }
}

extension CandidateDraft {
    /// Copies one field's current value from another draft, as the user left it.
    mutating func setValue(of f: CandidateField, from other: CandidateDraft) {
        switch f {
        case .firstName: firstName = other.firstName
        case .lastName: lastName = other.lastName
        case .email: email = other.email
        case .phoneNumber: phoneNumber = other.phoneNumber
        case .gdprExpiryDate: gdprExpiryDate = other.gdprExpiryDate
        case .status: status = other.status
        case .gender: gender = other.gender
        case .jobIds: jobIds = other.jobIds
        case .metadata: metadataText = other.metadataText
        case .cvText: cvText = other.cvText
        }
    }
}
