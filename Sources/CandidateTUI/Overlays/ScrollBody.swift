/// The scrolling lines of a panel, made one at a time when shown.
struct ScrollBody {
    /// How many lines there are.
    let count: Int
    /// Line `i` (0 ..< count).
    let line: (Int) -> String

    /// Lines `from ..< from + n`, clamped to the body.
    func lines(from: Int, count n: Int) -> [String] {
        let lo = max(0, min(from, count)), hi = max(lo, min(count, lo + max(0, n)))
        return (lo..<hi).map(line)
    }
}
