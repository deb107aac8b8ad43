import CandidateCore

/// The pager in the app: `c` and `m` on the list read the candidate under the cursor (the
/// copy the detail pane fetched, else fetched now), F3 in the form reads the draft's text;
/// its keys while open.
extension AppModel {
    /// The pager's text area on the current terminal: rows between its title and its status
    /// line, and the width in cells.
    var pagerArea: (height: Int, width: Int) {
        let size = screenSize ?? (rows: 24, cols: 80)
        return (max(1, size.rows - 3), max(1, size.cols))
    }

    /// `c` on the list: the CV of the candidate under the cursor.
    mutating func viewCV() -> [Effect] { viewCandidateText(.cv) }

    /// `m` on the list: the metadata of the candidate under the cursor, pretty-printed.
    mutating func viewMetadata() -> [Effect] { viewCandidateText(.metadata) }

    /// Opens the pager on the row's candidate when a fresh copy is kept; otherwise fetches it
    /// now (a request the user asked for: no debounce, no reserve) and opens when it comes.
    private mutating func viewCandidateText(_ kind: PagerContent) -> [Effect] {
        guard let row = list.current else { return [] }
        if let c = detail.cache.fresh(for: row) {
            openPager(kind, of: c)
            return []
        }
        detail.pendingPager = DetailPane.PendingPager(id: row.id, kind: kind)
        detail.target = DetailPane.Target(id: row.id, updatedAt: row.updatedAt)
        detail.token += 1
        detail.loading = row.id
        detail.failure = nil
        detail.waitingForRateLimit = false
        flash = Flash(text: "Reading the \(kind.label) of \(row.fullName)…", kind: .info)
        return [.fetchDetail(id: row.id, token: detail.token)]
    }

    /// Opens the pager on the candidate's CV or metadata; says so instead when there is none.
    mutating func openPager(_ kind: PagerContent, of c: Candidate) {
        let text = kind.text(of: c)
        guard !text.isEmpty else {
            flash = Flash(text: "\(c.fullName) has no \(kind.label)", kind: .info)
            return
        }
        setOverlay(.pager(PagerModel(title: "\(kind == .cv ? "CV" : "Metadata") — \(c.fullName)", text: text)))
    }

    /// F3 in the form: the focused CV or metadata as edited so far, read-only.
    mutating func viewFieldText(_ field: CandidateField, text: String) {
        let name = form?.draft.original.fullName ?? ""
        let edited = form?.draft.isChanged(field) == true ? " (edited)" : ""
        setOverlay(.pager(PagerModel(title: "\(field.label)\(edited) — \(name)", text: text)))
    }

    /// Keys while the pager is open; q or Esc closes it.
    mutating func handlePagerKey(_ key: Key, _ pager: PagerModel) -> [Effect] {
        var p = pager
        let area = pagerArea
        if p.handle(key, height: area.height, width: area.width) == .close {
            setOverlay(nil)
        } else {
            overlay = .pager(p)
        }
        return []
    }
}
