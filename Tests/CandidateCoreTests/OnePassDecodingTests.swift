import Foundation
import Testing
@testable import CandidateCore

/// The one-pass page and object readers and the direct JSON writer against the paths they replace: the
/// generic tree with every item decoded again, and `JSONValue.from(candidate).compactText()`.
@Suite("One-pass decoding and direct JSON text agree with the tree path")
struct OnePassDecodingTests {
    /// Candidates that stress the reader: escapes, unicode, nulls, numbers as strings and as
    /// floats, unknown fields, fields of the wrong type.
    static let trickyItems: [String] = [
        #"{"id": "a1", "firstName": "Jana", "lastName": "Nováková", "status": "APPLIED"}"#,
        #"{"id": "a2", "firstName": "Quote \" back\\slash \/ slash", "lastName": "tab\tnl\ncr\rbs\bff\f nul\u0000 us\u001f", "email": "x@example.org"}"#,
        #"{"id": "a3", "firstName": "Šťastný 王小明 👩‍⚕️", "lastName": "e\u0301 \u2028 \u0085 \u202e \u007f \ud83d\ude00", "cvText": "Ľ\u00a0non-break"}"#,
        #"{"id": "a4", "firstName": null, "lastName": null, "email": null, "phoneNumber": null, "gdprExpiryDate": null, "status": null, "jobIds": null, "jobId": null, "overallRating": null, "metadata": null, "analysisCount": null, "interviewCount": null, "links": null, "gender": null, "cvText": null, "createdAt": null, "updatedAt": null}"#,
        #"{"id": 123, "firstName": 45, "lastName": true, "analysisCount": "3", "interviewCount": 2.0, "overallRating": "82", "status": 7}"#,
        #"{"id": "a6", "overallRating": 82.5, "analysisCount": 1e2, "interviewCount": "two", "jobIds": ["j1", 2, null, "j3"], "links": {"analyses": "/a", "n": 5, "o": null}}"#,
        #"{"id": "a7", "jobId": "only-one", "metadata": {"float": 1.5, "whole": 1.0, "big": 1e20, "tiny": 1.5e-7, "negzero": -0.0, "e15": 1e15, "huge": 9007199254740993, "neg": -12, "t": true, "f": false, "n": null, "arr": [1, "two", {"k": [3.25]}], "esc": "a\"b\\c\n\u0001"}}"#,
        #"{"id": "a8", "metadata": "just text", "links": ["no"], "extra": {"nested": {"deep": [1, 2.5, "x\u0002"]}}, "aaaFirst": 1, "zzzLast": null, "Upper": "sorted before lower", "ümlaut": "é"}"#,
        #"{"id": "a9", "metadata": [1, 2], "jobIds": "not-a-list", "jobId": 77, "gender": "female", "email": "", "firstName": ""}"#,
        #"{"id": "a10", "metadata": 42, "links": {}, "jobIds": [], "createdAt": "2026-10-01T08:00:00.000Z", "updatedAt": "2026-11-20T14:30:00Z", "gdprExpiryDate": "2027-03-01T00:00:00Z"}"#,
        #"{"firstName": "no id"}"#,
        #"5"#,
        #""a string""#,
        #"null"#,
        #"[]"#,
        #"{"id": null}"#,
        #"{"id": 1.5}"#,
    ]

    static var trickyList: String { "[" + trickyItems.joined(separator: ", ") + "]" }

    /// Page bodies in the three shapes and their odd corners.
    static var bodies: [String] {
        let list = trickyList
        return [
            #"{"success": true, "data": {"items": \#(list), "pagination": {"total": 45, "page": 2, "limit": 20, "totalPages": 3, "hasNextPage": true}}, "error": null, "timestamp": "t"}"#,
            #"{"success": true, "data": {"items": \#(list), "pagination": {"total": "45", "page": "2", "limit": "20", "totalPages": 3.0, "hasNextPage": "yes"}}}"#,
            #"{"success": true, "data": {"items": \#(list), "pagination": null}}"#,
            #"{"success": true, "data": {"items": \#(list), "pagination": 7, "total": 99}}"#,
            #"{"success": true, "data": {"items": \#(list)}}"#,
            #"{"success": true, "data": {"items": "nope", "data": \#(list), "total": 1}}"#,
            #"{"success": true, "data": \#(list)}"#,
            #"{"success": true, "data": null}"#,
            #"{"success": true, "data": {"nothing": []}}"#,
            #"{"success": true}"#,
            #"{"success": false, "data": null, "error": {"code": "RESOURCE_NOT_FOUND", "message": "gone"}}"#,
            #"{"success": "true", "data": \#(list)}"#,
            #"{"success": null, "items": \#(list), "total": 12}"#,
            #"{"data": \#(list), "total": 41, "page": 1, "limit": 20, "totalPages": 3}"#,
            #"{"data": \#(list), "total": 41.5, "page": -1, "limit": 0}"#,
            #"{"data": \#(list), "total": 1e20, "page": "x", "limit": true, "hasNextPage": false}"#,
            #"{"data": []}"#,
            #"{"items": [], "data": \#(list)}"#,
            list,
            "[]",
            #"{"id": "not a list"}"#,
            "",
            "not json",
            "[1, 2",
            "true",
            "  \n  \(list)  \n",
        ]
    }

