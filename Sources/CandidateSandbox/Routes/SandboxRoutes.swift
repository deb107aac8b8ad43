import CandidateCore
import Foundation
import Hummingbird

/// The five endpoints (API page, "Endpoints used"):
/// `GET /candidates`, `GET /candidates/{id}`, `PATCH /candidates/{id}`, `GET /jobs`, `GET /jobs/{id}`.
///
/// Handlers throw `SandboxError`; `SandboxMiddleware` renders errors, headers and the log line.
struct SandboxRoutes: Sendable {
    let store: SandboxStore
    let renderer: ResponseRenderer
    /// Largest PATCH body read, in bytes.
    static let maxBodyBytes = 1024 * 1024

    func register<R: RouterMethods>(on router: R) where R.Context == BasicRequestContext {
        router.get("candidates") { request, _ in try await listCandidates(request) }
        router.get("candidates/:id") { request, context in try await getCandidate(request, id: context.parameters.get("id") ?? "") }
        router.patch("candidates/:id") { request, context in
            try await patchCandidate(request, id: context.parameters.get("id") ?? "")
        }
        router.get("jobs") { request, _ in try await listJobs(request) }
        router.get("jobs/:id") { request, context in try await getJob(request, id: context.parameters.get("id") ?? "") }
    }

    // MARK: Candidates

