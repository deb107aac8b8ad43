import Foundation
import PropertyBased
import Testing
@testable import CandidateCore

/// The byte reader against `JSONDecoder`: a body it takes reads the same as through the decoder
/// (and the tree); plain bodies, as servers send them, are taken and not left to the decoder.
@Suite("ByteBodies: candidate pages and objects read from their bytes")
struct ByteBodiesTests {
    /// The page or the error, comparable (items by value; the rest printed).
    static func outcome(_ read: () throws -> Page<Candidate>) -> OnePassDecodingTests.Outcome {
        OnePassDecodingTests.outcome(read)
    }

    static func decoderOutcome(_ body: Data) -> OnePassDecodingTests.Outcome {
        outcome { try ResponseShapes.pageThroughDecoder(Candidate.self, from: body) }
    }

    @Test("the sandbox's own pages, bare and wrapped, are read from their bytes as the decoder reads them")
    func sandboxPagesTaken() throws {
        let items = (1...3).map { i in
            #"{"id":"c\#(i)","firstName":"Jana","lastName":"Nováková","email":"jana\#(i)@example.sk","phoneNumber":"+421905123456","gdprExpiryDate":"2027-05-03","status":"APPLIED","jobIds":["j1"],"overallRating":41,"metadata":{"languages":["sk","en"],"source":"agency"},"analysisCount":1,"interviewCount":0,"links":{"analyses":"/candidates/c\#(i)/analyses"},"gender":null,"cvText":"Line one\nline \"two\" \u00e9","createdAt":"2026-12-06T23:02:47.744Z","updatedAt":"2026-12-06T23:02:47.744Z"}"#
        }.joined(separator: ",")
        for body in [#"{"data":[\#(items)],"total":41,"page":2,"limit":3,"totalPages":14}"#,
                     #"{"success":true,"data":{"items":[\#(items)],"pagination":{"total":41,"page":2,"limit":3,"totalPages":14,"hasNextPage":true}},"error":null}"#,
                     "[\(items)]", #"{"success":true,"data":[\#(items)]}"#] {
            let data = Data(body.utf8)
            let read = try #require(ByteBodies.page(Candidate.self, from: data), "left to the decoder: \(body.prefix(60))")
            #expect(read.items.count == 3)
            #expect(Self.outcome { read.numbers.page(items: read.items, skipped: []) } == Self.decoderOutcome(data))
            #expect(Self.outcome { try ResponseShapes.page(Candidate.self, from: data) } == Self.outcome { try ResponseShapes.pageThroughTree(Candidate.self, from: data) })
            // What `ResponseShapes.page` takes from the byte reader: the page cast whole, as `Page<Candidate>`.
            #expect(ResponseShapes.bytePage(Candidate.self, from: data) as? Page<Candidate> != nil)
        }
    }

