import Foundation

/// Steps in the form that several end-to-end tests take, as a user types them.
extension TmuxSession {
    /// On the form: types a phone number the API refuses (`0905 12`) and saves; waits for the
    /// refusal.
    func refusePhoneNumber() throws {
        try keys("Tab", "Tab", "Tab", "C-u")
        try type("0905 12")
        try keys("F2")
        try waitFor("Not saved")
    }

    /// Leaves the form dropping its changes: Esc, then y to the question.
    func discardForm() throws {
        try keys("Escape")
        try waitFor("Discard changes? (y/N)")
        try keys("y")
        try waitFor("Changes discarded")
    }
}
