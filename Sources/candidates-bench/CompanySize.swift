/// Sandbox sizes by the number of candidates the measured key's company holds. The sandbox
/// splits `--demo-size` over three companies (about 70 % to company 1, the one of
/// `sk_test_northwind`); this is the same split, so a bench can ask for a company size exactly.
enum CompanySize {
    /// Candidates in company 1 for a demo size (the sandbox's split: company 3 gets
    /// max(3, n/20), company 2 n/4, company 1 the rest).
    static func firstCompany(demoSize n: Int) -> Int {
        let third = min(n, max(3, n / 20))
        let second = min(n - third, n / 4)
        return n - third - second
    }

    /// The smallest demo size whose company 1 holds at least `companySize` candidates.
    static func demoSize(forCompanySize companySize: Int) -> Int {
        var n = max(3, Int(Double(companySize) / 0.7) - 10)
        while firstCompany(demoSize: n) < companySize { n += 1 }
        return n
    }

    /// `20000,100000` → [20000, 100000]; nil when a part is not a positive number.
    static func parseList(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return parts.compactMap { $0 }
    }
}
