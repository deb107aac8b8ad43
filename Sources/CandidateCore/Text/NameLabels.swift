/// Labels that tell apart candidates listed together under the same name.
///
/// A candidate whose name is unique among those listed is labelled by the name alone. Names
/// that read the same (compared as shown: sanitized, case and runs of spaces ignored, Unicode
/// canonical equivalence as Swift compares strings) get a short suffix:
/// - the email shortened to its local part, `Ana Novák (ana.novak@…)`, when that tells the
///   candidate apart from the others with the name;
/// - else the whole email, when that does;
/// - else the shortest id prefix of at least 8 characters that does, `Ana Novák (#1a2b3c4d)`.
///
/// Only the labels of shared names are kept, so the labels of 100,000 candidates with
/// distinct names cost an empty dictionary (building them counts every name once).
public struct NameLabels: Sendable, Equatable {
    /// What a label is made from: the id, the name as the server sent it and the email.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String
        public var email: String?

        public init(id: String, name: String, email: String?) {
            self.id = id; self.name = name; self.email = email
        }
    }

    /// The suffix of each candidate whose name is shared, by id: its place in `suffixBytes`
    /// (offset in the high 32 bits, length in the low 32). About 50 bytes a candidate, so the
    /// labels of 100,000 candidates sharing a few thousand names stay a few megabytes.
    private var suffixAt: [IdFingerprints.Fingerprint: UInt64] = [:]
    /// Every suffix's UTF-8 bytes, one after another.
    private var suffixBytes: [UInt8] = []

    /// No candidate listed: every label is the name alone.
    public init() {}

    /// The labels for `entries` listed together. An id listed twice counts once. `emailOf`
    /// gives the email of an entry without one, asked only for names that are shared (so a
    /// caller holding emails elsewhere looks up a few, not every entry).
    ///
    /// `entries` is read an entry at a time (it may be lazy): once to collect each name's hash,
    /// once to note where each name whose hash came up more than once sits, then each group
    /// of a shared name is read again by those positions — so 100,000 entries cost 8 bytes a
    /// name and a position per shared name, never a copy of every entry.
    public init<Entries: Collection<Entry>>(_ entries: Entries, emailOf: ((String) -> String?)? = nil) {
        var seen = IdFingerprints()
        // Each name's hash, sorted so equal ones sit together: 8 bytes a name, where a
        // dictionary of counts took about 50 (and twice that while it grew).
        var hashes: [Int] = []
        hashes.reserveCapacity(entries.count)
        for e in entries where seen.insert(e.id) { hashes.append(Self.nameKey(e.name).hashValue) }
        hashes.sort()
        var sharedHashes = Set<Int>()
        for i in hashes.indices.dropFirst() where hashes[i] == hashes[i - 1] { sharedHashes.insert(hashes[i]) }
        hashes = []
        seen = IdFingerprints()
        var groups: [String: [Entries.Index]] = [:]
        for i in entries.indices {
            let e = entries[i]
            guard seen.insert(e.id) else { continue }
            let key = Self.nameKey(e.name)
            if sharedHashes.contains(key.hashValue) { groups[key, default: []].append(i) }
        }
        sharedHashes = []
        seen = IdFingerprints()
        for positions in groups.values where positions.count > 1 {
            var group = positions.map { entries[$0] }
            if let emailOf {
                for i in group.indices where group[i].email == nil { group[i].email = emailOf(group[i].id) }
            }
            for (e, suffix) in zip(group, Self.suffixes(group)) {
                let bytes = Array(suffix.utf8)
                suffixAt[IdFingerprints.fingerprint(e.id)] = UInt64(suffixBytes.count) << 32 | UInt64(bytes.count)
                suffixBytes += bytes
            }
        }
    }

    /// The labels for `candidates` listed together (names from `fullName`).
    public init(_ candidates: [Candidate]) {
        self.init(candidates.map { Entry(id: $0.id, name: $0.fullName, email: $0.email) })
    }

    /// The label of the candidate `id` named `name`: the name alone unless the name is shared.
    /// Raw text, like the name: sanitize it (the canvas does) before showing.
    public func label(id: String, name: String) -> String {
        guard let at = suffixAt[IdFingerprints.fingerprint(id)] else { return name }
        let start = Int(at >> 32), count = Int(at & 0xFFFF_FFFF)
        return name + " (" + String(decoding: suffixBytes[start..<start + count], as: UTF8.self) + ")"
    }

    /// The label of `candidate`.
    public func label(_ candidate: Candidate) -> String { label(id: candidate.id, name: candidate.fullName) }

    /// One label per candidate, in order: the function form of `init(_:)` + `label`.
    public static func labels(_ candidates: [Candidate]) -> [String] {
        let labels = NameLabels(candidates)
        return candidates.map(labels.label)
    }

    /// Whether two names read the same on a screen.
    public static func sameName(_ a: String, _ b: String) -> Bool { nameKey(a) == nameKey(b) }

    /// A name as compared: shown form, lower case, single spaces, no spaces at the ends.
    static func nameKey(_ name: String) -> String {
        DisplayText.sanitize(name).lowercased().split(separator: " ").joined(separator: " ")
    }

    /// The suffix of each of `group` (same name): the first of the short email, the whole
    /// email or an id prefix that no one else in the group shares.
    private static func suffixes(_ group: [Entry]) -> [String] {
        func counts(_ keys: [String?]) -> [String: Int] {
            keys.compactMap { $0 }.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
        let emails = group.map { $0.email.map { DisplayText.sanitize($0).lowercased() }.flatMap { $0.isEmpty ? nil : $0 } }
        let shortEmails = emails.map { $0.map(shortEmail) }
        let shortCounts = counts(shortEmails), emailCounts = counts(emails)
        var prefixes: [String]?
        return group.indices.map { i in
            if let s = shortEmails[i], shortCounts[s] == 1 { return s }
            if let e = emails[i], emailCounts[e] == 1 { return e }
            if prefixes == nil { prefixes = idPrefixes(group.map { $0.id.lowercased() }) }
            return "#" + prefixes![i]
        }
    }

    /// `ana.novak@…` for `ana.novak@example.com`; a local part over 20 characters is cut
    /// (`…` marks the cut). An address without `@` stays whole.
    static func shortEmail(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@") else { return email }
        let local = email[..<at]
        let shown = local.count > 20 ? local.prefix(19) + "…" : local
        return shown + "@…"
    }

    /// For each of `ids`, the shortest prefix, 8 characters or more, that no other id of `ids`
    /// starts with (the whole id when another is equal to it or starts with all of it).
    /// Sorted once: the ids sharing the longest prefix with an id are its neighbours in order, so
    /// a group of k costs k log k comparisons, not k² prefix tests.
    static func idPrefixes(_ ids: [String]) -> [String] {
        let chars = ids.map(Array.init)
        let order = chars.indices.sorted { chars[$0].lexicographicallyPrecedes(chars[$1]) }
        func common(_ a: [Character], _ b: [Character]) -> Int {
            var n = 0
            while n < a.count && n < b.count && a[n] == b[n] { n += 1 }
            return n
        }
        var shared = [Int](repeating: 0, count: ids.count)
        for k in order.indices.dropFirst() {
            let (a, b) = (order[k - 1], order[k])
            let n = common(chars[a], chars[b])
            shared[a] = max(shared[a], n)
            shared[b] = max(shared[b], n)
        }
        return ids.indices.map { i in
            let count = chars[i].count
            return String(chars[i].prefix(min(count, max(min(8, count), shared[i] + 1))))
        }
    }
}
