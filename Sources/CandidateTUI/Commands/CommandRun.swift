import CandidateCore

/// What running a `:` command came to.
enum CommandOutcome: Equatable {
    /// It ran (its own messages are on the message line).
    case done([Effect])
    /// It did nothing; the message says why, on the command line.
    case problem(String)
}

extension AppModel {
    /// Runs one command line (without the `:`). Every change goes the way its key goes: a status
    /// change through the same confirmation or bulk preview, a filter through a reload.
    mutating func runCommand(_ text: String) -> CommandOutcome {
        let parts = text.split(separator: " ", maxSplits: 1)
        let word = String(parts.first ?? ""), rest = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
        guard let command = CommandName.named(word) else {
            return .problem("Unknown command '\(word)' — :help lists them")
        }
        func noArgument() -> CommandOutcome? {
            rest.isEmpty ? nil : .problem(":\(command.rawValue) takes no argument")
        }
        switch command {
        case .q:
            if let p = noArgument() { return p }
            if bulk != nil { return .problem("A bulk change is running — Esc cancels it first") }
            quit = true
            return .done([])
        case .help:
            if let p = noArgument() { return p }
            help = HelpPage(context: .list)
            return .done([])
        case .privacy:
            if let p = noArgument() { return p }
            return .done(togglePrivacyCommand())
        case .status:
            return commandStatus(rest)
        case .filter:
            return commandFilter(rest)
        case .search:
            list.setSearch(rest)
            search.token += 1
            flash = Flash(text: rest.isEmpty ? "Search cleared" : "Search: \(rest)", kind: .info)
            return .done(rest.isEmpty ? [] : [.debounceSearch(token: search.token)])
        case .sort:
            return commandSort(rest)
        case .mark:
            switch rest.lowercased() {
            case "all": return .done(markAllMatching())
            case "none":
                endMarkingAll()
                marks.clear()
                flash = Flash(text: "Marks cleared", kind: .info)
                return .done([])
            default: return .problem("Usage: :mark all|none")
            }
        case .company:
            return commandCompany(rest)
        case .profile:
            return commandProfile(rest)
        case .history:
            switch rest.lowercased() {
            case "": return list.current == nil ? .problem("No candidate under the cursor — :history all shows every change") : .done(openHistory(all: false))
            case "all": return .done(openHistory(all: true))
            default: return .problem("Usage: :history [all]")
            }
        case .undo:
            if rest.contains(" ") { return .problem("Usage: :undo [CHANGE-OR-BATCH-ID]") }
            if bulk != nil { return .problem("A bulk change is running — Esc cancels it first") }
            return .done(askUndo(rest.isEmpty ? nil : rest))
        }
    }

    private mutating func commandStatus(_ rest: String) -> CommandOutcome {
        guard !rest.isEmpty, !rest.contains(" ") else { return .problem("Usage: :status STATUS (Tab completes)") }
        let known = CandidateStatus.allKnown.first { $0.rawValue.caseInsensitiveCompare(rest) == .orderedSame }
        guard let to = known else {
            return .problem("'\(rest)' is not a status (" + CandidateStatus.allKnown.map(\.rawValue).joined(separator: ", ") + ")")
        }
        if bulk != nil { return .problem("A bulk change is running — Esc cancels it first") }
        if list.markAllPending { return .problem("Still marking every match — wait, or Esc stops marking") }
        if !marks.isEmpty {
            chooseBulkTarget(to)
            return .done([])
        }
        guard let c = list.current else { return .problem("No candidate under the cursor") }
        if to == c.status { return .problem("\(DisplayText.sanitize(c.fullName)) is already \(to)") }
        setOverlay(.confirmMove(candidateId: c.id, to: to))
        return .done([])
    }

    private mutating func commandFilter(_ rest: String) -> CommandOutcome {
        if rest.isEmpty || rest.lowercased() == "none" { return .done(setServerFilter(status: nil, jobId: nil)) }
        var status = list.filter.status, jobId = list.filter.jobId
        // `job=` takes the rest up to the next `status=`: titles have spaces.
        var tokens: [(key: String, value: String)] = []
        for piece in rest.split(separator: " ") {
            if let eq = piece.firstIndex(of: "="), ["status", "job"].contains(piece[..<eq].lowercased()) {
                tokens.append((piece[..<eq].lowercased(), String(piece[piece.index(after: eq)...])))
            } else if !tokens.isEmpty {
                tokens[tokens.count - 1].value += " " + piece
            } else {
                return .problem("Usage: :filter status=STATUS job=TITLE-OR-ID, or :filter none")
            }
        }
        for (key, value) in tokens {
            if key == "status" {
                if value.isEmpty || value.lowercased() == "all" { status = nil; continue }
                guard let s = CandidateStatus.allKnown.first(where: { $0.rawValue.caseInsensitiveCompare(value) == .orderedSame }) else {
                    return .problem("'\(value)' is not a status")
                }
                status = s
            } else {
                if value.isEmpty || value.lowercased() == "all" { jobId = nil; continue }
                let byTitle = jobs.all.filter { $0.title.caseInsensitiveCompare(value) == .orderedSame }
                if let job = jobs.all.first(where: { $0.id == value }) ?? (byTitle.count == 1 ? byTitle.first : nil) {
                    jobId = job.id
                } else if byTitle.count > 1 {
                    return .problem("\(byTitle.count) jobs are called '\(value)': use the job's id")
                } else {
                    return .problem(jobs.isLoaded ? "No job '\(value)' (Tab completes titles)" : "The job list is not loaded yet")
                }
            }
        }
        return .done(setServerFilter(status: status, jobId: jobId))
    }

    private mutating func commandSort(_ rest: String) -> CommandOutcome {
        let words = rest.lowercased().split(separator: " ").map(String.init)
        guard let name = words.first, let column = SortColumn(rawValue: name), words.count <= 2 else {
            return .problem("Usage: :sort name|status|updated|rating|server [asc|desc]")
        }
        var descending = column.startsDescending
        if words.count == 2 {
            guard words[1] == "asc" || words[1] == "desc" else { return .problem("Sort direction is asc or desc, not '\(words[1])'") }
            descending = words[1] == "desc"
        }
        list.setSort(column, descending: descending)
        flash = Flash(text: "Sorted by \(column.label) \(descending ? "descending" : "ascending")", kind: .info)
        return .done([])
    }

    private mutating func commandProfile(_ rest: String) -> CommandOutcome {
        guard !rest.isEmpty else { return .problem("Usage: :profile NAME (Tab completes)") }
        guard options.profiles.contains(rest) else {
            return .problem(options.profiles.isEmpty ? "There is no config file with profiles (candidates config path)"
                                                     : "No profile '\(rest)' (profiles: \(options.profiles.joined(separator: ", ")))")
        }
        return switchConnection(profile: rest, company: nil)
    }

    private mutating func commandCompany(_ rest: String) -> CommandOutcome {
        guard !options.companies.isEmpty else {
            return .problem("This profile has one company; several go in the profile's companies = [...]")
        }
        guard !rest.isEmpty else {
            setOverlay(.companyMenu)
            return .done([])
        }
        let exact = options.companies.filter { $0.name.caseInsensitiveCompare(rest) == .orderedSame || $0.id == rest }
        let begun = options.companies.filter { $0.name.lowercased().hasPrefix(rest.lowercased()) }
        guard let company = exact.first ?? (begun.count == 1 ? begun.first : nil) else {
            return .problem("No company '\(rest)' (companies: \(options.companies.map(\.name).joined(separator: ", ")))")
        }
        return switchConnection(profile: options.profile, company: company)
    }
}
