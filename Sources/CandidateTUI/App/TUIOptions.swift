import CandidateCore

/// How the TUI looks and behaves for one run, chosen by flags and the profile (flag >
/// environment > profile > default). Some can be toggled while it runs; the model keeps the
/// current values in `AppModel.options`.
public struct TUIOptions: Equatable, Sendable {
    /// Privacy mode at start: email and phone are masked on every screen (`ContactMask`);
    /// `p` on the list toggles it. Display only: what is sent never changes.
    public var privacy: Bool

    public init(privacy: Bool = false) {
        self.privacy = privacy
    }
}
