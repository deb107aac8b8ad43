import ArgumentParser
import CandidateCore

/// A status on the command line (`--status`, `--to`, `--only-from`): help and shell completion
/// list the API's statuses. Any text parses as given; `known(option:)` then accepts it
/// case-insensitively with `-` or `_` alike (`rejected`, `in-process`) and refuses the rest
/// with a usage message, since only the API's enum may be sent.
extension CandidateStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    public static var allValueStrings: [String] { allKnown.map(\.rawValue) }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

extension CandidateStatus {
    /// This status as one of the API's enum, or a `UsageProblem` naming `option` and the statuses.
    func known(option: String) throws -> CandidateStatus {
        let normalized = CandidateStatus(rawValue.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "-", with: "_"))
        guard normalized.isKnown else {
            throw UsageProblem("\(option): unknown status \"\(DisplayText.sanitize(rawValue))\"; use one of "
                               + CandidateStatus.allKnown.map(\.rawValue).joined(separator: ", "))
        }
        return normalized
    }
}
