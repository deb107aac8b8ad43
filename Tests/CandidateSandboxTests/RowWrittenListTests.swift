import CandidateCore
@testable import CandidateSandbox
import Foundation
import GRDB
import Testing

/// List pages written straight from the SQLite rows (`CandidateRowWriter`, `StoredMetadata`,
/// `ResponseRenderer.listBody(json:…)`) send what encoding the page's `Candidate` values with
/// `JSONEncoder` sends: the same keys and every value byte for byte (escaping, numbers, `null`s),
/// with the members in the API's order where the encoder's order is a dictionary's.
@Suite("List pages written from rows")
struct RowWrittenListTests {
    /// `Candidate.encode(to:)`'s order: the API page's field order.
    static let candidateKeys = ["id", "firstName", "lastName", "email", "phoneNumber", "gdprExpiryDate", "status", "jobIds",
                                "overallRating", "metadata", "analysisCount", "interviewCount", "links",
                                UnconfirmedAPINames.gender, UnconfirmedAPINames.cvText, "createdAt", "updatedAt"]

    @Test("stored metadata is sent as stored only where reading and encoding it again leaves every byte alone")
    func metadata() throws {
        var rng = SeededGenerator(seed: 11)
        var texts = Self.oddMetadataTexts
        for _ in 0..<3000 { texts.append(Array(OddValues.json(&rng, depth: 0).compactText().utf8)) }
        var verbatim = 0
        for text in texts {
            let written = text.withUnsafeBufferPointer { buffer in
                var writer = CompactJSONWriter()
                StoredMetadata.write(buffer, to: &writer)
                return writer.bytes
            }
            if written == text { verbatim += 1 }
            // What the list sent before: the column read as a string, parsed, encoded again.
            let string = String(decoding: text.prefix { $0 != 0 }, as: UTF8.self)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let expected = Array(try encoder.encode((try? JSONValue.parse(string)) ?? .null))
            let same = try RawJSON.parse(written).sameUpToMemberOrder(try RawJSON.parse(expected))
            #expect(same, "\(String(decoding: text, as: UTF8.self)): \(String(decoding: written, as: UTF8.self)) ≠ \(String(decoding: expected, as: UTF8.self))")
        }
        #expect(verbatim > texts.count / 10, "the common case is sent as stored")
        for canonical in [#"{"source":"referral","tags":["a"]}"#, #"{"a":{"b":[1,-2,0,true,false,null]}}"#, #"{"t":"\u001f\n\"é"}"#] {
            #expect(Array(canonical.utf8).withUnsafeBufferPointer { StoredMetadata.isVerbatim($0) }, "\(canonical)")
        }
    }

    @Test("random and odd candidates: every page in both shapes has the encoded page's bytes", arguments: [100, 7])
    func pages(limit: Int) async throws {
        try await withSandbox { sandbox in
            try Self.insertOddCandidates(sandbox.databasePath, count: 300)
            let store = try SandboxStore(path: sandbox.databasePath)
            defer { store.close() }
            let northwind = SandboxDemo.northwindId
            let filters = [
                CandidateFilter(companyId: northwind),
                CandidateFilter(companyId: northwind, status: "REJECTED"),
                CandidateFilter(companyId: northwind, search: "é"),
                CandidateFilter(companyId: northwind, search: "zq"),
                CandidateFilter(companyId: northwind, search: "oddity"),
            ]
            let timestamp = Timestamps.isoNow()
            var compared = 0
            for filter in filters {
                var page = 1
                while true {
                    let encoded = try await store.candidates(filter, page: page, limit: limit)
                    let written = try await store.candidatePage(filter, page: page, limit: limit)
                    #expect(encoded.total == written.total)
                    for shape in ResponseShape.allCases {
                        let renderer = ResponseRenderer(shape: shape)
                        let old = Array(try renderer.listBody(encoded.items, total: encoded.total, page: page, limit: limit,
                                                              timestamp: timestamp))
                        let new = renderer.listBody(json: written.json, total: written.total, page: page, limit: limit,
                                                    timestamp: timestamp)
                        let oldTree = try RawJSON.parse(old), newTree = try RawJSON.parse(new)
                        #expect(newTree.sameUpToMemberOrder(oldTree), "\(filter) page \(page) \(shape): \(newTree) ≠ \(oldTree)")
                        let items = shape == .bare ? newTree["data"] : newTree["data"]?["items"]
                        for item in items?.elements ?? [] {
                            #expect(item.keys == Self.candidateKeys)
                            #expect(item["links"]?.keys == ["analyses", "interviews"])
                        }
                        #expect(newTree.keys == (shape == .bare ? ["data", "total", "page", "limit", "totalPages"]
                                                                : ["success", "data", "error", "timestamp"]))
                        compared += items?.elements?.count ?? 0
                    }
                    if page * limit >= written.total { break }
                    page += 1
                }
            }
            #expect(compared > 2 * 300)

