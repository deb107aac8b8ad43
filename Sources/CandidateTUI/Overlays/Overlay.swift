import CandidateCore

/// Overlays above a screen: menus, pickers and y/N prompts.
enum Overlay: Equatable {
    /// Status menu for a candidate on the list.
    case statusMenu(candidateId: String)
    /// Status menu inside the form.
    case formStatusMenu
    case genderMenu
    case jobsPicker
    /// `Move <name> from A to B? (y/N)`.
    case confirmMove(candidateId: String, to: CandidateStatus)
    /// The changed fields as `Label: old → new`; y sends.
    case confirmSave(lines: [String])
    /// `Discard changes? (y/N)`.
    case confirmDiscard
    /// The status menu for the marked set, with counts per status.
    case bulkMenu
    /// What a bulk change would do; scrollable; default No.
    case bulkPreview(BulkStatusPlan)
    /// `a`: assign to a job, remove from one, or extend the GDPR expiry (the marked set, else
    /// the candidate under the cursor).
    case bulkActions
    /// The job to assign or remove.
    case bulkJobMenu(BulkJobChoice)
    /// The new GDPR expiry, as typed.
    case expiryPrompt(ExpiryPrompt)
    /// What a job or GDPR bulk change would do; scrollable; default No.
    case bulkChangePreview(BulkChangePlan)
    /// The undo of the last change or batch (`U`, `:undo`): `y` sends it.
    case undoPreview(JournalUndo)
    /// Every candidate's outcome of the last bulk change; `r` retries the failed.
    case bulkResult
    /// `N unsent drafts — (r)eview, (d)iscard, (l)ater`.
    case draftsPrompt
    /// The candidate changed on the server since the form opened: base / mine / theirs, and
    /// the choice per field.
    case conflict(ConflictModel)
    /// `f`: server-side status filter.
    case statusFilterMenu
    /// `J`: server-side job filter.
    case jobFilterMenu
    /// `C` or `:company`: the profile's companies.
    case companyMenu
    /// `Ctrl-G`: the screen's messages, whole, scrollable.
    case messages
    /// A read-only text (the CV, the metadata) in the pager.
    case pager(PagerModel)
    /// `H` or `:history`: changes sent, from the journal; scrollable.
    case history(HistoryPanel)
}
