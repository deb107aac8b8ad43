import Foundation

/// The members of one candidate object, read as values, before they become a `Candidate`: the
/// rules of `Candidate.init(from:)` applied to values `JSONByteReader` has already read.
///
/// A string field takes a string or an integer (as text); a count takes an integer or a numeric
/// string; `null` and other kinds read as absent; `jobIds` keeps its strings, else the single
/// `jobId`; `metadata` is kept unless `null`; `links` keeps its string values; other members go
/// to `extraFields`. A repeated member, or a candidate without a usable `id`, is
/// `JSONByteReader.Unusual`: `JSONDecoder` then reads the item and words the problem.
struct CandidateMembers {
    typealias Key = Candidate.CodingKeys

    /// The known fields' values, in `Key.allCases` order.
    private var values = [JSONValue?](repeating: nil, count: Key.allCases.count)
    private var extra: [String: JSONValue] = [:]

    /// Each known wire name's bytes (`gender` and `cvText` by their unconfirmed names).
    private static let keyBytes: [[UInt8]] = Key.allCases.map { Array($0.stringValue.utf8) }

    /// The position in `Key.allCases` of the known field a key's bytes name, if any.
    static func knownKey(_ key: UnsafeRawBufferPointer) -> Int? {
        for (i, name) in keyBytes.enumerated() where name.count == key.count {
            if name.withUnsafeBytes({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) { return i }
        }
        return nil
    }

    /// Sets the known field at `index` in `Key.allCases`; a second value for it is `Unusual`.
    mutating func set(_ index: Int, _ value: JSONValue) throws {
        guard values[index] == nil else { throw JSONByteReader.Unusual() }
        values[index] = value
    }

    private subscript(_ k: Key) -> JSONValue? { values[Self.position(k)] }

    /// `k`'s position in `Key.allCases` (a switch, not a search or a hash; a test holds it to `allCases`).
    static func position(_ k: Key) -> Int {
        switch k {
        case .id: 0
        case .firstName: 1
        case .lastName: 2
        case .email: 3
        case .phoneNumber: 4
        case .gdprExpiryDate: 5
        case .status: 6
        case .jobIds: 7
        case .jobId: 8
        case .overallRating: 9
        case .metadata: 10
        case .analysisCount: 11
        case .interviewCount: 12
        case .links: 13
        case .createdAt: 14
        case .updatedAt: 15
        case .gender: 16
        case .cvText: 17
        }
    }

    /// Sets a member this client does not know; a second value for it is `Unusual`.
    mutating func setExtra(_ name: String, _ value: JSONValue) throws {
        guard extra.updateValue(value, forKey: name) == nil else { throw JSONByteReader.Unusual() }
    }

    private func string(_ k: Key) -> String? {
        switch self[k] {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        default: return nil
        }
    }

    private func int(_ k: Key) -> Int? {
        switch self[k] {
        case .int(let i)?: return i
        case .string(let s)?: return Int(s)
        default: return nil
        }
    }

    /// The candidate; `Unusual` without an `id` read as a string.
    func candidate() throws -> Candidate {
        guard let id = string(.id) else { throw JSONByteReader.Unusual() }
        let jobId = string(.jobId)
        var metadata = self[.metadata]
        if metadata?.isNull == true { metadata = nil }
        var c = Candidate(
            id: id, firstName: string(.firstName) ?? "", lastName: string(.lastName) ?? "",
            email: string(.email), phoneNumber: string(.phoneNumber), gdprExpiryDate: string(.gdprExpiryDate),
            status: string(.status).map(CandidateStatus.init(rawValue:)) ?? .undefined,
            jobIds: self[.jobIds]?.arrayValue?.compactMap(\.stringValue) ?? (jobId.map { [$0] } ?? []),
            jobId: jobId, overallRating: int(.overallRating), metadata: metadata,
            analysisCount: int(.analysisCount) ?? 0, interviewCount: int(.interviewCount) ?? 0,
            links: self[.links]?.objectValue?.compactMapValues(\.stringValue) ?? [:],
            gender: string(.gender).map(CandidateGender.init(rawValue:)), cvText: string(.cvText),
            createdAt: string(.createdAt), updatedAt: string(.updatedAt))
        c.extraFields = extra
        return c
    }
}

extension Candidate {
    /// Reads one candidate object at `reader`, as `init(from:)` would read it.
    /// - Throws: `JSONByteReader.Unusual` for anything this reader leaves to `JSONDecoder`.
    init(reading reader: inout JSONByteReader, depth: Int = 0) throws {
        var members = CandidateMembers()
        try reader.readObject(depth: depth) { reader, key in
            let value = try reader.readValue(depth: depth + 1)
            if let known = CandidateMembers.knownKey(key) {
                try members.set(known, value)
            } else {
                try members.setExtra(JSONByteReader.keyString(key), value)
            }
        }
        self = try members.candidate()
    }
}
