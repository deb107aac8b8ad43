import CandidateCore
import Foundation
import GRDB

/// A candidate together with the company that owns it (the API never sends the owner; the
/// sandbox needs it for company isolation).
struct StoredCandidate: Sendable {
    var companyId: String
    var candidate: Candidate
}

/// A job as the sandbox sends it: what `Job` decodes (`id`, `title`, `status`, `companyId`,
/// `location.city`, `createdAt`) plus opaque extras (`location.country`, `employmentType`).
struct JobResource: Sendable, Encodable {
    struct Location: Sendable, Encodable {
        var city: String?
        var country: String?
    }
    var id: String
    var title: String
    var status: String
    var companyId: String
    var location: Location
    var employmentType: String?
    var createdAt: String
}

/// Why an update was refused, for the routes to map onto HTTP answers.
enum UpdateRefusal: Error, Sendable, Equatable {
    /// No candidate with that id (404).
    case candidateNotFound
    /// The candidate belongs to another company (403).
    case candidateOfAnotherCompany
    /// `jobIds` names jobs that do not exist (400).
    case unknownJobs([String])
    /// `jobIds` names jobs of another company (403).
    case jobsOfAnotherCompany([String])
}

/// Filters for `GET /candidates`, already validated by the route.
struct CandidateFilter: Sendable {
    var companyId: String
    var status: String?
    var jobId: String?
    /// Raw search text; folded here.
    var search: String?
}

/// The sandbox's storage: a GRDB `DatabasePool` (SQLite in WAL mode) on one file.
///
/// Reads run concurrently, writes are serialized by GRDB; every method is safe to call from
/// concurrent requests. Lists are ordered by `createdAt` descending, then `id` descending,
/// a stable order across pages.
final class SandboxStore: Sendable {
    private let pool: DatabasePool
    /// Whether `candidateSearch` (the trigram index) exists; without it search scans.
    private let searchIndexed: Bool
    private let listings = ListingCache()

    /// Opens (creating the file and its parent folders when missing) and migrates.
    /// - Throws: file-system or SQLite errors.
    init(path: String) throws {
        // Candidate data: the file 0600 (SQLite gives its -wal and -shm files the same mode),
        // missing folders 0700.
        try PrivateFiles.makeFile(path)
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.label = "candidates.sandbox"
        let pool = try DatabasePool(path: path, configuration: config)
        try SandboxSchema.migrator.migrate(pool)
        searchIndexed = try pool.read { try SandboxSchema.hasSearchIndex($0) }
        self.pool = pool
    }

