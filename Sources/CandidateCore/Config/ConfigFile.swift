import Foundation
import TOMLKit

/// One named way to reach the API, from `[profiles.NAME]` in the config file.
///
/// The key is never in the file: `apiKeyFile` names a file holding it, or `apiKeyEnv` the
/// environment variable that does.
public struct Profile: Equatable, Sendable {
    public var name: String
    /// `base-url`: the API base URL including any path prefix.
    public var baseURL: String?
    /// `api-key-file`: a file holding the key (a leading `~/` is the home folder).
    public var apiKeyFile: String?
    /// `api-key-env`: the name of an environment variable holding the key.
    public var apiKeyEnv: String?
    /// `company-id`: the company an ATS key works for.
    public var companyId: String?

    public init(name: String, baseURL: String? = nil, apiKeyFile: String? = nil, apiKeyEnv: String? = nil, companyId: String? = nil) {
        self.name = name
        self.baseURL = baseURL
        self.apiKeyFile = apiKeyFile
        self.apiKeyEnv = apiKeyEnv
        self.companyId = companyId
    }
}

/// A problem in the config file, said as `FILE:LINE: message` (the line when it is known).
public struct ConfigProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// The config file, `$XDG_CONFIG_HOME/candidates/config.toml`:
///
/// ```toml
/// default-profile = "northwind"
/// [profiles.northwind]
/// base-url = "https://api.instaview.sk"
/// api-key-file = "~/.config/candidates/northwind.key"   # or: api-key-env = "NORTHWIND_KEY"
/// [profiles.agency]
/// base-url = "https://api.instaview.sk/v1/public"
/// api-key-env = "AGENCY_KEY"
/// company-id = "…"                                       # with an ATS key
/// ```
///
/// Every key is checked: an unknown key, a value of the wrong type, a profile with both key
/// sources or a default naming no profile is a `ConfigProblem`, never ignored.
public struct ConfigFile: Equatable, Sendable {
    /// Where it was read from.
    public var path: String
    /// `default-profile`: the profile used when none is chosen.
    public var defaultProfile: String?
    /// By name, in the file's order.
    public var profiles: [Profile]

    public func profile(_ name: String) -> Profile? { profiles.first { $0.name == name } }

    /// Reads `path`; `nil` when there is no file there.
    /// - Throws: the file's first `ConfigProblem` (`check(file:)` gives all of them).
    public static func load(_ path: String) throws -> ConfigFile? {
        guard let result = check(file: path) else { return nil }
        if let first = result.problems.first { throw first }
        return result.config
    }

    /// Reads and checks the file at `path`; `nil` when there is no file there.
    public static func check(file path: String) -> (config: ConfigFile?, problems: [ConfigProblem])? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [ConfigProblem(file: path, line: nil, message: "cannot be read")])
        }
        return check(text: String(decoding: data, as: UTF8.self), path: path)
    }

    static let topKeys: Set<String> = ["default-profile", "profiles"]
    static let profileKeys: Set<String> = ["base-url", "api-key-file", "api-key-env", "company-id"]

    /// Parses `text` and reports every problem, in the order of the file.
    public static func check(text: String, path: String) -> (config: ConfigFile?, problems: [ConfigProblem]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            return (nil, [ConfigProblem(file: path, line: e.source.begin.line, message: e.description)])
        } catch {
            return (nil, [ConfigProblem(file: path, line: nil, message: "\(error)")])
        }
        let lines = KeyLines(text)
        var problems: [ConfigProblem] = []
        func problem(_ section: String, _ key: String, _ message: String) {
            problems.append(ConfigProblem(file: path, line: lines.line(of: key, in: section), message: message))
        }
        for key in table.keys.sorted() where !topKeys.contains(key) {
            problem("", key, "unknown key '\(key)' (known: \(topKeys.sorted().joined(separator: ", ")))")
        }
        var config = ConfigFile(path: path, defaultProfile: nil, profiles: [])
        if let value = table["default-profile"] {
            if let name = value.string { config.defaultProfile = name } else { problem("", "default-profile", "default-profile must be a string") }
        }
        if let value = table["profiles"] {
            if let profiles = value.table {
                for name in lines.order(of: profiles.keys, under: "profiles") {
                    let section = "profiles." + name
                    guard let body = profiles[name]?.table else { problem("profiles", name, "profiles.\(name) must be a table"); continue }
                    var p = Profile(name: name)
                    for key in body.keys.sorted() where !profileKeys.contains(key) {
                        problem(section, key, "unknown key '\(key)' in profile \(name) (known: \(profileKeys.sorted().joined(separator: ", ")))")
                    }
                    func string(_ key: String) -> String? {
                        guard let v = body[key] else { return nil }
                        guard let s = v.string, !s.isEmpty else { problem(section, key, "\(key) must be a non-empty string"); return nil }
                        return s
                    }
                    p.baseURL = string("base-url")
                    p.apiKeyFile = string("api-key-file")
                    p.apiKeyEnv = string("api-key-env")
                    p.companyId = string("company-id")
                    if p.apiKeyFile != nil, p.apiKeyEnv != nil {
                        problem(section, "api-key-env", "profile \(name) has both api-key-file and api-key-env; keep one")
                    }
                    config.profiles.append(p)
                }
            } else {
                problem("", "profiles", "profiles must be tables: [profiles.NAME]")
            }
        }
        if let name = config.defaultProfile, config.profile(name) == nil {
            problem("", "default-profile", "default-profile '\(name)' names no [profiles.\(name)]")
        }
        // In the file's order; problems on one line keep the order they were found in.
        let ordered = problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        return (ordered.isEmpty ? config : nil, ordered)
    }
}

/// Finds the line of a key in a TOML text, for messages: tables by their `[a.b]` headers,
/// keys by `key =` at the start of a line. Plain scanning, good for the shapes the config uses.
struct KeyLines {
    /// (section, key or header name, 1-based line).
    private var entries: [(section: String, key: String, line: Int)] = []

    init(_ text: String) {
        var section = ""
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                section = Self.unquote(String(line[line.index(after: line.startIndex)..<end]))
                let parts = section.split(separator: ".").map(String.init)
                if parts.count > 1 {
                    entries.append((parts.dropLast().joined(separator: "."), parts.last!, i + 1))
                } else {
                    entries.append(("", section, i + 1))
                }
            } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("#") {
                entries.append((section, Self.unquote(String(line[..<eq])), i + 1))
            }
        }
    }

    private static func unquote(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.joined(separator: ".")
    }

    /// The line of `key` in `section` (a table's header line for a table's name).
    func line(of key: String, in section: String) -> Int? {
        entries.first { $0.section == section && $0.key == key }?.line
    }

    /// `names` in the order their tables first appear under `section`.
    func order(of names: [String], under section: String) -> [String] {
        names.sorted { (line(of: $0, in: section) ?? .max, $0) < (line(of: $1, in: section) ?? .max, $1) }
    }
}
