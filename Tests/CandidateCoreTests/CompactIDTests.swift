import Foundation
import PropertyBased
import Testing
@testable import CandidateCore

/// Compact ids read back as exactly the string they were made from, and compare as it does.
@Suite("CompactID")
struct CompactIDTests {
    @Test("a lower-case UUID is kept in 16 bytes; any other spelling is kept as sent")
    func kinds() {
        let uuid = "dc67ce65-5964-4136-926c-78e51b6c962f"
        guard case .uuid = CompactID(uuid) else { Issue.record("not compact"); return }
        for other in [uuid.uppercased(), "{\(uuid)}", uuid + " ", String(uuid.dropLast()), "dc67ce65+5964-4136-926c-78e51b6c962f",
                      "dc67ce65-5964-4136-926c-78e51b6c962g", "", "a1", "ÿc67ce65-5964-4136-926c-78e51b6c962"] {
            #expect(CompactID(other) == .text(other), "\(other)")
            #expect(CompactID(other).string == other)
        }
        #expect(CompactID("00000000-0000-0000-0000-000000000000").string == "00000000-0000-0000-0000-000000000000")
        #expect(CompactID("ffffffff-ffff-ffff-ffff-ffffffffffff").string == "ffffffff-ffff-ffff-ffff-ffffffffffff")
    }

    /// A UUID-shaped string, sometimes with an upper-case digit, a stray character or another length.
    static func id(_ rng: inout Xoshiro) -> String {
        let digits = Array("0123456789abcdef")
        var chars: [Character] = (0..<36).map { i in [8, 13, 18, 23].contains(i) ? "-" : digits.randomElement(using: &rng)! }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: chars[Int.random(in: 0..<36, using: &rng)] = Array("ABCDEFxg-{").randomElement(using: &rng)!
        case 1: chars.removeLast(Int.random(in: 1...36, using: &rng))
        case 2: chars.append("0")
        default: break
        }
        return String(chars)
    }

    @Test("any id reads back as itself, and two ids compare as their strings do")
    func roundTrip() async {
        await propertyCheck(count: 500, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            var rng = Xoshiro(seed: (seed, ~seed, seed ^ 0x5555, seed &* 7 &+ 1))
            let a = Self.id(&rng), b = Bool.random(using: &rng) ? a : Self.id(&rng)
            #expect(CompactID(a).string == a)
            #expect((CompactID(a) == CompactID(b)) == (a == b))
            #expect((CompactID(a) == CompactID(a.lowercased())) == (a == a.lowercased()))
        }
    }
}
