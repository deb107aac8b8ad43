import CandidateCore

/// The job menu of `a`: whether it removes, and what it counts, worked out once when it opens
/// (not per frame: the marked set may be 100,000 candidates).
struct BulkJobChoice: Equatable {
    var removing: Bool
    /// How many of the candidates have each job, by job id (of those whose job ids are known).
    var assigned: [String: Int]
    /// Every candidate's job ids are known (else removing offers every job of the catalog).
    var allKnown: Bool
}

/// `a` on the list: assign to a job, remove from a job, or extend the GDPR expiry — for the
/// marked set, else (like `s`) for the candidate under the cursor. Each ends in the same
/// preview → `y` → progress → result flow as a bulk status move (`BulkPanels`, `BulkRun`).
extension AppModel {
    /// The choices of the `a` menu (their `MenuItem` values).
    enum BulkAction: String, CaseIterable {
        case assignJob = "assign", removeJob = "remove", extendGDPR = "gdpr"

        var label: String {
            switch self {
            case .assignJob: "Assign to job…"
            case .removeJob: "Remove from job…"
            case .extendGDPR: "Extend GDPR expiry…"
            }
        }
    }

    /// How menus name the candidates `a` acts on: `3 marked`, or the name under the cursor.
    var bulkActionLabel: String { marks.isEmpty ? list.current?.fullName ?? "" : "\(marks.count) marked" }

    /// The candidates `a` acts on: the marked ones (the list's copy where it has one, so their
    /// job ids are known), else the row under the cursor; and the ids whose copy has no job ids
    /// (marked, not loaded: their change is decided only when sent).
    func bulkActionTargets() -> (candidates: [Candidate], unread: Set<String>) {
        if marks.isEmpty { return (list.current.map { [$0] } ?? [], []) }
        var unread = Set<String>()
        let candidates = marks.candidates.map { m -> Candidate in
            if let loaded = list.candidate(id: m.id) { return loaded }
            unread.insert(m.id)
            return m
        }
        return (candidates, unread)
    }

    /// `a` on the list: the menu of job and GDPR changes.
    mutating func openBulkActions() {
        if bulk != nil {
            flash = Flash(text: "A bulk change is running — Esc cancels it", kind: .info)
        } else if list.markAllPending {
            // Like `s`: a change plans exactly the marked set, never a set still growing.
            flash = Flash(text: markingProgress() + " · a works when all are marked", kind: .info)
        } else if !marks.isEmpty || list.current != nil {
            setOverlay(.bulkActions)
        }
    }

    /// The `a` menu, and the job menu it leads to.
    func bulkActionsMenu() -> (title: String, items: [MenuItem], multi: Bool)? {
        switch overlay {
        case .bulkActions?:
            return ("Change \(bulkActionLabel)", BulkAction.allCases.map { MenuItem(label: $0.label, detail: "", value: $0.rawValue) }, false)
        case .bulkJobMenu(let choice)?:
            return (choice.removing ? "Remove \(bulkActionLabel) from job" : "Assign \(bulkActionLabel) to job",
                    Self.bulkJobItems(jobs.all, choice), false)
        default:
            return nil
        }
    }

    /// The jobs to choose from, with how many of the candidates (whose job ids are known) each
    /// is assigned to. Assigning: every job of the catalog. Removing: the jobs some of them
    /// have (ids the catalog does not know too), most assigned first; and, when some copies have
    /// no job ids, the rest of the catalog under "Other jobs".
    static func bulkJobItems(_ catalog: [Job], _ choice: BulkJobChoice) -> [MenuItem] {
        let (removing, assigned) = (choice.removing, choice.assigned)
        func item(_ id: String, _ title: String, city: String?) -> MenuItem {
            let n = assigned[id, default: 0]
            let count = n == 0 ? nil : removing ? "\(n) assigned" : "\(n) already assigned"
            return MenuItem(label: title, detail: [count, city].compactMap { $0 }.joined(separator: " · "), value: id)
        }
        guard removing else { return catalog.map { item($0.id, $0.title, city: $0.city) } }
        let titles = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let held = assigned.sorted { a, b in
            a.value != b.value ? a.value > b.value : (titles[a.key]?.title ?? a.key) < (titles[b.key]?.title ?? b.key)
        }.map(\.key)
        var items = held.map { id in titles[id].map { item(id, $0.title, city: $0.city) } ?? item(id, id, city: "unknown job") }
        let rest = catalog.filter { assigned[$0.id] == nil }
        if !choice.allKnown && !rest.isEmpty {
            items.append(MenuItem(label: "── Other jobs ──", detail: "", value: nil))
            items += rest.map { item($0.id, $0.title, city: $0.city) }
        }
        return items
    }

    /// Enter on the `a` menu or the job menu.
    mutating func chooseBulkAction(_ value: String) -> [Effect] {
        let targets = bulkActionTargets()
        switch overlay {
        case .bulkActions?:
            switch BulkAction(rawValue: value) {
            case .assignJob?, .removeJob?:
                let removing = value == BulkAction.removeJob.rawValue
                var assigned: [String: Int] = [:]
                for c in targets.candidates where !targets.unread.contains(c.id) {
                    for id in Set(c.jobIds) { assigned[id, default: 0] += 1 }
                }
                if removing && assigned.isEmpty && targets.unread.isEmpty {
                    setOverlay(nil)
                    flash = Flash(text: marks.isEmpty ? "\(bulkActionLabel) has no job" : "None of the \(marks.count) marked candidates has a job", kind: .info)
                } else if !removing && jobs.all.isEmpty {
                    setOverlay(nil)
                    flash = Flash(text: jobs.isLoaded ? "This company has no jobs" : "The job list is not loaded yet — r reloads it", kind: .info)
                } else {
                    setOverlay(.bulkJobMenu(BulkJobChoice(removing: removing, assigned: assigned, allKnown: targets.unread.isEmpty)))
                }
            case .extendGDPR?:
                setOverlay(.expiryPrompt(ExpiryPrompt()))
            case nil:
                setOverlay(nil)
            }
        case .bulkJobMenu(let choice)?:
            let removing = choice.removing
            let title = jobs.title(value) ?? value
            let plan = removing ? BulkChangePlan.removingJob(id: value, title: title, from: targets.candidates, unread: targets.unread)
                : BulkChangePlan.addingJob(id: value, title: title, to: targets.candidates, unread: targets.unread)
            openBulkChangePreview(plan)
        default:
            break
        }
        return []
    }

    /// Previews `plan`; a plan that sends nothing only says why.
    mutating func openBulkChangePreview(_ plan: BulkChangePlan) {
        if plan.sendCount == 0 {
            setOverlay(nil)
            flash = Flash(text: plan.summary(), kind: .info)
            return
        }
        listedNames = labelsForListed(plan.items.map { NameLabels.Entry(id: $0.candidate.id, name: $0.candidate.fullName, email: $0.candidate.email) })
        setOverlay(.bulkChangePreview(plan))
    }
}
