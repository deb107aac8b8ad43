import CandidateCore

/// A message laid out for the screen: wrapped at spaces onto at most `maxLines` lines of
/// `width` cells; a longer message keeps its first lines, the last one ending in `…`, and
/// says it was cut (the whole message is then one key away, `Ctrl-G`). Pure, so the model can
/// ask whether a message is cut at the terminal's size and the views draw the same lines.
struct MessageLines: Equatable, Sendable {
    /// The lines, in display form (sanitized), each at most `width` cells.
    var lines: [String]
    /// Some of the message did not fit.
    var cut: Bool

    /// Lines a message takes at most on the message line or below a form field.
    static let maxLines = 3

    init(_ text: String, width: Int, maxLines: Int = Self.maxLines) {
        let width = max(1, width), maxLines = max(1, maxLines)
        let all = DisplayText.wrap(DisplayText.sanitize(text), to: width)
        guard all.count > maxLines else {
            lines = all
            cut = false
            return
        }
        var kept = Array(all.prefix(maxLines))
        // The last line kept runs on into the rest, cut with an ellipsis at the width.
        kept[maxLines - 1] = DisplayText.truncate(all[(maxLines - 1)...].joined(separator: " "), to: width)
        lines = kept
        cut = true
    }
}
