import ArgumentParser
import CandidateCore
import CandidateSandbox
import CandidateTUI
import Foundation

/// How to reach the API: flags, else environment, else the embedded sandbox.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("API base URL including any path prefix (env INSTAVIEW_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("Read the API key from this file (else env INSTAVIEW_API_KEY). Never pass a key as an argument.", valueName: "path"), completion: .file())
    var apiKeyFile: String?

    @Option(name: .long, help: ArgumentHelp("Company UUID, required with an ATS key (env INSTAVIEW_COMPANY_ID).", valueName: "uuid"))
    var companyId: String?

    @Option(name: .long, help: ArgumentHelp("Seconds each request may take, its whole answer included (retries are separate).", valueName: "seconds"))
    var timeout: Double = 15

    @Option(name: .long, help: ArgumentHelp("Use this profile of the config file (env CANDIDATES_PROFILE; else its default-profile). See: candidates config.", valueName: "name"),
            completion: .custom(ProfileCompletion.names))
    var profile: String?

    /// A configured client for a real server, or `nil` when neither a base URL nor a key was
    /// given (then the embedded sandbox is used). Each setting comes from its flag, else its
    /// environment variable, else the chosen profile, else the default.
    /// - Parameter env: the environment to read (the process's by default).
    func explicitConfiguration(env: [String: String] = ProcessInfo.processInfo.environment) throws -> APIConfiguration? {
        let chosen = try chosenProfile(env)
        let base = baseURL ?? env["INSTAVIEW_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? chosen?.baseURL
        var key = env["INSTAVIEW_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        if let apiKeyFile {
            key = try Self.readKey(file: apiKeyFile)
        } else if key == nil, let chosen {
            if let file = chosen.apiKeyFile {
                key = try Self.readKey(file: XDGPaths().expandingHome(file))
            } else if let variable = chosen.apiKeyEnv {
                guard let value = env[variable], !value.isEmpty else {
                    throw ConnectionProblem("Profile \(chosen.name) takes its API key from the environment variable \(variable), which is not set")
                }
                key = value
            }
        }
        let company = companyId ?? env["INSTAVIEW_COMPANY_ID"].flatMap { $0.isEmpty ? nil : $0 } ?? chosen?.companyId
            ?? chosen?.companies.first?.id
        if base == nil && key == nil { return nil }
        guard let key else {
            throw ConnectionProblem("A base URL was given but no API key: set INSTAVIEW_API_KEY or pass --api-key-file PATH")
        }
        do {
            return try APIConfiguration(baseURL: base ?? APIConfiguration.defaultBaseURL, apiKey: key, companyId: company, timeout: timeout)
        } catch let e as APIError {
            throw ConnectionProblem(e.description)
        }
    }

    /// The profile asked for (`--profile`, else `CANDIDATES_PROFILE`, else the config file's
    /// `default-profile`), or `nil` when none is.
    /// - Throws: `ConnectionProblem` for a broken config file, or a profile it does not have.
    func chosenProfile(_ env: [String: String]) throws -> Profile? {
        try chosenProfileAndNames(env).profile
    }

    /// The chosen profile (as `chosenProfile`) and the names of every profile in the file.
    func chosenProfileAndNames(_ env: [String: String]) throws -> (profile: Profile?, names: [String]) {
        let path = XDGPaths().configFile
        let config: ConfigFile?
        do { config = try ConfigFile.load(path, settings: TUIOptions.checkProfile) } catch let p as ConfigProblem {
            throw ConnectionProblem(p.description + " (candidates config check lists every problem)")
        }
        let names = config?.profiles.map(\.name) ?? []
        let asked = profile ?? env["CANDIDATES_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let name = asked ?? config?.defaultProfile else { return (nil, names) }
        guard let config else {
            throw ConnectionProblem("There is no config file (\(path)), so there is no profile '\(name)'")
        }
        guard let p = config.profile(name) else {
            throw ConnectionProblem("\(path) has no profile '\(name)' (profiles: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }
        return (p, names)
    }

    /// The key in `file` (trimmed), warning on standard error when others can read the file.
    /// - Throws: `ConnectionProblem` when the file is missing, unreadable or empty.
    static func readKey(file: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw ConnectionProblem("The API key file \(file) does not exist")
        }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: file) else {
            throw ConnectionProblem("The API key file \(file) is not a readable file")
        }
        let key: String
        do {
            key = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw ConnectionProblem("Cannot read the API key file \(file): \((error as NSError).localizedDescription)")
        }
        if key.isEmpty { throw ConnectionProblem("The API key file \(file) is empty") }
        if let warning = keyFileWarning(file) { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        return key
    }
}

extension ConnectionOptions {
    /// A warning when the key file can be read by the group or by others (mode `& 0o044`), else `nil`.
    static func keyFileWarning(_ path: String) -> String? {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
              mode & 0o044 != 0 else { return nil }
        return "candidates: warning: the API key file \(DisplayText.sanitize(path)) can be read by others (mode "
            + String(mode & 0o777, radix: 8) + "); make it private: chmod 600 \(DisplayText.sanitize(path))"
    }
}

/// A connection setting that cannot work; printed as one line on standard error, exit 2.
struct ConnectionProblem: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// A connection ready to use: the client, what the header says, and the sandbox to stop.
struct OpenConnection {
    var client: CandidatesClient
    var info: ConnectionInfo
    var sandbox: SandboxServer?
    /// Unsent drafts of this server and company. The embedded sandbox is keyed by its
    /// database file, not its (random) port, so drafts are offered again on the next start.
    var drafts: DraftStore { DraftStore(server: serverKey, company: companyKey) }

    /// The journal of every change sent to this server and company (same keys as the drafts).
    var journal: Journal { Journal(server: serverKey, company: companyKey) }

    /// The server as drafts and the journal name it.
    private var serverKey: String {
        sandbox.map { "local-sandbox:" + $0.configuration.databasePath } ?? client.configuration.baseURL
    }

    /// The company as drafts and the journal name it. Two company keys on one server see
    /// different companies: they are kept apart by a fingerprint of the key (never the key itself).
    private var companyKey: String {
        client.configuration.companyId ?? ("key " + DraftStore.fingerprint(client.configuration.apiKey))
    }

    /// The TUI's settings from the chosen profile (keys, companies, sort, filter).
    var tuiOptions = TUIOptions()
    /// The chosen profile, if any.
    var profile: Profile?

    /// Opens the configured server, or starts the embedded sandbox on 127.0.0.1 (a free port).
    /// - Parameter env: the environment whose `INSTAVIEW_*` and `CANDIDATES_PROFILE` apply.
    static func open(_ options: ConnectionOptions, env: [String: String] = ProcessInfo.processInfo.environment) async throws -> OpenConnection {
        let (profile, names) = try options.chosenProfileAndNames(env)
        var tui: TUIOptions
        do { tui = try TUIOptions(profile: profile, profiles: names) } catch { throw ConnectionProblem(error.message) }
        tui.commandHistory = CommandHistoryFile(path: XDGPaths(environment: env).state + "/command-history")
        if let config = try options.explicitConfiguration(env: env) {
            tui.company = tui.companies.first { $0.id == config.companyId }
            let company = tui.company?.name ?? config.companyId.map { "companyId \($0)" }
            // The profile's name first: where you are, as you named it.
            let location = (profile.map { "\($0.name) · " } ?? "") + config.displayHost
            var open = OpenConnection(client: CandidatesClient(configuration: config),
                                      info: ConnectionInfo(location: location, company: company), sandbox: nil)
            open.tuiOptions = tui
            open.profile = profile
            return open
        }
        let server = try await SandboxServer.start(SandboxConfiguration(databasePath: XDGPaths().sandboxDatabase))
        let key = SandboxDemo.defaultKey
        let config = try APIConfiguration(baseURL: server.baseURL, apiKey: key.key, companyId: nil, timeout: options.timeout)
        let company = SandboxDemo.companies.first { key.companyIds.contains($0.id) }?.name
        var open = OpenConnection(client: CandidatesClient(configuration: config),
                                  info: ConnectionInfo(location: "local sandbox \(config.displayHost)", company: company),
                                  sandbox: server)
        open.tuiOptions = tui
        open.profile = profile
        return open
    }

    /// Opens other connections while the TUI runs. A company of the profile in use keeps
    /// every other setting as it was given (flags, environment); another profile takes its
    /// settings from the profile alone, since flags and `INSTAVIEW_*` named the first one.
    static func connector(_ options: ConnectionOptions, startProfile: String?) -> TUIConnector {
        { profile, companyId in
            var o = options
            var env = ProcessInfo.processInfo.environment
            if profile == nil || profile == startProfile {
                if let companyId { o.companyId = companyId }
            } else {
                o.profile = profile
                o.baseURL = nil
                o.apiKeyFile = nil
                o.companyId = companyId
                for name in ["INSTAVIEW_BASE_URL", "INSTAVIEW_API_KEY", "INSTAVIEW_COMPANY_ID", "CANDIDATES_PROFILE"] { env[name] = nil }
            }
            let open = try await OpenConnection.open(o, env: env)
            return TUIConnection(client: open.client, info: open.info, drafts: open.drafts, journal: open.journal,
                                 options: open.tuiOptions)
        }
    }
}
