/// Every wire name the InstaView docs leave UNCONFIRMED, in one place.
///
/// `../shared/api/instaview-candidates.md` marks these names as unconfirmed. If the real
/// API turns out to spell one differently, change it here and nowhere else: the model's
/// coding keys, the patch encoder, the sandbox and the validation messages all read it.
public enum UnconfirmedAPINames {
    /// The candidate's gender override (`"male"`, `"female"`, or `null` = auto-detect). UNCONFIRMED.
    public static let gender = "gender"
    /// The anonymized plain-text CV. UNCONFIRMED.
    public static let cvText = "cvText"
}
