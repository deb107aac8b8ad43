import CandidateCore

/// The `:` line on the list: the text being typed, this session's earlier commands, and the
/// Tab completion being cycled.
struct CommandPrompt: Equatable {
    var editor = LineEditor(text: "")
    /// Where ↑/↓ stand in the history (`history.count` is the line being typed).
    var historyIndex: Int
    /// What was typed before ↑ went into the history.
    var typed = ""
    /// The Tab cycle: the text before the word being completed, the choices and the one shown.
    var completion: (prefix: String, choices: [String], index: Int)?
    /// A message about the last Enter (unknown command, bad argument), shown in place of the hints.
    var message: String?

    init(historyCount: Int) { historyIndex = historyCount }

    static func == (a: CommandPrompt, b: CommandPrompt) -> Bool {
        a.editor == b.editor && a.historyIndex == b.historyIndex && a.typed == b.typed && a.message == b.message
            && a.completion?.prefix == b.completion?.prefix && a.completion?.choices == b.completion?.choices
            && a.completion?.index == b.completion?.index
    }
}

extension AppModel {
    /// `:` on the list.
    mutating func openCommandLine() {
        commandLine = CommandPrompt(historyCount: commandHistory.count)
    }

    /// Keys while the command line is open.
    mutating func handleCommandKey(_ key: Key) -> [Effect] {
        guard var prompt = commandLine else { return [] }
        if key != .tab {
            prompt.completion = nil
            prompt.message = nil
        }
        switch key {
        case .escape:
            commandLine = nil
            return []
        case .enter:
            let text = prompt.editor.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { commandLine = nil; return [] }
            if commandHistory.last != text { commandHistory.append(text) }
            commandLine = nil
            let keep: [Effect] = options.commandHistory.map { [.keepCommandHistory($0, Array(commandHistory.suffix(CommandHistoryFile.limit)))] } ?? []
            switch runCommand(text) {
            case .done(let effects): return keep + effects
            case .problem(let message):
                // The line stays, with what was typed, so it can be fixed.
                prompt.message = message
                prompt.historyIndex = commandHistory.count
                commandLine = prompt
                return keep
            }
        case .up, .down:
            let to = prompt.historyIndex + (key == .up ? -1 : 1)
            guard to >= 0, to <= commandHistory.count else { return [] }
            if prompt.historyIndex == commandHistory.count { prompt.typed = prompt.editor.text }
            prompt.historyIndex = to
            prompt.editor = LineEditor(text: to == commandHistory.count ? prompt.typed : commandHistory[to])
        case .tab:
            complete(&prompt)
        case .backspace where prompt.editor.text.isEmpty:
            commandLine = nil
            return []
        case .paste(let text):
            prompt.editor.insert(LineEditor.oneLine(text))
        default:
            guard LineEditor.isEditingKey(key) else { return [] }
            prompt.editor.apply(key)
        }
        commandLine = prompt
        return []
    }

    /// Tab: completes the word before the cursor (the command, then its argument); each Tab
    /// after shows the next choice. One choice is taken with a space after it.
    private func complete(_ prompt: inout CommandPrompt) {
        if var cycle = prompt.completion, !cycle.choices.isEmpty {
            cycle.index = (cycle.index + 1) % cycle.choices.count
            prompt.completion = cycle
            prompt.editor = LineEditor(text: cycle.prefix + cycle.choices[cycle.index])
            return
        }
        let text = prompt.editor.text
        let (prefix, word) = Self.splitLastWord(text)
        let choices = completions(forWordAfter: prefix, word: word)
        guard !choices.isEmpty else {
            prompt.message = "No completion for '\(word)'"
            return
        }
        if choices.count == 1 {
            prompt.editor = LineEditor(text: prefix + choices[0] + " ")
            return
        }
        let common = Self.commonPrefix(choices)
        if common.count > word.count {
            prompt.editor = LineEditor(text: prefix + common)
            prompt.message = choices.joined(separator: "  ")
            return
        }
        prompt.completion = (prefix, choices, 0)
        prompt.editor = LineEditor(text: prefix + choices[0])
        prompt.message = choices.joined(separator: "  ")
    }

    /// The text before the word Tab completes, and the word: the last word, except where an
    /// argument may have spaces — a company or profile name, search text, a `job=` title —
    /// where it is all of that argument typed so far.
    static func splitLastWord(_ text: String) -> (prefix: String, word: String) {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, let command = CommandName.named(String(parts[0])), [.company, .profile, .search].contains(command) {
            return (String(parts[0]) + " ", String(parts[1]))
        }
        if parts.count == 2, CommandName.named(String(parts[0])) == .filter, let job = text.range(of: "job=", options: .backwards),
           !text[job.upperBound...].contains("status=") {
            return (String(text[..<job.upperBound]), String(text[job.upperBound...]))
        }
        guard let space = text.lastIndex(of: " ") else { return ("", text) }
        return (String(text[...space]), String(text[text.index(after: space)...]))
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var common = words.first else { return "" }
        for w in words.dropFirst() {
            while !w.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        return common
    }
}
