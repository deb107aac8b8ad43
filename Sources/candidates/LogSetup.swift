import CandidateCore
import Foundation
import Logging

/// Where swift-log output goes. The editor must never write to the terminal while curses
/// owns it, so its logs go to a file (`CANDIDATES_LOG=/path`) or are dropped.
enum LogSetup {
    /// Logs to the file `CANDIDATES_LOG` names, if any (see `bootstrap(toFile:)`).
    static func bootstrapFromEnvironment() {
        bootstrap(toFile: ProcessInfo.processInfo.environment["CANDIDATES_LOG"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Logs at `CANDIDATES_LOG_LEVEL` (default debug) appended to `path` (a leading `~/` is the
    /// home folder), or no logging when `nil`. A log that cannot be opened is said in one line
    /// on standard error, and the command goes on without one.
    static func bootstrap(toFile path: String?) {
        guard let path else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        let handle: FileHandle
        switch openAppending(XDGPaths().expandingHome(path)) {
        case .success(let h): handle = h
        case .failure(let problem):
            FileHandle.standardError.write(Data("candidates: CANDIDATES_LOG: \(problem); no log is written\n".utf8))
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        let level = ProcessInfo.processInfo.environment["CANDIDATES_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .debug
        LoggingSystem.bootstrap { label in
            var h = FileLogHandler(label: label, handle: handle)
            h.logLevel = level
            return h
        }
    }

    /// Info and above on standard error (for `serve`).
    static func bootstrapStandardError() {
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = .info
            return h
        }
    }

    private static func openAppending(_ path: String) -> Result<FileHandle, PrivateFiles.Failure> {
        do { try PrivateFiles.makeFile(path) } catch let failure as PrivateFiles.Failure {
            return .failure(failure)
        } catch {
            return .failure(PrivateFiles.Failure(path: path, reason: "\(error)"))
        }
        guard let h = FileHandle(forWritingAtPath: path) else { return .failure(PrivateFiles.Failure(path: path, reason: "cannot open it for writing")) }
        h.seekToEndOfFile()
        return .success(h)
    }
}

/// One line per log record: time, level, label, message, metadata.
struct FileLogHandler: LogHandler, Sendable {
    let label: String
    let handle: FileHandle
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, handle: FileHandle) {
        self.label = label
        self.handle = handle
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let text = "\(ISO8601DateFormatter().string(from: Date())) \(event.level) \(label): \(event.message)\(meta)\n"
        handle.write(Data(text.utf8))
    }
}
