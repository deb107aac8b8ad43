import Foundation
import Testing
@testable import CandidateCore

/// Drafts on disk, in a temporary `XDG_STATE_HOME` per test.
@Suite("DraftStore: unsent edits survive anything")
struct DraftStoreTests {
    /// A fresh state folder, removed when the test ends.
    final class StateHome {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("drafts-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        var environment: [String: String] { ["XDG_STATE_HOME": path, "HOME": "/nonexistent"] }
    }

    static let server = "https://api.instaview.sk/v1/public"
    /// Whole seconds: the file keeps ISO 8601 time to the second.
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    func edited(_ edit: (inout CandidateDraft) -> Void = { $0.lastName = "Horská" }) -> CandidateDraft {
        var d = CandidateDraft(Fixture.candidate())
        edit(&d)
        return d
    }

    func mode(_ path: String) throws -> Int {
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        return (attrs[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("the root is $XDG_STATE_HOME/candidates/drafts, else ~/.local/state/candidates/drafts")
    func root() {
        #expect(DraftStore.defaultRoot(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/candidates/drafts")
        #expect(DraftStore.defaultRoot(environment: ["HOME": "/h"]) == "/h/.local/state/candidates/drafts")
        // The XDG spec ignores a relative path.
        #expect(DraftStore.defaultRoot(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/candidates/drafts")
    }

    @Test("save then load gives back the original as loaded and every field as typed")
    func roundTrip() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: Fixture.companyId, environment: home.environment)
        let draft = edited {
            $0.lastName = "Horská"
            $0.email = ""
            $0.phoneNumber = "+421 905 000 111"
            $0.status = .inProcess
            $0.gender = nil
            $0.jobIds = [Fixture.jobC]
            $0.metadataText = "{not json"
            $0.cvText = "Line 1\nLine 2 \u{1B}[31m"
        }
        try store.save(draft, now: Self.now)
        let loaded = try #require(try store.load(candidateId: Fixture.candidateId))
        #expect(loaded.draft == draft)
        #expect(loaded.draft.original == Fixture.candidate())
        #expect(loaded.savedAt == Self.now)
        #expect(loaded.server == Self.server)
        #expect(loaded.company == Fixture.companyId)
        #expect(loaded.draft.changedFields == draft.changedFields)
        #expect(try store.load(candidateId: "other") == nil)
    }

    @Test("files are 0600, folders 0700, under a folder named by a digest of server and company")
    func permissionsAndLayout() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server + "/", company: Fixture.companyId, environment: home.environment)
        try store.save(edited())
        let file = store.path(candidateId: Fixture.candidateId)
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(try mode(file) == 0o600)
        #expect(try mode(store.folder) == 0o700)
        #expect(try mode(store.root) == 0o700)
        #expect(store.root == home.path + "/candidates/drafts")
        let folderName = URL(fileURLWithPath: store.folder).lastPathComponent
        #expect(folderName == Digest.sha256Hex(Self.server + "\n" + Fixture.companyId))
        #expect(!folderName.contains("instaview"))
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: store.folder)
        #expect(names == [Fixture.candidateId + ".json"])
    }

    @Test("a folder that existed with looser permissions is tightened")
    func tightens() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: nil, environment: home.environment)
        try FileManager.default.createDirectory(atPath: store.folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        try store.save(edited())
        #expect(try mode(store.folder) == 0o700)
    }

    @Test("the API key is never stored: the file holds only the draft, the server URL and the company")
    func noKey() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: Fixture.companyId, environment: home.environment)
        try store.save(edited())
        let text = try String(contentsOfFile: store.path(candidateId: Fixture.candidateId), encoding: .utf8)
        let json = try JSONValue.parse(text)
        #expect(Set(json.objectValue?.keys.map { $0 } ?? []) == ["version", "server", "company", "savedAt", "draft"])
        #expect(!text.lowercased().contains("sk_"))
        #expect(!text.lowercased().contains("authorization"))
    }

    @Test("saving again replaces the draft atomically")
    func overwrite() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: nil, environment: home.environment)
        try store.save(edited { $0.lastName = "A" }, now: Self.now)
        try store.save(edited { $0.lastName = "B" }, now: Self.now.addingTimeInterval(5))
        let loaded = try #require(try store.load(candidateId: Fixture.candidateId))
        #expect(loaded.draft.lastName == "B")
        #expect(store.list().count == 1)
    }

    @Test("list shows only this server and company's drafts, newest first")
    func listing() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: "company-a", environment: home.environment)
        let otherCompany = DraftStore(server: Self.server, company: "company-b", environment: home.environment)
        let otherServer = DraftStore(server: "http://127.0.0.1:4010", company: "company-a", environment: home.environment)
        var second = Fixture.candidate()
        second.id = "aaaaaaaa-0000-4000-8000-000000000002"
        var d2 = CandidateDraft(second)
        d2.firstName = "Second"
        try store.save(edited(), now: Self.now)
        try store.save(d2, now: Self.now.addingTimeInterval(60))
        try otherCompany.save(edited(), now: Self.now)
        try otherServer.save(edited(), now: Self.now)
        #expect(store.list().map(\.candidateId) == [second.id, Fixture.candidateId])
        #expect(otherCompany.list().count == 1)
        #expect(otherServer.list().count == 1)
        #expect(DraftStore(server: "https://elsewhere", company: nil, environment: home.environment).list().isEmpty)
    }

    @Test("delete removes the draft (after send or discard); deleting nothing is fine")
    func deleting() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: nil, environment: home.environment)
        try store.save(edited())
        try store.delete(candidateId: Fixture.candidateId)
        #expect(try store.load(candidateId: Fixture.candidateId) == nil)
        #expect(store.list().isEmpty)
        try store.delete(candidateId: Fixture.candidateId)
    }

    @Test("record saves a draft with changes and removes one changed back")
    func record() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: nil, environment: home.environment)
        var d = CandidateDraft(Fixture.candidate())
        d.lastName = "Changed"
        try store.record(d)
        #expect(store.list().count == 1)
        d.lastName = Fixture.candidate().lastName
        try store.record(d)
        #expect(store.list().isEmpty)
    }

    @Test("an id that is not a plain file name is stored under a digest, never as a path")
    func hostileId() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: nil, environment: home.environment)
        var c = Fixture.candidate()
        c.id = "../../etc/passwd"
        var d = CandidateDraft(c)
        d.firstName = "X"
        try store.save(d)
        #expect(store.path(candidateId: c.id).hasPrefix(store.folder + "/id-"))
        #expect(try store.load(candidateId: c.id)?.draft == d)
        #expect(store.list().map(\.candidateId) == [c.id])
    }

    @Test("a corrupt file is skipped by list and reported by load and unreadable")
    func corrupt() throws {
        let home = try StateHome()
        let store = DraftStore(server: Self.server, company: nil, environment: home.environment)
        try store.save(edited())
        let bad = store.folder + "/broken.json"
        try Data("{half".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(store.list().count == 1)
        #expect(store.unreadable() == [bad])
        #expect(throws: DraftStoreError.self) { try store.load(candidateId: "broken") }
    }

    @Test("an unwritable place gives an error that names the path")
    func unwritable() throws {
        let home = try StateHome()
        let blocker = home.path + "/candidates"
        try Data("file".utf8).write(to: URL(fileURLWithPath: blocker))
        let store = DraftStore(server: Self.server, company: nil, environment: home.environment)
        do {
            try store.save(edited())
            Issue.record("saved through a file in the way")
        } catch let e as DraftStoreError {
            #expect(e.description.contains(home.path))
        }
    }

    @Test("SHA-256 matches the standard test vectors")
    func sha256() {
        #expect(Digest.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Digest.sha256Hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
