/// Calendar-month arithmetic on days, for "+N months from today" (`bulk-gdpr --extend`, the
/// editor's GDPR prompt).
extension CalendarDay {
    /// This day `months` calendar months later (earlier when negative), on the same day of the
    /// month, or on the month's last day when that month is shorter: 2027-01-31 + 1 is
    /// 2027-02-28, 2028-01-31 + 1 is 2028-02-29, 2027-03-31 − 1 is 2027-02-28.
    /// `nil` when the result is outside the years 1...9999.
    public func adding(months: Int) -> CalendarDay? {
        let (yearsMore, monthIndex) = (month - 1 + months).quotientAndRemainder(dividingBy: 12)
        // Swift's remainder keeps the sign: -1 months from January is December of the year before.
        let newYear = year + yearsMore + (monthIndex < 0 ? -1 : 0)
        let newMonth = (monthIndex < 0 ? monthIndex + 12 : monthIndex) + 1
        guard (1...9999).contains(newYear) else { return nil }
        // The first of these that exists: the same day, else the month's last day.
        for d in stride(from: day, through: 1, by: -1) {
            if let result = CalendarDay(year: newYear, month: newMonth, day: d) { return result }
        }
        return nil
    }
}
