import CandidateCore
import Foundation
import Testing
@testable import CandidateSandbox

/// `JSONValue.compactText()` (every PATCH body, journal values, `--json` output) is written by
/// `CompactJSONWriter`; Foundation's `JSONEncoder` with sorted keys and unescaped slashes is the
/// reference it must match byte for byte, on odd values too.
@Suite("Compact JSON text matches JSONEncoder")
struct CompactTextTests {
    @Test("3,000 random values with odd strings, numbers and keys")
    func randomValues() throws {
        var rng = SeededGenerator(seed: 23)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for _ in 0..<3000 {
            let value = OddValues.json(&rng, depth: 0)
            let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
            #expect(value.compactText() == expected)
        }
    }
}
