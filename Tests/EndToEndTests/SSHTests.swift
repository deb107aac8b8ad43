
#if canImport(Glibc)
import CandidateCore
import ChildProcess
import Foundation
import Glibc
import Testing
#endif

/// OpenSSH's `sshd` on 127.0.0.1 with its own configuration, host key and authorized key in
/// a temporary folder: no PAM, no strict modes, public-key login as the current user.
final class SSHServer {
    static let sshdPath = "/usr/sbin/sshd"

    let dir: TempDir
    let port: Int
    let process: ChildProcess
    let clientKey: String
    let user: String

    init() throws {
        dir = try TempDir()
        let hostKey = dir.file("host_ed25519"), config = dir.file("sshd_config"), log = dir.file("sshd.log")
        clientKey = dir.file("client_ed25519")
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        for key in [hostKey, clientKey] {
            let r = try ChildProcess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "e2e", "-f", key])
            guard r.status == 0 else { throw TimedOut(description: "ssh-keygen failed: \(r.output)") }
        }
        try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: dir.file("authorized_keys"))
        // sshd refuses to start as root without its privilege separation folder.
        if geteuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }

        var started: (ChildProcess, Int)?
        var lastLog = ""
        for _ in 0..<5 {
            let port = try Self.freePort()
            try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(hostKey)
            PidFile \(dir.file("sshd.pid"))
            AuthorizedKeysFile \(dir.file("authorized_keys"))
            UsePAM no
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            PrintMotd no
            PrintLastLog no
            UseDNS no
            LogLevel VERBOSE
            """.write(toFile: config, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(atPath: log)
            let p = try ChildProcess.start([Self.sshdPath, "-D", "-e", "-f", config], stdout: .file(log, append: true))
            var listening = false
            try? waitUntil("sshd to listen", seconds: 10) {
                lastLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                listening = lastLog.contains("Server listening on 127.0.0.1 port \(port)")
                return listening || !p.isRunning
            }
            if listening { started = (p, port); break }
            p.signal(SIGKILL)
            p.wait()
        }
        guard let started else { throw TimedOut(description: "sshd did not start:\n\(lastLog)") }
        (process, port) = started
    }

    deinit {
        process.signal(SIGTERM)
        process.wait()
    }

    /// The `ssh` command (shell words) that runs `remote` on this server in a pty.
    func sshCommand(_ remote: String) -> String {
        let q = TmuxSession.quote
        return ["ssh", "-tt", "-p", String(port), "-i", q(clientKey),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes", "\(user)@127.0.0.1", q(remote)].joined(separator: " ")
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TimedOut(description: "socket() failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(fd, sa, len) == 0 && getsockname(fd, sa, &len) == 0
            }
        }
        guard ok else { throw TimedOut(description: "bind() failed") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

extension Robustness {
    /// The editor over a real SSH connection: the connection dies, the remote program ends
    /// within 2 s and the local terminal is sane.
    @Suite(.requires(.sshd, .ssh, .sshKeygen))
    struct OverSSH {
        /// Starts the TUI through `ssh -tt` in a tmux pane; returns the run and the remote pid file.
        func startOverSSH(_ server: SSHServer, sandbox: SandboxProcess, files: TempDir, stateHome: String) throws -> (TUIRun, String) {
            let remotePid = files.file("remote.pid")
            let q = TmuxSession.quote
            let remote = "echo $$ > \(q(remotePid)); exec env INSTAVIEW_BASE_URL=\(q(sandbox.baseURL)) INSTAVIEW_API_KEY=sk_test_northwind "
                + "NO_COLOR=1 LANG=C.UTF-8 XDG_STATE_HOME=\(q(stateHome)) \(q(Binary.path))"
            let run = try TUIRun(env: [:], program: server.sshCommand(remote))
            try run.session.waitForMatch(#"[0-9]+ candidates"#, seconds: 30)
            return (run, remotePid)
        }

        @Test("killing the ssh client ends the remote editor within 2 s; the local terminal is sane",
              arguments: [SIGTERM, SIGKILL])
        func dropConnection(_ sig: Int32) async throws {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            _ = try SandboxRows.insert(sandbox, company: company, firstName: "Remote", lastName: "Worker")
            let server = try SSHServer()
            let files = try TempDir()
            let (run, remotePidFile) = try startOverSSH(server, sandbox: sandbox, files: files, stateHome: files.file("state"))
            let s = run.session
            try s.waitFor("Remote")
            try s.keys("Enter")
            try s.waitFor("GDPR expiry")
            try s.keys("Tab", "C-e")
            try s.type("Edited")
            try s.waitFor("WorkerEdited")
            let remotePid = pid_t((try String(contentsOfFile: remotePidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            #expect(remotePid > 0)
            #expect(!processEnded(remotePid))
            kill(try run.pid(), sig)
            let took = secondsUntilEnded(remotePid, limit: 2)
            #expect(took != nil, "the remote editor still runs 2 s after the ssh client died")
            if took == nil { kill(remotePid, SIGKILL) }
            _ = try run.exitStatus()
            if sig != SIGKILL {
                // ssh restores the local terminal when it can; a SIGKILLed ssh cannot.
                let stty = try run.sttyBeforeAfter()
                #expect(stty.before == stty.after, "the local terminal was left changed")
            }
            #expect(try sandbox.requests(method: "PATCH").isEmpty)
            withExtendedLifetime((sandbox, server)) {}
        }

        @Test("after the connection died, the next start offers the draft back")
        func nextStartOffersDraft() async throws {
            let dir = try TempDir()
            let (sandbox, company, _) = try await startSandbox(dir)
            _ = try SandboxRows.insert(sandbox, company: company, firstName: "Remote", lastName: "Worker")
            let server = try SSHServer()
            let files = try TempDir()
            let state = files.file("state")
            let (run, remotePidFile) = try startOverSSH(server, sandbox: sandbox, files: files, stateHome: state)
            try run.session.waitFor("Remote")
            try run.session.keys("Enter")
            try run.session.waitFor("GDPR expiry")
            try run.session.keys("Tab", "C-e")
            try run.session.type("Edited")
            try run.session.waitFor("WorkerEdited")
            let remotePid = pid_t((try String(contentsOfFile: remotePidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            kill(try run.pid(), SIGKILL)
            #expect(secondsUntilEnded(remotePid, limit: 2) != nil)
            let again = try startOverSSH(server, sandbox: sandbox, files: files, stateHome: state).0
            try again.session.waitFor("1 unsent draft")
            try again.session.keys("r")
            try again.session.waitFor("WorkerEdited")
        }
    }
}
