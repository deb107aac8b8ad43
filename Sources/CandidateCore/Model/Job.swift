/// A job, with only what a picker needs (API page, "Job").
public struct Job: Hashable, Sendable, Identifiable, Codable {
    /// UUID string.
    public var id: String
    public var title: String
    /// Only `OPEN` is documented; treated as opaque.
    public var status: String?
    public var companyId: String?
    /// `location.city`, when present.
    public var city: String?
    public var createdAt: String?

    public init(id: String, title: String, status: String? = nil, companyId: String? = nil, city: String? = nil, createdAt: String? = nil) {
        self.id = id; self.title = title; self.status = status; self.companyId = companyId; self.city = city; self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey { case id, title, status, companyId, location, createdAt }
    enum LocationKeys: String, CodingKey { case city }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = (try? c.decodeIfPresent(String.self, forKey: .title)) ?? ""
        status = try? c.decodeIfPresent(String.self, forKey: .status)
        companyId = try? c.decodeIfPresent(String.self, forKey: .companyId)
        createdAt = try? c.decodeIfPresent(String.self, forKey: .createdAt)
        let loc = try? c.nestedContainer(keyedBy: LocationKeys.self, forKey: .location)
        city = (try? loc?.decodeIfPresent(String.self, forKey: .city)) ?? nil
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encode(companyId, forKey: .companyId)
        var loc = c.nestedContainer(keyedBy: LocationKeys.self, forKey: .location)
        try loc.encode(city, forKey: .city)
        try c.encode(createdAt, forKey: .createdAt)
    }
}
