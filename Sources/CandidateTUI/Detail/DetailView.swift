import CandidateCore

/// The detail pane on the right of the list: the candidate under the cursor whole — contacts,
/// jobs by title, rating, counts, links, GDPR expiry, gender, the metadata pretty-printed and
/// the CV's first lines — or what the list knows of the row while the copy is on its way, with
/// a line saying why (loading, waiting for the rate limit, failed).
enum DetailView {
    /// A line of the pane and how it looks.
    struct Line: Equatable {
        var text: String
        var style: CellStyle = .plain
    }

    /// The pane's width on a screen `screenCols` wide: three eighths, 30 to 72 cells, never more
    /// than half.
    static func width(screenCols: Int) -> Int { min(72, max(30, screenCols * 3 / 8), screenCols / 2) }

    /// Label column width ("Interviews" is the longest label).
    static let labelWidth = 10
    /// Metadata lines shown before "m shows all".
    static let metadataLines = 8

    /// Draws the pane between the header and the two bottom lines, with a rule on its left.
    static func draw<C: Canvas>(_ model: AppModel, on canvas: inout C) {
        let w = width(screenCols: canvas.cols)
        let rule = canvas.cols - w - 1, x = canvas.cols - w + 1, textWidth = w - 2
        let height = canvas.rows - 3
        for y in 1..<(1 + height) { canvas.put(y, rule, canvas.utf8 ? "│" : "|", width: 1, style: .color(.dim)) }
        let shown = lines(model.detailContent(), jobTitle: model.jobTitle, width: textWidth, height: height, shown: model.shown)
        for (i, line) in shown.prefix(height).enumerated() {
            canvas.put(1 + i, x, line.text, width: textWidth, style: line.style)
        }
    }

    /// The pane's lines for `content`, at most `height`, each at most `width` cells (longer
    /// values are cut by the canvas; the CV and the metadata wrap). `shown` turns a field's
    /// text into what shows (privacy mode masks the email and phone).
    static func lines(_ content: DetailContent, jobTitle: (String) -> String?, width: Int, height: Int,
                      shown: (CandidateField, String) -> String = { $1 }) -> [Line] {
        switch content {
        case .empty:
            return [Line(text: "No candidate under the cursor.", style: .color(.dim))]
        case .row(let row, let note):
            return [Line(text: row.fullName, style: .bold), noteLine(note), Line(text: "")]
                + contacts(row, shown) + [Line(text: "")]
        case .candidate(let c, let note):
            var out = [Line(text: c.fullName, style: .bold)]
            if let note { out.append(noteLine(note)) }
            out.append(Line(text: ""))
            out += contacts(c, shown)
            out.append(field("Rating", c.overallRating.map { "\($0) / 100" } ?? "—"))
            out.append(field("Gender", c.gender.map(\.rawValue) ?? "auto (from the name)"))
            out.append(field("GDPR", c.gdprExpiryDate.map { "expires \($0.prefix(10))" } ?? "—"))
            out += jobs(c, jobTitle: jobTitle)
            out.append(field("Analyses", "\(c.analysisCount)"))
            out.append(field("Interviews", "\(c.interviewCount)"))
            for (i, link) in c.links.sorted(by: { $0.key < $1.key }).enumerated() {
                out.append(field(i == 0 ? "Links" : "", "\(link.key): \(link.value)"))
            }
            out.append(field("Updated", c.updatedAt.map(timestamp) ?? "—"))
            out.append(field("Created", c.createdAt.map(timestamp) ?? "—"))
            out += metadata(c, width: width)
            out += cv(c, width: width, rows: max(0, height - out.count - 2))
            return out
        }
    }

    private static func noteLine(_ note: String) -> Line {
        Line(text: note, style: note.contains("Could not") ? CellStyle(bold: true, color: .error) : .color(.dim))
    }

    /// Status, email and phone: what the list's row knows too.
    private static func contacts(_ c: Candidate, _ shown: (CandidateField, String) -> String) -> [Line] {
        [field("Status", c.status.rawValue), field("Email", c.email.map { shown(.email, $0) } ?? "—"),
         field("Phone", c.phoneNumber.map { shown(.phoneNumber, $0) } ?? "—")]
    }

    private static func jobs(_ c: Candidate, jobTitle: (String) -> String?) -> [Line] {
        guard !c.jobIds.isEmpty else { return [field("Jobs", "—")] }
        return c.jobIds.enumerated().map { i, id in field(i == 0 ? "Jobs" : "", jobTitle(id) ?? id) }
    }

    /// "Metadata", then the object pretty-printed: its first `metadataLines` lines.
    private static func metadata(_ c: Candidate, width: Int) -> [Line] {
        let text = PagerContent.metadata.text(of: c)
        guard !text.isEmpty else { return [Line(text: ""), field("Metadata", "—")] }
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = [Line(text: ""), Line(text: "Metadata" + (all.count > metadataLines ? " (m shows all \(all.count) lines)" : ""), style: .bold)]
        out += all.prefix(metadataLines).map { Line(text: $0) }
        return out
    }

    /// "CV", then its first lines, wrapped, as many as `rows` leaves.
    private static func cv(_ c: Candidate, width: Int, rows: Int) -> [Line] {
        guard let text = c.cvText, !text.isEmpty else { return [Line(text: ""), field("CV", "—")] }
        var out = [Line(text: ""), Line(text: "CV (c reads it all)", style: .bold)]
        var wrapped: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            wrapped += DisplayText.wrap(DisplayText.sanitize(String(line)), to: width)
            if wrapped.count >= rows { break }
        }
        out += wrapped.prefix(rows).map { Line(text: $0) }
        return out
    }

    private static func field(_ label: String, _ value: String) -> Line {
        Line(text: DisplayText.fit(label, to: labelWidth) + " " + value)
    }

    /// "2026-11-20 09:00 UTC" from an API timestamp; as sent when it is not one.
    private static func timestamp(_ raw: String) -> String {
        guard raw.count >= 16, raw.dropFirst(10).first == "T" else { return raw }
        return "\(raw.prefix(10)) \(raw.dropFirst(11).prefix(5)) UTC"
    }
}
