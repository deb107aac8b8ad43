import Foundation

/// A draft on disk: the original candidate as loaded, plus the current value of every
/// editable field, as the user left it (nothing normalized, invalid text kept as typed).
///
/// ```json
/// {"original": {…candidate as the API sent it…}, "firstName": "…", "lastName": "…",
///  "email": "", "phoneNumber": "…", "gdprExpiryDate": "2027-01-31", "status": "NEW",
///  "gender": null, "jobIds": ["…"], "metadataText": "{…}", "cvText": "…"}
/// ```
extension CandidateDraft: Codable {
    enum CodingKeys: String, CodingKey {
        case original, firstName, lastName, email, phoneNumber, gdprExpiryDate, status, gender, jobIds, metadataText, cvText
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Candidate.self, forKey: .original))
        firstName = try c.decode(String.self, forKey: .firstName)
        lastName = try c.decode(String.self, forKey: .lastName)
        email = try c.decode(String.self, forKey: .email)
        phoneNumber = try c.decode(String.self, forKey: .phoneNumber)
        gdprExpiryDate = try c.decode(String.self, forKey: .gdprExpiryDate)
        status = try c.decode(CandidateStatus.self, forKey: .status)
        gender = try c.decodeIfPresent(CandidateGender.self, forKey: .gender)
        jobIds = try c.decode([String].self, forKey: .jobIds)
        metadataText = try c.decode(String.self, forKey: .metadataText)
        cvText = try c.decode(String.self, forKey: .cvText)
    }

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
