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
    /// `company-id`: the company an ATS key works for (with `companies`: the one to start with).
    public var companyId: String?
    /// `companies`: the companies an ATS key switches between, as `["id", …]` or a table
    /// `{ Name = "id", … }`; empty when not given.
    public var companies: [ProfileCompany] = []
    /// `sort`: the list's first sort, `FIELD` or `FIELD asc|desc`, as the program names fields.
    public var sort: String?
    /// `filter`: the list's first server-side filter, `{ status = "…", job = "JOB-ID" }`.
    public var filter: [String: String] = [:]
    /// `privacy`: start with email and phone masked.
    public var privacy: Bool?
    /// `low-bandwidth`: start in low-bandwidth mode.
    public var lowBandwidth: Bool?
    /// `theme`: the colour theme's name.
    public var theme: String?
    /// `columns`: the list's columns, by name, in order.
    public var columns: [String]?
    /// `detail-pane`: show the detail pane (else by width).
    public var detailPane: Bool?
    /// `journal-retention-days`: how many days the journal of changes keeps a change (1 to
    /// 3650; `Journal.defaultRetention` when not given).
    public var journalRetentionDays: Int?
    /// `[profiles.NAME.keys]`: actions given other keys, in the file's order.
    public var keys: [ProfileKeys] = []

    public init(name: String, baseURL: String? = nil, apiKeyFile: String? = nil, apiKeyEnv: String? = nil, companyId: String? = nil) {
        self.name = name
        self.baseURL = baseURL
        self.apiKeyFile = apiKeyFile
        self.apiKeyEnv = apiKeyEnv
        self.companyId = companyId
    }
}

/// A company an ATS key can act for, from a profile's `companies`.
public struct ProfileCompany: Equatable, Sendable {
    /// The name it is shown and chosen by (its id when the profile gives only ids).
    public var name: String
    public var id: String
    public init(name: String, id: String) { self.name = name; self.id = id }
}

/// One entry of a profile's `keys` table: an action and the keys it gets, as written.
public struct ProfileKeys: Equatable, Sendable {
    public var action: String
    public var keys: [String]
    public init(action: String, keys: [String]) { self.action = action; self.keys = keys }
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
    public static func load(_ path: String, settings: SettingsCheck? = nil) throws -> ConfigFile? {
        guard let result = check(file: path, settings: settings) else { return nil }
        if let first = result.problems.first { throw first }
        return result.config
    }

