import ArgumentParser
import CandidateCore
import Foundation

/// `candidates-bench apply`: changes N candidates from a CSV file with `candidates apply --yes`,
/// and sends the same PATCH bodies with one `curl -Z --parallel-max P -K config` process (one
/// keep-alive process with parallel transfers: what a careful expert would run), against
/// `candidates serve` on 127.0.0.1 without a rate limit. Several runs of each, alternating,
/// each on candidates reset to APPLIED with a fresh email per run, so every row changes; medians.
struct ApplyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "candidates apply of N CSV rows vs curl -Z --parallel-max 8 -K config sending the same PATCHes."
    )

    @Option(help: "Rows (candidates) in the file.") var count = 1_000
    @Option(help: "Demo size of the sandbox (company 1 gets about 70%).") var demoSize = 1_600
    @Option(help: "curl --parallel-max.") var curlParallel = 8
    @Option(help: "candidates apply --concurrency.") var concurrency = 4
    @Option(help: "Runs of each.") var runs = 3
    @Option(help: ArgumentHelp("The candidates binary (default: next to this one).", valueName: "path")) var binary: String?
    @Option(help: ArgumentHelp("Working folder (default: a new temporary one).", valueName: "path")) var workDir: String?

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("--count must be 1...10000") }
        guard (1...64).contains(curlParallel) else { throw ValidationError("--curl-parallel must be 1...64") }
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be 1...20") }
    }

    func run() async throws {
        let candidatesBinary = try findCandidatesBinary(binary)
        guard (try? timedShell("command -v curl", stdout: "/dev/null", stderr: "/dev/null",
                               environment: ProcessInfo.processInfo.environment).status) == 0 else {
            throw ValidationError("curl is needed on PATH")
        }
        let (dir, _) = try benchFolder(workDir, name: "apply")
        print("candidates-bench apply: \(count) rows (status APPLIED → REJECTED, a new email) on candidates serve at 127.0.0.1, \(runs) runs each")
        print("binary: \(candidatesBinary)")
        print("machine: \(ListBench.machine())")
        print("work folder: \(dir)\n")

        let server = try SandboxChild(binary: candidatesBinary, directory: dir, name: "apply", demoSize: demoSize,
                                      perMinute: 1_000_000_000, perHour: 1_000_000_000)
        defer { server.stop() }
        let setup = try Setup(baseURL: server.baseURL)
        let ids = try await setup.pick(count)
        let env = FetchBench.cliEnvironment(server.baseURL, home: dir)

        var times: [String: [Double]] = [:]
        let applyLabel = "(a) candidates apply --concurrency \(concurrency)"
        let curlLabel = "(b) curl -Z --parallel-max \(curlParallel) -K config"
        for run in 1...runs {
            for which in [applyLabel, curlLabel] {
                let tag = "\(which == applyLabel ? "apply" : "curl")-\(run)"
                try await setup.reset(ids, to: .applied)
                let bodies = ids.enumerated().map { i, _ in
                    JSONValue.object(["status": .string("REJECTED"), "email": .string("bench-\(tag)-\(i)@example.com")])
                }
                let result: (status: Int32, seconds: Double)
                if which == applyLabel {
                    let file = dir + "/\(tag).csv"
                    let csv = "id,status,email\n" + zip(ids, bodies).map { "\($0),REJECTED,\($1["email"]?.stringValue ?? "")\n" }.joined()
                    try csv.write(toFile: file, atomically: true, encoding: .utf8)
                    result = try timedShell("\(shellQuote(candidatesBinary)) apply --yes --concurrency \(concurrency) \(shellQuote(file))",
                                            stdout: dir + "/\(tag).out", stderr: dir + "/\(tag).err", environment: env)
                } else {
                    let config = dir + "/\(tag).curl"
                    try Self.curlConfig(baseURL: server.baseURL, ids: ids, bodies: bodies).write(toFile: config, atomically: true, encoding: .utf8)
                    result = try timedShell("curl -sS -Z --parallel-max \(curlParallel) -K \(shellQuote(config))",
                                            stdout: dir + "/\(tag).out", stderr: dir + "/\(tag).err", environment: env)
                }
                let done = try await setup.countAt(ids, .rejected)
                let codes = (FileManager.default.contents(atPath: dir + "/\(tag).out").map { String(decoding: $0, as: UTF8.self) } ?? "")
                    .split(separator: "\n").filter { $0 == "200" }.count
                print("   \(pad(tag, 10)) \(String(format: "%7.2f s", result.seconds))   \(done)/\(count) REJECTED, exit \(result.status)"
                      + (which == curlLabel ? ", \(codes) HTTP 200" : ""))
                times[which, default: []].append(result.seconds)
            }
        }
        let a = Stats.median(times[applyLabel] ?? []), b = Stats.median(times[curlLabel] ?? [])
        print("\nmedians of \(runs) runs:")
        print("\(pad(applyLabel, 44)) \(String(format: "%7.2f s", a))  (reads every candidate first, journals every change)")
        print("\(pad(curlLabel, 44)) \(String(format: "%7.2f s", b))  (sends only)")
        print(String(format: "ratio (a)/(b) = %.2f", a / b))
        print("machine at the end: \(ListBench.machine())")
    }

    /// A curl config: per candidate its URL, PATCH, the key, the JSON body, the status code written out; `next` between.
    static func curlConfig(baseURL: String, ids: [String], bodies: [JSONValue]) -> String {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return zip(ids, bodies).map { id, body in
            """
            url = \(quoted(baseURL + "/candidates/" + id))
            request = "PATCH"
            header = "Authorization: Bearer sk_test_northwind"
            header = "Content-Type: application/json"
            data = \(quoted(body.compactText()))
            output = "/dev/null"
            write-out = "%{http_code}\\n"

            """
        }.joined(separator: "next\n")
    }
}
