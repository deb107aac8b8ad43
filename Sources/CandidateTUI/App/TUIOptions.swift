import CandidateCore

/// How the TUI looks and behaves for one run, chosen by flags and the profile (flag >
/// environment > profile > default). Some can be toggled while it runs; the model keeps the
/// current values in `AppModel.options`.
public struct TUIOptions: Equatable, Sendable {
    /// Low-bandwidth mode for slow links: pages load only for the visible rows and one page
    /// ahead, progress advances in steps instead of animating, and frames are drawn at most
    /// `TUIApp.lowBandwidthFrameInterval` apart. See `resolving(…)` for how it is chosen.
    public var lowBandwidth = false
    /// Colours or none (`mono` keeps bold, reverse and underline).
    public var theme = TUITheme.default

    public init() {}
}
