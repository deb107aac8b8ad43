import CandidateCore
import Foundation
import Testing
@testable import CandidateTUI

/// The key table: one source for handling, hints, help and docs/keys.md; remapping from the
/// config file and what it refuses.
@Suite("Key table") struct KeyMapTests {
    @Test("every key on the list and in the form starts at most one action")
    func noKeyIsBoundTwice() {
        for context in KeyContext.allCases where context.isRemappable {
            var seen: [Key: KeyAction] = [:]
            for b in KeyMap.standard.bindings(context) {
                guard let action = b.action else { continue }
                for key in b.keys {
                    #expect(seen[key] == nil, "\(key.displayName) in \(context)")
                    seen[key] = action
                }
            }
        }
    }

    @Test("key names read from the config: characters, named keys, F-keys, control keys")
    func keyNames() {
        #expect(Key(configName: "S") == .char("S"))
        #expect(Key(configName: "?") == .char("?"))
        #expect(Key(configName: "Space") == .char(" "))
        #expect(Key(configName: "ctrl-t") == .ctrl("t"))
        #expect(Key(configName: "^T") == .ctrl("t"))
        #expect(Key(configName: "F5") == .function(5))
        #expect(Key(configName: "pgdn") == .pageDown)
        #expect(Key(configName: "s-tab") == .backTab)
        for bad in ["", "  ", "ctrl-", "ctrl-1", "f13", "hyper-x", "ab"] { #expect(Key(configName: bad) == nil, "\(bad)") }
        for key: Key in [.char("s"), .up, .pageDown, .enter, .escape, .backTab, .function(2), .ctrl("r"), .char(" ")] {
            #expect(Key(configName: key.displayName == "↑" ? "up" : key.displayName) == key, "\(key.displayName)")
        }
    }

    @Test("a remapped action answers its new key, not the old one, and the hint says so")
    func remapMovesTheKey() throws {
        let map = try KeyMap.standard.remapped([("status", ["S"]), ("save", ["f10", "ctrl-w"]), ("help", ["f1"])])
        #expect(map.action(for: .char("S"), in: .list) == .status)
        #expect(map.action(for: .char("s"), in: .list) == nil)
        #expect(map.action(for: .function(10), in: .form) == .save)
        #expect(map.action(for: .function(2), in: .form) == nil)
        #expect(map.hints(.list).contains(KeyHint("S status", 1)))
        #expect(map.hints(.form).contains(KeyHint("F10/^W save", 0)))
        #expect(map.action(for: .char("?"), in: .list) == nil)
    }

    @Test("a conflict, an unknown action, a bad key name and a typing key in the form are refused, naming the action")
    func remapProblems() {
        func problem(_ remaps: [(String, [String])]) -> KeyMapProblem? {
            do { _ = try KeyMap.standard.remapped(remaps.map { (action: $0.0, keys: $0.1) }); return nil } catch { return error }
        }
        #expect(problem([("status", ["o"])])?.message == "o is given to both 'status' and 'sort' on the list")
        #expect(problem([("status", ["o"]), ("sort", ["S"])]) == nil, "a swap that ends without a clash is fine")
        #expect(problem([("stauts", ["S"])])?.message.hasPrefix("unknown action 'stauts'") == true)
        #expect(problem([("status", ["hyper-x"])])?.message.hasPrefix("'hyper-x' is not a key name") == true)
        #expect(problem([("save", ["w"])])?.action == "save")
        #expect(problem([("save", ["ctrl-a"])])?.message.contains("edits the text") == true)
        #expect(problem([("status", [])])?.message == "'status' needs at least one key")
    }

    /// docs/keys.md holds the tables as the key table makes them. With
    /// `CANDIDATES_WRITE_KEYS_DOC=1` the test writes them there instead.
    @Test("docs/keys.md holds the key table as the program has it")
    func docsMatchTheTable() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../docs/keys.md").standardized
        let text = try String(contentsOf: doc, encoding: .utf8)
        let begin = "<!-- keys:begin (generated from KeyMap.standard; see Tests/CandidateTUITests/Keys/KeyMapTests.swift) -->\n"
        let end = "<!-- keys:end -->"
        let start = try #require(text.range(of: begin), "docs/keys.md lacks the begin marker")
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex), "docs/keys.md lacks the end marker")
        let generated = KeyMap.standard.markdown()
        if ProcessInfo.processInfo.environment["CANDIDATES_WRITE_KEYS_DOC"] == "1" {
            try (String(text[..<start.upperBound]) + generated + "\n" + String(text[stop.lowerBound...])).write(to: doc, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<stop.lowerBound]) == generated + "\n",
                "docs/keys.md is out of date: run CANDIDATES_WRITE_KEYS_DOC=1 swift test --filter docsMatchTheTable")
    }
}

/// README's config example is a config the program accepts, every setting and key included.
@Test func readmeConfigExampleIsValid() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../README.md").standardized
    let text = try String(contentsOf: readme, encoding: .utf8)
    let start = try #require(text.range(of: "### Profiles"))
    let open = try #require(text.range(of: "```toml\n", range: start.upperBound..<text.endIndex))
    let close = try #require(text.range(of: "```", range: open.upperBound..<text.endIndex))
    let example = String(text[open.upperBound..<close.lowerBound])
    let result = ConfigFile.check(text: example, path: "README.md", settings: TUIOptions.checkProfile)
    #expect(result.problems.isEmpty, "\(result.problems)")
    let agency = try #require(result.config?.profile("agency"))
    #expect(agency.companies.count == 2)
    #expect(try TUIOptions(profile: agency, profiles: []).sort?.column == "updated")
}
