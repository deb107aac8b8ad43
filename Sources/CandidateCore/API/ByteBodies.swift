import Foundation

/// An item type `JSONByteReader` reads straight from the body's bytes.
protocol JSONByteReadable: Sendable {
    /// Reads one item at `reader`, as its `Decodable` conformance would.
    /// - Throws: `JSONByteReader.Unusual` for anything left to `JSONDecoder`.
    init(reading reader: inout JSONByteReader, depth: Int) throws
    /// The members read that the type does not know, by wire name (where a bare body's
    /// `success` lands).
    var unknownMembers: [String: JSONValue] { get }
}

extension Candidate: JSONByteReadable {
    var unknownMembers: [String: JSONValue] { extraFields }
}

/// List and object bodies read by `JSONByteReader`, straight into their items: the first of
/// the readers `ResponseShapes` tries, the fastest, for the shapes a healthy server sends.
///
/// The shapes and the rules are `OnePassPage`'s and `OnePassObject`'s. A body it does not take
/// (any item it cannot read, a float, a repeated member, a wrapped `success: false`) gives
/// `nil`, and `ResponseShapes` reads it through `JSONDecoder` as before, which decides.
enum ByteBodies {
    /// A list body's items and numbers, or `nil` when it is left to `JSONDecoder`.
    static func page<Item: JSONByteReadable>(_ type: Item.Type, from body: Data) -> (items: [Item], numbers: PageNumbers)? {
        JSONByteReader.read(body) { reader in
            if reader.peek() == UInt8(ascii: "[") {
                // A bare array is one complete page.
                return (try readList(&reader, depth: 0), PageNumbers())
            }
            let top = try Payload<Item>(&reader, depth: 0, nested: true)
            // Unwrap `data` only when the top level has a boolean `success`.
            guard case .bool(let success)? = top.values["success"] else { return try top.list() }
            guard success else { throw JSONByteReader.Unusual() }
            if let list = top.data { return (list, PageNumbers()) }
            guard let inner = top.dataObject.first else { throw JSONByteReader.Unusual() }
            return try inner.list()
        }
    }

    /// An object body's item, or `nil` when it is left to `JSONDecoder`.
    static func object<Item: JSONByteReadable>(_ type: Item.Type, from body: Data) -> Item? {
        // The common body is the bare item: read first, kept unless it has a boolean `success`.
        if let bare = JSONByteReader.read(body, { try Item(reading: &$0, depth: 0) }) {
            guard case .bool? = bare.unknownMembers["success"] else { return bare }
        }
        return JSONByteReader.read(body) { reader in
            var success: Bool?
            var item: Item?
            var seen = Set<String>()
            try reader.readObject { reader, key in
                let name = try JSONByteReader.keyString(key)
                guard seen.insert(name).inserted else { throw JSONByteReader.Unusual() }
                if name == "data", reader.peek() == UInt8(ascii: "{") {
                    item = try Item(reading: &reader, depth: 1)
                } else {
                    let value = try reader.readValue(depth: 1)
                    if name == "success", case .bool(let b) = value { success = b }
                }
            }
            // Wrapped: `success: true` and the item in `data`; anything else is left to `JSONDecoder`.
            guard success == true, let item else { throw JSONByteReader.Unusual() }
            return item
        }
    }

    /// An array of items; any item it cannot read makes the whole body `Unusual`.
    private static func readList<Item: JSONByteReadable>(_ reader: inout JSONByteReader, depth: Int) throws -> [Item] {
        var items: [Item] = []
        try reader.readArray(depth: depth) { reader in items.append(try Item(reading: &reader, depth: depth + 1)) }
        return items
    }

    /// The members of a list payload: `items` and `data` read as item lists when they are
    /// arrays, `data` read as a nested payload when it is an object (top level only), every
    /// other member as a value.
    private struct Payload<Item: JSONByteReadable> {
        var items: [Item]?
        var data: [Item]?
        /// `data` as a payload, when it is an object (an array holds at most one, so a payload can hold a payload).
        var dataObject: [Payload] = []
        var values: [String: JSONValue] = [:]

        init(_ reader: inout JSONByteReader, depth: Int, nested: Bool) throws {
            var seen = Set<String>()
            var items: [Item]?, data: [Item]?, dataObject: [Payload] = [], values: [String: JSONValue] = [:]
            try reader.readObject(depth: depth) { reader, key in
                let name = try JSONByteReader.keyString(key)
                guard seen.insert(name).inserted else { throw JSONByteReader.Unusual() }
                let next = reader.peek()
                if name == "items", next == UInt8(ascii: "[") {
                    items = try ByteBodies.readList(&reader, depth: depth + 1)
                } else if name == "data", next == UInt8(ascii: "[") {
                    data = try ByteBodies.readList(&reader, depth: depth + 1)
                } else if name == "data", next == UInt8(ascii: "{"), nested {
                    dataObject = [try Payload(&reader, depth: depth + 1, nested: false)]
                } else {
                    values[name] = try reader.readValue(depth: depth + 1)
                }
            }
            self.items = items; self.data = data; self.dataObject = dataObject; self.values = values
        }

        /// The list in `items` (else `data`) and the numbers in `pagination` (else beside the list).
        func list() throws -> (items: [Item], numbers: PageNumbers) {
            guard let list = items ?? data else { throw JSONByteReader.Unusual() }
            if let meta = values["pagination"] {
                // A `pagination` that is not an object (even `null`) carries no numbers.
                return (list, PageNumbers(meta: meta))
            }
            return (list, PageNumbers(meta: .object(values)))
        }
    }
}
