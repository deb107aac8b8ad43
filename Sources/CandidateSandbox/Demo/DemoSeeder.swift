import CandidateCore
import GRDB

/// One seeded candidate row.
struct SeedCandidate: Sendable {
    var id: String
    var companyId: String
    var firstName: String
    var lastName: String
    var email: String?
    var phoneNumber: String?
    var gdprExpiryDate: String?
    var status: String
    var overallRating: Int?
    /// Compact JSON text of a small object, or `nil`.
    var metadata: String?
    var analysisCount: Int
    var interviewCount: Int
    var gender: String?
    var cvText: String?
    var createdAt: String
    var updatedAt: String
    var jobIds: [String]
}

/// Fills an empty database with the demo companies, jobs and `demoSize` candidates.
///
/// Deterministic: a fixed seed drives every choice, so the same `demoSize` yields the same
/// people, companies and statuses (timestamps and GDPR dates are relative to the seeding time).
/// All rows go in with prepared statements inside the caller's one transaction.
enum DemoSeeder {
    static let randomSeed: UInt64 = 0x5EED_CA4D_1DA7_E500

    /// How many candidates each company gets: a few in company 3 (at least 3, about 5 %),
    /// about a quarter in company 2, the rest in company 1. Sums to `demoSize`.
    static func companyCounts(demoSize n: Int) -> [(companyId: String, count: Int)] {
        let third = min(n, max(3, n / 20))
        let second = min(n - third, n / 4)
        return [(SandboxDemo.northwindId, n - third - second), (SandboxDemo.globexId, second), (SandboxDemo.initechId, third)]
    }

    /// The demo candidates for `demoSize`, company by company, relative to `nowMillis`.
    static func candidates(demoSize: Int, nowMillis: Int64) -> [SeedCandidate] {
        var rng = SeededGenerator(seed: randomSeed)
        let today = Timestamps.dayNumber(millis: nowMillis)
        var out: [SeedCandidate] = []
        out.reserveCapacity(demoSize)
        for (companyId, count) in companyCounts(demoSize: demoSize) {
            let jobIds = DemoData.jobs.filter { $0.companyId == companyId }.map(\.id)
            for i in 0..<count {
                let person: (DemoData.Culture, DemoData.GivenName, DemoData.Surname)
                if companyId == SandboxDemo.northwindId, i < DemoData.showcase.count {
                    let s = DemoData.showcase[i]
                    let culture = DemoData.cultures[s.culture]
                    person = (culture, culture.given[s.given], culture.surnames[s.surname])
                } else {
                    let culture = rng.pick(DemoData.cultures)
                    person = (culture, rng.pick(culture.given), rng.pick(culture.surnames))
                }
                // The first five of each company cover the whole status enum.
                let status = i < CandidateStatus.allKnown.count ? CandidateStatus.allKnown[i] : weightedStatus(&rng)
                out.append(candidate(person, status: status, companyId: companyId, jobIds: jobIds,
                                     nowMillis: nowMillis, today: today, rng: &rng))
            }
        }
        return out
    }

    private static func weightedStatus(_ rng: inout SeededGenerator) -> CandidateStatus {
        let r = Int.random(in: 0..<100, using: &rng)
        switch r {
        case ..<10: return .undefined
        case ..<40: return .applied
        case ..<65: return .inProcess
        case ..<85: return .rejected
        default: return .accepted
        }
    }

