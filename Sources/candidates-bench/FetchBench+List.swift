import ChildProcess
import Foundation

/// (a) `candidates list --json` vs one keep-alive curl process fetching the same pages.
extension FetchBench.Run {
    struct ListVsCurl {
        var ours: [Double] = []
        var curl: [Double] = []
    }

    /// `runs` of each, alternating (curl first); with `withList` false only curl runs (the
    /// reference of the TUI's load). Each output goes to a file, is counted, then removed.
    func listVsCurl(withList: Bool) throws -> ListVsCurl {
        print("(a) list --json vs one curl process: \(pages) pages of \(FetchBench.perPage), \(size) candidates, into a file")
        let env = FetchBench.cliEnvironment(server.baseURL, home: dir + "/home-cli")
        let url = "\(server.baseURL)/candidates?page=[1-\(pages)]&limit=\(FetchBench.perPage)"
        let curlScript = "exec curl -sS -H \(shellQuote("Authorization: Bearer \(FetchBench.key)")) -w '%{stderr}%{http_code}\\n' \(shellQuote(url))"
        print("   curl: \(curlScript.dropFirst(5))")
        var result = ListVsCurl()
        for run in 1...runs {
            let curlOut = dir + "/curl-\(size)-\(run).json", curlCodes = dir + "/curl-\(size)-\(run).codes"
            let c = try timedShell(curlScript, stdout: curlOut, stderr: curlCodes, environment: env)
            let ok = (FileManager.default.contents(atPath: curlCodes).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .split(separator: "\n").filter { $0 == "200" }.count
            print(String(format: "   run %d curl:           %7.2f s   %d candidates, %d/%d HTTP 200, %@, exit %d",
                         run, c.seconds, Self.count(in: curlOut), ok, pages, Self.megabytes(curlOut), c.status))
            result.curl.append(c.seconds)
            try? FileManager.default.removeItem(atPath: curlOut)
            guard withList else { continue }
            let ours = dir + "/list-\(size)-\(run).jsonl"
            let l = try timedShell("exec \(shellQuote(binary)) list --json", stdout: ours, stderr: dir + "/list-\(size)-\(run).err", environment: env)
            print(String(format: "   run %d list --json:    %7.2f s   %d candidates, %@, exit %d", run, l.seconds, Self.count(in: ours), Self.megabytes(ours), l.status))
            result.ours.append(l.seconds)
            try? FileManager.default.removeItem(atPath: ours)
        }
        if withList {
            let o = Stats.median(result.ours), c = Stats.median(result.curl)
            print(String(format: "   medians: list --json %.2f s, curl %.2f s → %.2f× curl", o, c, o / c))
        }
        return result
    }

    /// Candidate objects in a file of JSON: occurrences of the `"firstName"` key (one per candidate).
    static func count(in file: String) -> Int {
        let r = try? ChildProcess.run(["sh", "-c", "grep -o '\"firstName\"' \(shellQuote(file)) | wc -l"])
        return Int(r?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
    }

    static func megabytes(_ file: String) -> String { String(format: "%.1f MB", Double(fileSize(file)) / 1_048_576) }
}
