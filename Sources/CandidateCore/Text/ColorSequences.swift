/// Finding colour in bytes written to a terminal: the tests and the bench check that a
/// monochrome run sends none.
public enum ColorSequences {
    /// How many SGR sequences (`ESC [ … m`) in `bytes` set a foreground or background colour:
    /// a parameter 30–49 or 90–107 (`\e[31m`, `\e[0;7;34m`, `\e[39;49m`). Bold, reverse video,
    /// underline and resets are not colour.
    public static func count(in bytes: [UInt8]) -> Int {
        var count = 0
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x1B, bytes[i + 1] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 2
            while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "m") {
                let params = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).split(separator: ";").compactMap { Int($0) }
                if params.contains(where: { (30...49).contains($0) || (90...107).contains($0) }) { count += 1 }
            }
            i = max(j, i + 2)
        }
        return count
    }
}
