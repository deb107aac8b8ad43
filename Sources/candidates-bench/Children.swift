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
