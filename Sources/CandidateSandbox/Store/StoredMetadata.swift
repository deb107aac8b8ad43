import CandidateCore
import Foundation

/// The `metadata` column on its way into a response.
///
/// The column holds `JSONValue.compactText()` of the object (keys sorted). Reading that into a
/// `JSONValue` and encoding it again gives the same members with the same bytes (only their order
/// is a dictionary's), so the stored text is sent as it is whenever the round trip is sure to
/// leave every key and value alone: objects with distinct ASCII keys, arrays, strings, `true`,
/// `false`, `null` and integers of at most 18 digits, in the compact form `JSONEncoder` writes
/// (no spaces; `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` and lowercase `\u00xx` for the other C0
/// controls; valid UTF-8). Anything else (a fraction or an exponent, which the round trip may
/// rewrite; text written by hand; text that is not JSON) takes the round trip itself, keys sorted.
enum StoredMetadata {
    /// Appends the value the column's `text` stands for (`null` when it does not parse).
    static func write(_ text: UnsafeBufferPointer<UInt8>, to writer: inout CompactJSONWriter) {
        if isVerbatim(text) {
            writer.bytes.append(contentsOf: text)
        } else {
            writer.bytes.append(contentsOf: reencoded(text))
        }
    }

    /// The bytes the round trip gives: parsed into a `JSONValue`, encoded by `JSONEncoder` with
    /// `.withoutEscapingSlashes`; `null` when the text does not parse. Keys sorted, as stored, so
    /// every answer is the same (the order is the only thing `.sortedKeys` changes).
    static func reencoded(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // The column is read as a Swift string first: up to a NUL, ill-formed UTF-8 repaired.
        let string = String(decoding: UnsafeBufferPointer(rebasing: text.prefix { $0 != 0 }), as: UTF8.self)
        let value = (try? JSONValue.parse(string)) ?? .null
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { Array($0) } ?? Array("null".utf8)
    }

    /// Whether `text` is one JSON value in the form the round trip leaves byte for byte alone.
    static func isVerbatim(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var scanner = Scanner(text: text)
        return scanner.value(depth: 0) && scanner.position == text.count
    }

    /// A strict reader of the compact form; every method returns whether it read what it expects.
    private struct Scanner {
        let text: UnsafeBufferPointer<UInt8>
        var position = 0
        /// Deeper than this is left to the round trip (metadata is at most 5 levels).
        static let maxDepth = 32
        /// Longest integer sent as it is: 18 digits always fit in an `Int`.
        static let maxDigits = 18

        init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

        private var current: UInt8? { position < text.count ? text[position] : nil }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            position += 1
            return true
        }

        mutating func value(depth: Int) -> Bool {
            guard depth <= Self.maxDepth, let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "{"): return object(depth: depth + 1)
            case UInt8(ascii: "["): return array(depth: depth + 1)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return integer()
            }
        }

        /// An object whose keys are ASCII and all different: a dictionary keeps every member
        /// (keys equal as Swift strings, `é` and `e\u{301}`, would merge).
        private mutating func object(depth: Int) -> Bool {
            position += 1
            if take(UInt8(ascii: "}")) { return true }
            var keys: [Range<Int>] = []
            repeat {
                let start = position
                guard string(), take(UInt8(ascii: ":")) else { return false }
                let key = start..<(position - 1)
                guard !text[key].contains(where: { $0 >= 0x80 }),
                      !keys.contains(where: { text[$0].elementsEqual(text[key]) }) else { return false }
                keys.append(key)
                guard value(depth: depth) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }

        private mutating func array(depth: Int) -> Bool {
            position += 1
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                guard value(depth: depth) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard text.count - position >= count else { return false }
            for i in 0..<count where text[position + i] != word.utf8Start[i] { return false }
            position += count
            return true
        }

        /// `0`, or an optional `-` and 1 to 18 digits without a leading zero (`-0` reads back as `0`).
        private mutating func integer() -> Bool {
            let negative = take(UInt8(ascii: "-"))
            let start = position
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
            let digits = position - start
            guard digits >= 1, digits <= Self.maxDigits else { return false }
            if text[start] == UInt8(ascii: "0") { return digits == 1 && !negative }
            return true
        }

        private mutating func string() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            var plain = true
            let start = position
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    let body = UnsafeBufferPointer(rebasing: text[start..<position])
                    position += 1
                    return plain || Self.isValidUTF8(body)
                case UInt8(ascii: "\\"):
                    guard escape() else { return false }
                case 0x00..<0x20:
                    return false
                default:
                    if byte >= 0x80 { plain = false }
                    position += 1
                }
            }
            return false
        }

        /// One escape as `JSONEncoder` writes it; `position` is at the backslash.
        private mutating func escape() -> Bool {
            position += 1
            guard let byte = current else { return false }
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                return true
            case UInt8(ascii: "u"):
                // Only `\u00xx`, lowercase, for a C0 control without a short name.
                guard text.count - position >= 4, text[position] == UInt8(ascii: "0"), text[position + 1] == UInt8(ascii: "0"),
                      let high = Self.hex(text[position + 2]), high <= 1, let low = Self.hex(text[position + 3]) else { return false }
                position += 4
                let code = high * 16 + low
                return ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(code)
            default:
                return false
            }
        }

        /// Whether `bytes` is well-formed UTF-8 (what decoding leaves alone).
        private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var iterator = bytes.makeIterator()
            var codec = UTF8()
            while true {
                switch codec.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return true
                case .error: return false
                }
            }
        }

        /// A lowercase hex digit's value.
        private static func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
    }
}
