import CandidateCore
import ChildProcess
import Foundation

/// `candidates serve` on a free port of 127.0.0.1 with its own database and request log.
final class SandboxChild {
    let child: ChildProcess
    let baseURL: String
    let requestLog: String
    let databasePath: String

    /// Starts the server and waits until it prints its address. `database` names the SQLite
    /// file in `directory`; it is deleted first unless `keepDatabase`.
    init(binary: String, directory: String, name: String, database: String? = nil, keepDatabase: Bool = false,
         demoSize: Int, perMinute: Int, perHour: Int, startupSeconds: Double = 120) throws {
        let db = directory + "/\(database ?? name).sqlite"
        databasePath = db
        requestLog = directory + "/\(name)-requests.jsonl"
        let out = directory + "/\(name)-serve.out"
        if !keepDatabase { for path in [db, db + "-wal", db + "-shm"] { try? FileManager.default.removeItem(atPath: path) } }
        try? FileManager.default.removeItem(atPath: requestLog)
        child = try ChildProcess.start([binary, "serve", "--port", "0", "--db", db, "--demo-size", String(demoSize),
                                 "--rate-limit-per-minute", String(perMinute), "--rate-limit-per-hour", String(perHour),
                                 "--request-log", requestLog], stdout: .file(out))
        let deadline = Date().addingTimeInterval(startupSeconds)
        var url: String?
        while url == nil && Date() < deadline && child.isRunning {
            let text = FileManager.default.contents(atPath: out).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if let r = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) { url = String(text[r]) }
            else { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let url else {
            child.terminate()
            throw BenchFailure(description: "candidates serve did not start (see \(out))")
        }
        baseURL = url
    }

    func stop() { child.terminate() }

    /// The request log's lines, decoded.
    func requests() -> [JSONValue] {
        guard let data = FileManager.default.contents(atPath: requestLog) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
    }

    /// Lines from the `from`-th on (to look at one run's requests only).
    func requests(from index: Int) -> [JSONValue] { Array(requests().dropFirst(index)) }
}