    /// The page or the error, in a form that compares (items by value, not by printed form,
    /// whose dictionary order may differ).
    struct Outcome: Equatable {
        var items: [Candidate] = []
        var rest = ""
    }

    static func outcome(_ read: () throws -> Page<Candidate>) -> Outcome {
        do {
            let p = try read()
            return Outcome(items: p.items, rest: "skipped=\(p.skipped) total=\(p.total) page=\(p.page) limit=\(p.limit) totalPages=\(p.totalPages) hasNext=\(p.hasNextPage)")
        } catch {
            return Outcome(rest: "error: \(error)")
        }
    }

    @Test("every page body reads the same in one pass as through the tree", arguments: Array(bodies.indices))
    func pagesAgree(_ index: Int) throws {
        let body = Data(Self.bodies[index].utf8)
        let fast = Self.outcome { try ResponseShapes.page(Candidate.self, from: body) }
        let tree = Self.outcome { try ResponseShapes.pageThroughTree(Candidate.self, from: body) }
        #expect(fast.items == tree.items)
        #expect(fast.rest == tree.rest)
    }

    @Test("the tricky list keeps its readable items as equal values and names the rest by position")
    func trickyItemsRead() throws {
        let body = Data(#"{"data": \#(Self.trickyList), "total": 17}"#.utf8)
        let fast = try ResponseShapes.page(Candidate.self, from: body)
        let tree = try ResponseShapes.pageThroughTree(Candidate.self, from: body)
        #expect(fast.items == tree.items)
        #expect(fast.items.count == 10)
        #expect(fast.skipped == tree.skipped)
        #expect(fast.skipped.first == "item 11: missing id")
        #expect(fast.items[4].id == "123")
        #expect(fast.items[4].analysisCount == 3)
        #expect(fast.items[6].metadata?["float"] == .double(1.5))
        #expect(fast.items[7].extraFields["extra"] == .object(["nested": .object(["deep": .array([.int(1), .double(2.5), .string("x\u{2}")])])]))
    }

    @Test("jobs read the same in one pass as through the tree")
    func jobsAgree() throws {
        let body = Data(#"{"success": true, "data": {"items": [{"id": "j1", "title": "Nurse", "location": {"city": "Nitra"}}, {"title": "no id"}, {"id": "j3", "title": 5, "location": "x"}], "pagination": {"total": 3, "page": 1, "limit": 100, "totalPages": 1}}}"#.utf8)
        let fast = try ResponseShapes.page(Job.self, from: body)
        let tree = try ResponseShapes.pageThroughTree(Job.self, from: body)
        #expect(fast.items == tree.items)
        #expect(fast.skipped == tree.skipped)
        #expect(fast.items.count == 2)
    }

    /// Object bodies: every tricky item bare and wrapped, and the odd corners of the shapes.
    static var objectBodies: [String] {
        var out: [String] = []
        for item in trickyItems {
            out.append(item)
            out.append(#"{"success": true, "data": \#(item), "error": null, "timestamp": "t"}"#)
        }
        out += [
            #"{"success": true, "data": null}"#,
            #"{"success": true}"#,
            #"{"success": false, "data": null, "error": {"code": "RESOURCE_NOT_FOUND", "message": "gone"}}"#,
            #"{"success": false, "data": {"id": "a1"}}"#,
            #"{"success": "true", "id": "s1", "data": {"id": "inner"}}"#,
            #"{"success": null, "id": "s2"}"#,
            #"{"id": "d1", "data": {"id": "inner"}}"#,
            "", "not json", "{\"id\": \"x\"", "[]",
        ]
        return out
    }

    /// The candidate or the error, printed (an error's text includes its detail).
    static func objectOutcome(_ read: () throws -> Candidate) -> (Candidate?, String) {
        do { return (try read(), "") } catch { return (nil, "error: \(error)") }
    }

    @Test("every object body reads the same in one pass as through the tree", arguments: Array(objectBodies.indices))
    func objectsAgree(_ index: Int) {
        let body = Data(Self.objectBodies[index].utf8)
        let fast = Self.objectOutcome { try ResponseShapes.object(Candidate.self, from: body) }
        let tree = Self.objectOutcome { try ResponseShapes.objectThroughTree(Candidate.self, from: body) }
        #expect(fast.0 == tree.0)
        #expect(fast.1 == tree.1)
    }

    @Test("a job reads the same in one pass as through the tree, wrapped and bare")
    func jobObjectsAgree() {
        for body in [#"{"success": true, "data": {"id": "j1", "title": "Nurse", "location": {"city": "Nitra"}, "extra": [1]}}"#,
                     #"{"id": "j3", "title": 5, "location": "x"}"#] {
            let fast = Result { try ResponseShapes.object(Job.self, from: Data(body.utf8)) }
            let tree = Result { try ResponseShapes.objectThroughTree(Job.self, from: Data(body.utf8)) }
            #expect(String(describing: fast) == String(describing: tree))
        }
    }

    // MARK: direct JSON text

    /// Every readable tricky candidate, plus built ones with extra fields that collide in order.
    static func candidates() throws -> [Candidate] {
        let body = Data(#"{"data": \#(trickyList)}"#.utf8)
        var all = try ResponseShapes.pageThroughTree(Candidate.self, from: body).items
        var built = Fixture.candidate()
        built.extraFields = ["cvTextual": .string("between cvText and email"), "_under": .bool(true), "id2": .array([])]
        all.append(built)
        var doubles = Fixture.bareCandidate()
        doubles.metadata = .object(["a": .double(2.0), "b": .double(-0.0), "c": .double(0.1), "d": .double(1e300), "e": .double(123456789.125)])
        all.append(doubles)
        return all
    }

    @Test("the direct writer gives the bytes JSONEncoder gives for JSONValue.from(candidate)")
    func directTextMatchesRoundTrip() throws {
        for c in try Self.candidates() {
            var writer = CompactJSONWriter()
            c.writeCompactJSON(to: &writer)
            let direct = String(decoding: writer.bytes, as: UTF8.self)
            #expect(direct == Self.encoderText(try JSONValue.from(c)), "candidate \(c.id)")
        }
    }

    @Test("terminal-safe escaping matches escaping the encoder's text afterwards")
    func terminalEscapesMatch() throws {
        for c in try Self.candidates() {
            var writer = CompactJSONWriter(escapingTerminalControls: true)
            c.writeCompactJSON(to: &writer)
            let direct = String(decoding: writer.bytes, as: UTF8.self)
            #expect(direct == Self.terminalSafe(Self.encoderText(try JSONValue.from(c))), "candidate \(c.id)")
        }
    }

    @Test("any JSON value is written as JSONEncoder writes it, and compactText is those bytes")
    func valuesMatch() throws {
        let values: [JSONValue] = [
            .null, .bool(true), .int(-7), .double(0.5), .double(3.0), .string("a\u{7f}b\u{9f}c\u{200e}"),
            .array([]), .object([:]), .object(["b": .int(1), "a": .array([.null, .object(["Z": .string("/"), "z": .string("")])])]),
        ]
        for v in values {
            var writer = CompactJSONWriter()
            writer.write(v)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == Self.encoderText(v))
            #expect(v.compactText() == Self.encoderText(v))
        }
    }

    /// The reference: Foundation's `JSONEncoder` with sorted keys and unescaped slashes.
    static func encoderText(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }

    /// The escaping the CLI applied to the encoder's text before (scalars `isControl` names,
    /// beyond C0, as `\uXXXX`): the reference for `escapingTerminalControls`.
    static func terminalSafe(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value >= 0x7F && DisplayText.isControl(s) {
                out.append(contentsOf: String(format: "\\u%04X", s.value).unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
