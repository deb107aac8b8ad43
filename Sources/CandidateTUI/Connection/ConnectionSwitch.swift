import CandidateCore

/// What the list was for one company, kept while another is shown: the marks, the filter and
/// the sort come back when the company does.
struct CompanyView: Equatable {
    var marks: Marks
    var filter: ListFilter
    var sortColumn: SortColumn
    var sortDescending: Bool
}

extension AppModel {
    /// The key the current company's `CompanyView` is kept under: profile and company.
    var companyKey: String { (options.profile ?? "") + "\u{1F}" + (options.company?.id ?? "") }

    /// `:company`, `:profile` or the company menu: opens that connection unless something is
    /// under way that belongs to this one.
    mutating func switchConnection(profile: String?, company: CompanyChoice?) -> CommandOutcome {
        if bulk != nil { return .problem("A bulk change is running — Esc cancels it first") }
        if list.markAllPending { return .problem("Still marking every match — Esc stops marking first") }
        if profile == options.profile, let company, company == options.company {
            flash = Flash(text: "Already on \(company.name)", kind: .info)
            return .done([])
        }
        connecting = true
        flash = Flash(text: "Connecting to " + (company.map { $0.name } ?? "profile \(profile ?? "")") + "…", kind: .info)
        return .done([.connect(profile: profile, companyId: company?.id)])
    }

    /// The new connection is open: the list, marks, filter and sort become that company's (as
    /// they were when it was last shown), the job list and drafts are read again.
    mutating func connected(_ c: TUIConnection) -> [Effect] {
        connecting = false
        companyViews[companyKey] = CompanyView(marks: marks, filter: list.filter, sortColumn: list.sortColumn, sortDescending: list.sortDescending)
        connection = c.info
        // How the link is used stays as this run chose it (flags and environment included).
        let (lowBandwidth, theme, privacy) = (options.lowBandwidth, options.theme, options.privacy)
        options = c.options
        options.lowBandwidth = lowBandwidth
        options.theme = theme
        options.privacy = privacy
        let kept = companyViews[companyKey]
        marks = kept?.marks ?? Marks()
        var filter = kept?.filter ?? ListFilter()
        if kept == nil { filter.status = options.filterStatus; filter.jobId = options.filterJobId }
        list = ListModel(generation: list.generation + 1, filter: filter,
                         sortColumn: kept?.sortColumn ?? .server, sortDescending: kept?.sortDescending ?? false)
        if kept == nil { applyProfileSort() }
        jobs = JobCatalog()
        bulkReport = nil
        bulkResultWaiting = false
        drafts = DraftQueue()
        setOverlay(nil)
        list.loading = true
        flash = Flash(text: "Now on " + (c.info.company ?? c.info.location), kind: .ok)
        return [.useConnection(c), .loadPage(generation: list.generation, query: list.query(page: 1)), .loadJobs]
            + (keepsDrafts ? [.findDrafts] : [])
    }

    /// The profile's `sort` as the list's first sort.
    mutating func applyProfileSort() {
        guard let s = options.sort, let column = SortColumn(rawValue: s.column) else { return }
        list.setSort(column, descending: s.descending)
    }

    /// `C` on the list: the company menu, when the profile has several.
    mutating func openCompanyMenu() {
        if bulk != nil {
            flash = Flash(text: "A bulk change is running — Esc cancels it first", kind: .info)
            return
        }
        guard !options.companies.isEmpty else {
            flash = Flash(text: "This profile has one company; several go in the profile's companies = [...]", kind: .info)
            return
        }
        setOverlay(.companyMenu)
    }
}

extension AppModel {
    /// `:privacy`: the privacy toggle.
    mutating func togglePrivacyCommand() -> [Effect] {
        togglePrivacy()
        return []
    }
}
