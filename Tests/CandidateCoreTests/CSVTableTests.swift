import Testing
@testable import CandidateCore

@Suite("CSV table")
struct CSVTableTests {
    @Test("quoted commas, doubled quotes and an embedded line break; rows keep their file line")
    func quoting() throws {
        let text = "id,name,note\n1,\"Doe, Jane\",\"said \"\"hi\"\"\"\n2,\"Multi\nline\",x\n3,Plain,\n"
        let table = try CSVTable(parsing: text, source: "t.csv")
        #expect(table.header == ["id", "name", "note"])
        #expect(table.rows.map(\.cells) == [["1", "Doe, Jane", "said \"hi\""], ["2", "Multi\nline", "x"], ["3", "Plain", ""]])
        #expect(table.rows.map(\.line) == [2, 3, 5])
    }

    @Test("a byte order mark and CRLF line ends; blank lines left out but counted")
    func bomAndCRLF() throws {
        let table = try CSVTable(parsing: "\u{FEFF}ID , Email\r\n\r\nabc,a@example.com\r\n", source: "t.csv")
        #expect(table.header == ["ID", "Email"])
        #expect(table.column("id") == 0)
        #expect(table.column("email") == 1)
        #expect(table.rows == [CSVTable.Row(cells: ["abc", "a@example.com"], line: 3)])
    }

    @Test("a short row gets empty cells; a row with extra non-empty cells is an error naming its line")
    func rowWidths() throws {
        let table = try CSVTable(parsing: "a,b,c\n1\n", source: "t.csv")
        #expect(table.rows.map(\.cells) == [["1", "", ""]])
        #expect(throws: CSVTableError.tooManyCells(source: "t.csv", line: 3, cells: 3, columns: 2)) {
            try CSVTable(parsing: "a,b\n1,2\n1,2,3\n", source: "t.csv")
        }
    }

    @Test("broken quoting is an error with the line number", arguments: [
        ("id,name\n1,ok\n2,\"never closed\n3,x\n", CSVTableError.unclosedQuote(source: "t.csv", line: 3)),
        ("id,name\n1,\"multi\nline\"\n2,\"bad\"x\n", CSVTableError.badQuote(source: "t.csv", line: 4)),
        ("", CSVTableError.empty(source: "t.csv")),
        ("\n\n", CSVTableError.empty(source: "t.csv")),
    ])
    func broken(text: String, error: CSVTableError) {
        #expect(throws: error) { try CSVTable(parsing: text, source: "t.csv") }
        #expect(error.description.hasPrefix("t.csv"))
    }
}
