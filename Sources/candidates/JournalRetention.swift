import CandidateCore
import Foundation

/// Keeping the journal of changes no longer than the profile says: every command that opens a
/// connection first drops that server's and company's changes older than
/// `journal-retention-days` (default `Journal.defaultRetention`, 30 days).
extension OpenConnection {
    /// How long this connection's journal keeps a change, in seconds: the profile's
    /// `journal-retention-days`, else `Journal.defaultRetention`.
    var journalRetention: TimeInterval {
        profile?.journalRetentionDays.map { TimeInterval($0) * 86_400 } ?? Journal.defaultRetention
    }

    /// Drops the journal's changes older than `journalRetention` before `now`. A journal that
    /// cannot be pruned is no reason to stop: returns the one-line warning to print, else `nil`.
    func pruneJournal(now: Date = Date()) -> String? {
        do {
            try journal.prune(before: now.addingTimeInterval(-journalRetention))
            return nil
        } catch {
            return "warning: could not drop old changes from the journal: \(DisplayText.sanitize("\(error)"))"
        }
    }
}
