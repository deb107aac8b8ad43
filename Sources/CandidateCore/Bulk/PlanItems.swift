/// A plan's items, by position: kept in an array, or built on each read from what the plan
/// was lent (the editor's marks, another plan). A plan over 100,000 marks then holds no copy of
/// them: the marks keep ids and names compactly already, and a copy of each as an item cost
/// about 13 MB more at the preview (the items, and a set of their ids to drop repeats).
///
/// Equal when their items are equal, in order, however each is kept.
public struct PlanItems<Element: Sendable>: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case kept([Element])
        case built(count: Int, item: @Sendable (Int) -> Element)
    }

    private let storage: Storage

    /// Items as given.
    public init(_ items: [Element]) { storage = .kept(items) }

    /// `count` items, item `i` built by `item(i)` on each read (so `item` must give the same
    /// item every time: it reads what the plan was lent, which nothing changes).
    init(count: Int, item: @escaping @Sendable (Int) -> Element) {
        storage = .built(count: count, item: item)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .kept(let items): items.count
        case .built(let count, _): count
        }
    }

    public subscript(i: Int) -> Element {
        switch storage {
        case .kept(let items): items[i]
        case .built(_, let item): item(i)
        }
    }
}

extension PlanItems: ExpressibleByArrayLiteral {
    public init(arrayLiteral items: Element...) { self.init(items) }
}

extension PlanItems: Equatable where Element: Equatable {
    public static func == (a: PlanItems, b: PlanItems) -> Bool { a.elementsEqual(b) }
}

extension PlanItems: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for item in self { hasher.combine(item) }
    }
}
