import CandidateCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The marks' id, names and status by id, in about 60 bytes a mark instead of a dictionary of
/// `MarkedCandidate`s (about 190 bytes a mark with its heap id, and twice that while the
/// dictionary grows): what lets 100,000 marks cost a few MB.
///
/// - Ids and names live in one byte buffer, each mark as its id (`StoredID`: a UUID in 17
///   bytes) and two length-prefixed UTF-8 names; a replaced or removed mark's bytes become
///   garbage, dropped once they outweigh the live ones.
/// - A mark is an entry of 12 bytes (where its bytes are, its status as an index); removing one
///   moves the last entry into its place.
/// - Ids are found through an open-addressing table (8 bytes a slot, at most half full) holding
///   the entry number and the hash of the id's stored bytes; ids compare by those bytes.
struct MarkTable: Equatable {
    private struct Entry {
        var offset: UInt32
        var length: UInt32
        var status: UInt16
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [UInt64] = []
    private var statuses: [CandidateStatus] = []
    private var statusIndex: [CandidateStatus: UInt16] = [:]
    private var garbage = 0

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    func contains(_ id: String) -> Bool { find(id).entry != nil }

    subscript(id: String) -> MarkedCandidate? { find(id).entry.map(mark) }

    /// Every mark, in no particular order.
    var values: LazyMapSequence<Range<Int>, MarkedCandidate> { entries.indices.lazy.map(mark) }

    /// Every marked id, in no particular order.
    var ids: LazyMapSequence<Range<Int>, String> { entries.indices.lazy.map(id) }

    /// Adds `m`, or replaces the mark with its id; returns the mark it replaced.
    @discardableResult
    mutating func update(_ m: MarkedCandidate) -> MarkedCandidate? {
        let (slot, found, hash) = find(m.id)
        let old = found.map(mark)
        // A new status alone (a status move, a bulk change) changes the entry, not the bytes.
        if let found, let old, old.id == m.id && old.firstName == m.firstName && old.lastName == m.lastName {
            entries[found].status = statusNumber(m.status)
            return old
        }
        let entry = Entry(offset: UInt32(bytes.count), length: 0, status: statusNumber(m.status))
        StoredID.withForm(m.id) { bytes += $0 }
        Self.write(m.firstName, &bytes); Self.write(m.lastName, &bytes)
        var e = entry
        e.length = UInt32(bytes.count) - entry.offset
        if let found {
            garbage += Int(entries[found].length)
            entries[found] = e
            compactIfWorthIt()
            return old
        }
        entries.append(e)
        if entries.count * 2 > slots.count {
            rehash(capacity: max(64, slots.count * 2))
        } else {
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(entries.count)
        }
        return nil
    }

    /// Removes the mark with this id; returns it.
    @discardableResult
    mutating func remove(_ id: String) -> MarkedCandidate? {
        let (slot, found, _) = find(id)
        guard let found else { return nil }
        let old = mark(found)
        garbage += Int(entries[found].length)
        deleteSlot(slot)
        let last = entries.count - 1
        if found != last {
            // The last entry takes the removed one's place: its slot points there now.
            let (lastSlot, _, _) = find(self.id(last))
            slots[lastSlot] = (slots[lastSlot] & 0xFFFF_FFFF_0000_0000) | UInt64(found + 1)
            entries[found] = entries[last]
        }
        entries.removeLast()
        if entries.isEmpty { self = MarkTable() } else { compactIfWorthIt() }
        return old
    }

    // MARK: reading

    /// Mark number `e` (0 ..< `count`, in the order of `values`).
    func mark(_ e: Int) -> MarkedCandidate {
        bytes.withUnsafeBufferPointer { b in
            var p = Int(entries[e].offset)
            let id = StoredID.string(at: b.baseAddress! + p)
            p += StoredID.length(at: b.baseAddress! + p)
            let first = Self.read(b, &p), last = Self.read(b, &p)
            return MarkedCandidate(id: id, firstName: first, lastName: last, status: statuses[Int(entries[e].status)])
        }
    }

    private func id(_ e: Int) -> String {
        bytes.withUnsafeBufferPointer { b in StoredID.string(at: b.baseAddress! + Int(entries[e].offset)) }
    }

