import CandidateCore

/// Shell completion of `--profile`: the profile names of the config file
/// (`$XDG_CONFIG_HOME/candidates/config.toml`) that start with what is typed. Runs inside the
/// user's shell on every Tab, so it never prints and never fails: no file, or a file with a
/// problem (`candidates config check` says which), completes nothing.
enum ProfileCompletion {
    /// The names for `--profile` (ArgumentParser's custom completion: the words, the index
    /// of the word being completed and its typed prefix).
    @Sendable static func names(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        names(configFile: XDGPaths().configFile, prefix: prefix)
    }

    /// The profile names of the config file at `configFile` starting with `prefix`, in the file's order.
    static func names(configFile: String, prefix: String) -> [String] {
        guard let config = try? ConfigFile.load(configFile) else { return [] }
        return config.profiles.map(\.name).filter { $0.hasPrefix(prefix) }
    }
}