    /// Reads and checks the file at `path`; `nil` when there is no file there.
    public static func check(file path: String, settings: SettingsCheck? = nil) -> (config: ConfigFile?, problems: [ConfigProblem])? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [ConfigProblem(file: path, line: nil, message: "cannot be read")])
        }
        return check(text: String(decoding: data, as: UTF8.self), path: path, settings: settings)
    }

    static let topKeys: Set<String> = ["default-profile", "profiles"]
    static let profileKeys: Set<String> = ["base-url", "api-key-file", "api-key-env", "company-id", "companies", "sort", "filter",
                                           "privacy", "low-bandwidth", "theme", "columns", "detail-pane", "keys",
                                           "journal-retention-days"]

    /// Checks the values of a profile's settings that only the program knows (key and action
    /// names, column and theme names, sort fields): each problem names the setting (`sort`,
    /// or `keys.ACTION` for an entry of the keys table) and what is wrong.
    public typealias SettingsCheck = @Sendable (Profile) -> [(setting: String, message: String)]

    /// Parses `text` and reports every problem, in the order of the file.
    public static func check(text: String, path: String, settings: SettingsCheck? = nil) -> (config: ConfigFile?, problems: [ConfigProblem]) {
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
                    if let id = p.companyId, !PatchValidator.isUUID(id) { problem(section, "company-id", "company-id '\(id)' is not a company id (a UUID)") }
                    if p.apiKeyFile != nil, p.apiKeyEnv != nil {
                        problem(section, "api-key-env", "profile \(name) has both api-key-file and api-key-env; keep one")
                    }
                    readSettings(body, into: &p, problem: { key, message in
                        // `table.key`: the entry's own line, else its table's.
                        if let dot = key.firstIndex(of: "."), case let table = String(key[..<dot]), case let entry = String(key[key.index(after: dot)...]) {
                            let line = lines.line(of: entry, in: section + "." + table) ?? lines.line(of: table, in: section)
                            problems.append(ConfigProblem(file: path, line: line, message: message))
                        } else {
                            problem(section, key, message)
                        }
                    }, lines: lines, section: section)
                    for (setting, message) in settings?(p) ?? [] {
                        if setting.hasPrefix("keys.") {
                            let action = String(setting.dropFirst(5))
                            problems.append(ConfigProblem(file: path, line: lines.line(of: action, in: section + ".keys") ?? lines.line(of: "keys", in: section),
                                                          message: "profile \(name): keys: \(message)"))
                        } else {
                            problem(section, setting, "profile \(name): \(setting): \(message)")
                        }
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

extension ConfigFile {
    /// Reads a profile's display and list settings, reporting values of the wrong shape.
    static func readSettings(_ body: TOMLTable, into p: inout Profile, problem: (String, String) -> Void, lines: KeyLines, section: String) {
        func bool(_ key: String) -> Bool? {
            guard let v = body[key] else { return nil }
            guard let b = v.bool else { problem(key, "\(key) must be true or false"); return nil }
            return b
        }
        func string(_ key: String) -> String? {
            guard let v = body[key] else { return nil }
            guard let s = v.string, !s.isEmpty else { problem(key, "\(key) must be a non-empty string"); return nil }
            return s
        }
        p.privacy = bool("privacy")
        p.lowBandwidth = bool("low-bandwidth")
        p.detailPane = bool("detail-pane")
        p.theme = string("theme")
        p.sort = string("sort")
        if let v = body["journal-retention-days"] {
            if let days = v.int, (1...3650).contains(days) {
                p.journalRetentionDays = days
            } else {
                problem("journal-retention-days", "journal-retention-days must be a whole number of days from 1 to 3650, e.g. 30")
            }
        }
        if let v = body["columns"] {
            if let array = v.array, case let names = array.compactMap(\.string), names.count == array.count, !names.isEmpty {
                p.columns = names
            } else {
                problem("columns", "columns must be a list of column names, e.g. [\"name\", \"status\", \"email\"]")
            }
        }
        if let v = body["companies"] {
            if let array = v.array {
                let ids = array.compactMap(\.string)
                if ids.count != array.count || ids.contains(where: \.isEmpty) {
                    problem("companies", "companies must be a list of company ids, or a table of name = \"id\"")
                } else {
                    p.companies = ids.map { ProfileCompany(name: $0, id: $0) }
                }
            } else if let table = v.table {
                var companies: [ProfileCompany] = []
                // In the file's order: the first is where the profile starts.
                for name in lines.order(of: table.keys, under: section + ".companies") {
                    guard let id = table[name]?.string, !id.isEmpty else { problem("companies.\(name)", "companies.\(name) must be a company id (a string)"); continue }
                    companies.append(ProfileCompany(name: name, id: id))
                }
                p.companies = companies
            } else {
                problem("companies", "companies must be a list of company ids, or a table of name = \"id\"")
            }
            for c in p.companies where !PatchValidator.isUUID(c.id) {
                problem("companies", "companies: '\(c.id)' is not a company id (a UUID)")
            }
            if p.companies.contains(where: { $0.name.trimmingCharacters(in: .whitespaces).isEmpty }) {
                problem("companies", "companies: a company needs a name")
            }
            let folded = p.companies.map { $0.name.lowercased() }
            if Set(folded).count != folded.count { problem("companies", "companies: two names differ only in case; :company could not tell them apart") }
            if p.companies.isEmpty, v.array?.isEmpty == true || v.table?.isEmpty == true {
                problem("companies", "companies must name at least one company")
            }
            if let start = p.companyId, !p.companies.isEmpty, !p.companies.contains(where: { $0.id == start }) {
                problem("company-id", "company-id must be one of the profile's companies")
            }
        }
        if let v = body["filter"] {
            if let table = v.table {
                for key in table.keys.sorted() {
                    guard key == "status" || key == "job" else { problem("filter", "filter takes status and job, not '\(key)'"); continue }
                    guard let value = table[key]?.string, !value.isEmpty else { problem("filter", "filter.\(key) must be a non-empty string"); continue }
                    p.filter[key] = value
                }
            } else {
                problem("filter", "filter must be a table, e.g. { status = \"APPLIED\", job = \"JOB-ID\" }")
            }
        }
        if let v = body["keys"] {
            guard let table = v.table else { problem("keys", "keys must be a table of action = \"key\""); return }
            for action in lines.order(of: table.keys, under: section + ".keys") {
                let value = table[action]!
                if let one = value.string {
                    p.keys.append(ProfileKeys(action: action, keys: [one]))
                } else if let array = value.array, case let names = array.compactMap(\.string), names.count == array.count {
                    p.keys.append(ProfileKeys(action: action, keys: names))
                } else {
                    problem("keys.\(action)", "keys.\(action) must be a key name or a list of them")
                }
            }
        }
    }
}

/// Finds the line of a key in a TOML text, for messages: tables by their `[a.b]` headers,
/// keys by `key =` at the start of a line. Plain scanning, good for the shapes the config uses.
struct KeyLines {
    /// The first 1-based line of each (section, key or header name).
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var section = ""
        // `isNewline` takes CR LF as one line break (a Character), so CRLF files count as LF ones.
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                section = Self.unquote(String(line[line.index(after: line.startIndex)..<end]))
                let parts = section.split(separator: ".").map(String.init)
                if parts.count > 1 {
                    add(parts.dropLast().joined(separator: "."), parts.last!, i + 1)
                } else {
                    add("", section, i + 1)
                }
            } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("#") {
                // A dotted key (`keys.status = …`) is also found as `status` in `keys`.
                let key = Self.unquote(String(line[..<eq]))
                add(section, key, i + 1)
                let parts = key.split(separator: ".").map(String.init)
                if parts.count > 1 { add(([section] + parts.dropLast()).filter { !$0.isEmpty }.joined(separator: "."), parts.last!, i + 1) }
            }
        }
    }

    private static func unquote(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.joined(separator: ".")
    }

    private mutating func add(_ section: String, _ key: String, _ line: Int) {
        let id = section + "\u{1F}" + key
        if lines[id] == nil { lines[id] = line }
    }

    /// The line of `key` in `section` (a table's header line for a table's name).
    func line(of key: String, in section: String) -> Int? {
        lines[section + "\u{1F}" + key]
    }

    /// `names` in the order their tables first appear under `section`.
    func order(of names: [String], under section: String) -> [String] {
        names.sorted { (line(of: $0, in: section) ?? .max, $0) < (line(of: $1, in: section) ?? .max, $1) }
    }
}
