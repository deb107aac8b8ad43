/// Where keys are read: a screen, or what is open on top of it. Each has its own bindings in
/// the `KeyMap`, its own hint line and its own help page.
public enum KeyContext: String, CaseIterable, Sendable {
    case list, form
    /// The `/` prompt on the list.
    case search
    /// A `v` range being extended on the list.
    case range
    /// The `:` command line.
    case command
    /// Status, gender, filter and bulk menus.
    case menu
    /// The jobs picker (several can be chosen).
    case picker
    /// A y/N question.
    case question
    /// The new GDPR expiry, typed (`a` on the list).
    case expiryPrompt = "expiry-prompt"
    case bulkPreview = "bulk-preview", bulkResult = "bulk-result"
    case drafts
    case conflict
    /// The `^G` panel of whole messages.
    case messages
    /// The read-only viewer of a CV or metadata.
    case pager
    /// The `H` panel of changes sent, from the journal.
    case history
    /// The help page itself.
    case help

    /// The title of the help page and of the section in docs/keys.md.
    public var title: String {
        switch self {
        case .list: "List"
        case .form: "Form"
        case .search: "Search prompt (/)"
        case .range: "Range (v)"
        case .command: "Command line (:)"
        case .menu: "Menus"
        case .picker: "Jobs picker"
        case .question: "Questions (y/N)"
        case .expiryPrompt: "GDPR expiry prompt"
        case .bulkPreview: "Bulk preview"
        case .bulkResult: "Bulk result"
        case .drafts: "Unsent drafts"
        case .conflict: "Conflict"
        case .messages: "Messages (^G)"
        case .pager: "Pager (CV, metadata)"
        case .history: "History (H)"
        case .help: "Help"
        }
    }

    /// Contexts whose keys the config file may change.
    public var isRemappable: Bool { self == .list || self == .form }
}
