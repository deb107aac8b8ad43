extension CompactJSONWriter {
    /// Appends a quoted, escaped string given as UTF-8 bytes: the same bytes `write(string:)`
    /// appends for `String(decoding: utf8, as: UTF8.self)` (an ill-formed sequence becomes
    /// U+FFFD), without building the string when the bytes are plain ASCII with nothing to escape.
    /// For text read straight from a database or a file into a response.
    public mutating func write(utf8 text: UnsafeBufferPointer<UInt8>) {
        for b in text where b < 0x20 || b >= 0x7F || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            write(string: String(decoding: text, as: UTF8.self))
            return
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends an integer in decimal, as `JSONEncoder` writes it.
    public mutating func write(int value: Int64) {
        // Up to 15 characters (every count and rating) is a small string: no allocation.
        bytes.append(contentsOf: String(value).utf8)
    }
}
