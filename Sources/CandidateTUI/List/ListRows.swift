import CandidateCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compact storage of the list's rows: what the list shows of each candidate, about 170 bytes a
/// row instead of a `Candidate` with its separate heap strings (so 100,000 rows stay within
/// 80 MB of peak RSS).
///
/// - Every row's strings live in append-only byte chunks of 1 MiB: the id, the folded search
///   text (`SearchText.haystack`: name, email, phone), first and last name, email, phone,
///   `updatedAt` and the job ids, each as a length-prefixed UTF-8 run, but the id and the job
///   ids in their stored form (`StoredID`: a UUID in 17 bytes instead of 37). An email or
///   phone that reads the same in the search text (lower-case ASCII, most of them) is read from
///   there instead of being stored twice. A chunk is never copied when the list grows (no
///   doubling arrays to copy), and bytes already written never change, so copies of the list
///   share chunks safely (a copy that is not the only owner of the last chunk starts a new one).
/// - Fixed per-row columns (status, rating, where the bytes are) sit in one array of 32-byte entries.
/// - Ids are found through an open-addressing table of row numbers and hashes (8 bytes a slot), hashed from
///   the id's stored bytes, instead of a `[String: Int]` with a heap string per key.
/// - Replacing a row (a save, a status move) appends its new bytes; the old ones become garbage,
///   collected by `compact()` once they outweigh the live bytes.
///
/// A row reads back as a `Candidate` with the list's fields (`ListModel.listCopy` minus what the
/// list never shows: `gdprExpiryDate`, `gender`, counts, `createdAt`, the deprecated `jobId`).
/// The form and every save read the full candidate from the server, never this copy.
struct ListRows {
    private final class Chunk {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var used = 0
        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }
        deinit { base.deallocate() }
    }

    private struct Entry {
        var chunk: UInt32
        /// Row start in its chunk (the id's length prefix).
        var start: UInt32
        /// The folded search text: start in the chunk, length, and how much of it is the name.
        var hayStart: UInt32
        var hayLength: UInt32
        var nameKeyLength: UInt32
        var status: UInt16
        var flags: UInt8
        var rating: Int
    }

    private static let hasEmail: UInt8 = 1, hasPhone: UInt8 = 2, hasUpdated: UInt8 = 4, hasRating: UInt8 = 8
    /// The email (phone) reads the same folded: it is read from the search text, not stored again.
    private static let emailInHay: UInt8 = 16, phoneInHay: UInt8 = 32
    static let chunkSize = 1 << 20

    private var chunks: [Chunk] = []
    private var entries: [Entry] = []
    /// Distinct statuses seen, so a row stores a 2-byte index.
    private var statuses: [CandidateStatus] = []
    private var statusIndex: [String: UInt16] = [:]
    /// Open addressing, power-of-two size, at most half full. A slot holds the row number + 1 in
    /// its low 32 bits (0 = empty) and the id's hash in the high 32, so a probe that meets another
    /// id rarely has to read that row's bytes.
    private var slots: [UInt64] = []
    private var liveBytes = 0
    private var garbageBytes = 0

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    // MARK: adding and replacing

    /// Adds `c` as a new row (its id must not be stored yet) and returns its row number.
    /// `haystack`: its `SearchText.haystack`, when already folded elsewhere (off the UI thread).
    @discardableResult
    mutating func append(_ c: Candidate, haystack: [UInt8]? = nil) -> Int {
        let e = encode(c, haystack: haystack)
        entries.append(e)
        let row = entries.count - 1
        if (entries.count) * 2 > slots.count { rehash(capacity: max(1024, slots.count * 2)) } else { insertSlot(row) }
        return row
    }

    /// Replaces row `row` (same id) with `c` (`haystack` as for `append`).
    mutating func replace(_ row: Int, with c: Candidate, haystack: [UInt8]? = nil) {
        let old = entries[row]
        let oldBytes = rowByteCount(old)
        entries[row] = encode(c, haystack: haystack)
        liveBytes -= oldBytes
        garbageBytes += oldBytes
        // Replaced bytes are let go once they are half the live ones (a bulk change of every row
        // then holds at most about 1.5 times the rows' bytes, not twice).
        if garbageBytes > 4 * Self.chunkSize && garbageBytes * 2 > liveBytes { compact() }
    }

    /// The row of the candidate with this id.
    func row(id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        return StoredID.withForm(id) { idBytes -> Int? in
            let h = IdHash.of(idBytes)
            let tag = h & 0xFFFF_FFFF_0000_0000
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = slots[i]
                if s == 0 { return nil }
                if s & 0xFFFF_FFFF_0000_0000 == tag {
                    let r = Int(s & 0xFFFF_FFFF) - 1
                    if idEquals(r, idBytes) { return r }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Reserves room for about `rows` rows in the per-row arrays (the bytes come in chunks).
    mutating func reserve(rows: Int) {
        guard rows > entries.capacity else { return }
        entries.reserveCapacity(rows)
        var size = max(1024, slots.count)
        while size < rows * 2 { size *= 2 }
        if size > slots.count { rehash(capacity: size) }
    }

    // MARK: reading

    /// Row `row` as a `Candidate` with the list's fields.
    func candidate(_ row: Int) -> Candidate {
        let e = entries[row]
        let head = marked(row)
        var p = afterNames(e)
        let email = readEmail(e, &p)
        let phone = readPhone(e, &p)
        let updated = Self.readString(&p)
        let jobCount = Self.readLength(&p)
        var jobIds: [String] = []
        jobIds.reserveCapacity(jobCount)
        for _ in 0..<jobCount { jobIds.append(Self.readID(&p)) }
        return Candidate(id: head.id, firstName: head.firstName, lastName: head.lastName,
                         email: e.flags & Self.hasEmail != 0 ? email : nil,
                         phoneNumber: e.flags & Self.hasPhone != 0 ? phone : nil,
                         status: head.status, jobIds: jobIds,
                         overallRating: e.flags & Self.hasRating != 0 ? e.rating : nil,
                         updatedAt: e.flags & Self.hasUpdated != 0 ? updated : nil)
    }

    /// Row `row`'s email, nil when it has none, without building the rest of the candidate.
    func email(_ row: Int) -> String? {
        let e = entries[row]
        guard e.flags & Self.hasEmail != 0 else { return nil }
        var p = afterNames(e)
        return readEmail(e, &p)
    }

    /// The email of row `e`: from the search text when it reads the same there, else the
    /// string at `p` (then moves past it).
    private func readEmail(_ e: Entry, _ p: inout UnsafeMutablePointer<UInt8>) -> String {
        guard e.flags & Self.emailInHay != 0 else { return Self.readString(&p) }
        let parts = hayParts(e)
        return String(decoding: parts.email, as: UTF8.self)
    }

    /// The phone of row `e`, as `readEmail`.
    private func readPhone(_ e: Entry, _ p: inout UnsafeMutablePointer<UInt8>) -> String {
        guard e.flags & Self.phoneInHay != 0 else { return Self.readString(&p) }
        let parts = hayParts(e)
        return String(decoding: parts.phone, as: UTF8.self)
    }

    /// The email and phone parts of row `e`'s search text (`SearchText.haystack`: name,
    /// separator, email, separator, phone).
    private func hayParts(_ e: Entry) -> (email: UnsafeBufferPointer<UInt8>, phone: UnsafeBufferPointer<UInt8>) {
        let hay = UnsafeBufferPointer(start: chunks[Int(e.chunk)].base + Int(e.hayStart), count: Int(e.hayLength))
        return Self.parts(of: hay, nameLength: Int(e.nameKeyLength))
    }

    /// The email and phone parts of a search text whose name part is `nameLength` bytes.
    private static func parts(of hay: UnsafeBufferPointer<UInt8>, nameLength: Int) -> (email: UnsafeBufferPointer<UInt8>, phone: UnsafeBufferPointer<UInt8>) {
        let emailStart = min(hay.count, nameLength + 1)
        let emailEnd = hay[emailStart...].firstIndex(of: SearchText.separator) ?? hay.count
        return (UnsafeBufferPointer(rebasing: hay[emailStart..<emailEnd]),
                UnsafeBufferPointer(rebasing: hay[min(hay.count, emailEnd + 1)...]))
    }

    /// What a mark keeps of row `row` (id, names, status), without the rest of the row.
    func marked(_ row: Int) -> MarkedCandidate {
        let e = entries[row]
        var p = chunks[Int(e.chunk)].base + Int(e.start)
        let id = Self.readID(&p)
        p = chunks[Int(e.chunk)].base + Int(e.hayStart + e.hayLength)
        let first = Self.readString(&p)
        let last = Self.readString(&p)
        return MarkedCandidate(id: id, firstName: first, lastName: last, status: statuses[Int(e.status)])
    }

    /// Where the fields after the names start (email, phone, `updatedAt`, job ids).
    private func afterNames(_ e: Entry) -> UnsafeMutablePointer<UInt8> {
        var p = chunks[Int(e.chunk)].base + Int(e.hayStart + e.hayLength)
        for _ in 0..<2 { _ = Self.skipString(&p) }
        return p
    }

    /// The id of row `row`.
    func id(_ row: Int) -> String {
        let e = entries[row]
        return StoredID.string(at: chunks[Int(e.chunk)].base + Int(e.start))
    }

    /// Whether row `row`'s folded search text contains `needle` (folded bytes; empty matches).
    func matches(_ row: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = entries[row]
        return SearchText.contains(UnsafeBufferPointer(start: chunks[Int(e.chunk)].base + Int(e.hayStart), count: Int(e.hayLength)), needle)
    }

    /// The rows of `rows` whose search text contains `needle`, in the same order.
    func filter(_ rows: [Int32], _ needle: [UInt8]) -> [Int32] {
        needle.withUnsafeBufferPointer { n in
            let bases = chunks.map(\.base)
            return withExtendedLifetime(chunks) {
                entries.withUnsafeBufferPointer { es in
                    rows.filter { r in
                        let e = es[Int(r)]
                        return SearchText.contains(UnsafeBufferPointer(start: bases[Int(e.chunk)] + Int(e.hayStart), count: Int(e.hayLength)), n)
                    }
                }
            }
        }
    }

    func status(_ row: Int) -> CandidateStatus { statuses[Int(entries[row].status)] }
    /// Every distinct status the rows have had, in the order first seen.
    var seenStatuses: [CandidateStatus] { statuses }
    func rating(_ row: Int) -> Int? { entries[row].flags & Self.hasRating != 0 ? entries[row].rating : nil }

    /// Row numbers sorted by `key`, stable (ties keep row order), optionally reversed with ties
    /// still in row order.
    func sorted(by key: SortColumn, descending: Bool) -> [Int32] {
        if key == .server { return descending ? Array((0..<Int32(entries.count)).reversed()) : Array(0..<Int32(entries.count)) }
        let before = ordering(key, descending: descending)
        return withExtendedLifetime(chunks) { Array(0..<Int32(entries.count)).sorted(by: before) }
    }

    /// The list's order as a strict total order on row numbers: `key` (reversed when
    /// `descending`), ties by row number ascending, so sorts are stable and any row has one place.
    /// Names compare by their folded bytes, `updatedAt` as sent (missing first), statuses by
    /// their wire spelling, ratings numerically (missing first). Valid until the rows change.
    func ordering(_ key: SortColumn, descending: Bool) -> (Int32, Int32) -> Bool {
        let compare: (Int32, Int32) -> Int
        switch key {
        case .server:
            compare = { a, b in a < b ? -1 : a > b ? 1 : 0 }
        case .rating:
            compare = { a, b in
                let ra = rating(Int(a)) ?? -1, rb = rating(Int(b)) ?? -1
                return ra < rb ? -1 : ra > rb ? 1 : 0
            }
        case .status:
            // Rank each distinct status once, by its wire spelling.
            let byName = statuses.indices.sorted { statuses[$0].rawValue < statuses[$1].rawValue }
            var rank = [Int](repeating: 0, count: statuses.count)
            for (r, i) in byName.enumerated() { rank[i] = r }
            compare = { a, b in
                let ra = rank[Int(entries[Int(a)].status)], rb = rank[Int(entries[Int(b)].status)]
                return ra < rb ? -1 : ra > rb ? 1 : 0
            }
        case .name:
            let bases = chunks.map { UnsafePointer($0.base) }
            compare = { a, b in
                let ea = entries[Int(a)], eb = entries[Int(b)]
                return Self.compareBytes(bases[Int(ea.chunk)] + Int(ea.hayStart), Int(ea.nameKeyLength),
                                         bases[Int(eb.chunk)] + Int(eb.hayStart), Int(eb.nameKeyLength))
            }
        case .updated:
            compare = { a, b in
                let ka = updatedRange(Int(a)), kb = updatedRange(Int(b))
                return Self.compareBytes(ka.start, ka.count, kb.start, kb.count)
            }
        }
        return { a, b in
            let c = compare(a, b)
            if c != 0 { return descending ? c > 0 : c < 0 }
            return a < b
        }
    }

    // MARK: encoding

    private mutating func encode(_ c: Candidate, haystack: [UInt8]?) -> Entry {
        let hay = haystack ?? SearchText.haystack(c)
        let nameKeyLength = hay.firstIndex(of: SearchText.separator) ?? hay.count
        // An email or phone the search text already holds as it is (lower-case ASCII, most of
        // them) is not stored twice.
        let (emailInHay, phoneInHay) = hay.withUnsafeBufferPointer { h -> (Bool, Bool) in
            guard h.count(where: { $0 == SearchText.separator }) == 2 else { return (false, false) }
            let parts = Self.parts(of: h, nameLength: nameKeyLength)
            return (c.email.map { parts.email.elementsEqual($0.utf8) } ?? false,
                    c.phoneNumber.map { parts.phone.elementsEqual($0.utf8) } ?? false)
        }
        var strings = [c.firstName, c.lastName]
        if !emailInHay { strings.append(c.email ?? "") }
        if !phoneInHay { strings.append(c.phoneNumber ?? "") }
        strings.append(c.updatedAt ?? "")
        // Each id is read once: its stored size and its bytes come from the one `CompactID`.
        let id = CompactID(c.id), jobIds = c.jobIds.map(CompactID.init)
        var size = StoredID.size(id) + hay.count
        for s in strings { size += Self.lengthSize(s.utf8.count) + s.utf8.count }
        size += Self.lengthSize(jobIds.count)
        for j in jobIds { size += StoredID.size(j) }

        let chunkIndex = chunkWithRoom(size)
        let chunk = chunks[chunkIndex]
        let start = chunk.used
        var p = chunk.base + start
        p += StoredID.write(id, to: p)
        let hayStart = p - chunk.base
        hay.withUnsafeBufferPointer { h in
            if let b = h.baseAddress { p.update(from: b, count: h.count) }
        }
        p += hay.count
        for s in strings { Self.write(s, &p) }
        Self.writeLength(jobIds.count, &p)
        for j in jobIds { p += StoredID.write(j, to: p) }
        chunk.used = p - chunk.base
        precondition(chunk.used - start == size)
        liveBytes += size

        var flags: UInt8 = 0
        if c.email != nil { flags |= Self.hasEmail }
        if c.phoneNumber != nil { flags |= Self.hasPhone }
        if c.updatedAt != nil { flags |= Self.hasUpdated }
        if c.overallRating != nil { flags |= Self.hasRating }
        if emailInHay { flags |= Self.emailInHay }
        if phoneInHay { flags |= Self.phoneInHay }
        return Entry(chunk: UInt32(chunkIndex), start: UInt32(start), hayStart: UInt32(hayStart),
                     hayLength: UInt32(hay.count), nameKeyLength: UInt32(nameKeyLength),
                     status: statusNumber(c.status), flags: flags, rating: c.overallRating ?? 0)
    }

    /// A chunk this process alone owns with `size` free bytes (a new one if needed; a row
    /// larger than a chunk gets a chunk of its own size).
    private mutating func chunkWithRoom(_ size: Int) -> Int {
        if let last = chunks.indices.last, isKnownUniquelyReferenced(&chunks[last]),
           chunks[last].capacity - chunks[last].used >= size {
            return last
        }
        chunks.append(Chunk(capacity: max(Self.chunkSize, size)))
        return chunks.count - 1
    }

    private mutating func statusNumber(_ s: CandidateStatus) -> UInt16 {
        if let i = statusIndex[s.rawValue] { return i }
        // More than 65,535 distinct statuses from one server: the rest share the last slot's spelling.
        guard statuses.count < Int(UInt16.max) else { return UInt16.max - 1 }
        statuses.append(s)
        let i = UInt16(statuses.count - 1)
        statusIndex[s.rawValue] = i
        return i
    }

    /// Copies every live row's bytes into fresh chunks, dropping the bytes of replaced rows.
    /// Rows are copied in the order their bytes sit, and each old chunk is let go once its last
    /// live row is copied, so compacting needs about one chunk more than the rows already hold
    /// (no row is decoded).
    mutating func compact() {
        var old: [Chunk?] = chunks
        chunks = []
        liveBytes = 0
        garbageBytes = 0
        let byPlace = entries.indices.sorted { a, b in
            entries[a].chunk != entries[b].chunk ? entries[a].chunk < entries[b].chunk : entries[a].start < entries[b].start
        }
        var released = 0
        for row in byPlace {
            let e = entries[row]
            while released < Int(e.chunk) { old[released] = nil; released += 1 }
            let size = rowByteCount(e, in: old[Int(e.chunk)]!)
            let index = chunkWithRoom(size)
            let chunk = chunks[index]
            let start = chunk.used
            (chunk.base + start).update(from: old[Int(e.chunk)]!.base + Int(e.start), count: size)
            chunk.used += size
            liveBytes += size
            var moved = e
            moved.chunk = UInt32(index)
            moved.start = UInt32(start)
            moved.hayStart = UInt32(start) + (e.hayStart - e.start)
            entries[row] = moved
        }
    }

    private func rowByteCount(_ e: Entry) -> Int { rowByteCount(e, in: chunks[Int(e.chunk)]) }

    /// The bytes of row `e`, which sit in `chunk`: from its id to its last job id.
    private func rowByteCount(_ e: Entry, in chunk: Chunk) -> Int {
        var p = chunk.base + Int(e.hayStart + e.hayLength)
        let strings = 5 - (e.flags & Self.emailInHay == 0 ? 0 : 1) - (e.flags & Self.phoneInHay == 0 ? 0 : 1)
        for _ in 0..<strings { _ = Self.skipString(&p) }
        let jobs = Self.readLength(&p)
        for _ in 0..<jobs { p += StoredID.length(at: p) }
        return p - (chunk.base + Int(e.start))
    }

    private func updatedRange(_ row: Int) -> (start: UnsafePointer<UInt8>, count: Int) {
        let e = entries[row]
        var p = afterNames(e)
        if e.flags & Self.emailInHay == 0 { _ = Self.skipString(&p) }
        if e.flags & Self.phoneInHay == 0 { _ = Self.skipString(&p) }
        let n = Self.readLength(&p)
        return (UnsafePointer(p), n)
    }

    // MARK: id table

    private func idEquals(_ row: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = entries[row]
        let p = chunks[Int(e.chunk)].base + Int(e.start)
        return StoredID.length(at: p) == id.count && memcmp(p, id.baseAddress!, id.count) == 0
    }

    private mutating func insertSlot(_ row: Int) {
        let e = entries[row]
        let p = chunks[Int(e.chunk)].base + Int(e.start)
        let h = IdHash.of(UnsafeBufferPointer(start: p, count: StoredID.length(at: p)))
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(row + 1)
    }

    private mutating func rehash(capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        for r in entries.indices { insertSlot(r) }
    }

    // MARK: bytes

    private static func lengthSize(_ n: Int) -> Int {
        var n = n, size = 1
        while n >= 0x80 { n >>= 7; size += 1 }
        return size
    }

    private static func writeLength(_ n: Int, _ p: inout UnsafeMutablePointer<UInt8>) {
        var n = n
        while n >= 0x80 { p.pointee = UInt8(n & 0x7F) | 0x80; p += 1; n >>= 7 }
        p.pointee = UInt8(n); p += 1
    }

    private static func write(_ s: String, _ p: inout UnsafeMutablePointer<UInt8>) {
        let utf8 = s.utf8
        writeLength(utf8.count, &p)
        var q = p
        for b in utf8 { q.pointee = b; q += 1 }
        p = q
    }

    private static func readLength(_ p: inout UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0, shift = 0
        while true {
            let b = p.pointee; p += 1
            n |= Int(b & 0x7F) << shift
            if b < 0x80 { return n }
            shift += 7
        }
    }

    /// Reads the id stored at `p` (`StoredID`) and moves past it.
    private static func readID(_ p: inout UnsafeMutablePointer<UInt8>) -> String {
        let id = StoredID.string(at: p)
        p += StoredID.length(at: p)
        return id
    }

    private static func readString(_ p: inout UnsafeMutablePointer<UInt8>) -> String {
        let n = readLength(&p)
        defer { p += n }
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    private static func skipString(_ p: inout UnsafeMutablePointer<UInt8>) -> Int {
        let n = readLength(&p)
        p += n
        return n
    }

    /// Byte-wise comparison, shorter first on a common prefix: -1, 0 or 1.
    private static func compareBytes(_ a: UnsafePointer<UInt8>, _ na: Int, _ b: UnsafePointer<UInt8>, _ nb: Int) -> Int {
        let n = min(na, nb)
        if n > 0 {
            let r = memcmp(a, b, n)
            if r != 0 { return r < 0 ? -1 : 1 }
        }
        return na < nb ? -1 : na > nb ? 1 : 0
    }
}
