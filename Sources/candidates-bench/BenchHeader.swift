import ChildProcess
import Foundation

/// The lines every comparison starts with, so a pasted run says where and how it was measured:
/// the date (UTC), the machine (CPUs, CPU model, RAM, load average), the build configuration of
/// the measured binary, its `--version`, and the Swift compiler's version.
enum BenchHeader {
    static func print(title: String, binary: String, workDir: String) {
        Swift.print(title)
        Swift.print("date: \(utcNow())")
        Swift.print("machine: \(ListBench.machine())")
        Swift.print("binary: \(binary) (\(buildConfiguration(binary)) build), \(firstLine(of: [binary, "--version"]))")
        Swift.print("swift: \(firstLine(of: ["swift", "--version"]))")
        Swift.print("work folder: \(workDir)\n")
    }

    /// `release`, `debug` or `unknown`, from the SwiftPM build folder the binary sits in.
    static func buildConfiguration(_ binary: String) -> String {
        let path = URL(fileURLWithPath: binary).resolvingSymlinksInPath().path
        if path.contains("/release/") { return "release" }
        if path.contains("/debug/") { return "debug" }
        return "unknown"
    }

    static func utcNow() -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }

    /// The first line a command prints, or `?` when it cannot run.
    static func firstLine(of argv: [String]) -> String {
        guard let r = try? ChildProcess.run(argv), r.status == 0 else { return "?" }
        return r.output.split(separator: "\n").first.map(String.init) ?? "?"
    }
}
