import CandidateCore

/// The commands of the `:` line, with what help and completion say about them.
enum CommandName: String, CaseIterable {
    case status, filter, search, sort, mark, company, profile, privacy, history, undo, help, q

    /// `status STATUS`.
    var usage: String {
        switch self {
        case .status: "status STATUS"
        case .filter: "filter status=S job=J | none"
        case .search: "search TEXT"
        case .sort: "sort FIELD [asc|desc]"
        case .mark: "mark all|none"
        case .company: "company NAME"
        case .profile: "profile NAME"
        case .privacy: "privacy"
        case .history: "history [all]"
        case .undo: "undo [ID]"
        case .help: "help"
        case .q: "q"
        }
    }

    var summary: String {
        switch self {
        case .status: "move the marked set, else the candidate under the cursor (asks first)"
        case .filter: "server-side filters by status and job (title or id); none clears both"
        case .search: "search names, emails and phones; no text clears it"
        case .sort: "sort by name, status, updated, rating or server order"
        case .mark: "mark every matching candidate, or clear the marks"
        case .company: "switch to another company of this profile"
        case .profile: "switch to another profile of the config file"
        case .privacy: "mask or show email and phone"
        case .history: "the changes sent to the candidate under the cursor (all: every change), from the journal"
        case .undo: "preview the undo of the last change or batch (or of ID, as `candidates history` shows it); y sends"
        case .help: "the keys and commands"
        case .q: "quit"
        }
    }

    /// The command a typed word names: exact, `quit` for `q`, else the only command it begins.
    static func named(_ word: String) -> CommandName? {
        if let exact = CommandName(rawValue: word) { return exact }
        if word == "quit" { return .q }
        let matches = allCases.filter { $0.rawValue.hasPrefix(word) }
        return matches.count == 1 ? matches[0] : nil
    }
}
