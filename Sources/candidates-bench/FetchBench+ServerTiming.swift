import ChildProcess
import Foundation

/// (d) The sandbox's own time per request, from its `Server-Timing: app;dur=<ms>` header, for
/// list pages at the start, middle and end, and for `search=`; beside it curl's total time.
extension FetchBench.Run {
    struct ServerTiming {
        /// Per request kind and label: server milliseconds (when the header came) and curl's total.
        var samples: [(kind: String, label: String, server: [Double], total: [Double])] = []

        /// The largest median server time among the labels of `kind`; nil when no answer carried the header.
        func worstMedian(kind: String) -> Double? {
            let medians = samples.filter { $0.kind == kind && !$0.server.isEmpty }.map { Stats.median($0.server) }
            return medians.max()
        }
    }

    static let searches = ["stastny", "kowalczyk", "novak", "example.org"]

    func serverTiming() throws -> ServerTiming {
        let n = bench.timingRepeat
        print("(d) sandbox server time at \(size) (Server-Timing: app;dur=), \(n) requests each, one curl each")
        var result = ServerTiming()
        var targets: [(String, String, String)] = Array(Set([1, max(1, pages / 2), pages])).sorted().map {
            ("page", "page \($0)", "page=\($0)&limit=\(FetchBench.perPage)")
        }
        targets += Self.searches.map { ("search", "search=\($0)", "search=\($0)&limit=\(FetchBench.perPage)") }
        for (kind, label, query) in targets {
            var serverMs: [Double] = [], total: [Double] = []
            var code = ""
            for i in 0..<n {
                let headers = dir + "/timing-\(i).headers"
                let r = try ChildProcess.run(["curl", "-sS", "-o", "/dev/null", "-D", headers, "-w", "%{http_code} %{time_total}",
                                              "-H", "Authorization: Bearer \(FetchBench.key)", "\(server.baseURL)/candidates?\(query)"])
                let words = r.output.split(separator: " ")
                code = words.first.map(String.init) ?? "?"
                if let t = words.last.flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) { total.append(t * 1000) }
                if let ms = Self.serverTimingMs(headersFile: headers) { serverMs.append(ms) }
                try? FileManager.default.removeItem(atPath: headers)
            }
            let serverText = serverMs.isEmpty ? "n/a (no Server-Timing header)" : String(format: "median %.2f ms, max %.2f ms", Stats.median(serverMs), serverMs.max() ?? .nan)
            print("   " + pad(label, 22) + " HTTP \(code)  server: " + pad(serverText, 34) + String(format: "  curl total: median %.2f ms", Stats.median(total)))
            result.samples.append((kind, label, serverMs, total))
        }
        return result
    }

    /// The `dur=` of `Server-Timing` in a header dump, in milliseconds.
    static func serverTimingMs(headersFile: String) -> Double? {
        guard let text = try? String(contentsOfFile: headersFile, encoding: .utf8) else { return nil }
        // Header lines end in CRLF, one Character in Swift: split on any newline, not on "\n".
        for line in text.split(whereSeparator: \.isNewline) where line.lowercased().hasPrefix("server-timing:") {
            guard let r = line.range(of: "dur=") else { continue }
            let number = line[r.upperBound...].prefix { $0.isNumber || $0 == "." }
            return Double(number)
        }
        return nil
    }
}
