import CandidateCore
@testable import CandidateTUI

extension AppModel {
    /// Replaces a typed field's text the way a user does: focus it, Ctrl-U, then type each
    /// Unicode scalar as its own key (as the terminal delivers them); the focus goes back.
    mutating func typeInto(_ field: CandidateField, _ text: String) {
        guard let before = form?.focus else { return }
        form?.focus = field
        _ = update(.key(.ctrl("u")))
        type(text)
        form?.focus = before
    }

    /// Types `text` at the cursor, one Unicode scalar per key.
    mutating func type(_ text: String) {
        for s in text.unicodeScalars { _ = update(.key(.char(Character(s)))) }
    }
}
