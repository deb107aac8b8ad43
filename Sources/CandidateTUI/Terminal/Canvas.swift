import CandidateCore

/// What views draw on: a screen of cells. Views are functions of the model that draw through
/// this protocol only, so one view code paints the terminal (`CursesCanvas`) and an in-memory
/// grid that tests read (`CellGrid`).
///
/// Coordinates are cells, row `y` from the top, column `x` from the left, both 0-based. A
/// character that takes two cells (CJK, most emoji) covers its cell and the next one.
protocol Canvas {
    /// Rows of the screen, in cells.
    var rows: Int { get }
    /// Columns of the screen, in cells.
    var cols: Int { get }
    /// Whether the terminal shows UTF-8; when not, views draw ASCII arrows and markers (boxes
    /// follow on their own).
    var utf8: Bool { get }

    /// Writes text that is already in display form (what `put` makes of server text, or a
    /// piece of it) at row `y`, column `x`. Cells after the text keep what they held.
    mutating func write(_ y: Int, _ x: Int, shown text: String, style: CellStyle)

    /// Blanks `rows` × `cols` cells from (`y`, `x`): each becomes a space in `style`.
    mutating func fill(y: Int, x: Int, rows: Int, cols: Int, style: CellStyle)

    /// Gives `count` cells from (`y`, `x`) exactly `style`, keeping their text (the list's
    /// cursor: reverse video over part of a row).
    mutating func restyle(_ y: Int, _ x: Int, count: Int, style: CellStyle)

    /// Draws a box frame on the outer cells of `rows` × `cols` cells from (`y`, `x`): line
    /// drawing characters, or `+`, `-` and `|` when the terminal is not UTF-8.
    mutating func frame(y: Int, x: Int, rows: Int, cols: Int)

    /// Shows the terminal cursor at `position`, or hides it when `nil`. Called last in a frame.
    mutating func setCursor(_ position: CellPosition?)
}

extension Canvas {
    /// Writes `text` at row `y`, column `x`: sanitized (`DisplayText.sanitize`), then cut to
    /// `width` cells with an ellipsis (`DisplayText.truncate`). Nothing is written when
    /// `width` is 0 or less. The one way views put text on a screen, so every string from the
    /// server is made safe the same way on the terminal and in tests.
    mutating func put(_ y: Int, _ x: Int, _ text: String, width: Int, style: CellStyle = .plain) {
        guard width > 0 else { return }
        write(y, x, shown: DisplayText.truncate(DisplayText.sanitize(text), to: width), style: style)
    }

    /// Blanks the whole screen.
    mutating func clear() {
        fill(y: 0, x: 0, rows: rows, cols: cols, style: .plain)
    }
}

/// A cell on a canvas: row `y`, column `x`, 0-based.
struct CellPosition: Equatable, Hashable, Sendable, CustomStringConvertible {
    var y: Int
    var x: Int

    var description: String { "(\(y), \(x))" }
}

/// How a cell looks: terminal attributes and a colour role.
///
/// The roles are colours only where the terminal has colour and `NO_COLOR` is unset; without
/// colour a role draws nothing of its own, so meaning never rests on colour alone.
struct CellStyle: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// What a colour says.
    enum Role: String, Equatable, Hashable, Sendable {
        /// Errors and warnings (red).
        case error
        /// Success (green).
        case ok
        /// Secondary text: hints, read-only facts (blue).
        case dim
    }

    var bold = false
    var reverse = false
    var underline = false
    /// The terminal's half-bright attribute (not the `dim` colour role).
    var dim = false
    var color: Role?

    /// No attribute, no colour.
    static let plain = CellStyle()
    static let bold = CellStyle(bold: true)
    static let reverse = CellStyle(reverse: true)
    static let underline = CellStyle(underline: true)
    static let dim = CellStyle(dim: true)

    /// A colour role.
    static func color(_ role: Role) -> CellStyle { CellStyle(color: role) }

    /// Whether the style is plain: no attribute, no colour.
    var isPlain: Bool { self == .plain }

    /// E.g. `bold+reverse`, `error+bold`, `plain`.
    var description: String {
        var parts: [String] = []
        if let color { parts.append(color.rawValue) }
        if bold { parts.append("bold") }
        if reverse { parts.append("reverse") }
        if underline { parts.append("underline") }
        if dim { parts.append("dim") }
        return parts.isEmpty ? "plain" : parts.joined(separator: "+")
    }
}
