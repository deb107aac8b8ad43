import Testing
@testable import CandidateCore

@Test func colorSequencesCountsOnlyColourNotBoldOrReverse() {
    let bytes = Array("\u{1B}[0;7m a \u{1B}(B\u{1B}[m b \u{1B}[1m c \u{1B}[31m d \u{1B}[0;7;34m e \u{1B}[39;49m \u{1B}[24;76H".utf8)
    #expect(ColorSequences.count(in: bytes) == 3)
    #expect(ColorSequences.count(in: Array("\u{1B}[3;23r\u{1B}[4d".utf8)) == 0, "a scroll region and a row are not colour")
}
