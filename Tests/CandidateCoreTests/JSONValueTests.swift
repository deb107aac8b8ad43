import Foundation
import Testing
@testable import CandidateCore

@Suite("JSONValue keeps JSON exactly as it came")
struct JSONValueTests {
    @Test("scalars parse to their own kind", arguments: [
        ("null", JSONValue.null), ("true", .bool(true)), ("false", .bool(false)), ("0", .int(0)), ("1", .int(1)),
        ("-42", .int(-42)), ("1.5", .double(1.5)), ("-0.25", .double(-0.25)), (#""1""#, .string("1")),
        (#""true""#, .string("true")), ("[]", .array([])), ("{}", .object([:])),
    ])
    func scalars(_ text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(text) == expected)
    }

    @Test("numbers 0 and 1 are numbers, never booleans")
    func numbersAreNotBooleans() throws {
        let v = try JSONValue.parse(#"{"a": 0, "b": 1, "c": [1, 0, true]}"#)
        #expect(v["a"] == .int(0))
        #expect(v["b"] == .int(1))
        #expect(v["c"] == .array([.int(1), .int(0), .bool(true)]))
    }

    @Test("an integral number written with a fraction is kept as an integer", arguments: ["2.0", "1e2", "100.000"])
    func integralFractionIsInt(_ text: String) throws {
        let v = try JSONValue.parse(text)
        #expect(v.intValue != nil)
        // It must survive the pretty → parse round trip the form makes, so no false change appears.
        #expect(try JSONValue.parse(v.prettyText()) == v)
        #expect(try JSONValue.parse(v.compactText()) == v)
    }

    @Test("any parsed value survives compact and pretty round trips", arguments: [
        #"{"a": [1, 2.5, "x", null, true, {"b": {"c": []}}], "d": "ž/\"q\"\n", "e": -7, "big": 123456789012345678901234567890}"#,
        #"[{"x": 1e-7}, 3.14159, -0.0]"#,
        #""plain""#,
    ])
    func roundTrips(_ text: String) throws {
        let v = try JSONValue.parse(text)
        #expect(try JSONValue.parse(v.compactText()) == v)
        #expect(try JSONValue.parse(v.prettyText()) == v)
        #expect(try JSONValue.from(v) == v)
        #expect(try v.decode(JSONValue.self) == v)
    }

    @Test("compact text sorts keys and does not escape slashes")
    func compactText() {
        let v = JSONValue.object(["b": .int(1), "a": .string("x/y"), "c": .array([.null, .bool(false)])])
        #expect(v.compactText() == #"{"a":"x/y","b":1,"c":[null,false]}"#)
        #expect(v.prettyText().contains("\n"))
    }

    @Test("depth counts nesting levels")
    func depth() {
        #expect(JSONValue.int(1).depth == 0)
        #expect(JSONValue.object([:]).depth == 1)
        #expect(JSONValue.array([]).depth == 1)
        #expect(JSONValue.object(["a": .object([:])]).depth == 2)
        #expect(JSONValue.object(["a": .int(1), "b": .array([.array([])])]).depth == 3)
    }

    @Test("accessors return nil for other shapes")
    func accessors() {
        #expect(JSONValue.string("5").intValue == 5)
        #expect(JSONValue.double(5.0).intValue == 5)
        #expect(JSONValue.double(5.5).intValue == nil)
        #expect(JSONValue.bool(true).intValue == nil)
        #expect(JSONValue.int(1).boolValue == nil)
        #expect(JSONValue.int(1).stringValue == nil)
        #expect(JSONValue.array([]).objectValue == nil)
        #expect(JSONValue.object([:]).arrayValue == nil)
        #expect(JSONValue.null.isNull)
        #expect(!JSONValue.object([:]).isNull)
        #expect(JSONValue.array([.int(1)])["a"] == nil)
    }

    @Test("malformed text throws")
    func malformed() {
        // Not "[1,]": Foundation's JSONDecoder on Linux accepts a trailing comma, and JSONValue relies on it.
        for text in ["", "{", "{'a': 1}", "nul", "[1 2]", #"{"a" 1}"#] {
            #expect(throws: (any Error).self) { try JSONValue.parse(text) }
        }
    }
}
