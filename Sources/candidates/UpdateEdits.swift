import CandidateCore
import Foundation

/// What `candidates update` was asked to change, field by field, with the flag that asked for
/// each (so a message can name it). Applied to a `CandidateDraft` of the candidate as read, it
/// becomes the same edit the form makes; the draft's `makePatch` then validates it and keeps
/// only the fields whose value really changes.
struct UpdateEdits {
    /// A one-line text field: a new value, or cleared (sent as `null`).
    enum Text: Equatable {
        case set(String)
        case clear
    }

    /// How the job list changes: replaced whole (`--jobs`), or jobs added and removed.
    enum Jobs: Equatable {
        case replace([String])
        case change(add: [String], remove: [String])
    }

    /// How the metadata object changes: cleared, or a starting object (the file's, else the
    /// candidate's own) with keys removed, then keys set.
    enum Metadata {
        case clear
        case change(replacement: JSONValue?, set: [(key: String, value: JSONValue)], unset: [String])
    }

    /// New text per text field (names, email, phone, GDPR expiry, CV).
    var texts: [CandidateField: Text] = [:]
    var status: CandidateStatus?
    /// `.some(nil)`: cleared (auto-detect from the name).
    var gender: CandidateGender??
    var jobs: Jobs?
    var metadata: Metadata?
    /// The flag that changes each field, for messages (`--email`, `--clear-phone`, `--add-job`…).
    var flags: [CandidateField: String] = [:]

    /// Whether no field was asked to change.
    var isEmpty: Bool { texts.isEmpty && status == nil && gender == nil && jobs == nil && metadata == nil }

    /// The flag to name in a message about `field` (its own `--` name when none was given).
    func flag(for field: CandidateField) -> String { flags[field] ?? "--" + field.rawValue }

    /// A draft of `candidate` with every asked change made, as the form would hold it.
    func draft(of candidate: Candidate) -> CandidateDraft {
        var d = CandidateDraft(candidate)
        for (field, text) in texts {
            switch text {
            case .set(let s): d.setText(s, for: field)
            case .clear: d.setText("", for: field)
            }
        }
        if let status { d.status = status }
        if let gender { d.gender = gender }
        switch jobs {
        case .replace(let ids)?: d.jobIds = ids
        case .change(let add, let remove)?:
            let removed = Set(remove.map { $0.lowercased() })
            var ids = d.jobIds.filter { !removed.contains($0.lowercased()) }
            for id in add where !ids.contains(where: { $0.lowercased() == id.lowercased() }) { ids.append(id) }
            d.jobIds = ids
        case nil: break
        }
        switch metadata {
        case .clear?: d.metadataText = ""
        case .change(let replacement, let set, let unset)?:
            let base = (replacement ?? candidate.metadata)?.objectValue ?? [:]
            var object = base
            for key in unset { object[key] = nil }
            for (key, value) in set { object[key] = value }
            // Removing a key the candidate does not have is no change (not `null` → `{}`).
            if replacement != nil || object != base { d.metadataText = JSONValue.object(object).prettyText() }
        case nil: break
        }
        return d
    }

    /// The message for each field error, named by its flag: `--email: is not a valid email address …`.
    func messages(_ failure: ValidationFailure) -> [String] {
        failure.errors.map { "\(flag(for: $0.field)): \($0.message)" }
    }
}
