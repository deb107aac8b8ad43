import CandidateCore

/// A line of a menu.
struct MenuItem: Equatable {
    var label: String
    var detail: String
    /// What choosing it means (a status, a gender, a job id); `nil` for a heading.
    var value: String?
    var selectable: Bool { value != nil }
    /// Pre-selected (multi-select menus).
    var selected = false

    /// Items a page key moves the menu cursor by.
    static let pageItems = 10

    /// Where a navigation key moves a menu's cursor (headings are stepped over; at either end it
    /// stays), or `nil` when the key is not a navigation key.
    static func cursor(after action: KeyAction?, from current: Int, in items: [MenuItem]) -> Int? {
        let selectable = items.indices.filter { items[$0].selectable }
        guard let first = selectable.first, let last = selectable.last else { return nil }
        func atOrBefore(_ i: Int) -> Int? { selectable.last { $0 <= i } }
        func atOrAfter(_ i: Int) -> Int? { selectable.first { $0 >= i } }
        switch action {
        case .up?: return atOrBefore(current - 1) ?? current
        case .down?: return atOrAfter(current + 1) ?? current
        case .pageUp?: return atOrBefore(current - pageItems) ?? first
        case .pageDown?: return atOrAfter(current + pageItems) ?? last
        case .top?: return first
        case .bottom?: return last
        default: return nil
        }
    }
}
