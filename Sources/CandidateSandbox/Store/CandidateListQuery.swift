import GRDB

/// The SQL that selects one company's candidates matching a `CandidateFilter`: a `FROM` with the
/// candidate table as `c`, a `WHERE`, and their arguments. Callers add the order
/// (`c.createdAt DESC, c.id DESC`), limits and keyset bounds.
///
/// Search folds the text with `SearchFolding` and finds it as a substring of `c.searchText`.
/// With the trigram index and a needle of at least 3 characters the matches come from the
/// index (an FTS5 phrase of trigrams is exactly a substring test); otherwise, as before the
/// index existed, by `LIKE` over the company's rows.
struct CandidateListQuery {
    var from: String
    var whereSQL: String
    var arguments: [(any DatabaseValueConvertible)?]
    /// The filters as the cache keys them.
    var cacheKey: ListingCache.Key

    /// Fewest characters (Unicode scalars) the trigram index can find; shorter needles scan.
    static let trigramLength = 3

    init(_ filter: CandidateFilter, searchIndexed: Bool) {
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
                    // Matches first, then their rows: a needle matches few rows of many.
                    let table = SandboxSchema.searchTable
                    from = "\(table) CROSS JOIN candidate c ON c.rowid = \(table).rowid"
                    clauses.insert("\(table) MATCH ?", at: 0)
                    args.insert(Self.phrase(folded), at: 0)
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
