import Testing
@testable import CandidateCore

@Suite("Pipeline: natural next steps and overrides")
struct PipelineTests {
    @Test("next steps and overrides for every status", arguments: [
        (CandidateStatus.undefined, [CandidateStatus.applied], [CandidateStatus.inProcess, .rejected, .accepted]),
        (.applied, [.inProcess, .rejected], [.undefined, .accepted]),
        (.inProcess, [.accepted, .rejected], [.undefined, .applied]),
        (.rejected, [.applied], [.undefined, .inProcess, .accepted]),
        (.accepted, [], [.undefined, .applied, .inProcess, .rejected]),
    ])
    func stepsAndOverrides(from: CandidateStatus, next: [CandidateStatus], overrides: [CandidateStatus]) {
        #expect(Pipeline.nextSteps(from: from) == next)
        #expect(Pipeline.overrides(from: from) == overrides)
        // Together they reach every other known status exactly once.
        #expect(Set(next + overrides) == Set(CandidateStatus.allKnown).subtracting([from]))
        #expect((next + overrides).count == CandidateStatus.allKnown.count - 1)
        for to in next { #expect(Pipeline.classify(from: from, to: to) == .natural) }
        for to in overrides { #expect(Pipeline.classify(from: from, to: to) == .override) }
        #expect(Pipeline.classify(from: from, to: from) == .alreadyThere)
    }

    @Test("a status outside the enum has no natural step and every known status as an override",
          arguments: ["INTERVIEWED", "HIRED", "WITHDRAWN", ""])
    func unknownStatus(_ raw: String) {
        let s = CandidateStatus(raw)
        #expect(Pipeline.nextSteps(from: s).isEmpty)
        #expect(Pipeline.overrides(from: s) == CandidateStatus.allKnown)
        #expect(Pipeline.classify(from: s, to: .applied) == .override)
        #expect(Pipeline.classify(from: s, to: s) == .alreadyThere)
    }

    @Test("the documented path UNDEFINED → APPLIED → IN_PROCESS → ACCEPTED is natural, and REJECTED reopens to APPLIED")
    func documentedPath() {
        #expect(Pipeline.isNaturalStep(from: .undefined, to: .applied))
        #expect(Pipeline.isNaturalStep(from: .applied, to: .inProcess))
        #expect(Pipeline.isNaturalStep(from: .inProcess, to: .accepted))
        #expect(Pipeline.isNaturalStep(from: .applied, to: .rejected))
        #expect(Pipeline.isNaturalStep(from: .inProcess, to: .rejected))
        #expect(Pipeline.isNaturalStep(from: .rejected, to: .applied))
        #expect(!Pipeline.isNaturalStep(from: .undefined, to: .accepted))
        #expect(!Pipeline.isNaturalStep(from: .accepted, to: .rejected))
    }

    @Test("the known statuses are the API's enum, in pipeline order")
    func knownStatuses() {
        #expect(CandidateStatus.allKnown.map(\.rawValue) == ["UNDEFINED", "APPLIED", "IN_PROCESS", "REJECTED", "ACCEPTED"])
        #expect(CandidateGender.allKnown.map(\.rawValue) == ["male", "female"])
    }
}
