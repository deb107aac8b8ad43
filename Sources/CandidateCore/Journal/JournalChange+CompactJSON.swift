/// A journal line written straight into bytes: every PATCH a bulk run sends is recorded twice,
/// and a `JSONEncoder` per record was a tenth of the run's own work.
extension JournalChange {
    /// The change as one compact JSON object with sorted keys, absent optionals left out: the
    /// same bytes as `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` gives.
    public func compactJSON() -> [UInt8] {
        var w = CompactJSONWriter(capacity: 256 + name.utf8.count)
        w.bytes.append(UInt8(ascii: "{"))
        // Keys in UTF-8 byte order: batch, candidateId, command, error, fields, id, name, outcome, time, updatedAtAfter.
        if let batch {
            w.write(key: "batch"); w.write(string: batch); w.bytes.append(UInt8(ascii: ","))
        }
        w.write(key: "candidateId"); w.write(string: candidateId)
        w.bytes.append(UInt8(ascii: ",")); w.write(key: "command"); w.write(string: command)
        if let error {
            w.bytes.append(UInt8(ascii: ",")); w.write(key: "error"); w.write(string: error)
        }
        w.bytes.append(UInt8(ascii: ",")); w.write(key: "fields"); w.bytes.append(UInt8(ascii: "["))
        for (i, f) in fields.enumerated() {
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.bytes.append(UInt8(ascii: "{"))
            w.write(key: "after"); w.write(f.after)
            w.bytes.append(UInt8(ascii: ",")); w.write(key: "before"); w.write(f.before)
            w.bytes.append(UInt8(ascii: ",")); w.write(key: "field"); w.write(string: f.field)
            w.bytes.append(UInt8(ascii: "}"))
        }
        w.bytes.append(UInt8(ascii: "]"))
        w.bytes.append(UInt8(ascii: ",")); w.write(key: "id"); w.write(string: id)
        w.bytes.append(UInt8(ascii: ",")); w.write(key: "name"); w.write(string: name)
        w.bytes.append(UInt8(ascii: ",")); w.write(key: "outcome"); w.write(string: outcome.rawValue)
        w.bytes.append(UInt8(ascii: ",")); w.write(key: "time"); w.write(string: time)
        if let updatedAtAfter {
            w.bytes.append(UInt8(ascii: ",")); w.write(key: "updatedAtAfter"); w.write(string: updatedAtAfter)
        }
        w.bytes.append(UInt8(ascii: "}"))
        return w.bytes
    }
}
