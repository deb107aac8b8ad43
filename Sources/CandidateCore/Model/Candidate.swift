import Foundation

/// A candidate as the API returns it (API page, "Candidate (response)").
///
/// Decoding is tolerant, because the docs disagree with themselves: missing or `null`
/// optional fields become `nil`/empty, unknown extra fields are kept as sent in `extraFields`
/// (shown read-only, never sent back), a status outside
/// the enum is kept as its raw string, `gdprExpiryDate` may be a date or a timestamp
/// (kept raw; see `gdprExpiryDay`), and the deprecated single `jobId` is folded into
/// `jobIds` when `jobIds` is absent. Only `id` is required.
public struct Candidate: Hashable, Sendable, Identifiable {
    /// UUID string.
    public var id: String
    /// 1..100 characters.
    public var firstName: String
    /// 1..100 characters.
    public var lastName: String
    public var email: String?
    /// E.164, e.g. `+421905123456`. Wire name `phoneNumber`.
    public var phoneNumber: String?
    /// Raw as sent: `YYYY-MM-DD` today, perhaps a full timestamp later.
    public var gdprExpiryDate: String?
    public var status: CandidateStatus
    /// Job UUIDs, at most 50. A PATCH of `jobIds` replaces the whole list.
    public var jobIds: [String]
    /// Deprecated single job id, when the server still sends it.
    public var jobId: String?
    /// 0..100, read-only.
    public var overallRating: Int?
    /// A JSON object or `nil`. A PATCH of `metadata` replaces the whole object.
    public var metadata: JSONValue?
    /// Read-only.
    public var analysisCount: Int
    /// Read-only.
    public var interviewCount: Int
    /// Opaque relative paths (`analyses`, `interviews`, …).
    public var links: [String: String]
    /// Gender override; `nil` = auto-detected from the name. Wire name UNCONFIRMED.
    public var gender: CandidateGender?
    /// Anonymized plain-text CV. Wire name UNCONFIRMED.
    public var cvText: String?
    /// ISO-8601 UTC timestamp, as sent.
    public var createdAt: String?
    /// ISO-8601 UTC timestamp, as sent: the only change marker the API has.
    public var updatedAt: String?
    /// Fields the server sent that this client does not know, by wire name, as sent. The API
    /// may add fields; they are shown read-only and never part of a PATCH.
    public var extraFields: [String: JSONValue] = [:]

    public init(id: String, firstName: String, lastName: String, email: String? = nil,
                phoneNumber: String? = nil, gdprExpiryDate: String? = nil, status: CandidateStatus = .undefined,
                jobIds: [String] = [], jobId: String? = nil, overallRating: Int? = nil, metadata: JSONValue? = nil,
                analysisCount: Int = 0, interviewCount: Int = 0, links: [String: String] = [:],
                gender: CandidateGender? = nil, cvText: String? = nil, createdAt: String? = nil, updatedAt: String? = nil) {
        self.id = id; self.firstName = firstName; self.lastName = lastName; self.email = email
        self.phoneNumber = phoneNumber; self.gdprExpiryDate = gdprExpiryDate; self.status = status
        self.jobIds = jobIds; self.jobId = jobId; self.overallRating = overallRating; self.metadata = metadata
        self.analysisCount = analysisCount; self.interviewCount = interviewCount; self.links = links
        self.gender = gender; self.cvText = cvText; self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    /// "First Last", the way lists and messages name a candidate.
    public var fullName: String { Self.fullName(firstName: firstName, lastName: lastName) }

    /// "First Last" from the two names, leaving out an empty one.
    public static func fullName(firstName: String, lastName: String) -> String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `gdprExpiryDate` as a calendar day, whichever form the server sent.
    public var gdprExpiryDay: CalendarDay? { gdprExpiryDate.flatMap(CalendarDay.init(parsing:)) }

    /// `updatedAt` parsed, when it parses.
    public var updatedDate: Date? { updatedAt.flatMap(APITimestamp.parse) }
    /// `createdAt` parsed, when it parses.
    public var createdDate: Date? { createdAt.flatMap(APITimestamp.parse) }
}

extension Candidate: Codable {
    // A String raw value gives every default wire name without going through `description`:
    // `CodingKey.description` calls `stringValue`, so `"\(self)"` here would recurse forever.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, firstName, lastName, email, phoneNumber, gdprExpiryDate, status, jobIds, jobId
        case overallRating, metadata, analysisCount, interviewCount, links, createdAt, updatedAt
        case gender
        case cvText