            // The route sends the written page.
            let reply = try await sandbox.raw("GET", "/candidates?page=2&limit=\(limit)")
            let written = try await store.candidatePage(CandidateFilter(companyId: northwind), page: 2, limit: limit)
            let sent = Array(reply.body) == ResponseRenderer(shape: .bare).listBody(json: written.json, total: written.total,
                                                                                   page: 2, limit: limit)
            #expect(sent, "\(reply.text)")
        }
    }

    // MARK: Data

    /// Inserts `count` random odd candidates (and a few fixed odd ones) into Northwind, with
    /// job links, straight into the SQLite file.
    static func insertOddCandidates(_ path: String, count: Int) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.write { db in
            let jobIds = try String.fetchAll(db, sql: "SELECT id FROM job WHERE companyId = ?", arguments: [SandboxDemo.northwindId])
            var rng = SeededGenerator(seed: 5)
            func insert(id: String, _ values: [String: (any DatabaseValueConvertible)?]) throws {
                var row: [String: (any DatabaseValueConvertible)?] = [
                    "id": id, "companyId": SandboxDemo.northwindId, "firstName": "Odd", "lastName": "Oddity",
                    "status": "APPLIED", "analysisCount": 0, "interviewCount": 0,
                    "createdAt": Timestamps.iso(millis: Int64.random(in: 1_600_000_000_000...1_800_000_000_000, using: &rng)),
                    "updatedAt": "2026-01-01T00:00:00.000Z", "searchText": "oddity",
                ]
                for (k, v) in values { row[k] = v }
                let names = Array(row.keys)
                try db.execute(sql: "INSERT INTO candidate (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                               arguments: StatementArguments(names.map { row[$0] ?? nil }))
                let jobs = Array(jobIds.shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng)))
                for (position, job) in jobs.enumerated() {
                    try db.execute(sql: "INSERT INTO candidateJob (candidateId, jobId, position) VALUES (?, ?, ?)",
                                   arguments: [id, job, position])
                }
            }
            for i in 0..<count {
                let first = OddValues.string(&rng), last = OddValues.string(&rng)
                let email = rng.chance(0.3) ? nil : OddValues.string(&rng)
                var values: [String: (any DatabaseValueConvertible)?] = [
                    "firstName": first, "lastName": last, "email": email,
                    "phoneNumber": rng.chance(0.3) ? nil : OddValues.string(&rng),
                    "gdprExpiryDate": rng.chance(0.3) ? nil : OddValues.string(&rng),
                    "status": rng.chance(0.5) ? rng.pick(["APPLIED", "REJECTED", "IN_PROCESS"]) : OddValues.string(&rng),
                    "overallRating": rng.chance(0.3) ? nil : OddValues.int(&rng),
                    "analysisCount": OddValues.int(&rng), "interviewCount": OddValues.int(&rng),
                    "gender": rng.chance(0.3) ? nil : rng.chance(0.5) ? "female" : OddValues.string(&rng),
                    "cvText": rng.chance(0.3) ? nil : OddValues.string(&rng),
                    "updatedAt": OddValues.string(&rng),
                    "searchText": SearchFolding.searchText(firstName: first, lastName: last, email: email) + " oddity",
                ]
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: values["metadata"] = nil
                case 1: values["metadata"] = String(decoding: rng.pick(oddMetadataTexts), as: UTF8.self)
                default: values["metadata"] = OddValues.json(&rng, depth: 0).compactText()
                }
                // Some ids need escaping in `id` and in `links`.
                let id = i % 25 == 0 ? "odd-\(i)-\"\\/é\u{1}" : rng.uuid()
                try insert(id: id, values)
            }
            // Text only raw SQL can store: NULs (a string ends there) and ill-formed UTF-8.
            try insert(id: "odd-nul", [:])
            try db.execute(sql: """
                UPDATE candidate SET firstName = 'Nul' || char(0) || 'After', email = char(0) || 'x',
                    metadata = '{"a":1}' || char(0) || 'junk', cvText = CAST(x'41EDA080FF42' AS TEXT),
                    lastName = CAST(x'C3A9FF41C3' AS TEXT)
                WHERE id = 'odd-nul'
                """)
            try insert(id: "odd-utf8", [:])
            try db.execute(sql: """
                UPDATE candidate SET metadata = CAST(x'7B2261223A22FF227D' AS TEXT), phoneNumber = CAST(x'F09F98' AS TEXT)
                WHERE id = 'odd-utf8'
                """)
        }
    }

    /// Metadata texts a person or another program could have stored: spaces, other escapes,
    /// fractions and exponents, duplicate or equal keys, scalars, text that is not JSON.
    static let oddMetadataTexts: [[UInt8]] = ([
        #"{ "a": 1 }"#, #"{"a":1.0}"#, #"{"a":1.5}"#, #"{"a":1e15}"#, #"{"a":1E+2}"#, #"{"a":-0}"#, #"{"a":-0.0}"#, "-0", "0",
        #"{"a":123456789012345678}"#, #"{"a":1234567890123456789}"#, #"{"a":99999999999999999999}"#, #"{"a":-999999999999999999}"#,
        #"{"a":1.2345678901234568e+17}"#, #"{"a":5e-324}"#, #"{"a":1e400}"#, #"{"a":01}"#, #"{"a":.5}"#,
        #"{"A":"\u00E9"}"#, #"{"a":"\u00e9"}"#, #"{"a":"\/"}"#, #"{"a":"\u001F"}"#, #"{"a":"\u001f"}"#, #"{"a":"\u0008"}"#,
        #"{"a":"\b"}"#, #"{"a":"\ud83d\ude00"}"#, #"{"a":"\ud83d"}"#, #"{"a":"😀"}"#, "{\"a\":\"\u{7f}\u{85}\u{2028}\"}",
        #"{"a":1,"a":2}"#, "{\"\u{e9}\":1,\"e\u{301}\":2}", "{\"\u{e9}\":1}", #"{"b":1,"a":2}"#, #"{}"#, #"[]"#, #"[1,[2,[3]]]"#,
        #""text""#, "true", "false", "null", "nul", "", " ", #"{"a":1}x"#, #"{"a":1"#, #"{"a"}"#, #"[1,]"#, #"{"a":tru}"#,
        "{\"a\":\"\t\"}", #"{"a":"\x"}"#, #"{"a":"\u12"}"#, String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
    ] as [String]).map { Array($0.utf8) } + [[0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], [0x22, 0xED, 0xA0, 0x80, 0x22]]
}