    /// Seeds the demo data when the database has no companies yet. Returns whether it seeded.
    @discardableResult
    func seedIfEmpty(demoSize: Int, nowMillis: Int64 = Timestamps.nowMillis()) async throws -> Bool {
        try await pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM company") == 0 else { return false }
            try DemoSeeder.insert(into: db, demoSize: demoSize, nowMillis: nowMillis)
            return true
        }
    }

    /// Closes the database connections. Later calls fail; calling twice is harmless.
    func close() {
        try? pool.close()
    }

    // MARK: Candidates

    /// One page of a company's candidates matching `filter` as values, and the total count.
    func candidates(_ filter: CandidateFilter, page: Int, limit: Int) async throws -> (items: [Candidate], total: Int) {
        try await listPage(filter, page: page, limit: limit, empty: []) { db, tail, arguments in
            let rows = try Row.fetchAll(db, sql: "SELECT c.* FROM " + tail, arguments: arguments)
            let bounds = [rows.first, rows.last].map { row in
                row.map { ListingCache.SortKey(createdAt: $0["createdAt"], id: $0["id"]) }
            }
            return (try Self.candidates(rows, db), rows.count, bounds[0], bounds[1])
        }
    }

    /// One page of a company's candidates matching `filter` as the JSON array a list answer
    /// sends (`CandidateRowWriter`: the members `Candidate` encodes, in the API's order), and the
    /// total count. The same candidates as `candidates(_:page:limit:)`, written straight from the rows.
    func candidatePage(_ filter: CandidateFilter, page: Int, limit: Int) async throws -> (json: [UInt8], total: Int) {
        try await listPage(filter, page: page, limit: limit, empty: Array("[]".utf8)) { db, tail, arguments in
            let statement = try db.cachedStatement(sql: "SELECT \(CandidateRowWriter.columns) FROM " + tail)
            let writer = try CandidateRowWriter(db, capacity: limit * 1024)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while try rows.next() != nil { try writer.append(statement) }
            let (json, last) = writer.finish()
            return (json, writer.count, writer.first, last)
        }
    }

    /// Finds one page of `filter` and lets `read` fetch it; returns what `read` made and the total.
    ///
    /// The total is counted once per company revision and filters (`ListingCache`); a page
    /// starts from the nearest page boundary already served (keyset on `createdAt, id`) and skips
    /// only the rows between, so paging through a list costs about `limit` rows a page. A page
    /// of an indexed search walks the list order instead of sorting the matches when that visits
    /// fewer rows (`CandidateListQuery.walksListOrder`). `read`
    /// gets the SQL after `SELECT … FROM ` (the candidate table is `c`; ordered, limited) with its
    /// arguments, and returns its result with the number of rows it read and the sort keys of the
    /// first and last of them.
    private func listPage<T: Sendable>(
        _ filter: CandidateFilter, page: Int, limit: Int, empty: T,
        read: @escaping @Sendable (Database, String, StatementArguments) throws
            -> (T, rows: Int, first: ListingCache.SortKey?, last: ListingCache.SortKey?)
    ) async throws -> (T, total: Int) {
        let cache = listings, indexed = self.searchIndexed
        return try await pool.read { db in
            let query = CandidateListQuery(filter, searchIndexed: indexed)
            let key = query.cacheKey
            let revision = try Int64.fetchOne(db, sql: "SELECT revision FROM candidateRevision WHERE companyId = ?",
                                              arguments: [filter.companyId]) ?? 0
            let total = try Self.total(query, db, cache: cache, revision: revision)
            let offset = (page - 1) * limit
            guard offset < total else { return (empty, total) }
            let start = cache.checkpoint(atOrBefore: offset, key, revision: revision)
            let skip = offset - (start?.offset ?? 0)
            var pageQuery = query
            if query.searchesIndex {
                // The rows a walk in list order visits: the list without the search (and the job).
                let walked = CandidateListQuery(CandidateFilter(companyId: filter.companyId, status: filter.status),
                                                searchIndexed: indexed)
                let listed = try Self.total(walked, db, cache: cache, revision: revision)
                if CandidateListQuery.walksListOrder(skip: skip, limit: limit, matches: total, listed: listed) {
                    pageQuery = CandidateListQuery(filter, searchIndexed: indexed, inListOrder: true)
                }
            }
            var whereSQL = pageQuery.whereSQL
            var args = pageQuery.arguments
            if let start {
                whereSQL += " AND (c.createdAt, c.id) <= (?, ?)"
                args += [start.sortKey.createdAt, start.sortKey.id]
            }
            let (result, rows, first, last) = try read(db, """
                \(pageQuery.from) WHERE \(whereSQL) ORDER BY c.createdAt DESC, c.id DESC LIMIT ? OFFSET ?
                """, StatementArguments(args + [limit, skip]))
            if let first, let last {
                cache.addCheckpoint(first, at: offset, key, revision: revision)
                cache.addCheckpoint(last, at: offset + rows - 1, key, revision: revision)
            }
            return (result, total)
        }
    }

    /// The rows `query` selects, counted once per revision.
    private static func total(_ query: CandidateListQuery, _ db: Database, cache: ListingCache, revision: Int64) throws -> Int {
        if let known = cache.total(query.cacheKey, revision: revision) { return known }
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(query.from) WHERE \(query.whereSQL)",
                                     arguments: StatementArguments(query.arguments)) ?? 0
        cache.setTotal(total, for: query.cacheKey, revision: revision)
        return total
    }

    /// The candidate with `id` (case-insensitive), or `nil`.
    func candidate(id: String) async throws -> StoredCandidate? {
        try await pool.read { db in try Self.stored(id: id.lowercased(), db) }
    }

    /// Applies a validated patch to the candidate `id` of company `companyId`, in one transaction.
    ///
    /// `jobIds` in the patch must exist and belong to the company; they are stored in their
    /// canonical (lowercase) form. When the patched candidate equals the stored one nothing is
    /// written and `updatedAt` stays; otherwise `updatedAt` becomes now, or 1 ms after the
    /// previous value if the clock has not moved past it (strictly increasing).
    /// - Throws: `UpdateRefusal`, or SQLite errors.
    func update(id: String, companyId: String, patch: CandidatePatch, nowMillis: @escaping @Sendable () -> Int64 = Timestamps.nowMillis)
        async throws -> Candidate {
        try await pool.write { db in
            guard let stored = try Self.stored(id: id.lowercased(), db) else { throw UpdateRefusal.candidateNotFound }
            guard stored.companyId == companyId else { throw UpdateRefusal.candidateOfAnotherCompany }
            var patch = patch
            if let ids = patch[.jobIds]?.arrayValue?.compactMap(\.stringValue) {
                let wanted = ids.map { $0.lowercased() }
                var owners: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, companyId FROM job WHERE id IN (\(Self.placeholders(wanted.count)))",
                                            arguments: StatementArguments(wanted)) {
                    owners[row["id"]] = row["companyId"]
                }
                let unknown = wanted.filter { owners[$0] == nil }
                if !unknown.isEmpty { throw UpdateRefusal.unknownJobs(unknown) }
                let foreign = wanted.filter { owners[$0] != companyId }
                if !foreign.isEmpty { throw UpdateRefusal.jobsOfAnotherCompany(foreign) }
                patch[.jobIds] = .array(wanted.map(JSONValue.string))
            }
            var updated = patch.applied(to: stored.candidate)
            guard updated != stored.candidate else { return stored.candidate }
            let previous = stored.candidate.updatedAt.flatMap { Timestamps.millis(iso: $0) } ?? 0
            updated.updatedAt = Timestamps.iso(millis: max(nowMillis(), previous + 1))
            try db.execute(sql: """
                UPDATE candidate SET firstName = ?, lastName = ?, email = ?, phoneNumber = ?, gdprExpiryDate = ?,
                    status = ?, metadata = ?, gender = ?, cvText = ?, updatedAt = ?, searchText = ?
                WHERE id = ?
                """, arguments: [
                    updated.firstName, updated.lastName, updated.email, updated.phoneNumber, updated.gdprExpiryDate,
                    updated.status.rawValue, updated.metadata.map { $0.compactText() }, updated.gender?.rawValue, updated.cvText,
                    updated.updatedAt,
                    SearchFolding.searchText(firstName: updated.firstName, lastName: updated.lastName, email: updated.email),
                    updated.id,
                ])
            if updated.jobIds != stored.candidate.jobIds {
                try db.execute(sql: "DELETE FROM candidateJob WHERE candidateId = ?", arguments: [updated.id])
                for (position, jobId) in updated.jobIds.enumerated() {
                    try db.execute(sql: "INSERT INTO candidateJob (candidateId, jobId, position) VALUES (?, ?, ?)",
                                   arguments: [updated.id, jobId, position])
                }
            }
            return updated
        }
    }

    /// Candidates per company, for tests and the `serve` banner.
    func candidateCounts() async throws -> [String: Int] {
        try await pool.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT companyId, COUNT(*) AS n FROM candidate GROUP BY companyId") {
                out[row["companyId"]] = row["n"]
            }
            return out
        }
    }

    // MARK: Jobs

    /// One page of a company's jobs (newest first) and the total count.
    func jobs(companyId: String, page: Int, limit: Int) async throws -> (items: [JobResource], total: Int) {
        try await pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job WHERE companyId = ?", arguments: [companyId]) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM job WHERE companyId = ? ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: [companyId, limit, (page - 1) * limit])
            return (rows.map(Self.job), total)
        }
    }

    /// The job with `id` (case-insensitive), or `nil`.
    func job(id: String) async throws -> JobResource? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM job WHERE id = ?", arguments: [id.lowercased()]).map(Self.job)
        }
    }

    // MARK: Rows

    private static func job(_ row: Row) -> JobResource {
        JobResource(id: row["id"], title: row["title"], status: row["status"], companyId: row["companyId"],
                    location: .init(city: row["city"], country: row["country"]), employmentType: row["employmentType"],
                    createdAt: row["createdAt"])
    }

    private static func stored(id: String, _ db: Database) throws -> StoredCandidate? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM candidate WHERE id = ?", arguments: [id]) else { return nil }
        guard let candidate = try candidates([row], db).first else { return nil }
        return StoredCandidate(companyId: row["companyId"], candidate: candidate)
    }

    /// Rows to candidates, with their `jobIds` loaded in one query.
    private static func candidates(_ rows: [Row], _ db: Database) throws -> [Candidate] {
        guard !rows.isEmpty else { return [] }
        let ids: [String] = rows.map { $0["id"] }
        var jobIds: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT candidateId, jobId FROM candidateJob WHERE candidateId IN (\(placeholders(ids.count))) ORDER BY position
            """, arguments: StatementArguments(ids)) {
            jobIds[row["candidateId"], default: []].append(row["jobId"])
        }
        return rows.map { row in
            let id: String = row["id"]
            let metadataText: String? = row["metadata"]
            let gender: String? = row["gender"]
            return Candidate(
                id: id, firstName: row["firstName"], lastName: row["lastName"], email: row["email"],
                phoneNumber: row["phoneNumber"], gdprExpiryDate: row["gdprExpiryDate"], status: CandidateStatus(row["status"] as String),
                jobIds: jobIds[id] ?? [], overallRating: row["overallRating"],
                metadata: metadataText.flatMap { try? JSONValue.parse($0) },
                analysisCount: row["analysisCount"], interviewCount: row["interviewCount"],
                links: ["analyses": "/candidates/\(id)/analyses", "interviews": "/candidates/\(id)/interviews"],
                gender: gender.map(CandidateGender.init(rawValue:)), cvText: row["cvText"],
                createdAt: row["createdAt"], updatedAt: row["updatedAt"])
        }
    }

    private static func placeholders(_ n: Int) -> String {
        n == 0 ? "NULL" : Array(repeating: "?", count: n).joined(separator: ", ")
    }
}
