import Foundation

/// A JSON value of any shape, kept exactly as it came.
///
/// Used for the candidate's free-form `metadata` object, for tolerant decoding of the
/// three response shapes the API documents, and for patch bodies, whose keys must be
/// emitted exactly as computed. Numbers are kept as `Double` unless they are integral,
/// in which case they are kept as `Int` so they re-encode without a fractional part.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The string, when this is a JSON string.
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    /// The integer, when this is an integral JSON number.
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
        case .string(let s): return Int(s)
        default: return nil
        }
    }
    /// The boolean, when this is a JSON boolean.
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// The members, when this is a JSON object.
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o }; return nil }
    /// The elements, when this is a JSON array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    /// Whether this is JSON `null`.
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// Member lookup on an object; `nil` for other shapes or a missing key.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// Parses UTF-8 JSON text. Throws `DecodingError` on malformed input.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Parses JSON text. Throws `DecodingError` on malformed input.
    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Data(text.utf8))
    }

    /// Compact JSON text with sorted keys (stable, so it can be compared and stored).
    public func compactText() -> String { String(decoding: compactBytes(), as: UTF8.self) }

    /// `compactText()` as UTF-8 bytes, written by `CompactJSONWriter` with doubles as encoded:
    /// the bytes Foundation's `JSONEncoder` gives with `.sortedKeys` and
    /// `.withoutEscapingSlashes`, without its cost (every PATCH body is written this way).
    public func compactBytes() -> [UInt8] {
        var writer = CompactJSONWriter(doubles: .asEncoded)
        writer.write(self)
        return writer.bytes
    }

    /// Indented JSON text with sorted keys, for a person to edit.
    public func prettyText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }

    /// Depth of nesting: a scalar is 0, `{}` or `[]` is 1, `{"a":{}}` is 2.
    public var depth: Int {
        switch self {
        case .object(let o): return 1 + (o.values.map(\.depth).max() ?? 0)
        case .array(let a): return 1 + (a.map(\.depth).max() ?? 0)
        default: return 0
        }
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        // Each failed attempt throws (and builds a DecodingError), so the commonest kind goes
        // first: strings are most of a candidate. Int before Double keeps integers exact.
        if c.decodeNil() { self = .null; return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let i = try? c.decode(Int.self) { self = .int(i); return }
        if let d = try? c.decode(Double.self) { self = .double(d); return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        if let o = try? c.decode([String: JSONValue].self) { self = .object(o); return }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "Not a JSON value")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension JSONValue {
    /// Converts an `Encodable` value to a `JSONValue` by a JSON round trip.
    public static func from<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    /// Decodes a `Decodable` value from this JSON by a JSON round trip.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(self))
    }
}
