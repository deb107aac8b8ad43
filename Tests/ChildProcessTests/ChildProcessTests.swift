import ChildProcess
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("ChildProcess")
struct ChildProcessTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("childprocess-\(UUID().uuidString)-\(name)").path
    }

    @Test("run gives the exit status and standard output and error together")
    func runCapturesOutput() throws {
        let r = try ChildProcess.run(["sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(r.status == 3)
        #expect(r.output == "out\nerr\n")
    }

    @Test("a child ended by a signal reports 128 + the signal")
    func signalStatus() throws {
        let child = try ChildProcess.start(["sh", "-c", "kill -TERM $$; sleep 5"])
        #expect(child.wait() == 128 + SIGTERM)
        let sleeper = try ChildProcess.start(["sleep", "30"])
        #expect(sleeper.isRunning)
        sleeper.signal(SIGKILL)
        #expect(sleeper.wait() == 128 + SIGKILL)
    }

    @Test("a program that cannot start is an error that names it")
    func missingProgram() {
        #expect(throws: ChildProcess.SpawnError.self) { try ChildProcess.start(["/nonexistent/program"]) }
    }

    @Test("standard input from a file, output emptied or appended, standard error apart or dropped")
    func redirections() throws {
        let input = Self.temporaryPath("in"), output = Self.temporaryPath("out"), errors = Self.temporaryPath("err")
        defer { for p in [input, output, errors] { try? FileManager.default.removeItem(atPath: p) } }
        try "line\n".write(toFile: input, atomically: true, encoding: .utf8)
        try "old\n".write(toFile: output, atomically: true, encoding: .utf8)
        #expect(try ChildProcess.start(["cat"], stdin: .file(input), stdout: .file(output)).wait() == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "line\n")
        #expect(try ChildProcess.start(["sh", "-c", "echo more; echo oops >&2"], stdout: .file(output, append: true),
                                       stderr: .file(errors)).wait() == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "line\nmore\n")
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == "oops\n")
        #expect(try ChildProcess.start(["sh", "-c", "echo gone >&2"], stdout: .file(output), stderr: .null).wait() == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "")
    }

    @Test("the environment is the caller's unless one is given")
    func environment() throws {
        #expect(try ChildProcess.run(["sh", "-c", "echo \"$CHILD_TEST_VALUE\""], environment: ["CHILD_TEST_VALUE": "given", "PATH": "/usr/bin:/bin"]).output == "given\n")
        let inherited = ProcessInfo.processInfo.environment["PATH"] ?? ""
        #expect(try ChildProcess.run(["sh", "-c", "echo \"$PATH\""]).output == inherited + "\n")
    }

    #if os(Linux)
    @Test("the child stays in the caller's process group, with no signal blocked and no descriptor beyond 0-2")
    func processState() throws {
        let leaked = open("/dev/null", O_RDONLY)  // no O_CLOEXEC: a plain spawn would pass it on
        defer { close(leaked) }
        #expect(leaked > 2)
        let script = "cut -d' ' -f5 /proc/$$/stat; [ -e /proc/$$/fd/\(leaked) ] && echo open || echo closed"
        let lines = try ChildProcess.run(["sh", "-c", script]).output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == String(getpgrp()))
        #expect(lines.last == "closed")
        // The mask as the child starts: read by the spawned program itself (a shell blocks
        // signals of its own for a moment around the commands it starts).
        let status = try ChildProcess.run(["grep", "SigBlk", "/proc/self/status"]).output
        #expect(status.hasSuffix("0000000000000000\n"), "\(status)")
    }
    #endif
}
