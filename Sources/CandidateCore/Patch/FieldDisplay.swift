import Foundation

/// How a field's value reads to a person: in confirm panels (`Label: old → new`), lists and the CLI.
public enum FieldDisplay {
    /// A one-line rendering of a wire value. `jobTitle` turns a job id into its title when known.
    /// Cleared values read `(empty)`; a cleared gender reads `auto`; long text is cut to `maxLength`
    /// characters ending in `…` (nothing at all when `maxLength` is 0 or less).
    public static func text(_ field: CandidateField, _ value: JSONValue, jobTitle: (String) -> String? = { _ in nil },
                            maxLength: Int = 60) -> String {
        let s: String
        switch (field, value) {
        case (.gender, .null): s = "auto"
        case (_, .null): s = "(empty)"
        case (.jobIds, .array(let ids)):
            s = ids.isEmpty ? "(none)" : ids.compactMap(\.stringValue).map { jobTitle($0) ?? $0 }.joined(separator: ", ")
        case (.metadata, _): s = value.compactText()
        case (_, .string(let t)): return oneLine(t, maxLength: maxLength)
        default: s = value.compactText()
        }
        return cut(s, to: maxLength)
    }

    /// Text on one line (line breaks read as spaces), cut to `maxLength` characters ending in
    /// `…` (nothing at all when `maxLength` is 0 or less).
    public static func oneLine(_ text: String, maxLength: Int = 60) -> String {
        cut(text.replacingOccurrences(of: "\n", with: " "), to: maxLength)
    }

    private static func cut(_ s: String, to maxLength: Int) -> String {
        guard s.count > maxLength else { return s }
        return maxLength > 0 ? String(s.prefix(maxLength - 1)) + "…" : ""
    }

    /// ` [N hidden]` after a one-line text value with characters the screen does not show as
    /// they are (`DisplayText.hiddenScalars`), else empty: a change that looks the same on both
    /// sides still says what is really there.
    public static func hiddenMark(_ field: CandidateField, _ value: JSONValue?) -> String {
        guard [.firstName, .lastName, .email, .phoneNumber, .gdprExpiryDate].contains(field),
              let s = value?.stringValue else { return "" }
        let n = DisplayText.hiddenScalars(s).count
        return n == 0 ? "" : " [\(n) hidden]"
    }

    /// `value` with its text as `shown` shows it (privacy mode masks the email and phone);
    /// other values as they are.
    public static func shownValue(_ field: CandidateField, _ value: JSONValue, shown: (CandidateField, String) -> String) -> JSONValue {
        guard case .string(let s) = value else { return value }
        return .string(shown(field, s))
    }

    /// A job list's change as what is added and removed (`+Backend Developer, −Designer`), or
    /// `reordered` when only the order changed. Job lists read best this way.
    public static func jobsChange(from before: [String], to after: [String], jobTitle: (String) -> String? = { _ in nil }) -> String {
        let added = after.filter { !before.contains($0) }.map { "+" + (jobTitle($0) ?? $0) }
        let removed = before.filter { !after.contains($0) }.map { "−" + (jobTitle($0) ?? $0) }
        let change = (added + removed).joined(separator: ", ")
        return change.isEmpty ? "reordered" : change
    }

    /// `Label: old → new` for every field `patch` changes, in form order; a one-line text with
    /// hidden characters says how many (`Last name: Doe [1 hidden] → Doex [1 hidden]`).
    /// `shown` turns a text into what shows (privacy mode masks the email and phone).
    public static func changeLines(_ patch: CandidatePatch, original: Candidate, jobTitle: (String) -> String? = { _ in nil },
                                   maxLength: Int = 40, shown: (CandidateField, String) -> String = { $1 }) -> [String] {
        patch.fields.map { f in
            if f == .jobIds, let ids = patch[f]?.arrayValue?.compactMap(\.stringValue) {
                return "\(f.label): " + jobsChange(from: original.jobIds, to: ids, jobTitle: jobTitle)
            }
            let before = CandidateDraft.originalWireValue(f, of: original)
            let old = text(f, shownValue(f, before, shown: shown), jobTitle: jobTitle, maxLength: maxLength) + hiddenMark(f, before)
            let new = text(f, shownValue(f, patch[f] ?? .null, shown: shown), jobTitle: jobTitle, maxLength: maxLength) + hiddenMark(f, patch[f])
            return "\(f.label): \(old) → \(new)"
        }
    }
}