    /// Whether mark `a`'s id comes before mark `b`'s in the order of their UTF-8 bytes (the
    /// order of `String`'s `<` for ids in normal form), without building either id.
    func idPrecedes(_ a: Int, _ b: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            StoredID.precedes(buf.baseAddress! + Int(entries[a].offset), buf.baseAddress! + Int(entries[b].offset))
        }
    }

    /// The slot holding `id` (or the empty slot where it would go), its entry, its hash.
    private func find(_ id: String) -> (slot: Int, entry: Int?, hash: UInt64) {
        StoredID.withForm(id) { key in
            let h = IdHash.of(key)
            guard !slots.isEmpty else { return (0, nil, h) }
            let tag = h & 0xFFFF_FFFF_0000_0000
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h >> 32) & mask
            return bytes.withUnsafeBufferPointer { b in
                while true {
                    let s = slots[i]
                    if s == 0 { return (i, nil, h) }
                    if s & 0xFFFF_FFFF_0000_0000 == tag {
                        let e = Int(s & 0xFFFF_FFFF) - 1
                        let p = b.baseAddress! + Int(entries[e].offset)
                        if StoredID.length(at: p) == key.count && memcmp(p, key.baseAddress!, key.count) == 0 { return (i, e, h) }
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    // MARK: table upkeep

    /// Empties slot `i`, moving later slots of the same run back (linear-probing deletion).
    private mutating func deleteSlot(_ start: Int) {
        let mask = slots.count - 1
        var hole = start
        var j = start
        slots[hole] = 0
        while true {
            j = (j + 1) & mask
            let s = slots[j]
            if s == 0 { return }
            let home = Int(truncatingIfNeeded: s >> 32) & mask
            // Moves back unless its home lies cyclically in (hole, j].
            let stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j)
            if !stays {
                slots[hole] = s
                slots[j] = 0
                hole = j
            }
        }
    }

    private mutating func rehash(capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { b in
            for e in entries.indices {
                let p = b.baseAddress! + Int(entries[e].offset)
                let h = IdHash.of(UnsafeBufferPointer(start: p, count: StoredID.length(at: p)))
                var i = Int(truncatingIfNeeded: h >> 32) & mask
                while slots[i] != 0 { i = (i + 1) & mask }
                slots[i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(e + 1)
            }
        }
    }

    /// Drops the bytes of replaced and removed marks once they outweigh the live ones.
    private mutating func compactIfWorthIt() {
        guard garbage > 64 * 1024, garbage * 2 > bytes.count else { return }
        var fresh: [UInt8] = []
        fresh.reserveCapacity(bytes.count - garbage)
        for e in entries.indices {
            let start = Int(entries[e].offset), n = Int(entries[e].length)
            entries[e].offset = UInt32(fresh.count)
            fresh += bytes[start..<start + n]
        }
        bytes = fresh
        garbage = 0
    }

    private mutating func statusNumber(_ s: CandidateStatus) -> UInt16 {
        if let i = statusIndex[s] { return i }
        // More distinct statuses than a UInt16 counts: the rest share the last one's spelling.
        guard statuses.count < Int(UInt16.max) else { return UInt16(statuses.count - 1) }
        statuses.append(s)
        statusIndex[s] = UInt16(statuses.count - 1)
        return UInt16(statuses.count - 1)
    }

    // MARK: bytes

    private static func write(_ s: String, _ out: inout [UInt8]) {
        var n = s.utf8.count
        while n >= 0x80 { out.append(UInt8(n & 0x7F) | 0x80); n >>= 7 }
        out.append(UInt8(n))
        out += s.utf8
    }

    private static func readLength(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> Int {
        var n = 0, shift = 0
        while true {
            let x = b[p]; p += 1
            n |= Int(x & 0x7F) << shift
            if x < 0x80 { return n }
            shift += 7
        }
    }

    private static func read(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> String {
        let n = readLength(b, &p)
        defer { p += n }
        return String(decoding: UnsafeBufferPointer(rebasing: b[p..<p + n]), as: UTF8.self)
    }

    /// The same marks (ids, names, statuses), however stored.
    static func == (a: MarkTable, b: MarkTable) -> Bool {
        a.count == b.count && a.entries.indices.allSatisfy { b[a.id($0)] == a.mark($0) }
    }
}
