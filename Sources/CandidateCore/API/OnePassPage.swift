import Foundation

/// A list body decoded in one pass, straight into its items and the page numbers, without a
/// generic `JSONValue` tree in between (`ResponseShapes.page` reads it).
///
/// It reads the shapes a healthy server sends: a wrapped list (`success: true`, `data.items` +
/// `data.pagination`, or `data` as the list), a bare list (`data` + top-level totals) and a bare
/// array. Anything else (a wrapped `success: false`, no list at all, malformed JSON) throws, and
/// the caller reads the body again through the tree, which words the error; so this type only
/// has to agree with the tree on the bodies it accepts.
struct OnePassPage<Item: Decodable & Sendable>: Decodable {
    /// The readable items, in the order sent.
    var items: [Item]
    /// `item 3: missing id`, for each item left out.
    var skipped: [String]
    var numbers: PageNumbers

    /// The body's shape is not one this reader takes; read it through the tree instead.
    struct Unusual: Error {}

    typealias Key = PageBodyKey

    init(from decoder: Decoder) throws {
        guard let top = try? decoder.container(keyedBy: Key.self) else {
            // A bare array is one complete page.
            self.init(list: try decoder.singleValueContainer().decode([Slot].self), numbers: PageNumbers())
            return
        }
        // Unwrap `data` only when the top level has a boolean `success`.
        if top.contains(.success), let success = try? top.decode(Bool.self, forKey: .success) {
            guard success, top.contains(.data) else { throw Unusual() }
            if let list = try? top.decode([Slot].self, forKey: .data) {
                self.init(list: list, numbers: PageNumbers())
            } else {
                try self.init(object: top.nestedContainer(keyedBy: Key.self, forKey: .data))
            }
        } else {
            try self.init(object: top)
        }
    }

    /// A payload object: the list in `items` (else `data`), the numbers in `pagination` (else beside the list).
    private init(object p: KeyedDecodingContainer<Key>) throws {
        let list: [Slot]
        if p.contains(.items), let l = try? p.decode([Slot].self, forKey: .items) {
            list = l
        } else if p.contains(.data), let l = try? p.decode([Slot].self, forKey: .data) {
            list = l
        } else {
            throw Unusual()
        }
        if p.contains(.pagination) {
            // A `pagination` that is not an object (even `null`) carries no numbers.
            let meta = try? p.nestedContainer(keyedBy: Key.self, forKey: .pagination)
            self.init(list: list, numbers: meta.map(PageNumbers.init(meta:)) ?? PageNumbers())
        } else {
            self.init(list: list, numbers: PageNumbers(meta: p))
        }
    }

    private init(list slots: [Slot], numbers: PageNumbers) {
        var items: [Item] = []
        var skipped: [String] = []
        items.reserveCapacity(slots.count)
        for (i, slot) in slots.enumerated() {
            switch slot.value {
            case .success(let item): items.append(item)
            case .failure(let problem): skipped.append("item \(i + 1): \(problem.text)")
            }
        }
        self.items = items
        self.skipped = skipped
        self.numbers = numbers
    }

    /// Why one item was left out, worded as `ResponseShapes` words decoding errors.
    struct Problem: Error { var text: String }

    /// One element of the list: the item, or why it could not be read. Never throws, so one bad
    /// item leaves the rest of the page.
    struct Slot: Decodable {
        var value: Result<Item, Problem>

        init(from decoder: Decoder) throws {
            do {
                value = .success(try Item(from: decoder))
            } catch {
                // Rare: read it again the way the tree path does, so the item is named (or,
                // should the two ever disagree, kept) exactly as before.
                guard let tree = try? JSONValue(from: decoder) else {
                    value = .failure(Problem(text: ResponseShapes.short(error)))
                    return
                }
                do { value = .success(try tree.decode(Item.self)) } catch {
                    value = .failure(Problem(text: ResponseShapes.short(error)))
                }
            }
        }
    }
}

/// The numbers a list body sends beside its items, each `nil` when absent or unreadable.
/// Integers are read as `JSONValue.intValue` reads them (an integral number or a numeric string).
struct PageNumbers {
    var total: Int?
    var page: Int?
    var limit: Int?
    var totalPages: Int?
    var hasNextPage: Bool?

    init() {}

    /// From a `JSONValue` object (the tree path); other shapes carry no numbers.
    init(meta: JSONValue) {
        total = meta["total"]?.intValue
        page = meta["page"]?.intValue
        limit = meta["limit"]?.intValue
        totalPages = meta["totalPages"]?.intValue
        hasNextPage = meta["hasNextPage"]?.boolValue
    }

    /// From a decoder's object (the one-pass path).
    init(meta: KeyedDecodingContainer<PageBodyKey>) {
        func int(_ k: PageBodyKey) -> Int? {
            guard meta.contains(k) else { return nil }
            if let i = try? meta.decode(Int.self, forKey: k) { return i }
            if let s = try? meta.decode(String.self, forKey: k) { return Int(s) }
            return (try? meta.decode(Double.self, forKey: k)).flatMap { JSONValue.double($0).intValue }
        }
        total = int(.total)
        page = int(.page)
        limit = int(.limit)
        totalPages = int(.totalPages)
        hasNextPage = meta.contains(.hasNextPage) ? try? meta.decode(Bool.self, forKey: .hasNextPage) : nil
    }

    /// The page, with the defaults a body without numbers gets: one complete page of `items`.
    /// The numbers are held first (`Page.numberLimit`), so working out `totalPages` cannot overflow.
    func page<T>(items: [T], skipped: [String]) -> Page<T> {
        let limit = Page<T>.held(self.limit ?? max(items.count, 1))
        let page = self.page ?? 1
        let total = Page<T>.held(self.total ?? items.count)
        let totalPages = self.totalPages ?? max(1, (total + limit - 1) / max(limit, 1))
        return Page(items: items, total: total, page: page, limit: limit, totalPages: totalPages,
                    hasNextPage: hasNextPage, skipped: skipped)
    }
}

/// The member names a list body is read by.
struct PageBodyKey: CodingKey {
    var stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }

    static let success = PageBodyKey(stringValue: "success")
    static let data = PageBodyKey(stringValue: "data")
    static let items = PageBodyKey(stringValue: "items")
    static let pagination = PageBodyKey(stringValue: "pagination")
    static let total = PageBodyKey(stringValue: "total")
    static let page = PageBodyKey(stringValue: "page")
    static let limit = PageBodyKey(stringValue: "limit")
    static let totalPages = PageBodyKey(stringValue: "totalPages")
    static let hasNextPage = PageBodyKey(stringValue: "hasNextPage")
}
