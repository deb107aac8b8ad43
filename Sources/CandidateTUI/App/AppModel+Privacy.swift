import CandidateCore

/// Privacy mode: email and phone masked on every screen (`ContactMask`), toggled by `p` on
/// the list. Display only: the draft, the patch and the list keep the exact values.
extension AppModel {
    /// Turns privacy mode on or off and says which.
    mutating func togglePrivacy() {
        options.privacy.toggle()
        flash = Flash(text: options.privacy ? "Privacy on: email and phone are masked" : "Privacy off: email and phone are shown",
                      kind: .info)
    }

    /// What a field's text shows as now: the email and the phone masked in privacy mode
    /// (`*` instead of `•` when the terminal is not UTF-8), any other text as it is.
    func shown(_ field: CandidateField, _ text: String) -> String {
        guard options.privacy else { return text }
        return ContactMask.masked(field, text, charset: terminalUTF8 ? .unicode : .ascii)
    }

    /// An email as it shows now (masked in privacy mode).
    func shown(email: String) -> String { shown(.email, email) }

    /// A phone number as it shows now (masked in privacy mode).
    func shownPhone(_ phone: String) -> String { shown(.phoneNumber, phone) }
}
