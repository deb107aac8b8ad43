import CandidateCore
import Testing

/// A candidate as rows for people: titles, unknown status and fields as sent, text of lines.
@Test func candidateCardShowsEveryFieldAsSent() {
    var c = Candidate(id: "a", firstName: "Jana", lastName: "Nováková", email: "j@x.sk", status: CandidateStatus("HIRED"),
                      jobIds: ["j1", "j2"], metadata: .object(["k": .int(1)]), cvText: "line 1\nline 2")
    c.extraFields = ["source": .string("fair")]
    let card = CandidateCard(c) { $0 == "j1" ? "Backend Developer" : nil }
    let byLabel = Dictionary(card.rows.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
    #expect(byLabel["Status"] == "HIRED (not in the API's enum)")
    #expect(byLabel["Jobs"] == "Backend Developer (j1)\nj2")
    #expect(byLabel["source"] == "fair")
    #expect(byLabel["Phone"] == "–")
    #expect(byLabel["Gender"] == "auto (from the name)")
    let text = card.text()
    #expect(text.contains("CV           line 1\n             line 2"), "\(text)")
}
