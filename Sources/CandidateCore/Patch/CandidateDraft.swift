import Foundation

/// The user's editable copy of a candidate: the original as loaded, plus the current value of
/// every editable field (the gh `editable.go` pattern).
///
/// "Changed" is derived, never stored: a field is changed when its normalized wire value
/// differs from the original's, so a value changed and changed back is no change and an
/// untouched field can never leak into a PATCH. For the optional text fields, empty text
/// means "cleared" and is sent as JSON `null`.
///
/// Every field holds the server's exact text; nothing is cut or sanitized for the screen, so
/// a field the user did not touch is never sent, and one the user appended to sends the
/// original plus exactly what was typed.
///
/// Normalization (also applied to the original, so loading never shows a false change):
/// white space around a name or email is dropped at an end where the server's value has none
/// (what the user adds there is an accident; what the server has is kept); the phone loses
/// spaces, dashes, dots and parentheses (`+421 905-123 456` → `+421905123456`); a GDPR
/// timestamp is shown as its date.
///
/// A draft is also what `DraftStore` writes to disk: the original candidate as loaded, plus
/// the current value of every editable field as the user left it (nothing normalized, invalid
/// text kept as typed), under the property names:
///
/// ```json
/// {"original": {…candidate as the API sent it…}, "firstName": "…", "lastName": "…",
///  "email": "", "phoneNumber": "…", "gdprExpiryDate": "2027-01-31", "status": "NEW",
///  "gender": null, "jobIds": ["…"], "metadataText": "{…}", "cvText": "…"}
/// ```
public struct CandidateDraft: Hashable, Sendable, Codable {
    /// The candidate as it was when the form opened.
    public let original: Candidate

    public var firstName: String
    public var lastName: String
    /// Empty = cleared.
    public var email: String
    /// Empty = cleared.
    public var phoneNumber: String
    /// `YYYY-MM-DD`; empty = cleared.
    public var gdprExpiryDate: String
    public var status: CandidateStatus
    /// `nil` = cleared (auto-detect from the name).
    public var gender: CandidateGender?
    /// The complete list; a change sends it whole.
    public var jobIds: [String]
    /// JSON text of the metadata object; empty = cleared.
    public var metadataText: String
    /// Empty = cleared.
    public var cvText: String

    /// A draft equal to `candidate` (no changes).
    public init(_ candidate: Candidate) {
        original = candidate
        firstName = candidate.firstName
        lastName = candidate.lastName
        email = candidate.email ?? ""
        phoneNumber = candidate.phoneNumber ?? ""
        gdprExpiryDate = candidate.gdprExpiryDay?.description ?? (candidate.gdprExpiryDate ?? "")
        status = candidate.status
        gender = candidate.gender
        jobIds = candidate.jobIds
        metadataText = candidate.metadata?.prettyText() ?? ""
        cvText = candidate.cvText ?? ""
    }

    /// The editable text of a one-line or editor field (`status`, `gender` and `jobIds` are
    /// chosen from menus; their text is their wire spelling / comma-joined ids).
    public func text(_ field: CandidateField) -> String {
        switch field {
        case .firstName: return firstName
        case .lastName: return lastName
        case .email: return email
        case .phoneNumber: return phoneNumber
        case .gdprExpiryDate: return gdprExpiryDate
        case .status: return status.rawValue
        case .gender: return gender?.rawValue ?? ""
        case .jobIds: return jobIds.joined(separator: ",")
        case .metadata: return metadataText
        case .cvText: return cvText
        }
    }

    /// Sets a field from text, as typed. For `status`, `gender` and `jobIds` the text is the
    /// wire spelling (`gender` empty = cleared; `jobIds` comma-separated).
    public mutating func setText(_ text: String, for field: CandidateField) {
        switch field {
        case .firstName: firstName = text
        case .lastName: lastName = text
        case .email: email = text
        case .phoneNumber: phoneNumber = text
        case .gdprExpiryDate: gdprExpiryDate = text
        case .status: status = CandidateStatus(text.trimmingCharacters(in: .whitespaces))
        case .gender:
            let t = text.trimmingCharacters(in: .whitespaces)
            gender = t.isEmpty ? nil : CandidateGender(rawValue: t)
        case .jobIds:
            jobIds = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .metadata: metadataText = text
        case .cvText: cvText = text
        }
    }

    /// The value this draft would send for `field`, normalized; `.failure` carries a message
    /// when the text cannot become a wire value at all (metadata that is not JSON).
    public func wireValue(_ field: CandidateField) -> Result<JSONValue, FieldError> {
        switch field {
        case .firstName: return .success(.string(Self.trimmed(firstName, keepingEndsOf: original.firstName)))
        case .lastName: return .success(.string(Self.trimmed(lastName, keepingEndsOf: original.lastName)))
        case .email: return .success(Self.optional(Self.trimmed(email, keepingEndsOf: original.email ?? "")))
        case .phoneNumber: return .success(Self.optional(Self.normalizedPhone(phoneNumber)))
        case .gdprExpiryDate:
            let t = Self.trimmed(gdprExpiryDate)
            return .success(Self.optional(CalendarDay(parsing: t)?.description ?? t))
        case .status: return .success(.string(status.rawValue))
        case .gender: return .success(gender.map { .string($0.rawValue) } ?? .null)
        case .jobIds: return .success(.array(jobIds.map(JSONValue.string)))
        case .metadata:
            let t = metadataText.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty || t == "null" { return .success(.null) }
            do { return .success(try JSONValue.parse(t)) } catch {
                return .failure(FieldError(field: .metadata, message: "is not valid JSON: \(Self.jsonErrorSummary(error))"))
            }
        case .cvText: return .success(Self.optionalText(cvText))
        }
    }

