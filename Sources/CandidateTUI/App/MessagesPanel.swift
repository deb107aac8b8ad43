import CandidateCore

/// `Ctrl-G`: every message of the screen shown whole in a scrolling panel — the message line's
/// and, in the form, each field's — for when the screen had to cut one with `…`.
extension AppModel {
    /// The messages the panel shows: a bulk change's progress and the message line's, then
    /// each field message of the form as `Label: message`.
    func currentMessages() -> [String] {
        var messages: [String] = []
        if let progress = bulkStatusLine() { messages.append(progress) }
        if let flash { messages.append(flash.text) }
        if let f = form {
            for field in CandidateField.allCases {
                if let side = FormView.sideMessage(f, field, utf8: terminalUTF8) { messages.append(field.label + ": " + side.text) }
            }
        }
        return messages
    }

    /// `Ctrl-G` on the list or the form: opens the panel, or says there is no message.
    mutating func showMessages() {
        if currentMessages().isEmpty {
            flash = Flash(text: "No message to show", kind: .info)
        } else {
            setOverlay(.messages)
        }
    }

    /// The panel's lines, wrapped at its width on the terminal's size: each message a
    /// paragraph, a blank line between them.
    func messagesPanelLines() -> (title: String, header: [String], body: ScrollBody, footer: String) {
        let width = ScrollPanel.width(cols: screenSize?.cols ?? 80)
        var lines: [String] = []
        for (i, message) in currentMessages().enumerated() {
            if i > 0 { lines.append("") }
            lines += DisplayText.wrap(DisplayText.sanitize(message), to: width)
        }
        let body = ScrollBody(count: lines.count) { lines[$0] }
        return ("Messages", [], body, "↑↓ scroll · q/Esc close")
    }

    /// Keys on the messages panel: scroll, or close with `q`, `Esc` or `Enter`.
    mutating func handleMessagesKey(_ key: Key) -> [Effect] {
        switch options.keys.action(for: key, in: .messages) {
        case .up?: scroll(by: -1)
        case .down?: scroll(by: 1)
        case .pageUp?: scroll(by: -10)
        case .pageDown?: scroll(by: 10)
        case .close?: setOverlay(nil)
        default: break
        }
        return []
    }
}
