import ArgumentParser
import CandidateCore
import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The four figures, side by side with the references and targets.
struct Summary {
    var filter: ListBench.FilterResult?
    var fzf: ListBench.FzfResult?
    var firstRows: [Double] = []
    var full: ListBench.FullLoad?
    var less: ListBench.LessResult?

    func print(demoSize: Int, keyCompany: Int, queries: [String]) {
        func verdict(_ ok: Bool?) -> String { ok.map { $0 ? "met" : "MISSED" } ?? "n/a" }
        var rows: [(String, String, String, String, String)] = []
        if let f = filter {
            let all = f.all
            let ours = String(format: "median %.2f ms, p99 %.2f ms", Stats.median(all), Stats.p99(all))
            var ref = "fzf not run"
            var ok: Bool? = Stats.p99(all) < 16
            if let z = fzf {
                ref = String(format: "fzf --filter: median %.1f ms, p99 %.1f ms", Stats.median(z.names), Stats.p99(z.names))
                ok = Stats.p99(all) < 16 && Stats.p99(all) <= Stats.p99(z.names) && Stats.median(all) <= Stats.median(z.names)
            }
            rows.append(("1. keystroke to screen, \(keyCompany) rows", ours, ref, "p99 < 16 ms, ≤ fzf", verdict(ok)))
        }
        if let full, let less {
            let move = Stats.median(full.moveBytes.map(Double.init)), scroll = Stats.median(full.scrollBytes.map(Double.init))
            let lessJ = Stats.median(less.bytes.map(Double.init))
            let ours = String(format: "median %.0f B (scrolling: %.0f B)", move, scroll)
            let ref = String(format: "less j: median %.0f B", lessJ)
            let ok = move <= lessJ
            rows.append(("2. bytes for one Down at 80×24", ours, ref, "≤ less", verdict(ok)))
        }
        if !firstRows.isEmpty {
            let m = Stats.median(firstRows)
            rows.append(("3. time to first rows", String(format: "median %.0f ms of %d", m, firstRows.count), "", "≤ 200 ms", verdict(m <= 200)))
        }
        if let full {
            let mb = Double(max(full.hwmKB, full.hwmAfterKB)) / 1024
            rows.append(("4. peak RSS, \(full.loaded) loaded", String(format: "%.1f MB VmHWM", mb), "", "≤ 80 MB", verdict(mb <= 80)))
        }
        let w0 = rows.map(\.0.count).max() ?? 0, w1 = rows.map(\.1.count).max() ?? 0, w2 = max(9, rows.map(\.2.count).max() ?? 0)
        let w3 = rows.map(\.3.count).max() ?? 0
        Swift.print("Summary (\(demoSize) candidates in the sandbox; the TUI's key sees company 1: \(keyCompany); queries: \(queries.joined(separator: ", ")))")
        Swift.print(pad("", w0) + "  " + pad("candidates", w1) + "  " + pad("reference", w2) + "  " + pad("target", w3) + "  result")
        for r in rows {
            Swift.print(pad(r.0, w0) + "  " + pad(r.1, w1) + "  " + pad(r.2, w2) + "  " + pad(r.3, w3) + "  " + r.4)
        }
    }
}