    func listCandidates(_ request: Request) async throws -> Response {
        let caller = try Access.authorize(request, scope: SandboxScope.readCandidates, action: "read candidates")
        let query = QueryParameters(request)
        let paging = try Paging(query)
        var filter = CandidateFilter(companyId: caller.companyId)
        if let status = Self.value(query, "status") {
            guard CandidateStatus(status).isKnown else {
                throw SandboxError.badRequest(
                    "status must be one of \(CandidateStatus.allKnown.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = status
        }
        if let jobId = Self.value(query, "jobId") {
            guard caller.has(SandboxScope.readJobs) else { throw SandboxError.missingScope(SandboxScope.readJobs, for: "filter by job") }
            guard PatchValidator.isUUID(jobId) else { throw SandboxError.badRequest("jobId must be a UUID") }
            if let job = try await store.job(id: jobId), job.companyId != caller.companyId {
                throw SandboxError.forbidden("Job \(job.id) belongs to another company")
            }
            filter.jobId = jobId.lowercased()
        }
        if let search = Self.value(query, "search") {
            guard search.count <= 200 else { throw SandboxError.badRequest("search must be at most 200 characters") }
            // SQLite reads a search pattern as C text, so a NUL would cut it short (a pattern
            // that matches everything, or a broken index query): refused, as a filter it cannot hold.
            guard !search.unicodeScalars.contains("\0") else {
                throw SandboxError.badRequest("search must not contain a NUL character (U+0000)")
            }
            filter.search = search
        }
        let result = try await store.candidatePage(filter, page: paging.page, limit: paging.limit)
        return renderer.list(json: result.json, total: result.total, page: paging.page, limit: paging.limit)
    }

    func getCandidate(_ request: Request, id: String) async throws -> Response {
        let caller = try Access.authorize(request, scope: SandboxScope.readCandidates, action: "read candidates")
        return try renderer.object(try await ownedCandidate(id, caller).candidate)
    }

    func patchCandidate(_ request: Request, id: String) async throws -> Response {
        let caller = try Access.authorize(request, scope: SandboxScope.writeCandidates, action: "update candidates")
        var request = request
        let buffer = try await request.collectBody(upTo: Self.maxBodyBytes)
        let json: JSONValue
        do { json = try JSONValue.parse(Data(buffer.readableBytesView)) } catch {
            throw SandboxError.badRequest(buffer.readableBytes == 0
                ? "The request body must be a JSON object with the fields to change"
                : "Malformed JSON in the request body")
        }
        let patch: CandidatePatch
        do { patch = try CandidatePatch(json: json) } catch CandidatePatch.ParseError.unknownFields(let names) {
            // class-validator's whitelist wording, one message per key.
            let messages = names.map { "property \($0) should not exist" }
            throw SandboxError.badRequest(messages, details: .array(zip(names, messages).map { name, message in
                .object(["field": .string(name), "message": .string(message)])
            }))
        } catch {
            throw SandboxError.badRequest("The request body must be a JSON object with the fields to change")
        }
        if patch[.jobIds] != nil, !caller.has(SandboxScope.readJobs) {
            throw SandboxError.missingScope(SandboxScope.readJobs, for: "assign jobs (jobIds)")
        }
        // The stored copy, when the caller may see it: a name keeps the control characters it has.
        let stored = try? await ownedCandidate(id, caller)
        let failures = PatchValidator.validate(patch, today: CalendarDay.today(), original: stored?.candidate)
        if !failures.isEmpty {
            let messages = failures.map { "\($0.field.apiKey) \($0.message)" }
            throw SandboxError.badRequest(messages, details: .array(zip(failures, messages).map { failure, message in
                .object(["field": .string(failure.field.apiKey), "message": .string(message)])
            }))
        }
        do {
            let updated = try await store.update(id: id, companyId: caller.companyId, patch: patch)
            return try renderer.object(updated)
        } catch let refusal as UpdateRefusal {
            switch refusal {
            case .candidateNotFound:
                throw SandboxError.notFound("Candidate", id)
            case .candidateOfAnotherCompany:
                throw SandboxError.forbidden("Candidate \(id) belongs to another company")
            case .unknownJobs(let ids):
                let message = "jobIds contains unknown job ids: \(ids.joined(separator: ", "))"
                throw SandboxError.badRequest([message], details: .array([.object(["field": .string("jobIds"), "message": .string(message)])]))
            case .jobsOfAnotherCompany(let ids):
                throw SandboxError.forbidden("jobIds contains jobs of another company: \(ids.joined(separator: ", "))")
            }
        }
    }

    /// The candidate `id` if the caller's company owns it. - Throws: 404, 403.
    private func ownedCandidate(_ id: String, _ caller: Caller) async throws -> StoredCandidate {
        guard let stored = try await store.candidate(id: id) else { throw SandboxError.notFound("Candidate", id) }
        guard stored.companyId == caller.companyId else {
            throw SandboxError.forbidden("Candidate \(id) belongs to another company")
        }
        return stored
    }

    // MARK: Jobs

    func listJobs(_ request: Request) async throws -> Response {
        let caller = try Access.authorize(request, scope: SandboxScope.readJobs, action: "read jobs")
        let paging = try Paging(QueryParameters(request))
        let result = try await store.jobs(companyId: caller.companyId, page: paging.page, limit: paging.limit)
        return try renderer.list(result.items, total: result.total, page: paging.page, limit: paging.limit)
    }

    func getJob(_ request: Request, id: String) async throws -> Response {
        let caller = try Access.authorize(request, scope: SandboxScope.readJobs, action: "read jobs")
        guard let job = try await store.job(id: id) else { throw SandboxError.notFound("Job", id) }
        guard job.companyId == caller.companyId else { throw SandboxError.forbidden("Job \(id) belongs to another company") }
        return try renderer.object(job)
    }

    /// A query value, trimmed; `nil` when absent or blank.
    static func value(_ query: QueryParameters, _ name: String) -> String? {
        guard let v = query[name] else { return nil }
        let s = v.trimmingCharacters(in: .whitespaces)
        return s.isEmpty ? nil : s
    }
}

/// `page` (1..10000, default 1) and `limit` (1..100, default 20) from a query (API page, "Endpoints used").
struct Paging: Sendable {
    static let pages = 1...10_000
    static let limits = 1...100
    static let defaultLimit = 20

    var page: Int
    var limit: Int

    /// - Throws: 400 when a value is present but not an integer in range.
    init(_ query: QueryParameters) throws {
        page = try Self.int(query, "page", in: Self.pages, default: 1)
        limit = try Self.int(query, "limit", in: Self.limits, default: Self.defaultLimit)
    }

    private static func int(_ query: QueryParameters, _ name: String, in range: ClosedRange<Int>,
                            default value: Int) throws -> Int {
        guard let raw = query[name] else { return value }
        guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
            throw SandboxError.badRequest("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
