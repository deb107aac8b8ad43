import CandidateCore

/// The bulk menu: the status to move the marked set to, with what each choice would do.
extension AppModel {
    /// Every enum status, each with how many marked candidates would move there as a natural
    /// pipeline step, how many as an override, and how many are already there. Counted from how
    /// many marked candidates have each status (`Marks.statusCounts`), so 100,000 marks cost
    /// nothing per frame.
    static func bulkMenuItems(statusCounts: [CandidateStatus: Int]) -> [MenuItem] {
        CandidateStatus.allKnown.map { target in
            var natural = 0, override = 0, already = 0
            for (from, n) in statusCounts {
                switch Pipeline.classify(from: from, to: target) {
                case .natural: natural += n
                case .override: override += n
                case .alreadyThere: already += n
                }
            }
            var parts: [String] = []
            if natural > 0 { parts.append("\(natural) next step") }
            if override > 0 { parts.append("\(override) override") }
            if already > 0 { parts.append("\(already) already") }
            return MenuItem(label: target.rawValue, detail: parts.joined(separator: " · "), value: target.rawValue)
        }
    }

    /// The bulk menu chose `target`: preview the plan (nothing is sent yet).
    mutating func chooseBulkTarget(_ target: CandidateStatus) {
        let plan = BulkStatusPlan(lending: marks.sorted, target: target)
        if plan.skippedCount == plan.items.count {
            setOverlay(nil)
            flash = Flash(text: "All \(plan.items.count) marked candidates are already \(target)", kind: .info)
            return
        }
        openBulkPreview(plan)
    }

    /// Opens the preview of `plan`, its same-name candidates told apart (`NameLabels`: the
    /// email where the list has it, else an id prefix).
    mutating func openBulkPreview(_ plan: BulkStatusPlan) {
        listedNames = labelsForListed(plan.items.lazy.map { item in
            let c = item.candidate
            return NameLabels.Entry(id: c.id, name: c.fullName, email: c.email)
        })
        setOverlay(.bulkPreview(plan))
    }

    /// Labels for candidates listed together; emails of shared names come from the list.
    /// `entries` may be lazy: it is read twice, an entry at a time.
    func labelsForListed(_ entries: some RandomAccessCollection<NameLabels.Entry>) -> NameLabels {
        let list = self.list
        return NameLabels(entries) { list.email(id: $0) }
    }
}
