import CandidateCore

/// How the TUI looks and behaves for one run, chosen by flags and the profile (flag >
/// environment > profile > default). Some can be toggled while it runs; the model keeps the
/// current values in `AppModel.options`.
public struct TUIOptions: Equatable, Sendable {
    public init() {}
}
