/// JSON text as a tree of its own bytes: each scalar (string, number, literal) exactly as written,
/// each object as its members in the order written with their keys exactly as written.
///
/// Two texts are `sameUpToMemberOrder` when they differ at most in the order of object members:
/// every key and every scalar byte for byte equal (escaping, number formats).
indirect enum RawJSON: CustomStringConvertible {
    case scalar([UInt8])
    case array([RawJSON])
    case object([(key: [UInt8], value: RawJSON)])

    struct Malformed: Error { var offset: Int }

    /// Reads one value filling all of `bytes`.
    static func parse(_ bytes: [UInt8]) throws -> RawJSON {
        var reader = Reader(bytes: bytes)
        let value = try reader.value()
        guard reader.position == bytes.count else { throw Malformed(offset: reader.position) }
        return value
    }

    /// The object's keys in the order written, decoded (`nil` for other values).
    var keys: [String]? {
        guard case .object(let members) = self else { return nil }
        return members.map { String(decoding: $0.key.dropFirst().dropLast(), as: UTF8.self) }
    }

    /// The member under `key` (its raw key without quotes, plain ASCII).
    subscript(key: String) -> RawJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == Array("\"\(key)\"".utf8) }?.value
    }

    /// The elements of an array.
    var elements: [RawJSON]? {
        guard case .array(let a) = self else { return nil }
        return a
    }

    func sameUpToMemberOrder(_ other: RawJSON) -> Bool {
        switch (self, other) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameUpToMemberOrder($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count, Set(a.map(\.key)).count == a.count else { return false }
            return a.allSatisfy { member in
                b.first { $0.key == member.key }.map { member.value.sameUpToMemberOrder($0.value) } ?? false
            }
        default: return false
        }
    }

    var description: String {
        switch self {
        case .scalar(let s): return String(decoding: s, as: UTF8.self)
        case .array(let a): return "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.map { String(decoding: $0.key, as: UTF8.self) + ":" + $0.value.description }.joined(separator: ",") + "}"
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func value() throws -> RawJSON {
            guard position < bytes.count else { throw Malformed(offset: position) }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(key: [UInt8], value: RawJSON)] = []
                if try take(UInt8(ascii: "}")) { return .object(members) }
                repeat {
                    let key = try string()
                    guard try take(UInt8(ascii: ":")) else { throw Malformed(offset: position) }
                    members.append((key, try value()))
                } while try take(UInt8(ascii: ","))
                guard try take(UInt8(ascii: "}")) else { throw Malformed(offset: position) }
                return .object(members)
            case UInt8(ascii: "["):
                position += 1
                var elements: [RawJSON] = []
                if try take(UInt8(ascii: "]")) { return .array(elements) }
                repeat { elements.append(try value()) } while try take(UInt8(ascii: ","))
                guard try take(UInt8(ascii: "]")) else { throw Malformed(offset: position) }
                return .array(elements)
            case UInt8(ascii: "\""):
                return .scalar(try string())
            default:
                let start = position
                while position < bytes.count, !",]}:".utf8.contains(bytes[position]) { position += 1 }
                guard position > start else { throw Malformed(offset: position) }
                return .scalar(Array(bytes[start..<position]))
            }
        }

        /// A string with its quotes, as written.
        mutating func string() throws -> [UInt8] {
            let start = position
            guard try take(UInt8(ascii: "\"")) else { throw Malformed(offset: position) }
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""):
                    position += 1
                    return Array(bytes[start..<position])
                default: position += 1
                }
            }
            throw Malformed(offset: position)
        }

        mutating func take(_ byte: UInt8) throws -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
    }
}
