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

    /// The numbers are held within ±`numberLimit`.
    public init(items: [Item], total: Int, page: Int, limit: Int, totalPages: Int, hasNextPage: Bool? = nil, skipped: [String] = []) {
        self.items = items; self.total = Self.held(total); self.page = Self.held(page); self.limit = Self.held(limit)
        self.totalPages = Self.held(totalPages); self.hasNextPage = hasNextPage ?? (self.page < self.totalPages)
        self.skipped = skipped
    }

    /// Counts and page numbers from a server are held within ±2^40 (about 10^12): far beyond
    /// any company, and small enough that sums of a few of them (pages ahead, a total moved by
    /// one) never overflow, whatever a server claims.
    public static var numberLimit: Int { 1 << 40 }

    /// `n` held within ±`numberLimit`.
    static func held(_ n: Int) -> Int { min(max(n, -numberLimit), numberLimit) }
}
