import GRDB

/// The SQL that selects one company's candidates matching a `CandidateFilter`: a `FROM` with the
/// candidate table as `c`, a `WHERE`, and their arguments. Callers add the order
/// (`c.createdAt DESC, c.id DESC`), limits and keyset bounds.
///
/// Search folds the text with `SearchFolding` and finds it as a substring of `c.searchText`.
/// With the trigram index and a needle of at least 3 characters the matches come from the
/// index (an FTS5 phrase of trigrams is exactly a substring test); otherwise, as before the
/// index existed, by `LIKE` over the company's rows.
///
/// Indexed matches are joined in one of two ways. By default the matches come first and their
/// rows are then sorted: the cost follows the number of matches. With `inListOrder` the
/// company's rows are walked in list order (an index) and each is looked up among the matches,
/// which stops once the page is full: the cost follows the rows walked, far less than the
/// matches when many rows match (`walksListOrder` decides).
struct CandidateListQuery {
    var from: String
    var whereSQL: String
    var arguments: [(any DatabaseValueConvertible)?]
    /// The filters as the cache keys them.
    var cacheKey: ListingCache.Key
    /// Whether the search goes through the trigram index.
    var searchesIndex = false

    /// Fewest characters (Unicode scalars) the trigram index can find; shorter needles scan.
    static let trigramLength = 3

    init(_ filter: CandidateFilter, searchIndexed: Bool, inListOrder: Bool = false) {
        var from = "candidate c"
        var clauses = ["c.companyId = ?"]
        var args: [(any DatabaseValueConvertible)?] = [filter.companyId]
        var needle: String?
        if let status = filter.status {
            clauses.append("c.status = ?"); args.append(status)
        }
        if let jobId = filter.jobId {
            clauses.append("EXISTS (SELECT 1 FROM candidateJob cj WHERE cj.candidateId = c.id AND cj.jobId = ?)")
            args.append(jobId)
        }
        if let search = filter.search {
            let folded = SearchFolding.fold(search)
            if !folded.isEmpty {
                needle = folded
                if searchIndexed, folded.unicodeScalars.count >= Self.trigramLength {
                    searchesIndex = true
                    let table = SandboxSchema.searchTable
                    if inListOrder {
                        clauses.append("c.rowid IN (SELECT rowid FROM \(table) WHERE \(table) MATCH ?)")
                        args.append(Self.phrase(folded))
                    } else {
                        from = "\(table) CROSS JOIN candidate c ON c.rowid = \(table).rowid"
                        clauses.insert("\(table) MATCH ?", at: 0)
                        args.insert(Self.phrase(folded), at: 0)
                    }
                } else {
                    clauses.append("c.searchText LIKE ? ESCAPE '\\'")
                    args.append("%" + Self.escapeLike(folded) + "%")
                }
            }
        }
        self.from = from
        self.whereSQL = clauses.joined(separator: " AND ")
        self.arguments = args
        self.cacheKey = ListingCache.Key(companyId: filter.companyId, status: filter.status, jobId: filter.jobId, needle: needle)
    }

    /// Whether a page of an indexed search costs less walked in list order: when the rows walked
    /// to fill it, about `(skip + limit) × listed / matches`, stay under ten times the matches
    /// (a match sorted costs about ten index steps; measured at 100,000 candidates).
    /// `listed` counts the rows the walk visits (the list without the search).
    static func walksListOrder(skip: Int, limit: Int, matches: Int, listed: Int) -> Bool {
        matches > 0 && (skip + limit) * listed <= 10 * matches * matches
    }

    /// `text` as one FTS5 phrase (double quotes doubled), matched as a run of trigrams.
    static func phrase(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `s` with `LIKE`'s wildcards and the escape character escaped by `\`.
    static func escapeLike(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
