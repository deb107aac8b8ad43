import CandidateCore

/// How many marked candidates the list does not show (filtered out or not loaded), kept for
/// the header and recounted only when the marks or the list changed.
///
/// A recount is a lookup per mark (about 15 ms for 100,000), so while pages stream in it is
/// done every `marks.count / 10,000` pages (every page below 10,000 marks) and on the last
/// one; while a bulk change runs, only at its end; anything else recounts at once.
struct HiddenMarkCount {
    private(set) var count = 0
    private var countedFor: (marks: Int, generation: Int, list: Int) = (-1, -1, -1)
    private var eventsSinceRecount = 0

    /// Recounts after `event` when the marks or the list changed (and the rules above allow).
    mutating func recount(after event: Event, marks: Marks, list: ListModel, bulkRunning: Bool) {
        let key = (marks.version, list.generation, list.version)
        guard key != countedFor else { return }
        let streamGoesOn: Bool
        switch event {
        case .pageLoaded: streamGoesOn = list.hasMore
        case .bulk(.item), .bulk(.progress):
            // While a bulk change runs the header shows its progress; count once at its end
            // (every `.item` changes a mark and a row: recounting 100,000 marks per item froze the UI).
            guard !bulkRunning else { return }
            streamGoesOn = false
        default: streamGoesOn = false
        }
        if streamGoesOn, eventsSinceRecount < marks.count / 10_000 {
            eventsSinceRecount += 1
            return
        }
        eventsSinceRecount = 0
        countedFor = key
        count = marks.isEmpty ? 0 : marks.ids.reduce(0) { $0 + (list.isShown($1) ? 0 : 1) }
    }
}
