import CandidateCore
import Foundation
import Testing

/// Profiles from the config file choose the server, key and company for `list` (and every
/// connecting command): flag > environment > profile > default.
@Suite("Profiles (real binary)", .ownThread)
struct CLIProfileTests {
    /// A sandbox, a HOME with a config of three profiles: `north` (key from an environment
    /// variable, the default), `globex` (key file under `~/`), `agency` (an ATS key for Globex).
    static func setUp(_ dir: TempDir) throws -> (sandbox: SandboxProcess, env: [String: String]) {
        let sandbox = try SandboxProcess(dir: dir)
        let home = dir.file("home")
        try FileManager.default.createDirectory(atPath: home + "/.config/candidates", withIntermediateDirectories: true)
        try "sk_test_globex\n".write(toFile: home + "/globex.key", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home + "/globex.key")
        try "sk_test_ats_partner\n".write(toFile: home + "/ats.key", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home + "/ats.key")
        let config = """
        default-profile = "north"
        [profiles.north]
        base-url = "\(sandbox.baseURL)"
        api-key-env = "NORTH_KEY"
        [profiles.globex]
        base-url = "\(sandbox.baseURL)"
        api-key-file = "~/globex.key"
        [profiles.agency]
        base-url = "\(sandbox.baseURL)"
        api-key-file = "~/ats.key"
        company-id = "\(Self.globexId)"
        """
        try config.write(toFile: home + "/.config/candidates/config.toml", atomically: true, encoding: .utf8)
        var env = CLI.environment(nil)
        env["HOME"] = home
        env.removeValue(forKey: "XDG_CONFIG_HOME")
        env.removeValue(forKey: "CANDIDATES_PROFILE")
        env["NORTH_KEY"] = "sk_test_northwind"
        return (sandbox, env)
    }

    /// The sandbox's second demo company.
    static let globexId = "22222222-2222-4222-8222-222222222222"

    @Test("the default profile, CANDIDATES_PROFILE and --profile choose the key; the flag wins")
    func choosing() throws {
        let dir = try TempDir()
        let (sandbox, env) = try Self.setUp(dir)
        defer { withExtendedLifetime(sandbox) {} }
        let byDefault = try CLI.run(["list", "--json"], dir: dir, env: env)
        #expect(byDefault.status == 0, "\(byDefault.stderr)")
        let byEnv = try CLI.run(["list", "--json"], dir: dir, env: env.merging(["CANDIDATES_PROFILE": "globex"]) { $1 })
        #expect(byEnv.status == 0, "\(byEnv.stderr)")
        let byFlag = try CLI.run(["list", "--json", "--profile", "north"], dir: dir, env: env.merging(["CANDIDATES_PROFILE": "globex"]) { $1 })
        #expect(byFlag.status == 0, "\(byFlag.stderr)")
        let ats = try CLI.run(["list", "--json", "--profile", "agency"], dir: dir, env: env)
        #expect(ats.status == 0, "\(ats.stderr)")
        #expect(!byDefault.lines.isEmpty && !byEnv.lines.isEmpty)
        #expect(byDefault.lines.count == byFlag.lines.count, "--profile north beats CANDIDATES_PROFILE=globex")
        #expect(byDefault.stdout != byEnv.stdout, "two companies, two lists")
        #expect(ats.stdout == byEnv.stdout, "the ATS key with Globex's company id sees Globex")
        // The environment's key beats the profile's.
        let envKey = try CLI.run(["list", "--json", "--profile", "globex"], dir: dir, env: env.merging(["INSTAVIEW_API_KEY": "sk_test_northwind"]) { $1 })
        #expect(envKey.stdout == byDefault.stdout)
    }

    @Test("an unknown profile, an unset key variable and a broken file are one line on stderr, exit 2")
    func problems() throws {
        let dir = try TempDir()
        let (sandbox, env) = try Self.setUp(dir)
        defer { withExtendedLifetime(sandbox) {} }
        let unknown = try CLI.run(["list", "--profile", "nope"], dir: dir, env: env)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("has no profile 'nope' (profiles: north, globex, agency)"), "\(unknown.stderr)")
        var noKey = env
        noKey.removeValue(forKey: "NORTH_KEY")
        let unset = try CLI.run(["list"], dir: dir, env: noKey)
        #expect(unset.status == 2)
        #expect(unset.stderr.contains("NORTH_KEY, which is not set"), "\(unset.stderr)")
        let path = env["HOME"]! + "/.config/candidates/config.toml"
        try "default-profile = \"north\"\n[profiles.north]\nbase-url = \"x\"\ncolour = \"red\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let broken = try CLI.run(["list"], dir: dir, env: env)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("\(path):4: unknown key 'colour' in profile north"), "\(broken.stderr)")
        let check = try CLI.run(["config", "check"], dir: dir, env: env)
        #expect(check.status == 2)
        #expect(check.stderr.contains("\(path):4: unknown key 'colour'"), "\(check.stderr)")
    }

    @Test("a key given to two actions, or an unknown sort, is a config error on its line, for check and every command")
    func settingsProblems() throws {
        let dir = try TempDir()
        let (sandbox, env) = try Self.setUp(dir)
        defer { withExtendedLifetime(sandbox) {} }
        let path = env["HOME"]! + "/.config/candidates/config.toml"
        try "default-profile = \"north\"\n[profiles.north]\napi-key-env = \"NORTH_KEY\"\nsort = \"height\"\n[profiles.north.keys]\nstatus = \"o\"\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CLI.run(["config", "check"], dir: dir, env: env)
        #expect(check.status == 2)
        #expect(check.stderr.contains("\(path):4: profile north: sort: 'height' is not FIELD or FIELD asc|desc"), "\(check.stderr)")
        #expect(check.stderr.contains("\(path):6: profile north: keys: o is given to both 'status' and 'sort' on the list"), "\(check.stderr)")
        let list = try CLI.run(["list"], dir: dir, env: env)
        #expect(list.status == 2)
        #expect(list.stderr.contains("\(path):4: "), "\(list.stderr)")
    }

    @Test("config path, profiles and check")
    func configCommand() throws {
        let dir = try TempDir()
        let (sandbox, env) = try Self.setUp(dir)
        defer { withExtendedLifetime(sandbox) {} }
        let path = try CLI.run(["config", "path"], dir: dir, env: env)
        #expect(path.stdout == env["HOME"]! + "/.config/candidates/config.toml\n")
        let profiles = try CLI.run(["config", "profiles"], dir: dir, env: env)
        #expect(profiles.status == 0, "\(profiles.stderr)")
        #expect(profiles.lines.count == 3)
        #expect(profiles.lines.first?.hasPrefix("* north  ") == true, "\(profiles.stdout)")
        #expect(profiles.lines.last?.contains("company \(Self.globexId)") == true)
        let check = try CLI.run(["config", "check"], dir: dir, env: env)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasSuffix("ok, 3 profiles\n"), "\(check.stdout)")
    }
}
