import CandidateCore

/// The list's `/` prompt: whether keys type into the search, and which keystroke was the last
/// (only the last pause in typing asks the server).
struct SearchPrompt: Equatable {
    var isOpen = false
    /// Identifies the latest keystroke of a search.
    var token = 0
}

extension AppModel {
    /// Keys while the search prompt is open; `nil` lets navigation keys through to the list.
    mutating func handleSearchKey(_ key: Key) -> [Effect]? {
        var text = list.filter.search
        switch key {
        case .char(let c): text.append(c)
        case .paste(let pasted): text += LineEditor.oneLine(pasted)
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .ctrl("u"): text = ""
        case .enter:
            search.isOpen = false
            return []
        case .escape:
            search.isOpen = false
            list.setSearch("")
            return []
        default: return nil
        }
        list.setSearch(text)
        search.token += 1
        return text.isEmpty ? [] : [.debounceSearch(token: search.token)]
    }

    /// Typing paused: the server is asked with `search=` (its matches join the loaded rows).
    mutating func searchDue(_ token: Int) -> [Effect] {
        guard token == search.token, !list.filter.search.isEmpty else { return [] }
        var q = list.query(page: 1)
        q.limit = CandidateQuery.maxLimit
        q.search = list.filter.search
        return [.searchServer(generation: list.generation, text: list.filter.search, query: q)]
    }

    mutating func searchResults(_ generation: Int, _ page: Page<Candidate>) -> [Effect] {
        guard generation == list.generation else { return [] }
        list.append(page.items)
        marks.refresh(page.items)
        noticeUnknownStatuses()
        return []
    }

    mutating func searchFailed(_ generation: Int, _ error: APIError) -> [Effect] {
        guard generation == list.generation else { return [] }
        flash = Flash(text: "Server search failed (showing loaded matches): \(error.description)", kind: .error)
        return []
    }
}
