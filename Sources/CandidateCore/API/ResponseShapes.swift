import Foundation

/// Reads the three response shapes the API docs show (API page, "Three response shapes").
///
/// 1. Wrapped: `{"success": true, "data": …}`, lists as `data.items` + `data.pagination`,
///    errors as `{"success": false, "error": {"code", "message", "details"}}`.
/// 2. Bare: the object at top level; lists as `{"data": […], "total", "page", "limit", "totalPages"}`.
/// 3. Framework errors: `{"statusCode": 403, "message": "…" | ["…"], "error": "Forbidden"}`.
///
/// Rule: unwrap `data` only when the top level has a boolean `success`.
/// Pure functions of bytes, so every shape is testable without a network.
public enum ResponseShapes {
    /// The payload: `data` when the top level has a boolean `success`, else the value itself.
    public static func payload(_ json: JSONValue) -> JSONValue {
        if json["success"]?.boolValue != nil { return json["data"] ?? .null }
        return json
    }

    /// Decodes one object (a candidate, a job) from a 2xx body.
    ///
    /// A body of the shapes a healthy server sends is read once, straight into the object: from
    /// its bytes for a candidate (`ByteBodies`), else through `JSONDecoder` (`OnePassObject`); any
    /// other body is read through the generic tree, which words the error.
    /// - Throws: `APIError.decoding` when no shape fits, `APIError.http` for a wrapped `success: false`.
    public static func object<T: Decodable>(_ type: T.Type, from body: Data, status: Int = 200) throws -> T {
        if let readable = T.self as? any JSONByteReadable.Type, let item = ByteBodies.object(readable, from: body) as? T {
            return item
        }
        return try objectThroughDecoder(type, from: body, status: status)
    }

    /// `object` without the byte reader: `JSONDecoder` in one pass, else the tree.
    static func objectThroughDecoder<T: Decodable>(_ type: T.Type, from body: Data, status: Int = 200) throws -> T {
        if let read = try? JSONDecoder().decode(OnePassObject<T>.self, from: body) { return read.item }
        return try objectThroughTree(type, from: body, status: status)
    }

    /// `object` read through a generic `JSONValue` tree and decoded again from it: slower, but it
    /// reads (and words the errors of) every body. Kept as the reference the one-pass reader is
    /// tested against.
    static func objectThroughTree<T: Decodable>(_ type: T.Type, from body: Data, status: Int = 200) throws -> T {
        let json = try parse(body)
        try rejectWrappedFailure(json, status: status)
        do { return try payload(json).decode(T.self) } catch {
            throw APIError.decoding(detail: "expected a \(T.self): \(short(error))")
        }
    }

    /// Decodes one page of a list from a 2xx body, in either list shape (or a bare array). Items
    /// that cannot be read are left out and listed in `Page.skipped`.
    ///
    /// A body of the shapes a healthy server sends is read once, straight into the items: from
    /// its bytes for candidates (`ByteBodies`), else through `JSONDecoder` (`OnePassPage`); any
    /// other body is read through the generic tree, which words the error.
    /// - Throws: `APIError.decoding` when no shape fits, `APIError.http` for a wrapped `success: false`.
    public static func page<T: Decodable & Sendable>(_ type: T.Type, from body: Data, status: Int = 200) throws -> Page<T> {
        // The page is made as `Page<U>` and cast whole: casting the items array instead would
        // cast (and copy) each item.
        if let readable = T.self as? any JSONByteReadable.Type, let page = bytePage(readable, from: body) as? Page<T> {
            return page
        }
        return try pageThroughDecoder(type, from: body, status: status)
    }

    /// A page read by `ByteBodies`, as `Page<U>`, or `nil`.
    static func bytePage<U: JSONByteReadable>(_ type: U.Type, from body: Data) -> Any? {
        ByteBodies.page(type, from: body).map { $0.numbers.page(items: $0.items, skipped: []) }
    }

    /// `page` without the byte reader: `JSONDecoder` in one pass, else the tree.
    static func pageThroughDecoder<T: Decodable & Sendable>(_ type: T.Type, from body: Data, status: Int = 200) throws -> Page<T> {
        if let read = try? JSONDecoder().decode(OnePassPage<T>.self, from: body) {
            return read.numbers.page(items: read.items, skipped: read.skipped)
        }
        return try pageThroughTree(type, from: body, status: status)
    }

