import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift` (`enum BuildCommit { static let short = "c1ec27f" }`) into the
/// target before every build, from `git rev-parse --short HEAD` of the package's checkout, or
/// `unknown` without git or when the package is not the top of a git checkout (a tarball). The file is rewritten only when the commit
/// changed, so an unchanged checkout compiles nothing again. `--version` prints it.
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let script = """
        set -u
        commit=$(git -C "$1" rev-parse --short HEAD 2>/dev/null) || commit=unknown
        # Only the package's own checkout counts, not a repository it was unpacked inside.
        top=$(git -C "$1" rev-parse --show-toplevel 2>/dev/null) || top=
        [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$1" && pwd -P)" ] || commit=unknown
        case "$commit" in ''|*[!0-9a-f]*) commit=unknown ;; esac
        mkdir -p "$2" || exit 1
        text="/// The commit this binary was built from (git rev-parse --short HEAD), or unknown.
        enum BuildCommit { static let short = \\"$commit\\" }"
        if [ "$(cat "$2/BuildCommit.swift" 2>/dev/null)" != "$text" ]; then
            printf '%s\\n' "$text" > "$2/BuildCommit.swift"
        fi
        """
        return [.prebuildCommand(displayName: "Writing the build's commit for --version",
                                 executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", script, "build-commit", context.package.directoryURL.path, output.path],
                                 outputFilesDirectory: output)]
    }
}
