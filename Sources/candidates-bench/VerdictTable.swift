/// The closing table of a comparison: per measured goal what we took, what the reference took,
/// the ratio, the target and whether it was met. Printed with aligned columns.
struct VerdictTable {
    struct Row {
        var what: String
        var ours: String
        var reference: String
        var ratio: String
        var target: String
        var verdict: String
    }

    var rows: [Row] = []

    /// `met`, `MISSED`, or `n/a` when the goal could not be judged in this run.
    static func verdict(_ ok: Bool?) -> String { ok.map { $0 ? "met" : "MISSED" } ?? "n/a" }

    /// `2.31×`, or `n/a` when either side is missing.
    static func ratio(_ ours: Double, _ reference: Double) -> String {
        guard ours.isFinite, reference.isFinite, reference > 0 else { return "n/a" }
        return String(format: "%.2f×", ours / reference)
    }

    mutating func add(_ what: String, ours: String, reference: String = "", ratio: String = "", target: String, verdict: String) {
        rows.append(Row(what: what, ours: ours, reference: reference, ratio: ratio, target: target, verdict: verdict))
    }

    func print(title: String) {
        let head = Row(what: "", ours: "candidates", reference: "reference", ratio: "ratio", target: "target", verdict: "result")
        let all = [head] + rows
        func width(_ column: (Row) -> String) -> Int { all.map { column($0).count }.max() ?? 0 }
        let w: [Int] = [width(\.what), width(\.ours), width(\.reference), width(\.ratio), width(\.target)]
        Swift.print(title)
        for r in all {
            let cells: [String] = [pad(r.what, w[0]), pad(r.ours, w[1]), pad(r.reference, w[2]), pad(r.ratio, w[3]), pad(r.target, w[4]), r.verdict]
            Swift.print(cells.joined(separator: "  "))
        }
    }
}