        var stringValue: String {
            switch self {
            case .gender: return UnconfirmedAPINames.gender
            case .cvText: return UnconfirmedAPINames.cvText
            default: return rawValue
            }
        }
        init?(stringValue: String) {
            guard let k = Self.allCases.first(where: { $0.stringValue == stringValue }) else { return nil }
            self = k
        }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Each field is asked for the type it usually has first, so a page decodes without a
        // generic tree; the fallbacks give what reading the field as a `JSONValue` would:
        // a string field takes a string or an integer, a count takes an integer, an integral
        // number or a numeric string, anything else reads as absent.
        func string(_ k: CodingKeys) -> String? {
            do { return try c.decodeIfPresent(String.self, forKey: k) } catch {
                return (try? c.decode(Int.self, forKey: k)).map(String.init)
            }
        }
        func int(_ k: CodingKeys) -> Int? {
            do { return try c.decodeIfPresent(Int.self, forKey: k) } catch {
                if let s = try? c.decode(String.self, forKey: k) { return Int(s) }
                return (try? c.decode(Double.self, forKey: k)).flatMap { JSONValue.double($0).intValue }
            }
        }
        func object(_ k: CodingKeys) -> [String: JSONValue]? {
            guard c.contains(k) else { return nil }
            if let o = try? c.decode([String: JSONValue].self, forKey: k) { return o }
            return nil
        }
        guard let id = string(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "candidate without id"))
        }
        self.id = id
        firstName = string(.firstName) ?? ""
        lastName = string(.lastName) ?? ""
        email = string(.email)
        phoneNumber = string(.phoneNumber)
        gdprExpiryDate = string(.gdprExpiryDate)
        status = string(.status).map(CandidateStatus.init(rawValue:)) ?? .undefined
        jobId = string(.jobId)
        let ids = c.contains(.jobIds) ? (try? c.decode([JSONValue].self, forKey: .jobIds))?.compactMap(\.stringValue) : nil
        jobIds = ids ?? (jobId.map { [$0] } ?? [])
        overallRating = int(.overallRating)
        if let o = object(.metadata) {
            metadata = .object(o)
        } else {
            let meta = (try? c.decodeIfPresent(JSONValue.self, forKey: .metadata)) ?? nil
            metadata = (meta?.isNull ?? true) ? nil : meta
        }
        analysisCount = int(.analysisCount) ?? 0
        interviewCount = int(.interviewCount) ?? 0
        links = (object(.links) ?? [:]).compactMapValues(\.stringValue)
        gender = string(.gender).map(CandidateGender.init(rawValue:))
        cvText = string(.cvText)
        createdAt = string(.createdAt)
        updatedAt = string(.updatedAt)
        let all = try decoder.container(keyedBy: AnyKey.self)
        for key in all.allKeys where CodingKeys(stringValue: key.stringValue) == nil {
            extraFields[key.stringValue] = try? all.decode(JSONValue.self, forKey: key)
        }
    }

    /// Any wire name: reads and writes the fields outside `CodingKeys`.
    struct AnyKey: CodingKey {
        var stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encode(email, forKey: .email)
        try c.encode(phoneNumber, forKey: .phoneNumber)
        try c.encode(gdprExpiryDate, forKey: .gdprExpiryDate)
        try c.encode(status, forKey: .status)
        try c.encode(jobIds, forKey: .jobIds)
        try c.encodeIfPresent(jobId, forKey: .jobId)
        try c.encode(overallRating, forKey: .overallRating)
        try c.encode(metadata ?? .null, forKey: .metadata)
        try c.encode(analysisCount, forKey: .analysisCount)
        try c.encode(interviewCount, forKey: .interviewCount)
        try c.encode(links, forKey: .links)
        try c.encode(gender, forKey: .gender)
        try c.encode(cvText, forKey: .cvText)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        var extra = encoder.container(keyedBy: AnyKey.self)
        for (name, value) in extraFields { try extra.encode(value, forKey: AnyKey(stringValue: name)) }
    }
}
