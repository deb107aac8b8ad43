import GRDB

/// The sandbox database schema, created and upgraded by a GRDB migrator.
///
/// Tables:
/// - `company(id, name)`
/// - `job(id, companyId, title, status, city, country, employmentType, createdAt)`
/// - `candidate(id, companyId, firstName, lastName, email, phoneNumber, gdprExpiryDate, status,
///   overallRating, metadata (compact JSON text), analysisCount, interviewCount, gender, cvText,
///   createdAt, updatedAt, searchText)` — timestamps are fixed-width ISO-8601 UTC text, so text
///   order is time order; `searchText` is `SearchFolding.searchText`.
/// - `candidateJob(candidateId, jobId, position)` — the ordered `jobIds` of a candidate.
/// - `candidateRevision(companyId, revision)` — bumped by triggers on every insert, update or
///   delete of a company's candidates or their job links, whoever writes (so cached counts and
///   page positions know when they are stale, even after a write from another process).
/// - `candidateSearch` (when the linked SQLite has FTS5 with the trigram tokenizer) — a trigram
///   index of `candidate.searchText` (case-insensitive like `LIKE`; the folded text is lowercase
///   anyway), row for row by `rowid`, kept in sync by triggers.
///   (`VACUUM` may renumber the implicit rowids of `candidate`; the sandbox never vacuums.)
enum SandboxSchema {
    /// The FTS5 table indexing `candidate.searchText` by trigrams.
    static let searchTable = "candidateSearch"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: companies, jobs, candidates") { db in
            try db.create(table: "company") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
            }
            try db.create(table: "job") { t in
                t.primaryKey("id", .text)
                t.column("companyId", .text).notNull().indexed().references("company")
                t.column("title", .text).notNull()
                t.column("status", .text).notNull()
                t.column("city", .text)
                t.column("country", .text)
                t.column("employmentType", .text)
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "candidate") { t in
                t.primaryKey("id", .text)
                t.column("companyId", .text).notNull().references("company")
                t.column("firstName", .text).notNull()
                t.column("lastName", .text).notNull()
                t.column("email", .text)
                t.column("phoneNumber", .text)
                t.column("gdprExpiryDate", .text)
                t.column("status", .text).notNull()
                t.column("overallRating", .integer)
                t.column("metadata", .text)
                t.column("analysisCount", .integer).notNull().defaults(to: 0)
                t.column("interviewCount", .integer).notNull().defaults(to: 0)
                t.column("gender", .text)
                t.column("cvText", .text)
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
                t.column("searchText", .text).notNull()
            }
            try db.create(index: "candidate_company_order", on: "candidate", columns: ["companyId", "createdAt", "id"])
            try db.create(index: "candidate_company_status", on: "candidate", columns: ["companyId", "status"])
            try db.create(table: "candidateJob") { t in
                t.column("candidateId", .text).notNull().references("candidate", onDelete: .cascade)
                t.column("jobId", .text).notNull().indexed().references("job")
                t.column("position", .integer).notNull()
                t.primaryKey(["candidateId", "jobId"])
            }
        }
        migrator.registerMigration("v2: list order indexes, change revisions, trigram search") { db in
            // Status-filtered pages walk this index in list order and never touch the table.
            try db.create(index: "candidate_company_status_order", on: "candidate",
                          columns: ["companyId", "status", "createdAt", "id"])
            try db.drop(index: "candidate_company_status")
            try db.create(table: "candidateRevision") { t in
                t.primaryKey("companyId", .text)
                t.column("revision", .integer).notNull()
            }
            try db.execute(sql: """
                INSERT INTO candidateRevision (companyId, revision) SELECT DISTINCT companyId, 1 FROM candidate WHERE true
                """)
            try db.execute(sql: """
                CREATE TRIGGER candidate_revision_insert AFTER INSERT ON candidate BEGIN
                    \(bump("new.companyId"))
                END;
                CREATE TRIGGER candidate_revision_update AFTER UPDATE ON candidate BEGIN
                    \(bump("old.companyId"))
                    \(bump("new.companyId"))
                END;
                CREATE TRIGGER candidate_revision_delete AFTER DELETE ON candidate BEGIN
                    \(bump("old.companyId"))
                END;
                CREATE TRIGGER candidateJob_revision_insert AFTER INSERT ON candidateJob BEGIN
                    \(bumpOwner("new.candidateId"))
                END;
                CREATE TRIGGER candidateJob_revision_delete AFTER DELETE ON candidateJob BEGIN
                    \(bumpOwner("old.candidateId"))
                END;
                """)
            guard try trigramAvailable(db) else { return }
            try db.execute(sql: """
                CREATE VIRTUAL TABLE \(searchTable) USING fts5(searchText, tokenize = 'trigram');
                INSERT INTO \(searchTable) (rowid, searchText) SELECT rowid, searchText FROM candidate;
                CREATE TRIGGER candidate_search_insert AFTER INSERT ON candidate BEGIN
                    INSERT INTO \(searchTable) (rowid, searchText) VALUES (new.rowid, new.searchText);
                END;
                CREATE TRIGGER candidate_search_update AFTER UPDATE OF searchText ON candidate BEGIN
                    UPDATE \(searchTable) SET searchText = new.searchText WHERE rowid = new.rowid;
                END;
                CREATE TRIGGER candidate_search_delete AFTER DELETE ON candidate BEGIN
                    DELETE FROM \(searchTable) WHERE rowid = old.rowid;
                END;
                """)
        }
        return migrator
    }

    /// Whether the linked SQLite can build an FTS5 table with the trigram tokenizer (3.34+).
    static func trigramAvailable(_ db: Database) throws -> Bool {
        do {
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.trigramProbe USING fts5(x, tokenize = 'trigram')")
            try db.execute(sql: "DROP TABLE temp.trigramProbe")
            return true
        } catch {
            return false
        }
    }

    /// Whether the trigram search table exists in this database.
    static func hasSearchIndex(_ db: Database) throws -> Bool {
        try db.tableExists(searchTable)
    }

    /// Trigger statement: one more revision for the company `companyId` (an SQL expression).
    private static func bump(_ companyId: String) -> String {
        """
        INSERT INTO candidateRevision (companyId, revision) VALUES (\(companyId), 1)
            ON CONFLICT (companyId) DO UPDATE SET revision = revision + 1;
        """
    }

    /// Trigger statement: one more revision for the company owning candidate `candidateId`.
    private static func bumpOwner(_ candidateId: String) -> String {
        """
        INSERT INTO candidateRevision (companyId, revision) SELECT companyId, 1 FROM candidate WHERE id = \(candidateId)
            ON CONFLICT (companyId) DO UPDATE SET revision = revision + 1;
        """
    }
}