    /// The original's wire value for `field`, normalized the same way.
    public static func originalWireValue(_ field: CandidateField, of c: Candidate) -> JSONValue {
        switch field {
        // Names and email as the server sent them (see `trimmed(_:keepingEndsOf:)`).
        case .firstName: return .string(c.firstName)
        case .lastName: return .string(c.lastName)
        case .email: return optional(c.email ?? "")
        case .phoneNumber: return optional(normalizedPhone(c.phoneNumber ?? ""))
        case .gdprExpiryDate:
            let t = trimmed(c.gdprExpiryDate ?? "")
            return optional(CalendarDay(parsing: t)?.description ?? t)
        case .status: return .string(c.status.rawValue)
        case .gender: return c.gender.map { .string($0.rawValue) } ?? .null
        case .jobIds: return .array(c.jobIds.map(JSONValue.string))
        case .metadata: return c.metadata ?? .null
        case .cvText: return optionalText(c.cvText ?? "")
        }
    }

    /// Whether `field` differs from the original (derived, never stored).
    public func isChanged(_ field: CandidateField) -> Bool {
        switch wireValue(field) {
        case .success(let v): return v != Self.originalWireValue(field, of: original)
        case .failure: return true
        }
    }

    /// Changed fields in form order.
    public var changedFields: [CandidateField] { CandidateField.allCases.filter(isChanged) }

    /// Whether anything differs from the original.
    public var hasChanges: Bool { !changedFields.isEmpty }

    /// Validates the changed fields with `PatchValidator` and returns the patch of exactly
    /// those fields. Empty when nothing changed.
    /// - Throws: `ValidationFailure` listing every bad field, in form order.
    public func makePatch(today: CalendarDay = .today()) throws -> CandidatePatch {
        var patch = CandidatePatch()
        var errors: [FieldError] = []
        for field in changedFields {
            switch wireValue(field) {
            case .success(let v): patch[field] = v
            case .failure(let e): errors.append(e)
            }
        }
        errors += PatchValidator.validate(patch, today: today, original: original)
        if !errors.isEmpty { throw ValidationFailure(errors: errors) }
        return patch
    }

    /// A draft that keeps this draft's changes on top of a newer copy of the same candidate.
    public func rebased(onto newer: Candidate) -> CandidateDraft {
        var d = CandidateDraft(newer)
        for f in changedFields { d.setText(text(f), for: f) }
        return d
    }

    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `s` without white space at an end where `original` has none: typed spaces around a
    /// name are dropped, the server's own are kept, so `original + typed` stays exact.
    static func trimmed(_ s: String, keepingEndsOf original: String) -> String {
        let space = CharacterSet.whitespacesAndNewlines
        var scalars = Substring(s).unicodeScalars
        if !(original.unicodeScalars.first.map(space.contains) ?? false) {
            while let first = scalars.first, space.contains(first) { scalars.removeFirst() }
        }
        if !(original.unicodeScalars.last.map(space.contains) ?? false) {
            while let last = scalars.last, space.contains(last) { scalars.removeLast() }
        }
        return String(scalars)
    }
    static func optional(_ s: String) -> JSONValue { s.isEmpty ? .null : .string(s) }
    /// Multi-line text kept as typed, except that white space only means cleared.
    static func optionalText(_ s: String) -> JSONValue { trimmed(s).isEmpty ? .null : .string(s) }
    static func normalizedPhone(_ s: String) -> String {
        String(s.filter { !" \t-.()\u{00A0}".contains($0) })
    }
    /// One line saying why JSON text could not be parsed (the parser's own words when it has them).
    public static func jsonErrorSummary(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let ctx) = error {
            let underlying = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? ctx.debugDescription
        }
        return "\(error)"
    }
}

extension CandidateDraft {
    /// What the compiler would write, except that a cleared `gender` is written as `null`
    /// instead of being left out, as draft files have always had it (reading accepts both).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(original, forKey: .original)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encode(email, forKey: .email)
        try c.encode(phoneNumber, forKey: .phoneNumber)
        try c.encode(gdprExpiryDate, forKey: .gdprExpiryDate)
        try c.encode(status, forKey: .status)
        try c.encode(gender, forKey: .gender)
        try c.encode(jobIds, forKey: .jobIds)
        try c.encode(metadataText, forKey: .metadataText)
        try c.encode(cvText, forKey: .cvText)
    }
}
