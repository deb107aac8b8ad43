import Foundation

/// How a journal change reads to a person, in `candidates history` and the TUI's history
/// panel: short ids, local times, outcomes, and each field as `Label: before → after` with the
/// labels and value display of the form's confirmation (`FieldDisplay`). Not sanitized: the
/// caller sanitizes what it prints (`DisplayText.sanitize`).
public enum JournalChangeText {
    /// How many characters of a change or batch id are shown.
    public static let shortIdLength = 8

    /// The first `shortIdLength` characters of a change or batch id.
    public static func shortId(_ id: String) -> String { String(id.prefix(shortIdLength)) }

    /// The id a change is listed under: its batch's when it has one (undo takes the batch
    /// whole), else its own; shortened.
    public static func listedId(_ change: JournalChange) -> String { shortId(change.batch ?? change.id) }

    /// `sent`, `failed`, or `interrupted` for a change left pending (recorded, its result never
    /// known: the program ended while it was being sent).
    public static func outcome(_ change: JournalChange) -> String {
        switch change.outcome {
        case .sent: "sent"
        case .failed: "failed"
        case .pending: "interrupted"
        }
    }

    /// `2026-12-06 14:05` in `timeZone` (the machine's by default), or the recorded text as it is
    /// when it cannot be read.
    public static func time(_ change: JournalChange, timeZone: TimeZone = .current) -> String {
        guard let date = change.date else { return change.time }
        return time(date, timeZone: timeZone)
    }

    /// `2026-12-06 14:05`: `date` in `timeZone` (the machine's by default).
    public static func time(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// `Status: APPLIED → REJECTED`: one field of a change, as the form's confirmation shows it
    /// (`(empty)` for cleared, job lists as `+added, −removed`, hidden characters counted).
    /// A field this program does not know shows its wire name and JSON. `shown` turns a text
    /// into what shows (privacy masks the email and phone); `jobTitle` names a job id.
    public static func field(_ f: JournalChange.Field, maxLength: Int = 40, jobTitle: (String) -> String? = { _ in nil },
                             shown: (CandidateField, String) -> String = { $1 }) -> String {
        guard let field = CandidateField(apiKey: f.field) else {
            return "\(f.field): \(FieldDisplay.oneLine(f.before.compactText(), maxLength: maxLength)) → \(FieldDisplay.oneLine(f.after.compactText(), maxLength: maxLength))"
        }
        if field == .jobIds, let before = f.before.arrayValue?.compactMap(\.stringValue), let after = f.after.arrayValue?.compactMap(\.stringValue) {
            return "\(field.label): " + FieldDisplay.jobsChange(from: before, to: after, jobTitle: jobTitle)
        }
        let old = FieldDisplay.text(field, FieldDisplay.shownValue(field, f.before, shown: shown), jobTitle: jobTitle, maxLength: maxLength)
            + FieldDisplay.hiddenMark(field, f.before)
        let new = FieldDisplay.text(field, FieldDisplay.shownValue(field, f.after, shown: shown), jobTitle: jobTitle, maxLength: maxLength)
            + FieldDisplay.hiddenMark(field, f.after)
        return "\(field.label): \(old) → \(new)"
    }

    /// Every field of `change` as `field` shows it, joined with `; `.
    public static func fields(_ change: JournalChange, maxLength: Int = 40, jobTitle: (String) -> String? = { _ in nil },
                              shown: (CandidateField, String) -> String = { $1 }) -> String {
        change.fields.map { field($0, maxLength: maxLength, jobTitle: jobTitle, shown: shown) }.joined(separator: "; ")
    }
}
