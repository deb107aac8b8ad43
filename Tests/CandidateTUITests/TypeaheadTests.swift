import Testing
@testable import CandidateTUI

/// Low-bandwidth typeahead: a held move key's frames wait for the pause, never longer than
/// `longest`; any other key is drawn at once.
@Test func typeaheadWaitsForThePauseButNotForever() {
    let ms: UInt64 = 1_000_000
    var t = Typeahead()
    #expect(t.wait(at: 1000 * ms) == 0)
    t.moveKey(at: 1000 * ms)
    #expect(t.wait(at: 1010 * ms) == 110 * ms)
    for i in 1...20 { t.moveKey(at: (1000 + UInt64(i) * 33) * ms) }
    #expect(t.wait(at: 1661 * ms) == 119 * ms, "still held: wait for the pause after the last key")
    #expect(t.wait(at: 1781 * ms) == 0, "let go: draw")
    for i in 21...90 { t.moveKey(at: (1000 + UInt64(i) * 33) * ms) }
    #expect(t.wait(at: 3000 * ms) == 0, "held for 2 s: the screen catches up")
    t.drew()
    t.moveKey(at: 4000 * ms)
    t.otherKey()
    #expect(t.wait(at: 4001 * ms) == 0, "a typed key is drawn at once")
}

/// Only keys that move are held back: typing into a field or the search never is.
@Test func onlyMoveKeysAreHeldBack() {
    var m = model([candidate(1), candidate(2)])
    #expect(m.isMoveKey(.down) && m.isMoveKey(.char("j")) && m.isMoveKey(.char(" ")))
    #expect(!m.isMoveKey(.enter) && !m.isMoveKey(.char("s")))
    _ = m.update(.key(.char("/")))
    #expect(!m.isMoveKey(.char("j")) && !m.isMoveKey(.down))
}
