import Foundation

/// A cursor over the UTF-8 bytes of one JSON text that reads values straight from the bytes,
/// without Foundation's `JSONDecoder` and its `Codable` containers: list pages are most of what
/// the client reads, and decoding them through `Codable` cost ~40 µs a candidate.
///
/// It takes the plain JSON a healthy server sends and throws `Unusual` for anything else: a
/// number with a fraction, an exponent or beyond `Int`, an escape in an object key, a repeated
/// member, a lone surrogate escape, invalid UTF-8, nesting deeper than `maxDepth`, or malformed
/// JSON. The caller then reads the text with `JSONDecoder`, which decides; so this reader only
/// has to agree with `JSONDecoder` on the texts it accepts (`JSONValue` numbers are `.int` for
/// the integers it takes, as `JSONValue.init(from:)` reads them).
///
/// The buffer must outlive the reader: make it inside `withUnsafeBytes` and let it go there.
struct JSONByteReader {
    /// The text is not one this reader takes; read it with `JSONDecoder` instead.
    struct Unusual: Error {}

    /// Objects and arrays nested deeper than this are left to `JSONDecoder`.
    static let maxDepth = 64

    let bytes: UnsafeRawBufferPointer
    /// Index of the next byte to read.
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    // MARK: structure

    /// The next byte after blanks (space, tab, CR, LF), not consumed; `nil` at the end.
    mutating func peek() -> UInt8? {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return bytes[offset]
            }
        }
        return nil
    }

    /// Reads `byte` after blanks.
    mutating func consume(_ byte: UInt8) throws {
        guard peek() == byte else { throw Unusual() }
        offset += 1
    }

    /// Only blanks are left.
    mutating func expectEnd() throws {
        guard peek() == nil else { throw Unusual() }
    }

    /// Reads an object, calling `member` with each key's bytes and the reader at the member's
    /// value, which `member` must read. A key holding an escape is `Unusual` (keys are compared
    /// as bytes); one holding bytes outside ASCII is passed on as they are.
    mutating func readObject(depth: Int = 0, _ member: (inout JSONByteReader, UnsafeRawBufferPointer) throws -> Void) throws {
        guard depth < Self.maxDepth else { throw Unusual() }
        try consume(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") { offset += 1; return }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw Unusual() }
            offset += 1
            let start = offset
            while offset < bytes.count {
                let b = bytes[offset]
                if b == UInt8(ascii: "\"") { break }
                if b == UInt8(ascii: "\\") || b < 0x20 { throw Unusual() }
                offset += 1
            }
            guard offset < bytes.count else { throw Unusual() }
            let key = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
            offset += 1
            try consume(UInt8(ascii: ":"))
            try member(&self, key)
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; return
            default: throw Unusual()
            }
        }
    }

    /// Reads an array, calling `element` with the reader at each element, which it must read.
    mutating func readArray(depth: Int = 0, _ element: (inout JSONByteReader) throws -> Void) throws {
        guard depth < Self.maxDepth else { throw Unusual() }
        try consume(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") { offset += 1; return }
        while true {
            try element(&self)
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"): offset += 1; return
            default: throw Unusual()
            }
        }
    }

    /// A key's bytes as a string: `Unusual` when they are not valid UTF-8.
    static func keyString(_ key: UnsafeRawBufferPointer) throws -> String {
        guard let s = String(validating: key, as: UTF8.self) else { throw Unusual() }
        return s
    }

    // MARK: values

    /// Reads any value.
    mutating func readValue(depth: Int = 0) throws -> JSONValue {
        guard let next = peek() else { throw Unusual() }
        switch next {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try readObject(depth: depth) { reader, key in
                let value = try reader.readValue(depth: depth + 1)
                guard members.updateValue(value, forKey: try Self.keyString(key)) == nil else { throw Unusual() }
            }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try readArray(depth: depth) { reader in elements.append(try reader.readValue(depth: depth + 1)) }
            return .array(elements)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try readInteger())
        default: throw Unusual()
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard offset + n <= bytes.count,
              memcmp(bytes.baseAddress! + offset, word.utf8Start, n) == 0 else { throw Unusual() }
        offset += n
    }

    /// An integer without fraction or exponent that fits `Int`; anything else is `Unusual`.
    mutating func readInteger() throws -> Int {
        let negative = bytes[offset] == UInt8(ascii: "-")
        if negative { offset += 1 }
        let start = offset
        var value = 0
        while offset < bytes.count {
            let d = bytes[offset] &- UInt8(ascii: "0")
            if d >= 10 { break }
            // Accumulated as a negative number, so Int.min fits.
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.subtractingReportingOverflow(Int(d))
            guard !o1, !o2 else { throw Unusual() }
            value = s
            offset += 1
        }
        let digits = offset - start
        // No digits, a leading zero (`01`), or a fraction or exponent after them.
        guard digits > 0, !(digits > 1 && bytes[start] == UInt8(ascii: "0")) else { throw Unusual() }
        if offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw Unusual()
            default: break
            }
        }
        if negative { return value }
        guard value != Int.min else { throw Unusual() }
        return -value
    }

    /// Reads a string; escapes are decoded, the bytes must be valid UTF-8 without raw controls.
    mutating func readString() throws -> String {
        try consume(UInt8(ascii: "\""))
        let start = offset
        var ascii = true
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            if b < 0x20 { throw Unusual() }
            if b >= 0x80 { ascii = false }
            offset += 1
        }
        guard offset < bytes.count else { throw Unusual() }
        let run = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
        offset += 1
        if ascii { return String(decoding: run, as: UTF8.self) }
        guard let s = String(validating: run, as: UTF8.self) else { throw Unusual() }
        return s
    }

    /// The rest of a string from `start` (just after its quote), with the escapes decoded.
    private mutating func readEscapedString(from start: Int) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(offset - start + 16)
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let b = bytes[offset]
            switch b {
            case UInt8(ascii: "\""):
                offset += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw Unusual() }
                return s
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { throw Unusual() }
                let e = bytes[offset]
                offset += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else { throw Unusual() }
                        offset += 2
                        let low = try readHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw Unusual() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw Unusual()
                    }
                    guard let s = Unicode.Scalar(scalar) else { throw Unusual() }
                    out.append(contentsOf: UTF8.encode(s)!)
                default: throw Unusual()
                }
            default:
                if b < 0x20 { throw Unusual() }
                out.append(b)
                offset += 1
            }
        }
        throw Unusual()
    }

    private mutating func readHex4() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw Unusual() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw Unusual()
            }
            v = v << 4 | UInt32(d)
            offset += 1
        }
        return v
    }
}

extension JSONByteReader {
    /// Runs `read` over the bytes of `data` with a reader at its start; `nil` when it throws
    /// (`Unusual` or otherwise) or leaves anything but blanks after the value.
    static func read<T>(_ data: Data, _ read: (inout JSONByteReader) throws -> T) -> T? {
        data.withUnsafeBytes { raw -> T? in
            var reader = JSONByteReader(raw)
            guard let value = try? read(&reader), (try? reader.expectEnd()) != nil else { return nil }
            return value
        }
    }
}
