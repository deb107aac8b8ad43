import CandidateCore

extension TUIOptions {
    /// The settings of a profile for the TUI: its keys, companies, first sort and filter.
    /// - Throws: `KeyMapProblem` for a `keys` table that cannot be used (`check` reports it
    ///   with its line first, so a checked config never throws here).
    public init(profile: Profile?, profiles: [String]) throws(KeyMapProblem) {
        self.init()
        self.profiles = profiles
        guard let p = profile else { return }
        self.profile = p.name
        keys = try KeyMap.standard.remapped(p.keys.map { (action: $0.action, keys: $0.keys) })
        companies = p.companies.map { CompanyChoice(name: $0.name, id: $0.id) }
        company = companies.first { $0.id == p.companyId } ?? companies.first
        if let sort = p.sort {
            let words = sort.lowercased().split(separator: " ").map(String.init)
            if let field = words.first { self.sort = (field, words.count > 1 ? words[1] == "desc" : SortColumn(rawValue: field)?.startsDescending ?? false) }
        }
        filterStatus = p.filter["status"].map { CandidateStatus($0.uppercased()) }
        lowBandwidth = p.lowBandwidth ?? false
        privacy = p.privacy ?? false
        detailPane = p.detailPane
        columns = p.columns.flatMap { try? ListColumn.parse($0) }
        theme = p.theme.flatMap(TUITheme.init(name:)) ?? (lowBandwidth ? .mono : .default)
        filterJobId = p.filter["job"]
    }

    /// The problems of a profile's TUI settings, as `ConfigFile.SettingsCheck` wants them: a
    /// `keys` entry that cannot be used (unknown action or key, a clash), a sort field or
    /// direction, a filter status the API does not have.
    public static let checkProfile: ConfigFile.SettingsCheck = { p in
        var problems: [(setting: String, message: String)] = []
        do throws(KeyMapProblem) { _ = try KeyMap.standard.remapped(p.keys.map { (action: $0.action, keys: $0.keys) }) } catch {
            problems.append(("keys." + error.action, error.message))
        }
        if let sort = p.sort {
            let words = sort.lowercased().split(separator: " ").map(String.init)
            let fields = SortColumn.allCases.map(\.rawValue)
            if words.isEmpty || words.count > 2 || !fields.contains(words[0]) || (words.count == 2 && !["asc", "desc"].contains(words[1])) {
                problems.append(("sort", "'\(sort)' is not FIELD or FIELD asc|desc (fields: \(fields.joined(separator: ", ")))"))
            }
        }
        if let status = p.filter["status"], !CandidateStatus.allKnown.contains(CandidateStatus(status.uppercased())) {
            problems.append(("filter", "'\(status)' is not a status (\(CandidateStatus.allKnown.map(\.rawValue).joined(separator: ", ")))"))
        }
        if let names = p.columns {
            do { _ = try ListColumn.parse(names) } catch { problems.append(("columns", "\(error)")) }
        }
        if let theme = p.theme, TUITheme(name: theme) == nil {
            problems.append(("theme", "'\(theme)' is not a theme (\(TUITheme.allCases.map(\.rawValue).joined(separator: ", ")))"))
        }
        return problems
    }
}
