import CandidateCore
import Foundation
import Testing

/// A recruiter's daily setup, end to end: two servers (one under a path prefix, reached with
/// an ATS key for two companies), profiles choosing them, help, the command line, a remapped
/// key and switching company without restarting.
@Suite(.serialized, .requires(.tmux), .ownThread)
struct DailyUseTests {
    static let northwindId = "11111111-1111-4111-8111-111111111111"
    static let globexId = "22222222-2222-4222-8222-222222222222"

    /// Two sandboxes — `plain` at its root, `prefixed` under `/v1/public` — and a config home with
    /// `north` (plain, company key from a variable, the default) and `agency` (prefixed, ATS
    /// key file, companies Northwind and Globex, `status` on `S`, sorted by name).
    static func setUp() throws -> (plain: SandboxProcess, prefixed: SandboxProcess, prefixedBase: String, config: String, dirs: [TempDir]) {
        let a = try TempDir(), b = try TempDir()
        let plain = try SandboxProcess(dir: a)
        let prefixed = try SandboxProcess(dir: b, extraArguments: ["--path-prefix", "/v1/public"])
        let prefixedBase = prefixed.baseURL + "/v1/public"
        let config = a.file("config")
        try FileManager.default.createDirectory(atPath: config + "/candidates", withIntermediateDirectories: true)
        try "sk_test_ats_partner\n".write(toFile: config + "/ats.key", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config + "/ats.key")
        try """
        default-profile = "north"
        [profiles.north]
        base-url = "\(plain.baseURL)"
        api-key-env = "NORTH_KEY"
        [profiles.agency]
        base-url = "\(prefixedBase)"
        api-key-file = "\(config)/ats.key"
        sort = "name"
        [profiles.agency.companies]
        Northwind = "\(northwindId)"
        Globex = "\(globexId)"
        [profiles.agency.keys]
        status = "S"
        """.write(toFile: config + "/candidates/config.toml", atomically: true, encoding: .utf8)
        return (plain, prefixed, prefixedBase, config, [a, b])
    }

    @Test("a profile reaches a server under a path prefix with an ATS key and its first company")
    func prefixedProfileFromTheShell() throws {
        let (plain, prefixed, _, config, dirs) = try Self.setUp()
        defer { withExtendedLifetime((plain, prefixed, dirs)) {} }
        var env = CLI.environment(nil)
        env["XDG_CONFIG_HOME"] = config
        env["NORTH_KEY"] = "sk_test_northwind"
        let agency = try CLI.run(["list", "--json", "--profile", "agency"], dir: dirs[0], env: env)
        #expect(agency.status == 0, "\(agency.stderr)")
        #expect(!agency.lines.isEmpty)
        let logged = try prefixed.requests()
        #expect(logged.contains { $0["path"]?.stringValue == "/v1/public/candidates" && $0["query"]?["companyId"]?.stringValue == Self.northwindId },
                "\(logged.prefix(3))")
        let north = try CLI.run(["list", "--json"], dir: dirs[0], env: env)
        #expect(north.status == 0, "\(north.stderr)")
        #expect(try plain.requests().contains { $0["path"]?.stringValue == "/candidates" })
        let check = try CLI.run(["config", "check"], dir: dirs[0], env: env)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("help, the command line, a remapped key and :company in the TUI, without restarting")
    func companiesHelpAndCommandsInTheTUI() throws {
        let (plain, prefixed, _, config, dirs) = try Self.setUp()
        defer { withExtendedLifetime((plain, prefixed, dirs)) {} }
        let session = try TmuxSession(command: TmuxSession.quote(Binary.path) + " --profile agency; echo \"EXIT=$?\"; sleep 600",
                                      env: ["XDG_CONFIG_HOME": config, "NO_COLOR": "1", "NORTH_KEY": "sk_test_northwind"], cols: 120, rows: 32)
        do { try session.waitForMatch(#"Northwind .*[0-9]+ candidates"#) } catch {
            Issue.record("\(error)\n\(try session.screen())")
            return
        }
        try session.waitFor("Name↑")
        try session.keys("?")
        try session.waitFor("Keys — List")
        try session.keys("End")
        try session.waitFor(":company NAME")
        try session.keys("Escape")
        try session.waitForAbsence("Keys — List")
        try session.keys("s")
        try session.keys("S")
        try session.waitForMatch(#": (APPLIED|IN_PROCESS|REJECTED|ACCEPTED|HIRED|NEW)"#)
        try session.keys("Escape")
        try session.type(":frobnicate")
        try session.keys("Enter")
        try session.waitFor("Unknown command 'frobnicate'")
        try session.keys("Escape")
        try session.type(":company Glo")
        try session.keys("Tab", "Enter")
        try session.waitFor("Now on Globex")
        try session.waitForMatch(#"Globex .*[0-9]+ candidates"#)
        #expect(try prefixed.requests().contains { $0["query"]?["companyId"]?.stringValue == Self.globexId })
        // Another profile, another server: the plain one, with its own key.
        try session.type(":profile north")
        try session.keys("Enter")
        try session.waitFor("Now on north · " + plain.baseURL.replacingOccurrences(of: "http://", with: ""))
        try waitUntil("the plain server to be asked", seconds: 10) { try plain.requests().contains { $0["path"]?.stringValue == "/candidates" } }
        try session.keys("q")
        try session.waitFor("EXIT=0")
    }
}