    @Test("a body the byte reader leaves alone still reads as before: floats, repeats, escaped keys, lone surrogates, bad UTF-8")
    func unusualBodiesLeftToTheDecoder() {
        let bodies: [[UInt8]] = [
            Array(#"{"data":[{"id":"a","overallRating":1.0}]}"#.utf8),
            Array(#"{"data":[{"id":"a","interviewCount":1e1}]}"#.utf8),
            Array(#"{"data":[{"id":"a","firstName":"x","firstName":"y"}]}"#.utf8),
            Array(#"{"data":[{"id":"a"}],"total":1,"total":2}"#.utf8),
            Array(#"{"data":[{"\u0069d":"a"}]}"#.utf8),
            Array(#"{"data":[{"id":"a","lastName":"\ud800"}]}"#.utf8),
            Array(#"{"data":[{"id":"a","lastName":"\udc00\ud800"}]}"#.utf8),
            Array(#"{"data":[{"id":"a","big":99999999999999999999}]}"#.utf8),
            Array(#"{"data":[{"id":"a","lead":01}]}"#.utf8),
            Array(#"{"data":[{"id":"a"}]} x"#.utf8),
            Array(#"{"data":[{"id":"a"},]}"#.utf8),
            Array(#"{"data":[{"firstName":"no id"}]}"#.utf8),
            Array(#"{"data":[7]}"#.utf8),
            Array(#"{"success":false,"data":[{"id":"a"}]}"#.utf8),
            Array(#"{"data":[{"id":"a","x":"#.utf8) + [0xFF, 0x22] + Array("}]}".utf8),
            Array(#"{"data":[{"id":"a","x":"tab"#.utf8) + [0x09, 0x22] + Array("}]}".utf8),
            Array((#"{"data":[{"id":"a","deep":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}]}").utf8),
        ]
        for bytes in bodies {
            let data = Data(bytes)
            #expect(ByteBodies.page(Candidate.self, from: data) == nil, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(Self.outcome { try ResponseShapes.page(Candidate.self, from: data) } == Self.decoderOutcome(data))
        }
    }

    @Test("each known field's slot is its place among the coding keys, so every field reads into its own")
    func fieldPositions() {
        for (i, key) in Candidate.CodingKeys.allCases.enumerated() {
            #expect(CandidateMembers.position(key) == i, "\(key)")
            #expect(Array(key.stringValue.utf8).withUnsafeBytes { CandidateMembers.knownKey($0) } == i, "\(key)")
        }
    }

    @Test("integers at the ends of Int read exactly; one past them is left to the decoder")
    func integerEnds() {
        for (text, expected) in [("9223372036854775807", Int.max), ("-9223372036854775808", Int.min), ("0", 0), ("-0", 0)] {
            let data = Data(#"[{"id":"a","extra":\#(text)}]"#.utf8)
            #expect(ByteBodies.page(Candidate.self, from: data)?.items.first?.extraFields["extra"] == .int(expected))
        }
        for text in ["9223372036854775808", "-9223372036854775809", "-", "1.", "--1"] {
            #expect(ByteBodies.page(Candidate.self, from: Data(#"[{"id":"a","extra":\#(text)}]"#.utf8)) == nil, "\(text)")
        }
    }

    @Test("object bodies: bare and wrapped are read from their bytes; a bare item with a boolean success is read as wrapped")
    func objects() throws {
        let item = #"{"id":"c1","firstName":"Ana","status":"SCREENING","metadata":{"k":[1,"two",null]}}"#
        for body in [item, #"{"success":true,"data":\#(item),"error":null}"#, #"{"success":true,"id":"outer","data":\#(item)}"#] {
            let data = Data(body.utf8)
            let read = try #require(ByteBodies.object(Candidate.self, from: data), "\(body)")
            #expect(read.id == "c1")
            #expect(read == (try ResponseShapes.objectThroughDecoder(Candidate.self, from: data)))
        }
        for body in [#"{"success":false,"data":\#(item)}"#, #"{"success":true}"#, #"{"success":true,"data":null,"id":"x"}"#] {
            #expect(ByteBodies.object(Candidate.self, from: Data(body.utf8)) == nil, "\(body)")
        }
    }

    // MARK: random bodies

    /// Writes random page bodies: random fields of every kind, escapes, blanks, key orders,
    /// unknown members and the four list shapes; `plain` leaves out what the reader refuses.
    struct BodyWriter {
        var rng: Xoshiro
        let plain: Bool

        init(seed: UInt64, plain: Bool) {
            rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, ~seed, seed &* 31 &+ 7))
            self.plain = plain
        }

        static let fieldNames = ["id", "firstName", "lastName", "email", "phoneNumber", "gdprExpiryDate", "status", "jobIds",
                                 "jobId", "overallRating", "metadata", "analysisCount", "interviewCount", "links", "gender",
                                 "cvText", "createdAt", "updatedAt"]
        static let extraNames = ["extra", "ümlaut", "Upper", "a b", "success", "data", "é", "e\u{301}", "👩‍⚕️"]
        static let textPieces = ["a", "Z", "0", " ", "é", "e\u{301}", "Š", "王", "👩‍⚕️", "\"", "\\", "/", "\n", "\t", "\u{0}",
                                 "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "\u{FEFF}", "😀", "APPLIED", "7"]

        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        mutating func pick<T>(_ xs: [T]) -> T { xs.randomElement(using: &rng)! }

        mutating func blank() -> String { chance(0.8) ? "" : pick([" ", "\n", "\t ", "\r\n  "]) }

        mutating func string() -> String {
            var out = "\""
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                for scalar in pick(Self.textPieces).unicodeScalars {
                    switch scalar {
                    case "\"": out += "\\\""
                    case "\\": out += "\\\\"
                    case "\n": out += pick(["\\n", "\\u000a"])
                    case "\t": out += pick(["\\t", "\\u0009"])
                    case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                    case "/": out += pick(["/", "\\/"])
                    default:
                        if chance(0.15) {
                            // Escaped, as a surrogate pair beyond the BMP.
                            for unit in String(scalar).utf16 { out += String(format: chance(0.5) ? "\\u%04x" : "\\u%04X", unit) }
                        } else {
                            out.unicodeScalars.append(scalar)
                        }
                    }
                }
            }
            return out + "\""
        }

        mutating func number() -> String {
            if !plain, chance(0.2) { return pick(["1.5", "2.0", "1e2", "-0.0", "1E-3", "99999999999999999999"]) }
            return String(Int.random(in: -1_000_000...1_000_000, using: &rng))
        }

        mutating func value(depth: Int) -> String {
            switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &rng) {
            case 0: return string()
            case 1: return number()
            case 2: return pick(["true", "false"])
            case 3: return "null"
            case 4: return "\"" + String(Int.random(in: -50...150, using: &rng)) + "\""
            case 5: return "[" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in blank() + value(depth: depth + 1) + blank() }.joined(separator: ",") + "]"
            default:
                let names = Array(Set((0..<Int.random(in: 0...3, using: &rng)).map { _ in pick(["k", "source", "é", "languages", "n"]) }))
                return "{" + names.map { blank() + "\"\($0)\"" + blank() + ":" + blank() + value(depth: depth + 1) + blank() }.joined(separator: ",") + "}"
            }
        }

        /// A field's value: mostly its usual kind, sometimes any kind.
        mutating func field(_ name: String) -> String {
            if chance(0.25) { return value(depth: 1) }
            switch name {
            case "jobIds": return "[" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in chance(0.9) ? string() : value(depth: 2) }.joined(separator: ",") + "]"
            case "metadata", "links": return chance(0.6) ? "{\"analyses\":\(string())}" : value(depth: 1)
            case "overallRating", "analysisCount", "interviewCount": return number()
            default: return string()
            }
        }

        mutating func candidate() -> String {
            var names = Self.fieldNames.filter { $0 == "id" || chance(0.7) }
            if !plain, chance(0.05) { names.removeAll { $0 == "id" } }
            names += Set((0..<Int.random(in: 0...2, using: &rng)).map { _ in pick(Self.extraNames) })
            names.shuffle(using: &rng)
            if !plain, chance(0.05) { names.append(pick(names)) }
            let members = names.map { name -> String in
                let v = name == "id" && (plain || chance(0.9)) ? "\"" + String(rng.next(), radix: 16) + "\"" : field(name)
                return blank() + "\"\(name)\"" + blank() + ":" + blank() + v + blank()
            }
            return "{" + members.joined(separator: ",") + "}"
        }

        mutating func body() -> String {
            let list = "[" + (0..<Int.random(in: 0...5, using: &rng)).map { _ in blank() + candidate() + blank() }.joined(separator: ",") + "]"
            let numbers = ["total", "page", "limit", "totalPages"].filter { _ in chance(0.8) }
                .map { "\"\($0)\":" + (chance(0.85) ? String(Int.random(in: 0...500, using: &rng)) : value(depth: 2)) }
                + (chance(0.5) ? ["\"hasNextPage\":" + pick(["true", "false", "null", "1"])] : [])
            let meta = numbers.joined(separator: ",")
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: return blank() + list + blank()
            case 1: return "{\"data\":\(list)" + (meta.isEmpty ? "" : "," + meta) + "}"
            case 2: return "{\"success\":true,\"data\":{\"items\":\(list),\"pagination\":{\(meta)}},\"error\":null}"
            default: return "{\"success\":true,\"data\":\(list),\"timestamp\":\"t\"}"
            }
        }
    }

    @Test("any page body the byte reader takes reads as the decoder reads it, and the result stays the tree's")
    func randomBodiesAgree() async {
        await propertyCheck(count: 400, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            var writer = BodyWriter(seed: seed, plain: false)
            let data = Data(writer.body().utf8)
            if let read = ByteBodies.page(Candidate.self, from: data) {
                #expect(Self.outcome { read.numbers.page(items: read.items, skipped: []) } == Self.decoderOutcome(data),
                        "\(String(decoding: data, as: UTF8.self))")
            }
            #expect(Self.outcome { try ResponseShapes.page(Candidate.self, from: data) }
                    == Self.outcome { try ResponseShapes.pageThroughTree(Candidate.self, from: data) })
        }
    }

    @Test("a plain page body (no floats, no repeated members, every candidate with an id) is always read from its bytes")
    func plainBodiesTaken() async {
        await propertyCheck(count: 300, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            var writer = BodyWriter(seed: seed, plain: true)
            let text = writer.body()
            let data = Data(text.utf8)
            let read = ByteBodies.page(Candidate.self, from: data)
            #expect(read != nil, "left to the decoder: \(text)")
            if let read {
                #expect(Self.outcome { read.numbers.page(items: read.items, skipped: []) } == Self.decoderOutcome(data), "\(text)")
            }
        }
    }
}
