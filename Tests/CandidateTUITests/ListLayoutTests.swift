import CandidateCore
import Testing
@testable import CandidateTUI

/// The list's columns by priority: what each width keeps, the sorted column, a configured set.
@Suite("List columns by width and priority")
struct ListLayoutTests {
    static func titles(_ layout: ListLayout) -> [String] { layout.columns.map(\.title) }

    @Test("at 80 columns: name, status, a whole 28-character email and phone; jobs, rating and updated dropped")
    func usualWidth() {
        let layout = ListLayout(width: 79)
        #expect(Self.titles(layout) == ["Name", "Status", "Email", "Phone"])
        let email = "jana.novakova-horvath@firm.sk"
        #expect(email.count == 29)
        var c = Candidate(id: "1", firstName: "Jana", lastName: "Nováková", email: email, phoneNumber: "+421900000001")
        c.updatedAt = "2026-11-20T09:00:00.000Z"
        let line = layout.rowLine(c)
        #expect(line.contains(email + " "), "the address shows whole: \(line)")
        #expect(line.contains("+421900000001"))
        #expect(DisplayText.width(line) <= 79)
    }

    @Test("wider lists add updated, then rating, then jobs back")
    func widerAddsBack() {
        #expect(Self.titles(ListLayout(width: 87)) == ["Name", "Status", "Email", "Phone"])
        #expect(Self.titles(ListLayout(width: 88)) == ["Name", "Status", "Email", "Phone", "Updated"])
        #expect(Self.titles(ListLayout(width: 95)) == ["Name", "Status", "Email", "Phone", "Rating", "Updated"])
        #expect(Self.titles(ListLayout(width: 100)) == ["Name", "Status", "Email", "Phone", "Jobs", "Rating", "Updated"])
        for width in [49, 79, 95, 119, 159] {
            let layout = ListLayout(width: width)
            #expect(DisplayText.width(layout.headerLine()) == width, "width \(width) is used to the cell")
        }
    }

    @Test("a narrow list keeps name and status and shows the email cut rather than not at all")
    func narrowWidth() {
        let layout = ListLayout(width: 49)
        #expect(Self.titles(layout) == ["Name", "Status", "Email"])
        #expect(ListLayout(width: 40).columns.map(\.column) == [.name, .status])
    }

    @Test("the sorted column stays in sight: sorting by rating at 80 columns shows rating instead of phone")
    func sortedColumnKept() {
        let layout = ListLayout(width: 79, sortedBy: .rating)
        #expect(Self.titles(layout) == ["Name", "Status", "Email", "Rating"])
        #expect(layout.headerLine(sortedBy: .rating, descending: true).contains("Ratin↓"))
        #expect(Self.titles(ListLayout(width: 79, sortedBy: .updated)) == ["Name", "Status", "Email", "Updated"])
    }

    @Test("a configured set keeps its order after name and status, and still loses its lowest priority when it does not fit")
    func configuredSet() throws {
        let set = try ListColumn.parse(["Rating", "name", " email ", "jobs"])
        #expect(set == [.name, .status, .rating, .email, .jobs])
        #expect(ListLayout(width: 119, columns: set).columns.map(\.column) == [.name, .status, .rating, .email, .jobs])
        #expect(ListLayout(width: 70, columns: set).columns.map(\.column) == [.name, .status, .rating, .email])
        #expect(ListLayout(width: 66, columns: set).columns.map(\.column) == [.name, .status, .email])
        let wide = ListLayout(width: 119, columns: set)
        #expect(wide.columns.first { $0.column == .name }!.width > 40, "what unshown columns leave goes to the name")
    }

    @Test("column names: each once, case and blanks ignored, name and status added, an unknown name reported")
    func parsing() throws {
        #expect(try ListColumn.parse([]) == [.name, .status])
        #expect(try ListColumn.parse(["phone", "PHONE"]) == [.name, .status, .phone])
        #expect(throws: ListColumn.UnknownName(name: "phoneNumber")) { try ListColumn.parse(["email", "phoneNumber"]) }
        let message = "\(ListColumn.UnknownName(name: "x"))"
        #expect(message == "unknown column \"x\" (known: name, status, email, phone, jobs, rating, updated)")
    }
}
