import CandidateCore
import Testing

/// A profile's list and display settings: companies, sort, filter, keys and switches; values of
/// the wrong shape and values the program refuses are problems with their lines.
@Suite("Config file: profile settings")
struct ConfigSettingsTests {
    @Test("companies in the file's order, sort, filter, keys in order, switches")
    func settingsRead() throws {
        let text = """
        [profiles.agency]
        api-key-env = "K"
        sort = "rating desc"
        privacy = true
        low-bandwidth = false
        theme = "mono"
        columns = ["name", "status", "email"]
        detail-pane = true
        filter = { status = "APPLIED", job = "j-1" }
        [profiles.agency.companies]
        Zeta = "z-1"
        Alpha = "a-1"
        [profiles.agency.keys]
        status = "S"
        save = ["f10", "ctrl-w"]
        [profiles.ids]
        api-key-env = "K"
        companies = ["c-1", "c-2"]
        company-id = "c-2"
        """
        let result = ConfigFile.check(text: text, path: "c.toml")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let p = try #require(result.config?.profile("agency"))
        #expect(p.companies == [ProfileCompany(name: "Zeta", id: "z-1"), ProfileCompany(name: "Alpha", id: "a-1")])
        #expect(p.sort == "rating desc" && p.privacy == true && p.lowBandwidth == false && p.theme == "mono" && p.detailPane == true)
        #expect(p.columns == ["name", "status", "email"])
        #expect(p.filter == ["status": "APPLIED", "job": "j-1"])
        #expect(p.keys == [ProfileKeys(action: "status", keys: ["S"]), ProfileKeys(action: "save", keys: ["f10", "ctrl-w"])])
        let ids = try #require(result.config?.profile("ids"))
        #expect(ids.companies.map(\.id) == ["c-1", "c-2"] && ids.companyId == "c-2")
    }

    @Test("values of the wrong shape are problems on their lines")
    func shapes() {
        let text = """
        [profiles.a]
        privacy = "yes"
        columns = "name"
        companies = 5
        filter = { colour = "red" }
        company-id = "x"
        [profiles.a.keys]
        status = 3
        """
        let lines = ConfigFile.check(text: text, path: "c.toml").problems.map { "\($0.line ?? 0): \($0.message)" }
        #expect(lines == [
            "2: privacy must be true or false",
            "3: columns must be a list of column names, e.g. [\"name\", \"status\", \"email\"]",
            "4: companies must be a list of company ids, or a table of name = \"id\"",
            "5: filter takes status and job, not 'colour'",
            "8: keys.status must be a key name or a list of them",
        ], "\(lines)")
    }

    @Test("what the program refuses (a settings check) is reported on the setting's line, a keys entry on its own")
    func programChecks() {
        let text = """
        [profiles.a]
        api-key-env = "K"
        sort = "height"
        [profiles.a.keys]
        status = "S"
        sort = "S"
        """
        let check: ConfigFile.SettingsCheck = { p in
            [("sort", "'\(p.sort ?? "")' is not a field"), ("keys.sort", "S is given to both")]
        }
        let problems = ConfigFile.check(text: text, path: "c.toml", settings: check).problems
        #expect(problems.map(\.description) == ["c.toml:3: profile a: sort: 'height' is not a field",
                                                "c.toml:6: profile a: keys: S is given to both"])
    }
}
