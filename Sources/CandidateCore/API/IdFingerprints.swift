/// A set of candidate ids, compared as the API compares them (case-insensitively), that keeps
/// 16 bytes an id instead of the id's text: two independent 64-bit hashes of its lower-cased
/// bytes. Two different ids share both only with a chance of about n² / 2¹²⁹ (for 100,000
/// ids, 10⁻²⁹), so a walk over every page of a large company remembers what it has listed
/// in about 2 MB, not a string a candidate.
///
/// The hashes are seeded per process (Swift's `Hasher`), so a fingerprint is never stored or
/// sent anywhere.
public struct IdFingerprints: Sendable {
    /// One id's fingerprint (see the type).
    struct Fingerprint: Hashable, Sendable {
        var high: Int
        var low: Int
    }

    private var fingerprints = Set<Fingerprint>()

    /// An empty set.
    public init() {}

    /// How many distinct ids were inserted.
    public var count: Int { fingerprints.count }

    /// Adds `id`; `true` when it was not in the set yet.
    @discardableResult
    public mutating func insert(_ id: String) -> Bool {
        fingerprints.insert(Self.fingerprint(id)).inserted
    }

    /// Whether `id` is in the set.
    public func contains(_ id: String) -> Bool {
        fingerprints.contains(Self.fingerprint(id))
    }

    /// The fingerprint of `id`, lower-cased.
    static func fingerprint(_ id: String) -> Fingerprint {
        var id = id
        if id.utf8.contains(where: { $0 >= 0x80 }) { id = id.lowercased() }
        return id.withUTF8 { bytes in
            var high = Hasher(), low = Hasher()
            high.combine(0x5A17 as UInt16)
            low.combine(0xC0DE as UInt16)
            // ASCII letters lower-cased as they are read; other text was lower-cased above.
            for b in bytes {
                let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                high.combine(folded)
                low.combine(folded)
            }
            high.combine(bytes.count)
            low.combine(bytes.count)
            return Fingerprint(high: high.finalize(), low: low.finalize())
        }
    }
}
