import Foundation

/// Where the product keeps its files, by the XDG Base Directory rules, read from the environment.
///
/// Each base is `$XDG_…_HOME` when it is set to an absolute path, else a folder under `$HOME`
/// (when absolute), else under the account's home from the password database. So a `HOME` set
/// to a fresh folder is honoured by every file the product writes.
public struct XDGPaths: Sendable, Equatable {
    /// The environment the paths are read from.
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The home folder: `$HOME` when absolute, else the password database's entry.
    public var home: String {
        if let h = environment["HOME"], h.hasPrefix("/") { return h }
        if let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return NSHomeDirectory()
    }

    /// `$XDG_DATA_HOME/candidates`, default `~/.local/share/candidates`: the embedded sandbox.
    public var data: String { base("XDG_DATA_HOME", ".local/share") + "/candidates" }
    /// `$XDG_STATE_HOME/candidates`, default `~/.local/state/candidates`: drafts.
    public var state: String { base("XDG_STATE_HOME", ".local/state") + "/candidates" }
    /// `$XDG_CONFIG_HOME/candidates`, default `~/.config/candidates`.
    public var config: String { base("XDG_CONFIG_HOME", ".config") + "/candidates" }

    /// The config file: profiles (`ConfigFile`).
    public var configFile: String { config + "/config.toml" }
    /// The embedded sandbox's SQLite file.
    public var sandboxDatabase: String { data + "/sandbox.sqlite" }
    /// The root of the unsent drafts (one folder per server and company below it).
    public var drafts: String { state + "/drafts" }
    /// The journal of changes sent (`Journal`).
    public var journal: String { state + "/journal" }

    /// `~` and a leading `~/` as the home folder: a `~` that reaches the program unexpanded
    /// (quoted, in a config or service file) means the user's home.
    public func expandingHome(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    private func base(_ variable: String, _ fallback: String) -> String {
        if let x = environment[variable], x.hasPrefix("/") { return x }
        return home + "/" + fallback
    }
}
