import CandidateCore
import Foundation
import Hummingbird

/// Turns results and errors into HTTP responses in one `ResponseShape`
/// (API page, "Three response shapes").
///
/// - bare: object at top level; list `{"data", "total", "page", "limit", "totalPages"}`;
///   error `{"statusCode", "message": "…" | ["…", …], "error": "Bad Request", "code", "details"?}`
///   plus any `extra` members (429's `retryAfter`, `limit`, `remaining`, `reset`).
/// - wrapped: `{"success": true, "data", "error": null, "timestamp"}`; list `data.items` +
///   `data.pagination {total, page, limit, totalPages, hasNextPage, hasPreviousPage}`;
///   error `{"success": false, "data": null, "error": {"code", "message", "details"}, "timestamp"}`
///   where `details` holds the validation list or the `extra` members.
struct ResponseRenderer: Sendable {
    let shape: ResponseShape

    /// 200 (or `status`) with one object.
    func object<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        switch shape {
        case .bare: return try json(value, status: status)
        case .wrapped: return try json(WrappedSuccess(data: value, timestamp: Timestamps.isoNow()), status: status)
        }
    }

    /// 200 with one page of a list. `totalPages` is `ceil(total / limit)` (0 when nothing matches).
    func list<T: Encodable>(_ items: [T], total: Int, page: Int, limit: Int) throws -> Response {
        Self.response(try listBody(items, total: total, page: page, limit: limit), status: .ok)
    }

    /// The body `list` sends, encoded by `JSONEncoder`; `timestamp` is the wrapped shape's.
    func listBody<T: Encodable>(_ items: [T], total: Int, page: Int, limit: Int,
                                timestamp: String = Timestamps.isoNow()) throws -> Data {
        let totalPages = Self.totalPages(total: total, limit: limit)
        switch shape {
        case .bare:
            return try encoded(BareList(data: items, total: total, page: page, limit: limit, totalPages: totalPages))
        case .wrapped:
            let pagination = Pagination(total: total, page: page, limit: limit, totalPages: totalPages,
                                        hasNextPage: page < totalPages, hasPreviousPage: page > 1)
            return try encoded(WrappedSuccess(data: WrappedList(items: items, pagination: pagination), timestamp: timestamp))
        }
    }

    /// `ceil(total / limit)`, 0 when nothing matches.
    static func totalPages(total: Int, limit: Int) -> Int {
        limit > 0 ? (total + limit - 1) / limit : 0
    }

    /// The error in this shape, with its extra headers.
    func error(_ e: SandboxError) -> Response {
        let body: JSONValue
        switch shape {
        case .bare:
            var o: [String: JSONValue] = [
                "statusCode": .int(Int(e.status.code)),
                "message": e.messages.count == 1 ? .string(e.messages[0]) : .array(e.messages.map(JSONValue.string)),
                "error": .string(e.reasonPhrase),
                "code": .string(e.code),
            ]
            if let details = e.details { o["details"] = details }
            for (k, v) in e.extra { o[k] = v }
            body = .object(o)
        case .wrapped:
            var details = e.details ?? .null
            if !e.extra.isEmpty {
                var merged = details.objectValue ?? [:]
                for (k, v) in e.extra { merged[k] = v }
                details = .object(merged)
            }
            body = .object([
                "success": .bool(false),
                "data": .null,
                "error": .object([
                    "code": .string(e.code),
                    "message": .string(e.messages.joined(separator: "; ")),
                    "details": details,
                ]),
                "timestamp": .string(Timestamps.isoNow()),
            ])
        }
        var response = Self.response(Data(body.compactText().utf8), status: e.status)
        for (name, value) in e.headers {
            if let field = HTTPFields.Element.Name(name) { response.headers[field] = value }
        }
        return response
    }

    private func json<T: Encodable>(_ value: T, status: HTTPResponse.Status) throws -> Response {
        Self.response(try encoded(value), status: status)
    }

    private func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func response(_ data: Data, status: HTTPResponse.Status) -> Response {
        response(ByteBuffer(bytes: data), status: status)
    }

    static func response(_ body: ByteBuffer, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: body))
    }
}

/// `{"success": true, "data": …, "error": null, "timestamp": "…"}`.
private struct WrappedSuccess<T: Encodable>: Encodable {
    let data: T
    let timestamp: String
    enum CodingKeys: String, CodingKey { case success, data, error, timestamp }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(true, forKey: .success)
        try c.encode(data, forKey: .data)
        try c.encodeNil(forKey: .error)
        try c.encode(timestamp, forKey: .timestamp)
    }
}

/// The bare list: `{"data": [...], "total", "page", "limit", "totalPages"}`.
private struct BareList<T: Encodable>: Encodable {
    let data: [T]
    let total: Int
    let page: Int
    let limit: Int
    let totalPages: Int
}

/// The wrapped list payload: `{"items": [...], "pagination": {...}}`.
private struct WrappedList<T: Encodable>: Encodable {
    let items: [T]
    let pagination: Pagination
}

private struct Pagination: Encodable {
    let total: Int
    let page: Int
    let limit: Int
    let totalPages: Int
    let hasNextPage: Bool
    let hasPreviousPage: Bool
}