/// Random values with the characters and numbers that need care in JSON.
enum OddValues {
    static let pieces = [
        "", "a", "Z", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1f}", "\u{7f}",
        "\u{80}", "\u{85}", "\u{a0}", "\u{ad}", "\u{200b}", "\u{200e}", "\u{2028}", "\u{2029}", "\u{202e}", "\u{feff}",
        "\u{fffd}", "é", "e\u{301}", "ø", "Š", "王", "😀", "👩‍👩‍👧", "\u{10ffff}", "<", "&", "'", "%", "_", "{", "}", "[", ":",
        ",", "null", "1e5", "-0", "Zq", "oddity",
    ]

    static func string(_ rng: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &rng)).map { _ in rng.pick(pieces) }.joined()
    }

    static func int(_ rng: inout SeededGenerator) -> Int {
        rng.chance(0.5) ? Int.random(in: -1000...1000, using: &rng)
            : rng.pick([0, -1, Int.max, Int.min, 999_999_999_999_999_999, 1_000_000_000_000_000_000, Int.random(in: .min ... .max, using: &rng)])
    }

    static func double(_ rng: inout SeededGenerator) -> Double {
        if rng.chance(0.5) {
            return rng.pick([0.0, -0.0, 0.1, 1.0, 1.5, 1e15, 1e16, 1e20, 1e300, 5e-324, 2.2250738585072014e-308,
                             123456789012345678.5, 9007199254740993.0, -1e-7, .greatestFiniteMagnitude, 1234.5678])
        }
        while true {
            let d = Double(bitPattern: rng.next())
            if d.isFinite { return d }
        }
    }

    /// A random JSON value, an object at depth 0.
    static func json(_ rng: inout SeededGenerator, depth: Int) -> JSONValue {
        let kind = depth == 0 ? 6 : Int.random(in: 0...(depth > 3 ? 4 : 6), using: &rng)
        switch kind {
        case 0: return .null
        case 1: return .bool(rng.chance(0.5))
        case 2: return .int(int(&rng))
        case 3: return .double(double(&rng))
        case 4: return .string(string(&rng))
        case 5: return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in json(&rng, depth: depth + 1) })
        default:
            var o: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                let key = rng.chance(0.7) ? rng.pick(["source", "tags", "a", "b_c", "x-y", "n1"]) : string(&rng)
                o[key] = json(&rng, depth: depth + 1)
            }
            return .object(o)
        }
    }
}