    /// `page` read through a generic `JSONValue` tree, each item decoded again from it: slower,
    /// but it reads (and words the errors of) every body. Kept as the reference the one-pass
    /// reader is tested against.
    static func pageThroughTree<T: Decodable & Sendable>(_ type: T.Type, from body: Data, status: Int = 200) throws -> Page<T> {
        let json = try parse(body)
        try rejectWrappedFailure(json, status: status)
        let p = payload(json)
        let itemsJSON: [JSONValue]
        let meta: JSONValue
        if let items = p["items"]?.arrayValue {
            itemsJSON = items
            meta = p["pagination"] ?? p
        } else if let items = p["data"]?.arrayValue {
            itemsJSON = items
            meta = p["pagination"] ?? p
        } else if let items = p.arrayValue {
            itemsJSON = items
            meta = .object([:])
        } else {
            throw APIError.decoding(detail: "expected a list of \(T.self)s")
        }
        // One unreadable item (a candidate without an id) is left out and named; the page stays.
        var items: [T] = []
        var skipped: [String] = []
        items.reserveCapacity(itemsJSON.count)
        for (i, item) in itemsJSON.enumerated() {
            do { items.append(try item.decode(T.self)) } catch {
                skipped.append("item \(i + 1): \(short(error))")
            }
        }
        return PageNumbers(meta: meta).page(items: items, skipped: skipped)
    }

    /// Reads a non-2xx answer in any of the three error shapes (or an empty / non-JSON body).
    /// - Parameter header: case-insensitive header lookup, for `Retry-After`.
    public static func failure(status: Int, body: Data, header: (String) -> String? = { _ in nil }) -> HTTPFailure {
        let json = (try? JSONValue.parse(body)) ?? .null
        var code: String?
        var messages: [String] = []
        var details: JSONValue?
        if let err = json["error"], err.objectValue != nil {
            // Wrapped: {"success": false, "error": {"code", "message", "details"}}
            code = err["code"]?.stringValue
            messages = strings(err["message"])
            details = err["details"]
        } else {
            // Framework: {"statusCode", "message": string | [string], "error": "Forbidden"}, or a plain {"code","message"}.
            code = json["code"]?.stringValue ?? json["error"]?.stringValue
            messages = strings(json["message"])
            details = json["details"]
        }
        if messages.isEmpty, json.objectValue == nil, let text = String(data: body, encoding: .utf8)?
            .trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, text.count <= 200 {
            messages = [text]
        }
        var retry: Double? = header(RateLimitInfo.Header.retryAfter).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        for candidate in [json["retryAfter"], json["error"]?["retryAfter"], json["error"]?["details"]?["retryAfter"], json["data"]?["retryAfter"]] {
            if let r = candidate.flatMap(number) { retry = max(retry ?? 0, r) }
        }
        return HTTPFailure(status: status, code: code, messages: messages,
                           fields: fieldsNamed(details: details, messages: messages), retryAfter: retry)
    }

    /// Candidate fields that a 400's `details` or messages name, in form order.
    static func fieldsNamed(details: JSONValue?, messages: [String]) -> [CandidateField] {
        var names: [String] = []
        switch details {
        case .object(let o)?:
            names += o.keys
            if let f = o["field"]?.stringValue ?? o["property"]?.stringValue { names.append(f) }
            if let fs = o["fields"]?.arrayValue { names += fs.compactMap(\.stringValue) }
        case .array(let a)?:
            for item in a {
                if let f = item["field"]?.stringValue ?? item["property"]?.stringValue ?? item["path"]?.stringValue { names.append(f) }
                if let s = item.stringValue { names += leadingWords(s) }
            }
        default: break
        }
        for m in messages { names += leadingWords(m) }
        let found = Set(names.compactMap { CandidateField(apiKey: $0) })
        return CandidateField.allCases.filter(found.contains)
    }

    /// The first word of a message and the word after "property", e.g. "phoneNumber must match …".
    private static func leadingWords(_ s: String) -> [String] {
        let words = s.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init)
        var out: [String] = []
        if let first = words.first { out.append(first) }
        for (i, w) in words.enumerated() where w.lowercased() == "property" && i + 1 < words.count { out.append(words[i + 1]) }
        return out
    }

    private static func strings(_ v: JSONValue?) -> [String] {
        switch v {
        case .string(let s)?: return [s]
        case .array(let a)?: return a.compactMap(\.stringValue)
        default: return []
        }
    }

    private static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return Double(s)
        default: return nil
        }
    }

    private static func parse(_ body: Data) throws -> JSONValue {
        do { return try JSONValue.parse(body) } catch {
            throw APIError.decoding(detail: body.isEmpty ? "empty body" : "not JSON")
        }
    }

    private static func rejectWrappedFailure(_ json: JSONValue, status: Int) throws {
        if json["success"]?.boolValue == false {
            var f = failure(status: status, body: (try? JSONEncoder().encode(json)) ?? Data())
            if f.status < 400 { f.status = 400 }
            throw APIError.http(f)
        }
    }

    /// A decoding error in a few words: `missing id`, `bad links.analyses`.
    static func short(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let k, _): return "missing \(k.stringValue)"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx), DecodingError.dataCorrupted(let ctx):
            let path = ctx.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? ctx.debugDescription : "bad \(path)"
        default: return "\(error)"
        }
    }
}
