import CandidateCore
import Hummingbird

extension ResponseRenderer {
    /// 200 with one page of a list whose items are already a JSON array (`CandidateRowWriter`).
    func list(json items: [UInt8], total: Int, page: Int, limit: Int) -> Response {
        Self.response(ByteBuffer(bytes: listBody(json: items, total: total, page: page, limit: limit)), status: .ok)
    }

    /// The body of `list(json:…)`: the members `listBody(_:…)` encodes around the items, in the
    /// API's order (bare `data, total, page, limit, totalPages`; wrapped `success, data {items,
    /// pagination {total, page, limit, totalPages, hasNextPage, hasPreviousPage}}, error, timestamp`).
    func listBody(json items: [UInt8], total: Int, page: Int, limit: Int,
                  timestamp: String = Timestamps.isoNow()) -> [UInt8] {
        let totalPages = Self.totalPages(total: total, limit: limit)
        var writer = CompactJSONWriter(capacity: items.count + 256)
        func member(_ name: String, _ value: Int) {
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(key: name)
            writer.write(int: Int64(value))
        }
        func member(_ name: String, _ value: Bool) {
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(key: name)
            writer.write(.bool(value))
        }
        writer.bytes.append(UInt8(ascii: "{"))
        switch shape {
        case .bare:
            writer.write(key: "data")
            writer.bytes.append(contentsOf: items)
            member("total", total)
            member("page", page)
            member("limit", limit)
            member("totalPages", totalPages)
        case .wrapped:
            writer.write(key: "success")
            writer.write(.bool(true))
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(key: "data")
            writer.bytes.append(UInt8(ascii: "{"))
            writer.write(key: "items")
            writer.bytes.append(contentsOf: items)
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(key: "pagination")
            writer.bytes.append(UInt8(ascii: "{"))
            writer.write(key: "total")
            writer.write(int: Int64(total))
            member("page", page)
            member("limit", limit)
            member("totalPages", totalPages)
            member("hasNextPage", page < totalPages)
            member("hasPreviousPage", page > 1)
            writer.bytes.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "}"), UInt8(ascii: ",")])
            writer.write(key: "error")
            writer.write(.null)
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(key: "timestamp")
            writer.write(string: timestamp)
        }
        writer.bytes.append(UInt8(ascii: "}"))
        return writer.bytes
    }
}
