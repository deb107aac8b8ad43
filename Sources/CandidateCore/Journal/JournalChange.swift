import Foundation

/// One change the product sent (or was about to send) to one candidate, as the journal keeps
/// it: what each field was before and became after, when, by which command, in which batch,
/// and how it ended. Never the key.
public struct JournalChange: Codable, Equatable, Sendable {
    /// One field's value before and after, as wire values (`null` = cleared).
    public struct Field: Codable, Equatable, Sendable {
        /// The wire name (`status`, `phoneNumber`, …).
        public var field: String
        public var before: JSONValue
        public var after: JSONValue
        public init(field: String, before: JSONValue, after: JSONValue) { self.field = field; self.before = before; self.after = after }
    }

    /// How the change ended.
    public enum Outcome: String, Codable, Equatable, Sendable {
        /// Recorded before sending; a change left pending was interrupted (its result unknown).
        case pending
        case sent
        case failed
    }

    /// A UUID naming this change.
    public var id: String
    /// When it was recorded (ISO-8601 UTC).
    public var time: String
    /// The bulk change or `apply` run it belongs to; `nil` for a single change.
    public var batch: String?
    /// What sent it: `form`, `status`, `bulk-status`, `update`, `apply`, `undo`.
    public var command: String
    public var candidateId: String
    public var name: String
    public var fields: [Field]
    /// The server's `updatedAt` after the change (what an undo checks the server's copy against).
    public var updatedAtAfter: String?
    public var outcome: Outcome
    /// Why it failed, when it did.
    public var error: String?

    public init(id: String = JournalChange.newID(), time: Date = Date(), batch: String? = nil, command: String,
                candidateId: String, name: String, fields: [Field], updatedAtAfter: String? = nil,
                outcome: Outcome = .pending, error: String? = nil) {
        self.id = id
        self.time = APITimestamp.format(time)
        self.batch = batch
        self.command = command
        self.candidateId = candidateId
        self.name = name
        self.fields = fields
        self.updatedAtAfter = updatedAtAfter
        self.outcome = outcome
        self.error = error
    }

    /// The change `patch` makes to `candidate` (the copy it is sent over), pending.
    public init(sending patch: CandidatePatch, to candidate: Candidate, command: String, batch: String? = nil, time: Date = Date()) {
        self.init(time: time, batch: batch, command: command, candidateId: candidate.id, name: candidate.fullName,
                  fields: patch.fields.map { Field(field: $0.apiKey, before: CandidateDraft.originalWireValue($0, of: candidate), after: patch[$0] ?? .null) })
    }

    /// `time` parsed.
    public var date: Date? { APITimestamp.parse(time) }

    /// A new random (version 4) UUID, lower case: a change's or a batch's id. Drawn from the
    /// system's generator (`getrandom`) instead of Foundation's `UUID()`, which opens, reads and
    /// closes `/dev/urandom` for each one on Linux (a bulk change makes one per candidate).
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (generator.next() as UInt64, generator.next() as UInt64)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = raw[6] & 0x0F | 0x40
            raw[8] = raw[8] & 0x3F | 0x80
            let uuid = raw.load(as: uuid_t.self)
            return UUID(uuid: uuid).uuidString.lowercased()
        }
    }
}
