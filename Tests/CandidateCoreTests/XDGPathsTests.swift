import CandidateCore
import Foundation
import Testing

@Suite("XDG paths and private files")
struct XDGPathsTests {
    @Test("each base is $XDG_*_HOME when absolute, else under $HOME")
    func bases() {
        let all = XDGPaths(environment: ["HOME": "/h", "XDG_DATA_HOME": "/d", "XDG_STATE_HOME": "/s", "XDG_CONFIG_HOME": "/c"])
        #expect(all.sandboxDatabase == "/d/candidates/sandbox.sqlite")
        #expect(all.drafts == "/s/candidates/drafts")
        #expect(all.config == "/c/candidates")
        let home = XDGPaths(environment: ["HOME": "/h", "XDG_DATA_HOME": "relative", "XDG_STATE_HOME": ""])
        #expect(home.sandboxDatabase == "/h/.local/share/candidates/sandbox.sqlite")
        #expect(home.drafts == "/h/.local/state/candidates/drafts")
        #expect(home.config == "/h/.config/candidates")
    }

    @Test("without an absolute HOME the password database's home is used")
    func passwdHome() {
        let paths = XDGPaths(environment: ["HOME": "relative"])
        #expect(paths.home.hasPrefix("/"))
        #expect(paths.home != "relative")
    }

    func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("a private file is 0600 in folders created 0700; an existing parent keeps its mode")
    func privateFile() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("xdg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: top, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: top) }
        let old = umask(0o022)
        defer { umask(old) }
        try PrivateFiles.makeFile(top + "/a/b/data.sqlite")
        #expect(try mode(top + "/a") == 0o700)
        #expect(try mode(top + "/a/b") == 0o700)
        #expect(try mode(top + "/a/b/data.sqlite") == 0o600)
        #expect(try mode(top) == 0o755)
        // An existing file readable by others is tightened.
        chmod(top + "/a/b/data.sqlite", 0o644)
        try PrivateFiles.makeFile(top + "/a/b/data.sqlite")
        #expect(try mode(top + "/a/b/data.sqlite") == 0o600)
        // A file where a folder should be is a clear error.
        #expect(throws: PrivateFiles.Failure.self) { try PrivateFiles.makeFile(top + "/a/b/data.sqlite/x") }
    }

    @Test("a path's folder is plain string work: `~`, bare names and the root never trap")
    func parentFolder() {
        #expect(PrivateFiles.parent(of: "~") == "")
        #expect(PrivateFiles.parent(of: "~/tilde.log") == "~")
        #expect(PrivateFiles.parent(of: "relative.log") == "")
        #expect(PrivateFiles.parent(of: "sub/rel.log") == "sub")
        #expect(PrivateFiles.parent(of: "/a/b/c.log") == "/a/b")
        #expect(PrivateFiles.parent(of: "/c.log") == "/")
        #expect(PrivateFiles.parent(of: "/a/b/") == "/a")
        #expect(PrivateFiles.parent(of: "") == "")
    }
}
