import CandidateCore

extension AppModel {
    /// What Tab offers for `word`, the text after `prefix` (which holds the command and any
    /// arguments before): command names, statuses, sort fields, job titles, companies, profiles.
    /// Matching ignores case; the choices keep their own.
    func completions(forWordAfter prefix: String, word: String) -> [String] {
        let words = prefix.split(separator: " ").map(String.init)
        func matching(_ choices: [String]) -> [String] {
            choices.filter { $0.lowercased().hasPrefix(word.lowercased()) }
        }
        guard let first = words.first else { return matching(CommandName.allCases.map(\.rawValue)) }
        let statuses = CandidateStatus.allKnown.map(\.rawValue)
        switch CommandName.named(first) {
        case .status?: return words.count == 1 ? matching(statuses) : []
        case .filter?:
            if prefix.hasSuffix("job=") { return matching(jobs.all.map(\.title)) }
            if word.hasPrefix("status=") { return matching(statuses.map { "status=" + $0 }) }
            return matching(["status=", "job=", "none"])
        case .sort?:
            if words.count == 1 { return matching(SortColumn.allCases.map(\.rawValue)) }
            return words.count == 2 ? matching(["asc", "desc"]) : []
        case .mark?: return words.count == 1 ? matching(["all", "none"]) : []
        case .history?: return words.count == 1 ? matching(["all"]) : []
        case .company?: return matching(options.companies.map(\.name))
        case .profile?: return words.count == 1 ? matching(options.profiles) : []
        default: return []
        }
    }
}
