import Foundation
import Testing

/// A program from the system that some end-to-end tests drive (the README's prerequisites name
/// them; `.ci/run` installs them).
///
/// A test that needs one declares it with `.requires(…)`: where the program is missing the test
/// is skipped with a reason naming the package to install, so `swift test` passes on any machine
/// that meets the README's prerequisites. Under `CI=true` nothing is skipped: the test runs and
/// fails, and `SystemToolTests` names what is missing, so CI always runs every test.
enum SystemTool: String, CaseIterable, Sendable {
    case tmux, sshd, ssh, sshKeygen = "ssh-keygen"

    /// Where the program is looked for: `PATH`, and for `sshd` the fixed path the tests start.
    var path: String? {
        if self == .sshd { return FileManager.default.isExecutableFile(atPath: SSHServer.sshdPath) ? SSHServer.sshdPath : nil }
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return (dirs + ["/usr/bin", "/usr/sbin"]).map { $0 + "/" + rawValue }.first(where: FileManager.default.isExecutableFile)
    }

    var isInstalled: Bool { path != nil }

    /// The Debian package that installs it.
    var package: String {
        switch self {
        case .tmux: return "tmux"
        case .sshd: return "openssh-server"
        case .ssh, .sshKeygen: return "openssh-client"
        }
    }

    /// Whether this run is CI's (`CI` set to `true` or `1`), where a missing program is a failure.
    static var isCI: Bool { ["true", "1"].contains((ProcessInfo.processInfo.environment["CI"] ?? "").lowercased()) }

    /// The programs among `tools` that are missing.
    static func missing(_ tools: [SystemTool]) -> [SystemTool] { tools.filter { !$0.isInstalled } }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test (or suite) only where every one of `tools` is installed — always under CI.
    static func requires(_ tools: SystemTool...) -> Self {
        let missing = SystemTool.missing(tools)
        let packages = Set(missing.map(\.package)).sorted().joined(separator: " ")
        let reason = "needs \(missing.map(\.rawValue).joined(separator: ", ")), not installed: apt-get install \(packages) (.ci/run does)"
        return .enabled(if: missing.isEmpty || SystemTool.isCI, Comment(rawValue: reason))
    }
}

@Suite("System programs the end-to-end tests need", .ownThread)
struct SystemToolTests {
    @Test("under CI every program the end-to-end tests drive is installed", .enabled(if: SystemTool.isCI))
    func ciHasEveryTool() {
        let missing = SystemTool.missing(SystemTool.allCases)
        #expect(missing.isEmpty, "CI must run every test; missing: \(missing.map { "\($0.rawValue) (\($0.package))" }.joined(separator: ", "))")
    }

}
