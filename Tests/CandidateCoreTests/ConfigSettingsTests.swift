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
        Zeta = "00000001-0000-4000-8000-000000000000"
        Alpha = "00000002-0000-4000-8000-000000000000"
        [profiles.agency.keys]
        status = "S"
        save = ["f10", "ctrl-w"]
        [profiles.ids]
        api-key-env = "K"
        companies = ["00000003-0000-4000-8000-000000000000", "00000004-0000-4000-8000-000000000000"]
        company-id = "00000004-0000-4000-8000-000000000000"
        """
        let result = ConfigFile.check(text: text, path: "c.toml")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let p = try #require(result.config?.profile("agency"))
        #expect(p.companies == [ProfileCompany(name: "Zeta", id: "00000001-0000-4000-8000-000000000000"), ProfileCompany(name: "Alpha", id: "00000002-0000-4000-8000-000000000000")])
        #expect(p.sort == "rating desc" && p.privacy == true && p.lowBandwidth == false && p.theme == "mono" && p.detailPane == true)
        #expect(p.columns == ["name", "status", "email"])
        #expect(p.filter == ["status": "APPLIED", "job": "j-1"])
        #expect(p.keys == [ProfileKeys(action: "status", keys: ["S"]), ProfileKeys(action: "save", keys: ["f10", "ctrl-w"])])
        let ids = try #require(result.config?.profile("ids"))
        #expect(ids.companies.map(\.id) == ["00000003-0000-4000-8000-000000000000", "00000004-0000-4000-8000-000000000000"] && ids.companyId == "00000004-0000-4000-8000-000000000000")
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
            "6: company-id 'x' is not a company id (a UUID)",
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

/// CRLF files and dotted keys keep their lines; bad company ids are named.
@Test func configLinesInCRLFAndDottedKeys() {
    let crlf = ConfigFile.check(text: "[profiles.a]\r\nfoo = 1\r\n", path: "c.toml").problems
    #expect(crlf.first?.line == 2, "\(crlf)")
    let dotted = ConfigFile.check(text: "[profiles.a]\napi-key-env = \"K\"\nkeys.status = 5\n", path: "c.toml").problems
    #expect(dotted.first?.line == 3, "\(dotted)")
    let ids = ConfigFile.check(text: "[profiles.a]\ncompanies = [\"not-a-uuid\"]\n", path: "c.toml").problems
    #expect(ids.map(\.description) == ["c.toml:2: companies: 'not-a-uuid' is not a company id (a UUID)"])
}
