import CandidateCore
import GRDB
import GRDBSQLite

/// Writes list rows of `candidate` straight from SQLite into one JSON array of candidates:
/// each object has the members `Candidate.encode(to:)` writes, in that order (the API's field
/// order), with the bytes `JSONEncoder` gives each value — without a `Row`, a `Candidate` or a
/// `String` per field in between, which is most of what a list page used to cost.
///
/// The list statement selects `columns` (in that order) from `candidate` as `c`; `append` reads
/// the row it stands on and looks up that row's `jobIds` (by position) in `candidateJob`.
/// Text is read as GRDB reads it into a `String` (up to a NUL, ill-formed UTF-8 repaired).
final class CandidateRowWriter {
    /// The columns of `candidate c` a list statement selects, in this order.
    static let columns = """
        c.id, c.firstName, c.lastName, c.email, c.phoneNumber, c.gdprExpiryDate, c.status, c.overallRating, c.metadata,
        c.analysisCount, c.interviewCount, c.gender, c.cvText, c.createdAt, c.updatedAt
        """

    private enum Column: Int32 {
        case id, firstName, lastName, email, phoneNumber, gdprExpiryDate, status, overallRating, metadata
        case analysisCount, interviewCount, gender, cvText, createdAt, updatedAt
    }

    /// The array so far (without its closing bracket until `finish`).
    private var writer: CompactJSONWriter
    /// Rows written.
    private(set) var count = 0
    /// Where the first row written sits in the list order.
    private(set) var first: ListingCache.SortKey?
    /// The last row's `id` and `createdAt`, as read.
    private var lastId: [UInt8] = [], lastCreatedAt: [UInt8] = []
    /// `SELECT jobId … WHERE candidateId = ? ORDER BY position`, stepped by hand.
    private let jobs: Statement
    /// Reused for the `links` paths.
    private var scratch: [UInt8] = []

    /// - Parameter capacity: bytes to reserve (a page of 100 demo candidates is about 75 KB).
    init(_ db: Database, capacity: Int) throws {
        jobs = try db.makeStatement(sql: "SELECT jobId FROM candidateJob WHERE candidateId = ? ORDER BY position")
        writer = CompactJSONWriter(capacity: capacity)
        writer.bytes.append(UInt8(ascii: "["))
    }

    /// Appends the candidate of the row `statement` (selecting `columns`) stands on.
    func append(_ statement: Statement) throws {
        let row = statement.sqliteStatement
        if count > 0 { writer.bytes.append(UInt8(ascii: ",")) }
        let id = Self.text(row, .id)
        let createdAt = Self.text(row, .createdAt)
        if count == 0 { first = .init(createdAt: Self.string(createdAt), id: Self.string(id)) }
        lastId.removeAll(keepingCapacity: true)
        lastCreatedAt.removeAll(keepingCapacity: true)
        if let id { lastId.append(contentsOf: id) }
        if let createdAt { lastCreatedAt.append(contentsOf: createdAt) }

        writer.bytes.append(UInt8(ascii: "{"))
        writer.bytes.append(contentsOf: Keys.id)
        writeText(id)
        writer.bytes.append(contentsOf: Keys.firstName)
        writeText(Self.text(row, .firstName))
        writer.bytes.append(contentsOf: Keys.lastName)
        writeText(Self.text(row, .lastName))
        writer.bytes.append(contentsOf: Keys.email)
        writeText(Self.text(row, .email))
        writer.bytes.append(contentsOf: Keys.phoneNumber)
        writeText(Self.text(row, .phoneNumber))
        writer.bytes.append(contentsOf: Keys.gdprExpiryDate)
        writeText(Self.text(row, .gdprExpiryDate))
        writer.bytes.append(contentsOf: Keys.status)
        writeText(Self.text(row, .status))
        writer.bytes.append(contentsOf: Keys.jobIds)
        try writeJobIds(id)
        writer.bytes.append(contentsOf: Keys.overallRating)
        writeInt(Self.int(row, .overallRating))
        writer.bytes.append(contentsOf: Keys.metadata)
        if let metadata = Self.text(row, .metadata) { StoredMetadata.write(metadata, to: &writer) } else { writeNull() }
        writer.bytes.append(contentsOf: Keys.analysisCount)
        writeInt(Self.int(row, .analysisCount))
        writer.bytes.append(contentsOf: Keys.interviewCount)
        writeInt(Self.int(row, .interviewCount))
        writer.bytes.append(contentsOf: Keys.links)
        writeLinks(id)
        writer.bytes.append(contentsOf: Keys.gender)
        writeText(Self.text(row, .gender))
        writer.bytes.append(contentsOf: Keys.cvText)
        writeText(Self.text(row, .cvText))
        writer.bytes.append(contentsOf: Keys.createdAt)
        writeText(createdAt)
        writer.bytes.append(contentsOf: Keys.updatedAt)
        writeText(Self.text(row, .updatedAt))
        writer.bytes.append(UInt8(ascii: "}"))
        count += 1
    }

