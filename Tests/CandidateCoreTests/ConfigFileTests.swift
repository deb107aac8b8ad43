import CandidateCore
import Testing

/// The config file's profiles, and every problem in it named with its line.
@Suite("Config file and profiles")
struct ConfigFileTests {
    @Test("profiles in the file's order, with the default and each setting")
    func goodFile() throws {
        let text = """
        default-profile = "northwind"
        # the company's own key
        [profiles.northwind]
        base-url = "https://api.instaview.sk"
        api-key-file = "~/.config/candidates/northwind.key"

        [profiles.agency]
        base-url = "https://api.instaview.sk/v1/public"
        api-key-env = "AGENCY_KEY"
        company-id = "22222222-2222-4222-8222-222222222222"
        """
        let result = ConfigFile.check(text: text, path: "c.toml")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let config = try #require(result.config)
        #expect(config.defaultProfile == "northwind")
        #expect(config.profiles.map(\.name) == ["northwind", "agency"])
        #expect(config.profile("northwind") == Profile(name: "northwind", baseURL: "https://api.instaview.sk",
                                                        apiKeyFile: "~/.config/candidates/northwind.key"))
        #expect(config.profile("agency")?.apiKeyEnv == "AGENCY_KEY")
        #expect(config.profile("agency")?.companyId == "22222222-2222-4222-8222-222222222222")
    }

    @Test("every problem is reported with its line, never ignored")
    func problems() {
        let text = """
        default-profile = "missing"
        colour = "blue"
        [profiles.a]
        base-url = 5
        api-key-file = "k"
        api-key-env = "K"
        paint = true
        """
        let result = ConfigFile.check(text: text, path: "c.toml")
        #expect(result.config == nil)
        #expect(result.problems.map(\.description) == [
            "c.toml:1: default-profile 'missing' names no [profiles.missing]",
            "c.toml:2: unknown key 'colour' (known: default-profile, profiles)",
            "c.toml:4: base-url must be a non-empty string",
            "c.toml:6: profile a has both api-key-file and api-key-env; keep one",
            "c.toml:7: unknown key 'paint' in profile a (known: api-key-env, api-key-file, base-url, columns, companies, company-id, detail-pane, filter, journal-retention-days, keys, low-bandwidth, privacy, sort, theme)",
        ])
    }

    @Test("a syntax error names its line")
    func syntax() {
        let result = ConfigFile.check(text: "default-profile = \"a\"\n[profiles.a]\nbase-url = \n", path: "c.toml")
        #expect(result.config == nil)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.line == 3, "\(result.problems)")
        #expect(result.problems.first?.description.hasPrefix("c.toml:3: ") == true)
    }

    @Test("no file: no config, no problem")
    func missing() throws {
        #expect(try ConfigFile.load("/nonexistent/candidates/config.toml") == nil)
    }
}
