import CNCurses

/// How the editor's large blocks (the list's rows, the marks, a plan's order) go back to the
/// system when freed.
enum LargeAllocations {
    /// Blocks of at least this many bytes get pages of their own, unmapped when freed.
    ///
    /// glibc starts at 128 KiB but raises the threshold to the largest such block freed (up to
    /// 32 MiB): once the list's arrays have grown a few times, blocks of a few MB come from the
    /// heap, and their pages stay resident after they are freed. Fixed here, the peak RSS with
    /// 100,000 marked and the bulk preview open is about 5 MB lower (`candidates-bench memory`).
    static let mapThreshold: Int32 = 128 << 10

    /// Fixes the threshold for this process (glibc only; elsewhere nothing to do).
    static func returnToSystemWhenFreed() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mapThreshold)
        #endif
    }
}
