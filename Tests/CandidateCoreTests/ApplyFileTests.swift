import Testing
@testable import CandidateCore

@Suite("Apply file")
struct ApplyFileTests {
    let id = Fixture.candidateId

    @Test("CSV: empty cell = no change, NULL = clear, metadata.KEY columns, quoted commas")
    func csv() throws {
        let text = "\u{FEFF}id,email,lastName,metadata.source,jobIds\r\n\(id),NULL,\"Doe, Jr.\",,\(Fixture.jobA);\(Fixture.jobB)\r\n"
        let file = try ApplyFile(text: text, source: "people.csv")
        #expect(file.rows == [ApplyFile.Row(id: id, line: 2, values: [
            .field(.email): .clear, .field(.lastName): .text("Doe, Jr."),
            .field(.jobIds): .text("\(Fixture.jobA);\(Fixture.jobB)"),
        ])])
    }

    @Test("an unknown column is an error naming it and the known ones")
    func unknownColumn() {
        #expect(throws: ApplyFileError.unknownColumns(source: "p.csv", names: ["phone"])) {
            try ApplyFile(text: "id,phone\n\(id),+421905000000\n", source: "p.csv")
        }
        let message = ApplyFileError.unknownColumns(source: "p.csv", names: ["phone"]).description
        #expect(message.contains("\"phone\"") && message.contains("phoneNumber") && message.contains("metadata.KEY"))
        #expect(throws: ApplyFileError.noIdColumn(source: "p.csv")) { try ApplyFile(text: "email\na@example.com\n", source: "p.csv") }
    }

    @Test("JSON lines: by extension or by content; null clears; arrays and metadata values kept")
    func jsonLines() throws {
        let text = """
        {"id": "\(id)", "fields": {"status": "ACCEPTED", "email": null, "jobIds": ["\(Fixture.jobA)"], "metadata.score": 7}}

        {"id": "\(Fixture.jobC)", "fields": {}}
        """
        for source in ["changes.jsonl", "changes.ndjson", "changes.txt", "-"] {
            let file = try ApplyFile(text: text, source: source)
            #expect(file.rows == [
                ApplyFile.Row(id: id, line: 1, values: [.field(.status): .text("ACCEPTED"), .field(.email): .clear,
                                                        .field(.jobIds): .json(.array([.string(Fixture.jobA)])),
                                                        .metadataKey("score"): .json(.int(7))]),
                ApplyFile.Row(id: Fixture.jobC, line: 3, values: [:]),
            ], "\(source)")
        }
        #expect(throws: ApplyFileError.unknownColumns(source: "c.jsonl:1", names: ["cv"])) {
            try ApplyFile(text: "{\"id\": \"\(id)\", \"fields\": {\"cv\": \"x\"}}\n", source: "c.jsonl")
        }
        #expect(throws: ApplyFileError.self) { try ApplyFile(text: "{\"id\": \"\(id)\"}\nnot json\n", source: "c.jsonl") }
    }

    @Test("in JSON lines the empty string changes nothing, as an empty CSV cell does; null clears")
    func emptyStringInJSONLines() throws {
        let id = "00000000-0000-4000-8000-000000000001"
        let file = try ApplyFile(text: #"{"id":"\#(id)","fields":{"jobIds":"","email":"","phoneNumber":null}}"# + "\n", source: "f.jsonl")
        #expect(file.rows.first?.values == [.field(.phoneNumber): .clear])
    }
}
