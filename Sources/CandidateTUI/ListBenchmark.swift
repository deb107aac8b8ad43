import CandidateCore
import Foundation

/// Hooks for `candidates-bench`: measures the list's own code paths without a terminal.
public enum ListBenchmark {
    /// Loads `candidates` into the list model (as pages arriving would), then types `query`
    /// one character at a time as the `/` prompt does.
    /// - Returns: the time of each keystroke's filter in nanoseconds, the rows shown after the
    ///   last one, and the time to load every candidate into the model (ns).
    public static func keystrokeTimings(candidates: [Candidate], query: String) -> (timings: [UInt64], matches: Int, loadNanoseconds: UInt64) {
        var list = ListModel()
        let loadStart = DispatchTime.now().uptimeNanoseconds
        var i = 0
        while i < candidates.count {
            let end = min(i + ListModel.pageSize, candidates.count)
            list.append(Array(candidates[i..<end]))
            i = end
        }
        let loadTime = DispatchTime.now().uptimeNanoseconds - loadStart
        var timings: [UInt64] = []
        var typed = ""
        for ch in query {
            typed.append(ch)
            let t0 = DispatchTime.now().uptimeNanoseconds
            list.setSearch(typed)
            timings.append(DispatchTime.now().uptimeNanoseconds - t0)
        }
        return (timings, list.count, loadTime)
    }
}
