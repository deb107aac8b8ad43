import CandidateCore

/// The marks in an order (`Marks.sorted`), each read as a `Candidate` with id, names and status
/// when asked for: what the marks lend a bulk status plan (`BulkPlanSource`). Holds a copy of the
/// marks' table, which shares its storage with the marks until they change, and 4 bytes a mark
/// for the order.
struct MarksInOrder: BulkPlanSource {
    let table: MarkTable
    /// Mark numbers of `table`, in this order.
    let order: [Int32]

    var startIndex: Int { 0 }
    var endIndex: Int { order.count }
    subscript(i: Int) -> Candidate { table.mark(Int(order[i])).candidate }
}
