import Foundation

/// A validation failure for one field, with a message a recruiter can act on.
public struct FieldError: Hashable, Sendable, Error, CustomStringConvertible {
    public var field: CandidateField
    /// Human text without the label, e.g. "must be E.164: + country code and digits, e.g. +421905123456".
    public var message: String
    public init(field: CandidateField, message: String) { self.field = field; self.message = message }
    /// "Phone: must …".
    public var description: String { "\(field.label): \(message)" }
}

/// One or more fields failed validation; nothing was (or should be) sent.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// In form order.
    public var errors: [FieldError]
    public init(errors: [FieldError]) {
        self.errors = errors.sorted { a, b in
            (CandidateField.allCases.firstIndex(of: a.field) ?? 0) < (CandidateField.allCases.firstIndex(of: b.field) ?? 0)
        }
    }
    /// The first message per field.
    public var byField: [CandidateField: String] {
        var out: [CandidateField: String] = [:]
        for e in errors where out[e.field] == nil { out[e.field] = e.message }
        return out
    }
    public var description: String { errors.map(\.description).joined(separator: "; ") }
}

/// The API's update rules for candidate fields, checked before sending (client) and on
/// receipt (sandbox), so both sides enforce the same contract
/// (API page, "Update (PATCH) rules" and "Candidate (response)").
public enum PatchValidator {
    /// Limits the API documents.
    public enum Limits {
        /// `firstName` / `lastName` length in characters.
        public static let nameLength = 1...100
        /// `cvText` length in characters.
        public static let cvTextMaxCharacters = 50_000
        /// `metadata` serialized size in bytes (compact UTF-8 JSON).
        public static let metadataMaxBytes = 10 * 1024
        /// `metadata` nesting depth; the object itself is level 1.
        public static let metadataMaxDepth = 5
        /// `metadata` keys at the top level.
        public static let metadataMaxKeys = 50
        /// `jobIds` entries.
        public static let jobIdsMax = 50
        /// Email address length (RFC 5321 path limit).
        public static let emailMaxLength = 254
    }

    /// Every rule violated by `patch`, in form order; empty when it may be sent.
    /// - Parameters:
    ///   - today: the day `gdprExpiryDate` must be strictly after (the server uses UTC).
    ///   - original: the stored candidate the patch changes, when known (see `check`).
    public static func validate(_ patch: CandidatePatch, today: CalendarDay = .today(), original: Candidate? = nil) -> [FieldError] {
        var errors: [FieldError] = []
        for field in patch.fields {
            guard let value = patch[field] else { continue }
            let before = original.map { CandidateDraft.originalWireValue(field, of: $0) }
            if let message = check(field, value, today: today, original: before) {
                errors.append(FieldError(field: field, message: message))
            }
        }
        return errors
    }

