import CandidateCore

/// Whether a command prints email and phone as they are or masked (`--privacy`).
enum ContactMaskChoice: Equatable {
    /// Exact values (the default; `--json` is never masked unless asked).
    case plain
    /// Masked with `ContactMask` for an output of this charset (`*` when it is not UTF-8).
    case masked(DisplayText.Charset)

    /// `text` of `field` as this choice prints it.
    func apply(_ field: CandidateField, _ text: String) -> String {
        switch self {
        case .plain: return text
        case .masked(let charset): return ContactMask.masked(field, text, charset: charset)
        }
    }
}
