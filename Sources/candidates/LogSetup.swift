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

    /// Logs at `CANDIDATES_LOG_LEVEL` (default debug) appended to `path`, or no logging when `nil`.
    static func bootstrap(toFile path: String?) {
        guard let path, let handle = openAppending(path) else {
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

    private static func openAppending(_ path: String) -> FileHandle? {
        guard (try? PrivateFiles.makeFile(path)) != nil else { return nil }
        guard let h = FileHandle(forWritingAtPath: path) else { return nil }
        h.seekToEndOfFile()
        return h
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
