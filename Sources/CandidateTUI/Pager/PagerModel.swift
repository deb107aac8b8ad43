import CandidateCore
import Foundation

/// A read-only viewer of a long text (a CV, pretty-printed metadata), like `less`: scrolling,
/// `/` search with `n`/`N`, wrapping or horizontal scrolling. A value with its own keys; the
/// text area's size comes with each key, so the model knows what a page is.
struct PagerModel: Equatable {
    /// What the keys ask of the app.
    enum Answer: Equatable { case stay, close }

    /// A screen row of the text: part of line `line` (all of it when not wrapping).
    struct Row: Equatable {
        var line: Int
        var range: Range<String.Index>
    }

    /// An occurrence of the search in line `line`.
    struct Match: Equatable {
        var line: Int
        var range: Range<String.Index>
    }

    /// Cells `←`/`→` move when not wrapping.
    static let sideStep = 8

    /// E.g. "CV — Jana Nováková".
    var title: String
    /// The text's lines in display form: tabs as four spaces, control characters as the
    /// placeholders every screen shows (`DisplayText.sanitize`).
    let lines: [String]
    /// Long lines wrap at the width (`w` toggles); otherwise `←`/`→` scroll.
    var wrap = true
    /// The first screen row shown.
    var top = 0
    /// Cells scrolled to the right when not wrapping.
    var left = 0
    /// The search kept with Enter.
    var query = ""
    /// The `/` prompt's text while it is open.
    var prompt: String?
    /// Which of `matches()` is the current one.
    var matchIndex: Int?
    /// What the last search said ("Not found: …").
    var message: String?