    private static func candidate(_ person: (DemoData.Culture, DemoData.GivenName, DemoData.Surname), status: CandidateStatus,
                                  companyId: String, jobIds: [String], nowMillis: Int64, today: Int64,
                                  rng: inout SeededGenerator) -> SeedCandidate {
        let (culture, given, surname) = person
        let lastName = given.female ? surname.female : surname.male
        let lastAscii = given.female ? surname.asciiFemale : surname.ascii

        var email: String?
        if !rng.chance(0.08) {
            let suffix = rng.chance(0.3) ? String(Int.random(in: 1...99, using: &rng)) : ""
            let tag = rng.chance(0.05) ? "+jobs" : ""
            email = "\(given.ascii).\(lastAscii)\(suffix)\(tag)@\(culture.domain)"
        }
        var phone: String?
        if !rng.chance(0.15) {
            var digits = rng.pick(culture.phone.prefixes)
            for _ in 0..<culture.phone.digits { digits += String(Int.random(in: 0...9, using: &rng)) }
            phone = digits
        }
        var gdpr: String?
        let g = Int.random(in: 0..<100, using: &rng)
        if g < 15 { gdpr = Timestamps.day(today - Int64(Int.random(in: 1...400, using: &rng))) }
        else if g < 90 { gdpr = Timestamps.day(today + Int64(Int.random(in: 30...1000, using: &rng))) }

        let interviews: Int
        switch status {
        case .undefined: interviews = 0
        case .applied: interviews = Int.random(in: 0...1, using: &rng)
        case .inProcess: interviews = Int.random(in: 1...3, using: &rng)
        case .rejected: interviews = Int.random(in: 0...2, using: &rng)
        default: interviews = Int.random(in: 2...4, using: &rng)
        }
        let analyses = interviews == 0 ? Int.random(in: 0...1, using: &rng) : interviews + Int.random(in: 0...1, using: &rng)
        var rating: Int?
        if analyses > 0, !rng.chance(0.1) {
            switch status {
            case .accepted: rating = Int.random(in: 70...98, using: &rng)
            case .rejected: rating = Int.random(in: 12...65, using: &rng)
            default: rating = Int.random(in: 35...92, using: &rng)
            }
        }

        var gender: String?
        if rng.chance(0.35) { gender = (given.female != rng.chance(0.05)) ? "female" : "male" }

        var metadata: String?
        if !rng.chance(0.3) {
            var o: [String: JSONValue] = ["source": .string(rng.pick(DemoData.sources))]
            if rng.chance(0.4) { o["languages"] = .array(culture.languages.map(JSONValue.string)) }
            if rng.chance(0.3) { o["tags"] = .array([.string(rng.pick(DemoData.tags))]) }
            if rng.chance(0.2) { o["noticePeriodWeeks"] = .int(rng.pick([0, 2, 4, 8, 12])) }
            if o["source"] == .string("referral") { o["referredBy"] = .string(rng.pick(DemoData.referrers)) }
            if rng.chance(0.15) { o["desiredSalary"] = .object(["amount": .int(Int.random(in: 30...120, using: &rng) * 1000), "currency": .string("EUR")]) }
            metadata = JSONValue.object(o).compactText()
        }

        var cv: String?
        if !rng.chance(0.25) {
            let years = Int.random(in: 1...18, using: &rng)
            var skills: [String] = []
            for _ in 0..<3 { let s = rng.pick(DemoData.skills); if !skills.contains(s) { skills.append(s) } }
            let (before, after) = rng.pick(DemoData.cvOpenings)
            cv = before + String(years) + after + skills.joined(separator: ", ") + ". " + rng.pick(DemoData.cvClosings)
        }

        var jobs: [String] = []
        if !jobIds.isEmpty {
            let j = Int.random(in: 0..<100, using: &rng)
            if j < 60 { jobs = [rng.pick(jobIds)] } else if j < 80, jobIds.count > 1 {
                let first = rng.pick(jobIds)
                jobs = [first, rng.pick(jobIds.filter { $0 != first })]
            }
        }

        let hour: Int64 = 3_600_000, day: Int64 = 86_400_000
        let created = nowMillis - Int64.random(in: hour...(540 * day), using: &rng)
        let updated = created + Int64.random(in: 0...min(nowMillis - created, 90 * day), using: &rng)

        return SeedCandidate(id: rng.uuid(), companyId: companyId, firstName: given.name, lastName: lastName, email: email,
                             phoneNumber: phone, gdprExpiryDate: gdpr, status: status.rawValue, overallRating: rating,
                             metadata: metadata, analysisCount: analyses, interviewCount: interviews, gender: gender, cvText: cv,
                             createdAt: Timestamps.iso(millis: created), updatedAt: Timestamps.iso(millis: updated), jobIds: jobs)
    }

    /// Inserts the companies, jobs and candidates. Call inside one write transaction.
    static func insert(into db: Database, demoSize: Int, nowMillis: Int64) throws {
        for company in SandboxDemo.companies {
            try db.execute(sql: "INSERT INTO company (id, name) VALUES (?, ?)", arguments: [company.id, company.name])
        }
        for job in DemoData.jobs {
            try db.execute(sql: """
                INSERT INTO job (id, companyId, title, status, city, country, employmentType, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [job.id, job.companyId, job.title, job.status, job.city, job.country, job.employmentType,
                                 Timestamps.iso(millis: nowMillis - Int64(job.ageDays) * 86_400_000)])
        }
        let insertCandidate = try db.makeStatement(sql: """
            INSERT INTO candidate (id, companyId, firstName, lastName, email, phoneNumber, gdprExpiryDate, status,
                overallRating, metadata, analysisCount, interviewCount, gender, cvText, createdAt, updatedAt, searchText)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertJob = try db.makeStatement(sql: "INSERT INTO candidateJob (candidateId, jobId, position) VALUES (?, ?, ?)")
        for c in candidates(demoSize: demoSize, nowMillis: nowMillis) {
            try insertCandidate.execute(arguments: [
                c.id, c.companyId, c.firstName, c.lastName, c.email, c.phoneNumber, c.gdprExpiryDate, c.status,
                c.overallRating, c.metadata, c.analysisCount, c.interviewCount, c.gender, c.cvText, c.createdAt, c.updatedAt,
                SearchFolding.searchText(firstName: c.firstName, lastName: c.lastName, email: c.email),
            ])
            for (position, jobId) in c.jobIds.enumerated() {
                try insertJob.execute(arguments: [c.id, jobId, position])
            }
        }
    }
}
