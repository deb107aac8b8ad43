import Foundation

/// What a recruiter types for a new GDPR expiry: a day (`2027-12-31`) or a number of months
/// from today (`+12`, `+12m`, `12m`; `+N` means months). Shared by `bulk-gdpr` and the editor's
/// prompt, so both read the same text the same way.
public enum GDPRExpiryInput {
    /// Why the text is not a usable expiry; `description` is the message to show.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// Nothing was typed.
        case empty
        /// Neither a day nor a number of months.
        case notUnderstood(String)
        /// A number of months outside 1...1200.
        case monthsOutOfRange(Int)
        /// The day is today or earlier (API rule: `gdprExpiryDate` strictly in the future).
        case notInFuture(CalendarDay, today: CalendarDay)

        public var description: String {
            switch self {
            case .empty:
                return "type a day as YYYY-MM-DD or months from today as +N (e.g. +12)"
            case .notUnderstood(let text):
                return "\"\(DisplayText.sanitize(String(text.prefix(40))))\" is neither a day (YYYY-MM-DD) nor months from today (+12, +12m)"
            case .monthsOutOfRange(let n):
                return "\(n) months: use 1 to \(GDPRExpiryInput.maxMonths) months"
            case .notInFuture(let day, let today):
                return "\(day) is not in the future: the expiry must be after today (\(today))"
            }
        }
    }

    /// The most months `+N` may add (100 years).
    public static let maxMonths = 1200

    /// The day `text` names: a day as `YYYY-MM-DD`, or `[+]N[m]` months after `today`
    /// (`CalendarDay.adding(months:)`, clamped to the month's end). Surrounding white space
    /// is ignored. The day must be after `today` (the server compares in UTC).
    public static func day(_ text: String, today: CalendarDay) -> Result<CalendarDay, Problem> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .failure(.empty) }
        let day: CalendarDay
        if let months = months(t) {
            guard (1...maxMonths).contains(months), let later = today.adding(months: months) else {
                return .failure(.monthsOutOfRange(months))
            }
            day = later
        } else if let given = CalendarDay(parsing: t), !t.contains("T") {
            day = given
        } else {
            return .failure(.notUnderstood(t))
        }
        return day > today ? .success(day) : .failure(.notInFuture(day, today: today))
    }

    /// The months of `+N`, `N`, `+Nm`, `Nm` (ASCII digits, `m` or `M`), else `nil`.
    public static func months(_ text: String) -> Int? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if t.hasPrefix("+") { t = t.dropFirst() }
        if let last = t.last, last == "m" || last == "M" { t = t.dropLast() }
        guard !t.isEmpty, t.count <= 6, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(t)
    }
}
