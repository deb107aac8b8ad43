import CandidateCore

/// The menus: status (one candidate, the form, the marked set), gender, the jobs picker and
/// the list's filters. Their items, their keys and what choosing an item does.
extension AppModel {
    /// Esc/q closes; navigation keys move the cursor; Enter chooses; Space toggles in the picker.
    mutating func handleMenuKey(_ key: Key) -> [Effect] {
        let action = options.keys.action(for: key, in: overlay == .jobsPicker ? .picker : .menu)
        if action == .close { setOverlay(nil); return [] }
        guard let menu = menu(), !menu.items.isEmpty else { return [] }
        if let moved = MenuItem.cursor(after: action, from: menuCursor, in: menu.items) {
            menuCursor = moved
            return []
        }
        if action == .choose { return chooseMenuItem(menuCursor) }
        if action == .toggle, menu.multi { return toggleMenuItem(menuCursor) }
        return []
    }

    /// The title and items of the open menu.
    func menu() -> (title: String, items: [MenuItem], multi: Bool)? {
        switch overlay {
        case .statusMenu(let id)?:
            guard let c = list.candidate(id: id) else { return nil }
            return ("\(c.fullName): \(c.status)", Self.statusItems(from: c.status), false)
        case .formStatusMenu?:
            guard let f = form else { return nil }
            return ("Status: \(f.draft.status)", Self.statusItems(from: f.draft.status), false)
        case .genderMenu?:
            let current = form?.draft.gender
            return ("Gender: \(current?.rawValue ?? "auto")", [
                MenuItem(label: "male", detail: "", value: "male"),
                MenuItem(label: "female", detail: "", value: "female"),
                MenuItem(label: "auto (clear)", detail: "detect from name", value: ""),
            ], false)
        case .bulkMenu?:
            return ("Move \(marks.count) marked to…", Self.bulkMenuItems(statusCounts: marks.statusCounts), false)
        case .statusFilterMenu?:
            return ("Show status", [MenuItem(label: "All statuses", detail: list.filter.status == nil ? "current" : "", value: "")]
                + CandidateStatus.allKnown.map { MenuItem(label: $0.rawValue, detail: list.filter.status == $0 ? "current" : "", value: $0.rawValue) }, false)
        case .jobFilterMenu?:
            return ("Show job", [MenuItem(label: "All jobs", detail: list.filter.jobId == nil ? "current" : "", value: "")]
                + jobs.all.map { MenuItem(label: $0.title, detail: list.filter.jobId == $0.id ? "current" : ($0.city ?? ""), value: $0.id) }, false)
        case .companyMenu?:
            return ("Company", options.companies.map { MenuItem(label: $0.name, detail: $0 == options.company ? "current" : "", value: $0.id) }, false)
        case .jobsPicker?:
            let selected = Set(pickerSelection)
            func box(_ id: String) -> String { selected.contains(id) ? "[x] " : "[ ] " }
            var items = jobs.all.map { MenuItem(label: box($0.id) + $0.title, detail: $0.city ?? "", value: $0.id, selected: selected.contains($0.id)) }
            // Assigned jobs the job list does not know (deleted, or beyond its pages) stay visible.
            let known = Set(jobs.all.map(\.id))
            for id in (form?.draft.original.jobIds ?? []) + pickerSelection where !known.contains(id) && !items.contains(where: { $0.value == id }) {
                items.append(MenuItem(label: box(id) + id, detail: "unknown job", value: id, selected: selected.contains(id)))
            }
            return ("Jobs: \(selected.count) selected", items, true)
        default:
            return bulkActionsMenu()
        }
    }

    /// Next pipeline steps first, then the rest of the enum under "Other".
    static func statusItems(from status: CandidateStatus) -> [MenuItem] {
        var items = Pipeline.nextSteps(from: status).map { MenuItem(label: $0.rawValue, detail: "next step", value: $0.rawValue) }
        let others = Pipeline.overrides(from: status)
        if !others.isEmpty {
            items.append(MenuItem(label: "── Other ──", detail: "", value: nil))
            items += others.map { MenuItem(label: $0.rawValue, detail: "override", value: $0.rawValue) }
        }
        return items
    }

    /// Enter on item `index` of the open menu (in the jobs picker: keep the selection).
    mutating func chooseMenuItem(_ index: Int) -> [Effect] {
        if overlay == .jobsPicker {
            guard var f = form else { return [] }
            f.draft.jobIds = pickerSelection
            f.errors[.jobIds] = nil
            form = f
            setOverlay(nil)
            return []
        }
        guard let menu = menu(), menu.items.indices.contains(index), let value = menu.items[index].value else { return [] }
        switch overlay {
        case .statusMenu(let id)?:
            guard let c = list.candidate(id: id) else { setOverlay(nil); return [] }
            let to = CandidateStatus(value)
            if to == c.status { setOverlay(nil); flash = Flash(text: "\(c.fullName) is already \(to)", kind: .info); return [] }
            setOverlay(.confirmMove(candidateId: id, to: to))
        case .bulkMenu?:
            chooseBulkTarget(CandidateStatus(value))
        case .bulkActions?, .bulkJobMenu?:
            return chooseBulkAction(value)
        case .statusFilterMenu?:
            return setServerFilter(status: value.isEmpty ? nil : CandidateStatus(value), jobId: list.filter.jobId)
        case .jobFilterMenu?:
            return setServerFilter(status: list.filter.status, jobId: value.isEmpty ? nil : value)
        case .companyMenu?:
            setOverlay(nil)
            guard let company = options.companies.first(where: { $0.id == value }) else { return [] }
            switch switchConnection(profile: options.profile, company: company) {
            case .done(let effects): return effects
            case .problem(let message): flash = Flash(text: message, kind: .error)
            }
        case .formStatusMenu?:
            guard var f = form else { return [] }
            f.draft.status = CandidateStatus(value)
            f.errors[.status] = nil
            form = f
            setOverlay(nil)
        case .genderMenu?:
            guard var f = form else { return [] }
            f.draft.gender = value.isEmpty ? nil : CandidateGender(rawValue: value)
            f.errors[.gender] = nil
            form = f
            setOverlay(nil)
        default: break
        }
        return []
    }

    /// Space on item `index` of the jobs picker: selects or unselects that job.
    mutating func toggleMenuItem(_ index: Int) -> [Effect] {
        guard overlay == .jobsPicker, let items = menu()?.items, items.indices.contains(index), let id = items[index].value else { return [] }
        if let i = pickerSelection.firstIndex(of: id) { pickerSelection.remove(at: i) } else { pickerSelection.append(id) }
        menuCursor = index
        return []
    }
}
