import CandidateCore

/// Moving the candidate under the cursor to another status: the status menu, the y/N
/// question, and the server's answer.
extension AppModel {
    /// The answer to `Move <name> from A to B? (y/N)`: only y sends.
    mutating func answerMove(_ key: Key, candidateId id: String, to: CandidateStatus) -> [Effect] {
        setOverlay(nil)
        guard options.keys.action(for: key, in: .question) == .yes,
              let c = list.candidate(id: id) else {
            flash = Flash(text: "Status unchanged", kind: .info)
            return []
        }
        flash = Flash(text: "Moving \(c.fullName) to \(to)…", kind: .info)
        return [.moveStatus(over: c, patch: .status(to))]
    }

    mutating func statusMoved(_ candidate: Candidate, from: CandidateStatus) -> [Effect] {
        list.replace(candidate)
        marks.refresh([candidate])
        flash = Flash(text: "Moved \(candidate.fullName) from \(from) to \(candidate.status)", kind: .ok)
        return []
    }
}
