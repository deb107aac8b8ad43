extension Candidate {
    /// Wire names in the order `.sortedKeys` writes them (UTF-8 byte order).
    private static let sortedCodingKeys = CodingKeys.allCases.sorted {
        CompactJSONWriter.keyOrder($0.stringValue, $1.stringValue)
    }

    /// Appends the candidate as one compact JSON object with sorted keys: the same bytes as
    /// `JSONValue.from(candidate).compactText()` (every field `encode(to:)` writes, `null` for an
    /// absent one, `jobId` only when sent, the extra fields as sent), written directly.
    public func writeCompactJSON(to writer: inout CompactJSONWriter) {
        guard extraFields.isEmpty else {
            // Rare: merge the extra names into the order through one object.
            var all = extraFields
            for key in CodingKeys.allCases where all[key.stringValue] == nil {
                if let value = wireValue(key) { all[key.stringValue] = value }
            }
            writer.write(.object(all))
            return
        }
        writer.bytes.append(UInt8(ascii: "{"))
        var first = true
        for key in Self.sortedCodingKeys {
            guard let value = wireValue(key) else { continue }
            if !first { writer.bytes.append(UInt8(ascii: ",")) }
            first = false
            writer.write(key: key.stringValue)
            writer.write(value)
        }
        writer.bytes.append(UInt8(ascii: "}"))
    }

    /// The value `encode(to:)` writes under `key`; `nil` when it writes nothing there.
    private func wireValue(_ key: CodingKeys) -> JSONValue? {
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        switch key {
        case .id: return .string(id)
        case .firstName: return .string(firstName)
        case .lastName: return .string(lastName)
        case .email: return text(email)
        case .phoneNumber: return text(phoneNumber)
        case .gdprExpiryDate: return text(gdprExpiryDate)
        case .status: return .string(status.rawValue)
        case .jobIds: return .array(jobIds.map(JSONValue.string))
        case .jobId: return jobId.map(JSONValue.string)
        case .overallRating: return overallRating.map(JSONValue.int) ?? .null
        case .metadata: return metadata ?? .null
        case .analysisCount: return .int(analysisCount)
        case .interviewCount: return .int(interviewCount)
        case .links: return .object(links.mapValues(JSONValue.string))
        case .gender: return text(gender?.rawValue)
        case .cvText: return text(cvText)
        case .createdAt: return text(createdAt)
        case .updatedAt: return text(updatedAt)
        }
    }
}
