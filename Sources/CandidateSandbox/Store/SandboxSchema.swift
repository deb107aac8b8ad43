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
enum SandboxSchema {
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
        return migrator
    }
}
