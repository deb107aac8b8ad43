/// One page of a list endpoint, whichever of the two list shapes the server used.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Total matching items across all pages.
    public var total: Int
    /// 1-based page number.
    public var page: Int
    public var limit: Int
    public var totalPages: Int
    /// From `hasNextPage` when sent, else `page < totalPages`.
    public var hasNextPage: Bool
    /// Items of the page that could not be read (e.g. a candidate without an id), each said as
    /// `item 3: missing id`. They are left out of `items`; the rest of the page is kept.
    public var skipped: [String]

    public init(items: [Item], total: Int, page: Int, limit: Int, totalPages: Int, hasNextPage: Bool? = nil, skipped: [String] = []) {
        self.items = items; self.total = total; self.page = page; self.limit = limit
        self.totalPages = totalPages; self.hasNextPage = hasNextPage ?? (page < totalPages)
        self.skipped = skipped
    }
}