    init(title: String, text: String) {
        self.title = title
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: "    ")
        lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayText.sanitize(String($0)) }
    }

    /// The screen rows of the text at `width` cells: a line per row, or cut into rows of at
    /// most `width` cells when wrapping, after a space where there is one (never splitting a
    /// character). An empty line is a row.
    func rows(width: Int) -> [Row] {
        var rows: [Row] = []
        for (i, line) in lines.enumerated() {
            guard wrap else {
                rows.append(Row(line: i, range: line.startIndex..<line.endIndex))
                continue
            }
            // The row ends after its last space when it has one (the space stays at its end,
            // so rows cover the line without a gap); a word wider than the row is cut.
            var start = line.startIndex, used = 0, at = line.startIndex
            var lastBreak: (index: String.Index, used: Int)?
            for ch in line {
                let w = DisplayText.width(of: ch)
                if used + w > max(1, width), used > 0 {
                    let end = lastBreak?.index ?? at
                    rows.append(Row(line: i, range: start..<end))
                    start = end
                    used -= lastBreak?.used ?? used
                    lastBreak = nil
                }
                used += w
                at = line.index(after: at)
                if ch == " " { lastBreak = (at, used) }
            }
            rows.append(Row(line: i, range: start..<line.endIndex))
        }
        return rows
    }

    /// Every occurrence of the kept search, in reading order; case and diacritics do not matter.
    func matches() -> [Match] { Self.matches(of: query, in: lines) }

    static func matches(of query: String, in lines: [String]) -> [Match] {
        guard !query.isEmpty else { return [] }
        var found: [Match] = []
        for (i, line) in lines.enumerated() {
            var from = line.startIndex
            while from < line.endIndex,
                  let r = line.range(of: query, options: [.caseInsensitive, .diacriticInsensitive], range: from..<line.endIndex) {
                found.append(Match(line: i, range: r))
                from = r.isEmpty ? line.index(after: r.lowerBound) : r.upperBound
            }
        }
        return found
    }

    /// The text area's status: where the view stands and what the search found.
    func status(height: Int, width: Int) -> String {
        let count = rows(width: width).count
        let last = min(count, top + height)
        var parts = [count == 0 ? "empty" : "lines \(top + 1)–\(last) of \(count)", wrap ? "wrap" : "no wrap"]
        if let message { parts.append(message) } else if !query.isEmpty, let i = matchIndex {
            parts.append("match \(i + 1) of \(matches().count) for /\(query)")
        }
        return parts.joined(separator: " · ")
    }

    /// A key in the pager, with the text area's size in cells.
    mutating func handle(_ key: Key, height: Int, width: Int) -> Answer {
        if prompt != nil { return handlePrompt(key, height: height, width: width) }
        let height = max(1, height)
        switch key {
        case .up, .char("k"): top -= 1
        case .down, .char("j"), .enter: top += 1
        case .pageUp, .char("b"): top -= height
        case .pageDown, .char(" "): top += height
        case .home, .char("g"): top = 0
        case .end, .char("G"): top = Int.max / 2
        case .left, .char("h"): left -= Self.sideStep
        case .right, .char("l"): left += Self.sideStep
        case .char("w"): toggleWrap(width: width)
        case .char("/"): prompt = ""
        case .char("n"): step(1, height: height, width: width)
        case .char("N"): step(-1, height: height, width: width)
        case .char("q"), .escape: return .close
        default: break
        }
        clamp(height: height, width: width)
        return .stay
    }

    /// Keys while `/` is open: typing, Backspace, Enter searches, Esc cancels.
    private mutating func handlePrompt(_ key: Key, height: Int, width: Int) -> Answer {
        switch key {
        case .char(let c): prompt?.append(c)
        case .paste(let text): prompt?.append(contentsOf: LineEditor.oneLine(text))
        case .backspace: if prompt?.isEmpty == false { prompt?.removeLast() }
        case .escape: prompt = nil
        case .enter:
            let typed = prompt ?? ""
            prompt = nil
            if !typed.isEmpty { search(typed, height: height, width: width) }
        default: break
        }
        return .stay
    }

    /// Keeps `text` as the search and goes to its first occurrence on or after the top row.
    mutating func search(_ text: String, height: Int, width: Int) {
        query = text
        matchIndex = nil
        let found = matches()
        guard !found.isEmpty else {
            message = "Not found: \(text)"
            return
        }
        message = nil
        let rows = rows(width: width)
        let first = found.firstIndex { row(of: $0, in: rows) >= top } ?? 0
        show(first, found: found, rows: rows, height: height, width: width)
    }

    /// `n` / `N`: the next or previous occurrence, around the end.
    private mutating func step(_ by: Int, height: Int, width: Int) {
        let found = matches()
        guard !found.isEmpty else {
            message = query.isEmpty ? "No search yet: / searches" : "Not found: \(query)"
            return
        }
        message = nil
        let next = ((matchIndex ?? (by > 0 ? -1 : 0)) + by + found.count) % found.count
        show(next, found: found, rows: rows(width: width), height: height, width: width)
    }

    /// Makes occurrence `i` the current one and scrolls it into view (a third down the page
    /// when it was out of view).
    private mutating func show(_ i: Int, found: [Match], rows: [Row], height: Int, width: Int) {
        matchIndex = i
        let r = row(of: found[i], in: rows)
        if r < top || r >= top + height { top = max(0, r - height / 3) }
        if !wrap {
            let line = lines[found[i].line]
            let x = DisplayText.width(String(line[..<found[i].range.lowerBound]))
            let w = DisplayText.width(String(line[found[i].range]))
            if x < left || x + w > left + width { left = max(0, x - width / 3) }
        }
        clamp(height: height, width: width)
    }

    /// The screen row holding the start of `m`.
    func row(of m: Match, in rows: [Row]) -> Int {
        rows.firstIndex { $0.line == m.line && ($0.range.contains(m.range.lowerBound) || $0.range.upperBound == m.range.lowerBound && m.range.isEmpty) }
            ?? rows.firstIndex { $0.line == m.line } ?? 0
    }

    /// `w`: wraps or not, keeping the top row's line at the top.
    private mutating func toggleWrap(width: Int) {
        let line = rows(width: width).indices.contains(top) ? rows(width: width)[top].line : 0
        wrap.toggle()
        left = 0
        top = rows(width: width).firstIndex { $0.line == line } ?? 0
    }

    /// Keeps the view on the text: no scrolling past its last page or its widest line.
    private mutating func clamp(height: Int, width: Int) {
        top = max(0, min(top, rows(width: width).count - height))
        let widest = wrap ? 0 : lines.map { DisplayText.width($0) }.max() ?? 0
        left = wrap ? 0 : max(0, min(left, widest - width))
    }
}

extension PagerModel {
    /// The keys that apply now: the `/` prompt's while it is open.
    var keyHints: [KeyHint] {
        if prompt != nil { return [KeyHint("type to search", 1), KeyHint("Enter search", 0), KeyHint("Esc cancel", 0)] }
        return [KeyHint("↑↓ PgUp/PgDn scroll", 1), KeyHint("/ search", 0), KeyHint("n/N next/prev", 1),
                KeyHint(wrap ? "w no wrap" : "w wrap", 2)] + (wrap ? [] : [KeyHint("←→ side", 2)]) + [KeyHint("q close", 0)]
    }
}
