import Foundation

/// Writes JSON as compact UTF-8 bytes with sorted keys straight into a buffer: no
/// `JSONEncoder`, no intermediate `Data` or `String`. `JSONValue.compactText()` is written by it.
///
/// Byte for byte it follows Foundation's `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes`: keys in UTF-8 byte order; `"` and `\` escaped, `\b \f \n \r \t`
/// by name, other C0 controls as `\u00xx`; an integral `Double` without `.0` (and, by default,
/// as a round trip through the decoder makes it: see `Doubles`). With
/// `escapingTerminalControls` it also writes every other scalar that must not reach a terminal
/// (`DisplayText.isControl`: DEL, C1, bidi controls, line separators) as `\uXXXX`, as
/// terminal-safe JSON lines need.
public struct CompactJSONWriter {
    /// How a `Double` is written.
    public enum Doubles: Sendable {
        /// As a value read back from the encoder's text writes it (`numberText`): an integer's
        /// text where the decoder reads an integer (`1e+16` is `10000000000000000`, `-0` is `0`).
        case roundTripped
        /// As `JSONEncoder` writes it: the shortest text that reads back the same, without a
        /// trailing `.0` (`1e+16`, `-0`).
        case asEncoded
    }

    /// The bytes written so far.
    public var bytes: [UInt8] = []
    /// Escape the scalars `DisplayText.isControl` names (beyond C0) as `\uXXXX`.
    public var escapingTerminalControls: Bool
    /// How doubles are written.
    public var doubles: Doubles

    public init(escapingTerminalControls: Bool = false, doubles: Doubles = .roundTripped, capacity: Int = 0) {
        self.escapingTerminalControls = escapingTerminalControls
        self.doubles = doubles
        bytes.reserveCapacity(capacity)
    }

    /// Appends one value.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): append(String(i))
        case .double(let d): append(doubles == .asEncoded ? Self.encodedText(d) : Self.numberText(d))
        case .string(let s): write(string: s)
        case .array(let a):
            bytes.append(UInt8(ascii: "["))
            for (i, element) in a.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let o):
            bytes.append(UInt8(ascii: "{"))
            for (i, key) in o.keys.sorted(by: Self.keyOrder).enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(key: key)
                write(o[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `"key":`.
    public mutating func write(key: String) {
        write(string: key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends a quoted, escaped string.
    public mutating func write(string s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        let plainASCII = s.withUTF8 { utf8 -> Bool in
            // Most values are plain ASCII with nothing to escape: copy them in one go.
            for b in utf8 where b < 0x20 || b >= 0x7F || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plainASCII {
            for scalar in s.unicodeScalars { write(scalar: scalar) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func write(scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x00...0x1F: writeEscape(v, uppercase: false)
        default:
            if v >= 0x7F && escapingTerminalControls && DisplayText.isControl(scalar) {
                writeEscape(v, uppercase: true)
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    /// `\uXXXX` for a scalar below U+10000 (every one `isControl` names).
    private mutating func writeEscape(_ v: UInt32, uppercase: Bool) {
        let digits: StaticString = uppercase ? "0123456789ABCDEF" : "0123456789abcdef"
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(digits.utf8Start[Int((v >> UInt32(shift)) & 0xF)])
        }
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Key order of `.sortedKeys`: UTF-8 bytes, lexicographically.
    public static func keyOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A `Double` as `JSONEncoder` writes it (`null` for one that is not finite, which the
    /// encoder refuses).
    static func encodedText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// A `Double` as the encoder's text of a value that went through `JSONValue.from` writes it: the
    /// shortest text that reads back the same, without a trailing `.0`, and an integer's text
    /// when the decoder reads that text as an integer (`1e+15` is `1000000000000000`, as a round trip makes it).
    static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        // Rare (numbers in metadata), so asking the decoder itself is affordable.
        if let i = try? JSONDecoder().decode(Int.self, from: Data(text.utf8)) {
            return String(i)
        }
        return text
    }
}
