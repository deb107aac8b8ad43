import NIOConcurrencyHelpers

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
/// Made in one pass that hashes every name; a shared name's suffixes are worked out when one
/// of its labels is first asked for (a screen shows a few names of 100,000), from the entries
/// as given, and the last few names' are kept. 16 bytes a candidate whose name is shared, and
/// nothing for a unique one.
public struct NameLabels: Sendable {
    /// What a label is made from: the id, the name as the server sent it and the email.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String
        public var email: String?

        public init(id: String, name: String, email: String?) {
            self.id = id; self.name = name; self.email = email
        }
    }

    /// Every entry whose name's hash came up more than once: the hash and the entry's
    /// position, sorted by hash, so a name's entries are found by a binary search.
    private var shared: [(hash: Int, position: Int)] = []
    /// The entries and the emails, read when a shared name's suffixes are first asked for.
    private let source: Source?

    /// No candidate listed: every label is the name alone.
    public init() { source = nil }

    /// The labels for `entries` listed together. An id listed twice under a name counts once. `emailOf`
    /// gives the email of an entry without one, asked only for names that are shared (so a
    /// caller holding emails elsewhere looks up a few, not every entry).
    ///
    /// `entries` (it may be lazy) is read an entry at a time once here, and again, by position,
    /// for the entries of a shared name when its labels are first asked for; it and `emailOf`
    /// are kept for that, so both must give the same answers for as long as the labels live.
    public init<Entries: RandomAccessCollection<Entry>>(_ entries: Entries, emailOf: ((String) -> String?)? = nil) {
        // No set of the ids seen here (4 MB at its peak for 100,000): an id listed twice
        // under one name is dropped from that name's entries when they are read.
        var hashed: [(hash: Int, position: Int)] = []
        hashed.reserveCapacity(entries.count)
        for (position, e) in entries.enumerated() {
            hashed.append((Self.nameKey(e.name).hashValue, position))
        }
        hashed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.position < $1.position }
        var kept = 0
        for i in hashed.indices {
            let h = hashed[i].hash
            if (i > 0 && hashed[i - 1].hash == h) || (i + 1 < hashed.count && hashed[i + 1].hash == h) {
                hashed[kept] = hashed[i]
                kept += 1
            }
        }
        hashed.removeLast(hashed.count - kept)
        shared = hashed
        source = Source(entry: { entries[entries.index(entries.startIndex, offsetBy: $0)] }, emailOf: emailOf)
    }

    /// The label of the candidate `id` named `name`: the name alone unless the name is shared.
    /// Raw text, like the name: sanitize it (the canvas does) before showing.
    public func label(id: String, name: String) -> String {
        guard let source, !shared.isEmpty else { return name }
        let key = Self.nameKey(name)
        let hash = key.hashValue
        var lo = 0, hi = shared.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if shared[mid].hash < hash { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < shared.count && shared[end].hash == hash { end += 1 }
        guard end - lo > 1 else { return name }
        let shared = self.shared
        guard let suffix = source.suffixes(of: key, at: { shared[lo..<end].map(\.position) })[IdFingerprints.fingerprint(id)] else { return name }
        return name + " (" + suffix + ")"
    }

    /// The entries the labels were made from, and the suffixes of the names last asked for.
    /// Read-only but for the cache, which a lock guards.
    private final class Source: @unchecked Sendable {
        let entry: (Int) -> Entry
        let emailOf: ((String) -> String?)?
        private let lock = NIOLock()
        private var recent: [String: [IdFingerprints.Fingerprint: String]] = [:]
        /// Names whose suffixes are kept (a screen shows a few; more are worked out again).
        static let recentNames = 64

        init(entry: @escaping (Int) -> Entry, emailOf: ((String) -> String?)?) {
            self.entry = entry
            self.emailOf = emailOf
        }

        /// The suffix of each entry named `key` among those at `positions` (whose names share
        /// its hash; asked for only when the name's suffixes are not kept), by id; empty when
        /// fewer than two of them have that name.
        func suffixes(of key: String, at positions: () -> [Int]) -> [IdFingerprints.Fingerprint: String] {
            if let known = lock.withLock({ recent[key] }) { return known }
            var seen = IdFingerprints()
            var group = positions().map(entry).filter { NameLabels.nameKey($0.name) == key && seen.insert($0.id) }
            var byId: [IdFingerprints.Fingerprint: String] = [:]
            if group.count > 1 {
                if let emailOf {
                    for i in group.indices where group[i].email == nil { group[i].email = emailOf(group[i].id) }
                }
                for (e, suffix) in zip(group, NameLabels.suffixes(group)) { byId[IdFingerprints.fingerprint(e.id)] = suffix }
            }
            lock.withLock {
                if recent.count >= Self.recentNames { recent.removeAll(keepingCapacity: true) }
                recent[key] = byId
            }
            return byId
        }
    }

    /// The labels for `candidates` listed together (names from `fullName`).
    public init(_ candidates: [Candidate]) {
        self.init(candidates.map { Entry(id: $0.id, name: $0.fullName, email: $0.email) })
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

    /// A name as compared: shown form, lower case, any run of white space (no-break and
    /// ideographic spaces too) as one space, none at the ends.
    static func nameKey(_ name: String) -> String {
        DisplayText.sanitize(name).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
