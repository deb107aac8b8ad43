import ArgumentParser
import CandidateCore
import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The data the measurements run on, and the machine they run on.
extension ListBench {
    /// The candidates of one company in the sandbox's database, through the sqlite3 command-line
    /// tool (ASCII mode: 0x1F between columns, 0x1E between rows), in the server's list order.
    static func loadCandidates(db: String, companyId: String, dir: String) throws -> [Candidate] {
        let out = dir + "/candidates.ascii", err = dir + "/sqlite3.err"
        let sql = """
            SELECT id, firstName, lastName, ifnull(email, ''), ifnull(phoneNumber, ''), status, ifnull(overallRating, ''),
                   ifnull(gdprExpiryDate, ''), createdAt, updatedAt,
                   ifnull((SELECT group_concat(jobId) FROM (SELECT jobId FROM candidateJob WHERE candidateId = candidate.id ORDER BY position)), '')
            FROM candidate WHERE companyId = '\(companyId)' ORDER BY createdAt, id
            """
        let status = try ChildProcess.start(["sqlite3", "-readonly", "-ascii", db, sql], stdout: .file(out), stderr: .file(err)).wait()
        guard status == 0 else { throw BenchFailure(description: "sqlite3 failed (\(status)), see \(err)") }
        let data = FileManager.default.contents(atPath: out) ?? Data()
        defer { try? FileManager.default.removeItem(atPath: out) }
        var result: [Candidate] = []
        result.reserveCapacity(100_000)
        for record in data.split(separator: 0x1E) {
            let f = record.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard f.count == 11 else { continue }
            result.append(Candidate(id: f[0], firstName: f[1], lastName: f[2], email: f[3].isEmpty ? nil : f[3],
                                    phoneNumber: f[4].isEmpty ? nil : f[4], gdprExpiryDate: f[7].isEmpty ? nil : f[7],
                                    status: CandidateStatus(f[5]), jobIds: f[10].isEmpty ? [] : f[10].split(separator: ",").map(String.init),
                                    overallRating: Int(f[6]), createdAt: f[8], updatedAt: f[9]))
        }
        return result
    }

    static func companyCounts(db: String) throws -> [(id: String, count: Int)] {
        let r = try ChildProcess.run(["sqlite3", "-readonly", db, "SELECT companyId || ' ' || count(*) FROM candidate GROUP BY companyId ORDER BY companyId"])
        guard r.status == 0 else { throw BenchFailure(description: "sqlite3: \(r.output)") }
        return r.output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let n = Int(parts[1]) else { return nil }
            return (String(parts[0]), n)
        }
    }

    static func onPath(_ tool: String) -> Bool {
        (try? timedShell("command -v \(tool)", stdout: "/dev/null", stderr: "/dev/null", environment: ProcessInfo.processInfo.environment).status) == 0
    }

    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "?"
        let memKB = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("MemTotal") }?
            .split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return "\(ProcessInfo.processInfo.activeProcessorCount) CPUs (\(cpu)), \(memKB / 1024 / 1024) GB RAM, load average \(load)"
    }
}