    /// The message for one field's wire value, or `nil` when it is valid.
    /// - Parameter original: the stored value of the field, when known. Names and email may
    ///   keep the control characters the stored value already has (appending to such a name
    ///   sends it whole), but never gain new ones.
    public static func check(_ field: CandidateField, _ value: JSONValue, today: CalendarDay = .today(),
                             original: JSONValue? = nil) -> String? {
        if value.isNull {
            return field.isClearable ? nil : "is required and cannot be cleared"
        }
        // Names and e-mail are free text: refuse control characters (the phone and date rules refuse them anyway).
        if [.firstName, .lastName, .email].contains(field), let s = value.stringValue,
           !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
           addsControlCharacters(s, to: original?.stringValue ?? "") {
            return "must not contain control characters (line breaks, tabs, escape codes)"
        }
        switch field {
        case .firstName, .lastName:
            guard let s = value.stringValue else { return "must be text" }
            if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "is required" }
            if s.count > Limits.nameLength.upperBound { return "must be at most \(Limits.nameLength.upperBound) characters (has \(s.count))" }
            return nil
        case .email:
            guard let s = value.stringValue else { return "must be text" }
            return isValidEmail(s) ? nil : "is not a valid email address (name@example.com)"
        case .phoneNumber:
            guard let s = value.stringValue else { return "must be text" }
            return isE164(s) ? nil : "must be E.164: + country code and digits, e.g. +421905123456"
        case .gdprExpiryDate:
            guard let s = value.stringValue else { return "must be a date" }
            guard let day = CalendarDay(parsing: s) else { return "must be a date as YYYY-MM-DD" }
            return day > today ? nil : "must be in the future (after \(today))"
        case .status:
            guard let s = value.stringValue else { return "must be text" }
            return CandidateStatus(s).isKnown ? nil
                : "must be one of \(CandidateStatus.allKnown.map(\.rawValue).joined(separator: ", "))"
        case .gender:
            guard let s = value.stringValue, CandidateGender(rawValue: s).isKnown else {
                return "must be male, female, or cleared (auto-detect)"
            }
            return nil
        case .jobIds:
            guard let items = value.arrayValue else { return "must be a list of job ids" }
            if items.count > Limits.jobIdsMax { return "at most \(Limits.jobIdsMax) jobs (has \(items.count))" }
            var seen = Set<String>()
            for item in items {
                guard let id = item.stringValue, isUUID(id) else { return "contains something that is not a job id" }
                if !seen.insert(id.lowercased()).inserted { return "lists a job twice" }
            }
            return nil
        case .metadata:
            guard let object = value.objectValue else { return "must be a JSON object, e.g. {\"source\": \"referral\"}" }
            let bytes = value.compactText().utf8.count
            if bytes > Limits.metadataMaxBytes { return "is \(bytes) bytes; at most \(Limits.metadataMaxBytes) (10 KB)" }
            if value.depth > Limits.metadataMaxDepth { return "nests \(value.depth) levels; at most \(Limits.metadataMaxDepth)" }
            if object.count > Limits.metadataMaxKeys { return "has \(object.count) keys; at most \(Limits.metadataMaxKeys)" }
            return nil
        case .cvText:
            guard let s = value.stringValue else { return "must be text" }
            if s.count > Limits.cvTextMaxCharacters { return "is \(s.count) characters; at most \(Limits.cvTextMaxCharacters)" }
            // Plain text: line breaks and tabs, but no NUL (a server may cut the text there) nor
            // escape codes — unless the stored CV already has them.
            let layout: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
            let strip = { (t: String) in String(String.UnicodeScalarView(t.unicodeScalars.filter { !layout.contains($0) })) }
            if addsControlCharacters(strip(s), to: strip(original?.stringValue ?? "")) {
                return "must be plain text: no control characters other than line breaks and tabs (NUL, escape codes)"
            }
            return nil
        }
    }

    /// Whether `s` has a control character (`DisplayText.isControl`) more often than `original` has it.
    static func addsControlCharacters(_ s: String, to original: String) -> Bool {
        var allowed: [Unicode.Scalar: Int] = [:]
        for c in original.unicodeScalars where DisplayText.isControl(c) { allowed[c, default: 0] += 1 }
        for c in s.unicodeScalars where DisplayText.isControl(c) {
            guard let n = allowed[c], n > 0 else { return true }
            allowed[c] = n - 1
        }
        return false
    }

    /// `^\+[1-9]\d{1,14}$` with ASCII digits only (the API's E.164 rule).
    public static func isE164(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 3, u.count <= 16, u[0] == UInt8(ascii: "+"), u[1] >= UInt8(ascii: "1"), u[1] <= UInt8(ascii: "9") else { return false }
        return u.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A pragmatic address check: one `@`, a non-empty local part, a dotted domain with
    /// a top-level label of two or more letters, no white space, at most 254 characters.
    public static func isValidEmail(_ s: String) -> Bool {
        guard s.count <= Limits.emailMaxLength, !s.contains(where: { $0.isWhitespace || $0.isNewline }) else { return false }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
        return !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
    }

    /// 8-4-4-4-12 hexadecimal digits.
    public static func isUUID(_ s: String) -> Bool { UUID(uuidString: s) != nil }
}
