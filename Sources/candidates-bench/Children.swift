import ArgumentParser
import ChildProcess
import Foundation

/// Why a measurement could not be made (a child that did not start, a screen that never came).
struct BenchFailure: Error, CustomStringConvertible { var description: String }

/// Runs `sh -c script` to the end; returns the exit status and the wall time in seconds.
func timedShell(_ script: String, stdout: String, stderr: String, environment: [String: String]) throws -> (status: Int32, seconds: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let child = try ChildProcess.start(["sh", "-c", script], stdout: .file(stdout), stderr: .file(stderr), environment: environment)
    let status = child.wait()
    return (status, seconds(clock.now - start))
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Single-quotes for sh.
func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

/// The `candidates` binary to measure: `binary`, else the one next to this bench.
/// - Throws: `ValidationError` when it is not an executable file.
func findCandidatesBinary(_ binary: String?) throws -> String {
    let path = binary ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("candidates").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
        throw ValidationError("no candidates binary at \(path); build it or pass --binary")
    }
    return path
}

/// The working folder, created: `workDir`, else a new temporary one named `candidates-bench-<name>-…`
/// that the caller removes at the end (`temporary`).
func benchFolder(_ workDir: String?, name: String) throws -> (path: String, temporary: Bool) {
    let path = workDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("candidates-bench-\(name)-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return (path, workDir == nil)
}
