/// Choosing low-bandwidth mode and the theme from flags, the environment and the profile.
extension TUIOptions {
    /// The environment variable that turns low-bandwidth mode on (`1`, `true`, `yes`) or off
    /// (`0`, `false`, `no`); anything else is ignored.
    public static let lowBandwidthVariable = "CANDIDATES_LOW_BANDWIDTH"

    /// `options` with `lowBandwidth` and `theme` chosen, each by the first that says:
    /// - low-bandwidth: `--low-bandwidth` > `CANDIDATES_LOW_BANDWIDTH` > the profile's
    ///   `low-bandwidth` > off;
    /// - theme: `--color` / `--no-color` > `NO_COLOR` (set and not empty: mono) > the profile's
    ///   `theme` > mono in low-bandwidth mode, else `default`.
    /// - Parameters:
    ///   - lowBandwidthFlag: `true` for `--low-bandwidth`, `nil` when not given.
    ///   - colorFlag: `true` for `--color`, `false` for `--no-color`, `nil` for neither.
    ///   - environment: the process environment.
    ///   - profileLowBandwidth / profileTheme: the profile's values, `nil` when it has none.
    public static func resolving(_ options: TUIOptions = TUIOptions(), lowBandwidthFlag: Bool?, colorFlag: Bool?,
                                 environment: [String: String], profileLowBandwidth: Bool? = nil,
                                 profileTheme: TUITheme? = nil) -> TUIOptions {
        var o = options
        o.lowBandwidth = lowBandwidthFlag ?? environmentSwitch(environment[lowBandwidthVariable]) ?? profileLowBandwidth ?? false
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if let colorFlag {
            o.theme = colorFlag ? .default : .mono
        } else if noColor {
            o.theme = .mono
        } else if let profileTheme {
            o.theme = profileTheme
        } else {
            o.theme = o.lowBandwidth ? .mono : .default
        }
        return o
    }

    /// `1`/`true`/`yes`/`on` → true, `0`/`false`/`no`/`off` → false, else `nil`.
    static func environmentSwitch(_ value: String?) -> Bool? {
        switch value?.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: return nil
        }
    }
}
