import Foundation

/// A span of time as typed on a command line: a whole number and a unit, `30m` (minutes),
/// `12h` (hours), `7d` (days) or `2w` (weeks). Used by `history --since`.
public enum DurationText {
    /// The units and their length in seconds.
    static let units: [Character: TimeInterval] = ["m": 60, "h": 3600, "d": 86_400, "w": 604_800]

    /// The seconds `text` stands for (surrounding spaces ignored).
    /// - Throws: `DurationTextError` for anything else: no number, no unit or another one,
    ///   zero, a fraction, a sign, or a number too large.
    public static func seconds(_ text: String) throws -> TimeInterval {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let unit = t.last, let length = units[unit] else { throw DurationTextError(text: text) }
        let digits = t.dropLast()
        // Digits only (no sign, no fraction, no spaces); at most 6 of them: 999999w is far enough back.
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n > 0 else {
            throw DurationTextError(text: text)
        }
        return TimeInterval(n) * length
    }
}

/// A duration that is not one `DurationText` reads; the message says what is.
public struct DurationTextError: Error, Equatable, CustomStringConvertible {
    /// What was given.
    public var text: String
    public init(text: String) { self.text = text }

    public var description: String {
        "'\(DisplayText.sanitize(text))' is not a duration: give a whole number above 0 and a unit, m (minutes), h (hours), d (days) or w (weeks), e.g. 30m, 12h, 7d, 2w"
    }
}
