import Foundation
import Hummingbird

/// The query string of a request, decoded the way the API's framework (Express `qs`) does:
/// `+` is a space, `%XX` escapes are decoded in names and values, a name without `=` has an
/// empty value. So `search=jan+nov%C3%A1k` and `search=jan%20nov%C3%A1k` both mean "jan novák",
/// and a literal plus arrives as `%2B` (which `CandidatesClient` sends).
struct QueryParameters: Sendable {
    /// Name/value pairs in request order (repeated names kept).
    let pairs: [(name: String, value: String)]

    init(_ request: Request) { self.init(rawQuery: request.uri.query) }

    init(rawQuery: String?) {
        guard let raw = rawQuery, !raw.isEmpty else { pairs = []; return }
        pairs = raw.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(pieces[0]), pieces.count > 1 ? Self.decode(pieces[1]) : "")
        }
    }

    /// The first value for `name`.
    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    private static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
