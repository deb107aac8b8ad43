/// The sandbox's fixed demo tenants and keys, which tests and the README rely on.
///
/// Companies 1 and 2 are managed by the ATS key; company 3 is not. Seeded data puts most
/// candidates in company 1, a good share in company 2 and a few in company 3.
public enum SandboxDemo {
    /// Northwind Recruiting.
    public static let northwindId = "11111111-1111-4111-8111-111111111111"
    /// Globex Hiring.
    public static let globexId = "22222222-2222-4222-8222-222222222222"
    /// Initech People (not managed by the ATS key).
    public static let initechId = "33333333-3333-4333-8333-333333333333"

    /// The demo companies: `(id, name)`, ids are fixed UUIDs.
    public static let companies: [(id: String, name: String)] = [
        (northwindId, "Northwind Recruiting"),
        (globexId, "Globex Hiring"),
        (initechId, "Initech People"),
    ]

    /// The demo keys:
    /// - `sk_test_northwind`: company key, company 1, all scopes
    /// - `sk_test_globex`: company key, company 2, all scopes
    /// - `sk_test_ats_partner`: ATS key managing companies 1 and 2, all scopes
    /// - `sk_test_readonly`: company key, company 1, only `read:candidates` and `read:jobs`
    /// - `sk_test_suspended`: company key, company 1, suspended (every request → 401 `API_KEY_SUSPENDED`)
    public static let keys: [SandboxKey] = [
        SandboxKey(key: "sk_test_northwind", kind: .company, companyIds: [northwindId], scopes: SandboxScope.all,
                   note: "company key, Northwind Recruiting, all scopes"),
        SandboxKey(key: "sk_test_globex", kind: .company, companyIds: [globexId], scopes: SandboxScope.all,
                   note: "company key, Globex Hiring, all scopes"),
        SandboxKey(key: "sk_test_ats_partner", kind: .ats, companyIds: [northwindId, globexId], scopes: SandboxScope.all,
                   note: "ATS key managing Northwind Recruiting and Globex Hiring, all scopes; send companyId"),
        SandboxKey(key: "sk_test_readonly", kind: .company, companyIds: [northwindId],
                   scopes: [SandboxScope.readCandidates, SandboxScope.readJobs],
                   note: "company key, Northwind Recruiting, read:candidates and read:jobs only"),
        SandboxKey(key: "sk_test_suspended", kind: .company, companyIds: [northwindId], scopes: SandboxScope.all,
                   note: "company key, Northwind Recruiting, suspended", suspended: true),
    ]

    /// `sk_test_northwind`: the company key of the first company, all scopes.
    public static var defaultKey: SandboxKey { keys[0] }

    /// How many candidates a fresh database of `demoSize` gets per company, in `companies` order:
    /// a few in company 3 (at least 3, about 5 %), about a quarter in company 2, the rest in company 1.
    /// The counts sum to `demoSize`.
    public static func candidateCounts(demoSize: Int) -> [(companyId: String, count: Int)] {
        DemoSeeder.companyCounts(demoSize: max(0, demoSize))
    }

    /// The key with this bearer token, if it is a demo key.
    public static func key(_ token: String) -> SandboxKey? { keys.first { $0.key == token } }

    /// The company name for an id, if it is a demo company.
    public static func companyName(_ id: String) -> String? { companies.first { $0.id == id }?.name }
}