    /// The array's bytes, and where its last row sits in the list order (`nil` when empty).
    func finish() -> (json: [UInt8], last: ListingCache.SortKey?) {
        writer.bytes.append(UInt8(ascii: "]"))
        let last = count == 0 ? nil : ListingCache.SortKey(createdAt: String(decoding: lastCreatedAt, as: UTF8.self),
                                                           id: String(decoding: lastId, as: UTF8.self))
        return (writer.bytes, last)
    }

    // MARK: Values

    private func writeNull() {
        writer.bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    private func writeText(_ text: UnsafeBufferPointer<UInt8>?) {
        if let text { writer.write(utf8: text) } else { writeNull() }
    }

    private func writeInt(_ value: Int64?) {
        if let value { writer.write(int: value) } else { writeNull() }
    }

    /// `{"analyses": "/candidates/<id>/analyses", "interviews": "/candidates/<id>/interviews"}`.
    private func writeLinks(_ id: UnsafeBufferPointer<UInt8>?) {
        writer.bytes.append(UInt8(ascii: "{"))
        for (i, (key, kind)) in Keys.linkKinds.enumerated() {
            if i > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: key)
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: Keys.linkPrefix)
            if let id { scratch.append(contentsOf: id) }
            scratch.append(contentsOf: kind)
            scratch.withUnsafeBufferPointer { writer.write(utf8: $0) }
        }
        writer.bytes.append(UInt8(ascii: "}"))
    }

    /// The candidate's job ids by position, as a JSON array.
    private func writeJobIds(_ id: UnsafeBufferPointer<UInt8>?) throws {
        writer.bytes.append(UInt8(ascii: "["))
        let lookup = jobs.sqliteStatement
        defer {
            sqlite3_reset(lookup)
            sqlite3_clear_bindings(lookup)
        }
        if let id, let start = id.baseAddress {
            // The row's own text, bound without a copy (SQLITE_STATIC): valid until the list
            // statement steps, after this lookup has ended.
            try check(sqlite3_bind_text(lookup, 1, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self),
                                        Int32(id.count), nil))
        } else if id != nil {
            try check(sqlite3_bind_text(lookup, 1, "", 0, Self.transient))
        } else {
            try check(sqlite3_bind_null(lookup, 1))
        }
        var n = 0
        while true {
            let code = sqlite3_step(lookup)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { try check(code); break }
            if n > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writeText(Self.text(lookup, 0))
            n += 1
        }
        writer.bytes.append(UInt8(ascii: "]"))
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound text.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private func check(_ code: Int32) throws {
        guard code != SQLITE_OK else { return }
        let connection = sqlite3_db_handle(jobs.sqliteStatement)
        throw DatabaseError(resultCode: ResultCode(rawValue: code),
                            message: connection.map { String(cString: sqlite3_errmsg($0)) }, sql: jobs.sql)
    }

    // MARK: Columns

    private static func text(_ row: OpaquePointer, _ column: Column) -> UnsafeBufferPointer<UInt8>? {
        text(row, column.rawValue)
    }

    /// The column's text up to its first NUL (as `String(cString:)` reads it); `nil` for NULL.
    private static func text(_ row: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard sqlite3_column_type(row, column) != SQLITE_NULL else { return nil }
        guard let start = sqlite3_column_text(row, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        let all = UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(row, column)))
        guard let nul = all.firstIndex(of: 0) else { return all }
        return UnsafeBufferPointer(rebasing: all[..<nul])
    }

    /// The column as GRDB reads an `Int?`.
    private static func int(_ row: OpaquePointer, _ column: Column) -> Int64? {
        switch sqlite3_column_type(row, column.rawValue) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return sqlite3_column_int64(row, column.rawValue)
        default: return Int.fromDatabaseValue(DatabaseValue(sqliteStatement: row, index: column.rawValue)).map(Int64.init)
        }
    }

    private static func string(_ text: UnsafeBufferPointer<UInt8>?) -> String {
        text.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Each member's `,"name":` (the first without the comma), escaped once.
    private enum Keys {
        static let id = key("id", first: true)
        static let firstName = key("firstName")
        static let lastName = key("lastName")
        static let email = key("email")
        static let phoneNumber = key("phoneNumber")
        static let gdprExpiryDate = key("gdprExpiryDate")
        static let status = key("status")
        static let jobIds = key("jobIds")
        static let overallRating = key("overallRating")
        static let metadata = key("metadata")
        static let analysisCount = key("analysisCount")
        static let interviewCount = key("interviewCount")
        static let links = key("links")
        static let gender = key(UnconfirmedAPINames.gender)
        static let cvText = key(UnconfirmedAPINames.cvText)
        static let createdAt = key("createdAt")
        static let updatedAt = key("updatedAt")
        /// The `links` members: key, and the path's end after `/candidates/<id>`.
        static let linkKinds: [([UInt8], [UInt8])] = [
            (key("analyses", first: true), Array("/analyses".utf8)),
            (key("interviews", first: true), Array("/interviews".utf8)),
        ]
        static let linkPrefix = Array("/candidates/".utf8)

        private static func key(_ name: String, first: Bool = false) -> [UInt8] {
            var writer = CompactJSONWriter()
            if !first { writer.bytes.append(UInt8(ascii: ",")) }
            writer.write(key: name)
            return writer.bytes
        }
    }
}
