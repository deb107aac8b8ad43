import Foundation

/// A partial update: exactly the fields to change, nothing else (API page, "Update (PATCH) rules").
///
/// Each entry is the field's new wire value: a string, an array of job ids, a metadata
/// object, or JSON `null` for a cleared optional field. Encoding emits exactly these keys,
/// so an untouched field can never leak into a PATCH. `jobIds` and `metadata` are always
/// whole values because the API replaces them.
///
/// Build one with `CandidateDraft.makePatch(today:)` (the TUI), `CandidatePatch.status(_:)`
/// (status moves), or `CandidatePatch(json:)` (the sandbox reading a request body).
public struct CandidatePatch: Hashable, Sendable {
    /// New wire value per changed field.
    public private(set) var changes: [CandidateField: JSONValue]

    public init(changes: [CandidateField: JSONValue] = [:]) { self.changes = changes }

    /// A patch that moves a candidate to `status` and changes nothing else.
    public static func status(_ status: CandidateStatus) -> CandidatePatch {
        CandidatePatch(changes: [.status: .string(status.rawValue)])
    }

    /// No field changes: nothing should be sent.
    public var isEmpty: Bool { changes.isEmpty }

    /// Changed fields in form order.
    public var fields: [CandidateField] { CandidateField.allCases.filter { changes[$0] != nil } }

    /// The wire value for a field, if it changes.
    public subscript(field: CandidateField) -> JSONValue? {
        get { changes[field] }
        set { changes[field] = newValue }
    }

    /// The JSON object this patch sends.
    public var jsonObject: JSONValue {
        .object(Dictionary(uniqueKeysWithValues: changes.map { ($0.key.apiKey, $0.value) }))
    }

    /// The request body: compact JSON with sorted keys, exactly the changed keys.
    public func body() -> Data { Data(jsonObject.compactBytes()) }

    /// Errors reading a PATCH body.
    public enum ParseError: Error, Equatable, Sendable {
        /// The body is not a JSON object.
        case notAnObject
        /// Keys that are not editable fields (read-only or unknown), with the wire names.
        case unknownFields([String])
    }

    /// Reads a request body (a JSON object) into a patch. Throws `ParseError` for a non-object
    /// or for keys that are not editable fields (`id`, `overallRating`, unknown names, …).
    /// Values are not validated here; run `PatchValidator` next.
    public init(json: JSONValue) throws {
        guard let object = json.objectValue else { throw ParseError.notAnObject }
        var changes: [CandidateField: JSONValue] = [:]
        var unknown: [String] = []
        for (key, value) in object {
            if let field = CandidateField(apiKey: key) { changes[field] = value } else { unknown.append(key) }
        }
        guard unknown.isEmpty else { throw ParseError.unknownFields(unknown.sorted()) }
        self.changes = changes
    }

    /// The candidate with this patch applied: present fields replaced, `null` clears,
    /// omitted fields untouched. Assumes the patch passed `PatchValidator`; values of the
    /// wrong type are ignored.
    public func applied(to candidate: Candidate) -> Candidate {
        var c = candidate
        for (field, value) in changes {
            switch field {
            case .firstName: if let s = value.stringValue { c.firstName = s }
            case .lastName: if let s = value.stringValue { c.lastName = s }
            case .email: c.email = value.stringValue
            case .phoneNumber: c.phoneNumber = value.stringValue
            case .gdprExpiryDate: c.gdprExpiryDate = value.stringValue
            case .status: if let s = value.stringValue { c.status = CandidateStatus(s) }
            case .gender: c.gender = value.stringValue.map(CandidateGender.init(rawValue:))
            case .jobIds:
                if let ids = value.arrayValue?.compactMap(\.stringValue) {
                    c.jobIds = ids
                    if c.jobId != nil { c.jobId = ids.first }
                }
            case .metadata: c.metadata = value.isNull ? nil : value
            case .cvText: c.cvText = value.stringValue
            }
        }
        return c
    }
}
