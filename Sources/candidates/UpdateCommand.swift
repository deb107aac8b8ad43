import ArgumentParser
import CandidateCore
import Foundation

/// `candidates update ID`: changes fields of one candidate from flags, through the same draft,
/// validation, lost-update check and journal as the editor's form.
struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of one candidate (PATCH with only the changed fields), showing old → new first.",
        // One source line per paragraph (`\` joins lines): ArgumentParser wraps each line itself.
        discussion: """
        Reads the candidate, makes the changes the flags ask for as the editor's form would, \
        validates them, and prints each change as `Label: old → new`. Only fields whose value \
        really changes are sent; when none does, nothing is sent. On a terminal it asks \
        `Send? [y/N]` (--yes sends without asking; without a terminal --yes is required), reads \
        the candidate again and sends nothing when a changed field was changed on the server \
        meanwhile. Every change is recorded in the journal before it is sent.

        --set-meta KEY=JSON takes a JSON value: --set-meta source='"referral"' --set-meta score=7. \
        --metadata-file replaces the whole object (--set-meta and --unset-meta then apply to the \
        file's object). --cv-file - reads the CV from standard input.

        Exit status: 0 sent (or nothing to change, or a dry run), 1 the server failed, the \
        candidate changed on the server meanwhile, the journal cannot be written, or the change \
        was not confirmed, 2 bad usage or a value that is not valid (nothing is sent).
        """
    )

    @Argument(help: ArgumentHelp("The candidate's id (UUID).", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("New first name.", valueName: "text"))
    var firstName: String?

    @Option(help: ArgumentHelp("New last name.", valueName: "text"))
    var lastName: String?

    @Option(help: ArgumentHelp("New email address.", valueName: "address"))
    var email: String?

    @Flag(help: "Clear the email address.")
    var clearEmail = false

    @Option(help: ArgumentHelp("New phone number, E.164 (+421905123456; spaces and dashes are dropped).", valueName: "number"))
    var phone: String?

    @Flag(help: "Clear the phone number.")
    var clearPhone = false

    @Option(help: ArgumentHelp("New GDPR expiry date, in the future.", valueName: "YYYY-MM-DD"))
    var gdprExpiry: String?

    @Flag(help: "Clear the GDPR expiry date.")
    var clearGdprExpiry = false

    @Option(help: ArgumentHelp("New status.", valueName: "status"))
    var status: CandidateStatus?

    @Option(help: ArgumentHelp("Gender override; auto clears it (detected from the name).", valueName: "male|female|auto"))
    var gender: GenderChoice?

    @Flag(help: "Clear the gender override (same as --gender auto).")
    var clearGender = false

    @Option(help: ArgumentHelp("Assign a job (repeatable).", valueName: "job-id"))
    var addJob: [String] = []

    @Option(help: ArgumentHelp("Unassign a job (repeatable).", valueName: "job-id"))
    var removeJob: [String] = []

    @Option(help: ArgumentHelp("Replace the job list with these (comma-separated; \"\" for none).", valueName: "id,id"))
    var jobs: String?

    @Option(help: ArgumentHelp("Set one metadata key to a JSON value (repeatable).", valueName: "key=json"))
    var setMeta: [String] = []

    @Option(help: ArgumentHelp("Remove one metadata key (repeatable).", valueName: "key"))
    var unsetMeta: [String] = []

    @Option(help: ArgumentHelp("Replace the metadata with the JSON object in this file (- for standard input).", valueName: "file"), completion: .file())
    var metadataFile: String?

    @Flag(help: "Clear the metadata.")
    var clearMetadata = false

    @Option(help: ArgumentHelp("Replace the CV text with this file's text (- for standard input).", valueName: "file"), completion: .file())
    var cvFile: String?

    @Flag(help: "Clear the CV text.")
    var clearCv = false

    @Flag(name: [.customShort("y"), .long], help: "Send without asking.")
    var yes = false

    @Flag(help: "Print the changes and send nothing (the candidate is still read).")
    var dryRun = false

    @Flag(help: "Print the updated candidate as one JSON object on standard output (the changes go to standard error).")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        LogSetup.bootstrapFromEnvironment()
        Console.prepareLocale()
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        let asked: UpdateEdits
        do {
            guard PatchValidator.isUUID(trimmed) else {
                throw UsageProblem("\"\(DisplayText.sanitize(id))\" is not a candidate id (a UUID)")
            }
            asked = try edits()
            guard !asked.isEmpty else {
                throw UsageProblem("nothing to change: give at least one field option (candidates update --help lists them)")
            }
            if !yes && !dryRun && !(Console.stdinIsTerminal && Console.stderrIsTerminal) {
                throw UsageProblem("no terminal to ask \"Send? [y/N]\" on: pass --yes to send without asking (--dry-run only shows the changes)")
            }
        } catch let problem as UsageProblem {
            Console.err("candidates update: \(problem)")
            throw ExitCode(2)
        }

        let open = try await Scripting.open(connection, command: "update")
        let code = await UpdateRun(client: open.client, id: trimmed, edits: asked,
                                   journal: JournalScope(journal: open.journal, command: "update"),
                                   mode: dryRun ? .dryRun : (yes ? .send : .ask), json: json).run()
        await open.sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }

    /// The flags as field changes; reads the files given.
    /// - Throws: `UsageProblem` naming the flag (a value cleared and set at once, a job id that is
    ///   not a UUID, `--set-meta` without `=` or with a value that is not JSON, an unreadable file).
    func edits() throws -> UpdateEdits {
        var e = UpdateEdits()
        func text(_ field: CandidateField, _ value: String?, _ flag: String, clear: Bool, _ clearFlag: String?) throws {
            if value != nil && clear { throw UsageProblem("\(flag) and \(clearFlag ?? "") cannot be used together") }
            if let value {
                if field.isClearable && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw UsageProblem("\(flag): the value is empty; \(clearFlag ?? "") clears the field")
                }
                e.texts[field] = .set(value)
                e.flags[field] = flag
            } else if clear, let clearFlag {
                e.texts[field] = .clear
                e.flags[field] = clearFlag
            }
        }
        try text(.firstName, firstName, "--first-name", clear: false, nil)
        try text(.lastName, lastName, "--last-name", clear: false, nil)
        try text(.email, email, "--email", clear: clearEmail, "--clear-email")
        try text(.phoneNumber, phone, "--phone", clear: clearPhone, "--clear-phone")
        try text(.gdprExpiryDate, gdprExpiry, "--gdpr-expiry", clear: clearGdprExpiry, "--clear-gdpr-expiry")

        if let status {
            e.status = try status.known(option: "--status")
            e.flags[.status] = "--status"
        }
        if let gender, clearGender { throw UsageProblem("--gender \(gender.rawValue) and --clear-gender cannot be used together") }
        if let gender {
            e.gender = .some(gender.value)
            e.flags[.gender] = "--gender"
        } else if clearGender {
            e.gender = .some(nil)
            e.flags[.gender] = "--clear-gender"
        }

        func jobIds(_ ids: [String], _ flag: String) throws -> [String] {
            let trimmed = ids.map { $0.trimmingCharacters(in: .whitespaces) }
            if let bad = trimmed.first(where: { !PatchValidator.isUUID($0) }) {
                throw UsageProblem("\(flag): \"\(DisplayText.sanitize(bad))\" is not a job id (a UUID)")
            }
            return trimmed
        }
        if let jobs {
            guard addJob.isEmpty && removeJob.isEmpty else {
                throw UsageProblem("--jobs replaces the whole list: use it without --add-job and --remove-job")
            }
            e.jobs = .replace(try jobIds(jobs.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                                              .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "--jobs"))
            e.flags[.jobIds] = "--jobs"
        } else if !addJob.isEmpty || !removeJob.isEmpty {
            e.jobs = .change(add: try jobIds(addJob, "--add-job"), remove: try jobIds(removeJob, "--remove-job"))
            e.flags[.jobIds] = addJob.isEmpty ? "--remove-job" : "--add-job"
        }

        if clearMetadata {
            guard setMeta.isEmpty && unsetMeta.isEmpty && metadataFile == nil else {
                throw UsageProblem("--clear-metadata cannot be used with --set-meta, --unset-meta or --metadata-file")
            }
            e.metadata = .clear
            e.flags[.metadata] = "--clear-metadata"
        } else if !setMeta.isEmpty || !unsetMeta.isEmpty || metadataFile != nil {
            var replacement: JSONValue?
            if let metadataFile {
                let (text, name) = try BulkIdOptions.read(metadataFile)
                do { replacement = try JSONValue.parse(text) } catch {
                    throw UsageProblem("--metadata-file: \(name) is not valid JSON: \(CandidateDraft.jsonErrorSummary(error))")
                }
                guard replacement?.objectValue != nil else {
                    throw UsageProblem("--metadata-file: \(name) must hold a JSON object, e.g. {\"source\": \"referral\"}")
                }
            }
            let set = try setMeta.map { try Self.metaEntry($0) }
            e.metadata = .change(replacement: replacement, set: set, unset: unsetMeta)
            e.flags[.metadata] = !setMeta.isEmpty ? "--set-meta" : (metadataFile != nil ? "--metadata-file" : "--unset-meta")
        }

        if let cvFile, clearCv { throw UsageProblem("--cv-file and --clear-cv cannot be used together") }
        if let cvFile {
            let (text, name) = try BulkIdOptions.read(cvFile)
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw UsageProblem("--cv-file: \(name) is empty; --clear-cv clears the CV")
            }
            e.texts[.cvText] = .set(text)
            e.flags[.cvText] = "--cv-file"
        } else if clearCv {
            e.texts[.cvText] = .clear
            e.flags[.cvText] = "--clear-cv"
        }
        return e
    }

    /// `KEY=JSON` → the key and the parsed value.
    /// - Throws: `UsageProblem` naming `--set-meta` and the key.
    static func metaEntry(_ argument: String) throws -> (key: String, value: JSONValue) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw UsageProblem("--set-meta: \"\(DisplayText.sanitize(argument))\" is not KEY=JSON (e.g. source='\"referral\"')")
        }
        let key = String(argument[..<equals])
        let text = String(argument[argument.index(after: equals)...])
        do {
            return (key, try JSONValue.parse(text))
        } catch {
            throw UsageProblem("--set-meta \(DisplayText.sanitize(key)): the value is not JSON (\(DisplayText.sanitize(CandidateDraft.jsonErrorSummary(error)))); "
                               + "quote text as a JSON string: \(DisplayText.sanitize(key))='\"\(DisplayText.sanitize(text))\"'")
        }
    }
}

/// `--gender male|female|auto`: auto clears the override (`null`: detected from the name).
enum GenderChoice: String, CaseIterable, ExpressibleByArgument {
    case male, female, auto

    /// The value to send: `nil` for auto.
    var value: CandidateGender? {
        switch self {
        case .male: CandidateGender.male
        case .female: CandidateGender.female
        case .auto: nil
        }
    }
}
