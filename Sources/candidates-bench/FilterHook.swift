import CandidateCore

#if BENCH_LIST_FILTER
import CandidateTUI
#endif

/// The list's own per-keystroke filter, through the public hook `ListBenchmark.keystrokeTimings`
/// in CandidateTUI.
///
/// Compiled in only when candidates-bench links CandidateTUI and defines `BENCH_LIST_FILTER`
/// (Package.swift: `dependencies: [..., "CandidateTUI"]`, `swiftSettings: [.define("BENCH_LIST_FILTER")]`).
/// The package as committed does not link it, so `scripts/bench-list.sh` builds a copy of the
/// package with those two lines added. A plain `canImport(CandidateTUI)` would not do: every
/// module of the build lands in one Modules folder, so it could see the module without linking it.
enum FilterHook {
#if BENCH_LIST_FILTER
    static let available = true

    /// Loads `candidates` into the real list model page by page, types `query` one character
    /// at a time; each keystroke's filter time (ns), the rows left, the model's load time (ns).
    static func keystrokeTimings(candidates: [Candidate], query: String) -> (timings: [UInt64], matches: Int, loadNanoseconds: UInt64)? {
        ListBenchmark.keystrokeTimings(candidates: candidates, query: query)
    }
#else
    static let available = false

    static func keystrokeTimings(candidates: [Candidate], query: String) -> (timings: [UInt64], matches: Int, loadNanoseconds: UInt64)? {
        nil
    }
#endif
}
