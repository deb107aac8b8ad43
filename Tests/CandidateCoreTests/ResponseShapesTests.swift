import Foundation
import Testing
@testable import CandidateCore

@Suite("ResponseShapes: the three documented response shapes")
struct ResponseShapesTests {
    static let candidateJSON = #"{"id": "3f2b8c1e-5a4d-4e6f-9b1a-2c3d4e5f6a7b", "firstName": "Jana", "lastName": "Nováková", "status": "APPLIED"}"#
    static let otherJSON = #"{"id": "c2", "firstName": "Peter", "lastName": "Horváth", "status": "WITHDRAWN"}"#

    func data(_ s: String) -> Data { Data(s.utf8) }

    /// The `HTTPFailure` thrown by `body`, or `nil` (recorded as an issue) when something else happens.
    func httpFailure(_ body: () throws -> Void) -> HTTPFailure? {
        do { try body() } catch APIError.http(let f) { return f } catch { Issue.record("unexpected \(error)"); return nil }
        Issue.record("nothing thrown")
        return nil
    }

    // MARK: objects

    @Test("page numbers at the ends of Int, as numbers or strings, are held instead of overflowing")
    func hugePageNumbers() throws {
        let held = Page<Candidate>.numberLimit
        for body in [#"{"data":[{"id":"a"}],"total":9223372036854775807,"limit":2}"#,
                     #"{"data":[{"id":"a"}],"total":"9223372036854775807","limit":9223372036854775807}"#,
                     #"{"data":[{"id":"a"}],"total":-9223372036854775808,"limit":-9223372036854775808,"page":-9223372036854775808}"#,
                     #"{"success":true,"data":{"items":[{"id":"a"}],"pagination":{"total":9223372036854775807,"totalPages":9223372036854775807,"page":9223372036854775807}}}"#] {
            let page = try ResponseShapes.page(Candidate.self, from: Data(body.utf8))
            #expect(page.items.map(\.id) == ["a"])
            for n in [page.total, page.limit, page.page, page.totalPages] { #expect((-held...held).contains(n), "\(body)") }
        }
        let first = try ResponseShapes.page(Candidate.self, from: Data(#"{"data":[{"id":"a"}],"total":9223372036854775807,"limit":2}"#.utf8))
        #expect(first.total == held)
        #expect(first.totalPages == (held + 1) / 2)
        // The page walk adds a page's limit to the server's total: no overflow either.
        var walk = PageWalk()
        let huge = Page(items: [Candidate(id: "a", firstName: "A", lastName: "B")], total: .max, page: 1, limit: 100, totalPages: 1)
        #expect(try walk.accept(huge).map(\.id) == ["a"])
    }

    @Test("a wrapped object is unwrapped from data")
    func wrappedObject() throws {
        let body = #"{"success": true, "data": \#(Self.candidateJSON), "error": null, "timestamp": "2026-11-29T10:00:00Z"}"#
        let c = try ResponseShapes.object(Candidate.self, from: data(body))
        #expect(c.id == Fixture.candidateId)
        #expect(c.lastName == "Nováková")
    }

    @Test("a bare object is read at the top level")
    func bareObject() throws {
        let c = try ResponseShapes.object(Candidate.self, from: data(Self.candidateJSON))
        #expect(c.firstName == "Jana")
        #expect(c.status == .applied)
    }

    @Test("data is unwrapped only when success is a boolean")
    func unwrapOnlyWithBooleanSuccess() throws {
        #expect(ResponseShapes.payload(.object(["success": .bool(true), "data": .int(1)])) == .int(1))
        #expect(ResponseShapes.payload(.object(["success": .bool(false), "data": .null])) == .null)
        let stringSuccess = JSONValue.object(["success": .string("true"), "data": .int(1)])
        #expect(ResponseShapes.payload(stringSuccess) == stringSuccess)
        let noSuccess = JSONValue.object(["data": .array([])])
        #expect(ResponseShapes.payload(noSuccess) == noSuccess)
    }

    @Test("a wrapped success: false on a 200 is an HTTP error with the server's code and message")
    func wrappedFailureOn200() {
        let body = #"{"success": false, "data": null, "error": {"code": "RESOURCE_NOT_FOUND", "message": "Candidate not found"}, "timestamp": "t"}"#
        let f = httpFailure { _ = try ResponseShapes.object(Candidate.self, from: data(body), status: 200) }
        #expect(f?.code == "RESOURCE_NOT_FOUND")
        #expect(f?.messages == ["Candidate not found"])
        #expect((f?.status ?? 0) >= 400)
        let g = httpFailure { _ = try ResponseShapes.page(Candidate.self, from: data(body)) }
        #expect(g?.code == "RESOURCE_NOT_FOUND")
    }

    @Test("a body of no known shape is a decoding error", arguments: ["", "<html>oops</html>", "[1, 2]", #"{"success": true, "data": null}"#, "true"])
    func objectNoShape(_ body: String) {
        #expect(throws: APIError.self) { _ = try ResponseShapes.object(Candidate.self, from: self.data(body)) }
        do { _ = try ResponseShapes.object(Candidate.self, from: data(body)); Issue.record("no error") } catch let e as APIError {
            guard case .decoding = e else { Issue.record("expected decoding, got \(e)"); return }
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("an empty body says so")
    func emptyBodyDetail() {
        #expect(throws: APIError.decoding(detail: "empty body")) { _ = try ResponseShapes.object(Candidate.self, from: Data()) }
        #expect(throws: APIError.decoding(detail: "not JSON")) { _ = try ResponseShapes.object(Candidate.self, from: self.data("nope")) }
    }

    // MARK: lists

    @Test("a wrapped list reads data.items and data.pagination")
    func wrappedList() throws {
        let body = """
        {"success": true, "data": {"items": [\(Self.candidateJSON), \(Self.otherJSON)],
          "pagination": {"total": 45, "page": 2, "limit": 20, "totalPages": 3, "hasNextPage": true, "hasPreviousPage": true}},
         "error": null, "timestamp": "t"}
        """
        let p = try ResponseShapes.page(Candidate.self, from: data(body))
        #expect(p.items.map(\.firstName) == ["Jana", "Peter"])
        #expect(p.items[1].status.rawValue == "WITHDRAWN")
        #expect(p.total == 45)
        #expect(p.page == 2)
        #expect(p.limit == 20)
        #expect(p.totalPages == 3)
        #expect(p.hasNextPage)
    }

    @Test("the server's hasNextPage wins over page < totalPages")
    func explicitHasNextPageWins() throws {
        let body = #"{"success": true, "data": {"items": [], "pagination": {"total": 45, "page": 1, "limit": 20, "totalPages": 3, "hasNextPage": false}}}"#
        #expect(try ResponseShapes.page(Candidate.self, from: data(body)).hasNextPage == false)
    }

    @Test("a bare list reads data plus top-level totals and derives hasNextPage",
          arguments: [(1, 3, true), (2, 3, true), (3, 3, false), (1, 1, false), (4, 3, false)])
    func bareList(page: Int, totalPages: Int, hasNext: Bool) throws {
        let body = #"{"data": [\#(Self.candidateJSON)], "total": 41, "page": \#(page), "limit": 20, "totalPages": \#(totalPages)}"#
        let p = try ResponseShapes.page(Candidate.self, from: data(body))
        #expect(p.items.count == 1)
        #expect(p.total == 41)
        #expect(p.page == page)
        #expect(p.limit == 20)
        #expect(p.totalPages == totalPages)
        #expect(p.hasNextPage == hasNext)
    }

    @Test("a wrapped list without hasNextPage derives it")
    func wrappedListDerivesHasNext() throws {
        let body = #"{"success": true, "data": {"items": [], "pagination": {"total": 45, "page": 1, "limit": 20, "totalPages": 3}}}"#
        #expect(try ResponseShapes.page(Candidate.self, from: data(body)).hasNextPage)
    }

    @Test("totalPages is computed from total and limit when absent")
    func totalPagesComputed() throws {
        let body = #"{"data": [\#(Self.candidateJSON)], "total": 41, "page": 1, "limit": 20}"#
        let p = try ResponseShapes.page(Candidate.self, from: data(body))
        #expect(p.totalPages == 3)
        #expect(p.hasNextPage)
    }

    @Test("a bare array is one complete page")
    func bareArray() throws {
        let p = try ResponseShapes.page(Candidate.self, from: data("[\(Self.candidateJSON), \(Self.otherJSON)]"))
        #expect(p.items.count == 2)
        #expect(p.total == 2)
        #expect(p.page == 1)
        #expect(p.totalPages == 1)
        #expect(!p.hasNextPage)
    }

    @Test("an empty bare array is an empty last page")
    func emptyBareArray() throws {
        let p = try ResponseShapes.page(Candidate.self, from: data("[]"))
        #expect(p.items.isEmpty)
        #expect(p.total == 0)
        #expect(!p.hasNextPage)
    }

    @Test("a wrapped bare array (data is the list) is read")
    func wrappedArray() throws {
        let p = try ResponseShapes.page(Candidate.self, from: data(#"{"success": true, "data": [\#(Self.candidateJSON)]}"#))
        #expect(p.items.count == 1)
        #expect(!p.hasNextPage)
    }

    @Test("pagination numbers sent as strings are read")
    func paginationAsStrings() throws {
        let body = #"{"data": [], "total": "41", "page": "2", "limit": "20", "totalPages": "3"}"#
        let p = try ResponseShapes.page(Candidate.self, from: data(body))
        #expect(p.total == 41)
        #expect(p.page == 2)
        #expect(p.hasNextPage)
    }

    @Test("a list item that is not a candidate is left out and named by position; the rest of the page stays")
    func badItem() throws {
        let body = #"{"data": [\#(Self.candidateJSON), {"firstName": "no id"}, \#(Self.candidateJSON)], "total": 3, "page": 1, "limit": 20, "totalPages": 1}"#
        let p = try ResponseShapes.page(Candidate.self, from: data(body))
        #expect(p.items.count == 2)
        #expect(p.skipped == ["item 2: missing id"])
        #expect(p.total == 3)
    }

    @Test("a body that is not a list is a decoding error")
    func notAList() {
        #expect(throws: APIError.decoding(detail: "expected a list of Candidates")) {
            _ = try ResponseShapes.page(Candidate.self, from: self.data(Self.candidateJSON))
        }
    }

    @Test("jobs are read from a list too")
    func jobList() throws {
        let body = #"{"success": true, "data": {"items": [{"id": "j1", "title": "Nurse", "location": {"city": "Nitra"}}], "pagination": {"total": 1, "page": 1, "limit": 100, "totalPages": 1, "hasNextPage": false}}}"#
        let p = try ResponseShapes.page(Job.self, from: data(body))
        #expect(p.items == [Job(id: "j1", title: "Nurse", city: "Nitra")])
    }

    // MARK: errors

    @Test("a wrapped error gives code, message and the fields its details name")
    func wrappedError() {
        let body = """
        {"success": false, "data": null, "error": {"code": "VALIDATION_ERROR", "message": "Validation failed",
         "details": {"phoneNumber": "must be E.164", "gdprExpiryDate": "must be in the future"}}, "timestamp": "t"}
        """
        let f = ResponseShapes.failure(status: 400, body: data(body))
        #expect(f.status == 400)
        #expect(f.code == "VALIDATION_ERROR")
        #expect(f.messages == ["Validation failed"])
        #expect(f.fields == [.phoneNumber, .gdprExpiryDate])
        #expect(f.retryAfter == nil)
        #expect(f.description == "400 Bad Request (VALIDATION_ERROR): Validation failed")
    }

    @Test("a wrapped error's details may name fields as field, property, path or a list")
    func wrappedErrorDetailForms() {
        func fields(_ details: String) -> [CandidateField] {
            ResponseShapes.failure(status: 400, body: data(#"{"success": false, "error": {"code": "X", "message": "m", "details": \#(details)}}"#)).fields
        }
        #expect(fields(#"{"field": "email"}"#) == [.email])
        #expect(fields(#"{"property": "lastName"}"#) == [.lastName])
        #expect(fields(#"{"fields": ["jobIds", "metadata", "unknownThing"]}"#) == [.jobIds, .metadata])
        #expect(fields(#"[{"field": "cvText"}, {"property": "gender"}, {"path": "status"}, "firstName should not be empty"]"#)
                == [.firstName, .status, .gender, .cvText])
        #expect(fields(#""just text""#) == [])
    }

    @Test("a framework error with a message string")
    func frameworkErrorString() {
        let body = #"{"statusCode": 403, "message": "Missing scope write:candidates", "error": "Forbidden"}"#
        let f = ResponseShapes.failure(status: 403, body: data(body))
        #expect(f.code == "Forbidden")
        #expect(f.messages == ["Missing scope write:candidates"])
        #expect(f.fields.isEmpty)
        #expect(f.description == "403 Forbidden: Missing scope write:candidates")
        #expect(!APIError.http(f).isTransient)
    }

    @Test("a framework error with a message array names the fields each rule is about")
    func frameworkErrorArray() {
        let body = #"{"statusCode": 400, "message": ["phoneNumber must match /^\\+[1-9]\\d{1,14}$/ regular expression", "email must be an email", "property foo should not exist", "property cvText should not exist"], "error": "Bad Request"}"#
        let f = ResponseShapes.failure(status: 400, body: data(body))
        #expect(f.code == "Bad Request")
        #expect(f.messages.count == 4)
        #expect(f.messages[1] == "email must be an email")
        #expect(f.fields == [.email, .phoneNumber, .cvText])
        #expect(f.message.hasPrefix("phoneNumber must match"))
    }

    @Test("a plain text body becomes the message")
    func plainTextError() {
        let f = ResponseShapes.failure(status: 502, body: data("Bad gateway from upstream\n"))
        #expect(f.messages == ["Bad gateway from upstream"])
        #expect(f.code == nil)
        #expect(f.description == "502 Bad Gateway: Bad gateway from upstream")
        #expect(APIError.http(f).isTransient)
    }

    @Test("a long HTML body is not shown as a message")
    func longHTMLError() {
        let html = "<html><body>" + String(repeating: "x", count: 300) + "</body></html>"
        let f = ResponseShapes.failure(status: 500, body: data(html))
        #expect(f.messages.isEmpty)
        #expect(f.message == "Internal Server Error")
    }

    @Test("an empty body gives the status's reason")
    func emptyBodyError() {
        let f = ResponseShapes.failure(status: 404, body: Data())
        #expect(f.code == nil)
        #expect(f.messages.isEmpty)
        #expect(f.message == "Not Found")
        #expect(f.description == "404 Not Found")
    }

    @Test("a 401 with a wrapped INVALID_API_KEY")
    func unauthorized() {
        let f = ResponseShapes.failure(status: 401, body: data(#"{"success": false, "data": null, "error": {"code": "INVALID_API_KEY", "message": "Invalid API key"}}"#))
        #expect(f.description == "401 Unauthorized (INVALID_API_KEY): Invalid API key")
        #expect(APIError.http(f).httpStatus == 401)
    }

    @Test("retryAfter is the larger of the header and the body", arguments: [
        ("30", #"{"statusCode": 429, "message": "Too many", "retryAfter": 12}"#, 30.0),
        ("5", #"{"statusCode": 429, "message": "Too many", "retryAfter": 42, "limit": 60, "remaining": 0, "reset": 1795185000}"#, 42.0),
        (nil, #"{"statusCode": 429, "message": "Too many", "retryAfter": 7}"#, 7.0),
        (" 9 ", "", 9.0),
        ("3", #"{"success": false, "error": {"code": "RATE_LIMITED", "message": "slow down", "details": {"retryAfter": "20"}}}"#, 20.0),
        ("3", #"{"success": false, "error": {"code": "RATE_LIMITED", "message": "slow down", "retryAfter": 4.5}}"#, 4.5),
    ] as [(String?, String, Double)])
    func retryAfterLarger(header: String?, body: String, expected: Double) {
        let f = ResponseShapes.failure(status: 429, body: data(body), header: { name in
            name.lowercased() == "retry-after" ? header : nil
        })
        #expect(f.retryAfter == expected)
        #expect(APIError.http(f).isTransient)
    }

    @Test("no Retry-After anywhere leaves retryAfter empty; an HTTP-date header is ignored")
    func noRetryAfter() {
        #expect(ResponseShapes.failure(status: 429, body: Data()).retryAfter == nil)
        let f = ResponseShapes.failure(status: 503, body: Data(), header: { _ in "Wed, 21 Oct 2026 07:28:00 GMT" })
        #expect(f.retryAfter == nil)
    }

    @Test("a 429's description says how long to wait")
    func rateLimitDescription() {
        let f = ResponseShapes.failure(status: 429, body: data(#"{"statusCode": 429, "message": "Rate limit exceeded", "error": "Too Many Requests", "retryAfter": 42}"#))
        #expect(f.description == "429 Too Many Requests: Rate limit exceeded — retry in 42 s")
    }
}
