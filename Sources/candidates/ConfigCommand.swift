import ArgumentParser
import CandidateCore
import CandidateTUI
import Foundation

/// `candidates config path | profiles | check`: where the config file is, what it holds, and
/// whether it is sound.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or check the config file with the connection profiles.",
        subcommands: [Path.self, Profiles.self, Check.self]
    )

    /// `candidates config path`: the file's path (whether or not it exists).
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print where the config file is read from.")

        func run() throws {
            print(XDGPaths().configFile)
        }
    }

    /// `candidates config profiles`: one line per profile, `*` before the default.
    struct Profiles: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the profiles (* marks the default).")

        func run() throws {
            let path = XDGPaths().configFile
            let config: ConfigFile
            do {
                guard let c = try ConfigFile.load(path, settings: TUIOptions.checkProfile) else {
                    FileHandle.standardError.write(Data("candidates config: no config file at \(path)\n".utf8))
                    throw ExitCode(1)
                }
                config = c
            } catch let p as ConfigProblem {
                FileHandle.standardError.write(Data("candidates config: \(p)\n".utf8))
                throw ExitCode(2)
            }
            for p in config.profiles {
                var parts = [p.baseURL ?? APIConfiguration.defaultBaseURL]
                if let f = p.apiKeyFile { parts.append("key file \(f)") }
                if let e = p.apiKeyEnv { parts.append("key from $\(e)") }
                if let c = p.companyId { parts.append("company \(c)") }
                if !p.companies.isEmpty { parts.append("companies " + p.companies.map(\.name).joined(separator: ", ")) }
                print((p.name == config.defaultProfile ? "* " : "  ") + DisplayText.sanitize(p.name) + "  " + DisplayText.sanitize(parts.joined(separator: " · ")))
            }
        }
    }

    /// `candidates config check`: every problem, one line each as `FILE:LINE: message`; exit 2
    /// when there is one.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the config file; report every problem with its line (exit 2 when there is one).")

        func run() throws {
            let paths = XDGPaths()
            let path = paths.configFile
            guard var (config, problems) = ConfigFile.check(file: path, settings: TUIOptions.checkProfile) else {
                print("\(path): no config file (optional; see README, Daily use)")
                return
            }
            // What the file names must be there: key files that exist and can be read.
            for p in config?.profiles ?? [] {
                if let variable = p.apiKeyEnv, (ProcessInfo.processInfo.environment[variable] ?? "").isEmpty {
                    FileHandle.standardError.write(Data("candidates config: note: profile \(DisplayText.sanitize(p.name)) takes its key from \(DisplayText.sanitize(variable)), which is not set here\n".utf8))
                }
                guard let file = p.apiKeyFile else { continue }
                let full = paths.expandingHome(file)
                if !FileManager.default.isReadableFile(atPath: full) {
                    problems.append(ConfigProblem(file: path, line: nil, message: "profile \(p.name): the API key file \(full) cannot be read"))
                } else if let warning = ConnectionOptions.keyFileWarning(full) {
                    FileHandle.standardError.write(Data((warning + "\n").utf8))
                }
            }
            if problems.isEmpty {
                let n = config?.profiles.count ?? 0
                print("\(path): ok, \(n) profile\(n == 1 ? "" : "s")")
                return
            }
            for p in problems { FileHandle.standardError.write(Data("\(DisplayText.sanitize(p.description))\n".utf8)) }
            throw ExitCode(2)
        }
    }
}
