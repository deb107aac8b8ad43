import Foundation

/// One object's body (a candidate, a job) decoded in one pass, straight into the item, without
/// a generic `JSONValue` tree in between (`ResponseShapes.object` reads it): a bulk run reads
/// and updates candidates one at a time, so this is on the path of every single read and PATCH.
///
/// It reads the shapes a healthy server sends: wrapped (`success: true` and the item in `data`)
/// and bare (the item at the top level). Anything else (a wrapped `success: false` or without
/// `data`, an item that does not decode, malformed JSON) throws, and the caller reads the body
/// again through the tree, which words the error; so this type only has to agree with the tree
/// on the bodies it accepts.
struct OnePassObject<Item: Decodable>: Decodable {
    var item: Item

    /// The body's shape is not one this reader takes; read it through the tree instead.
    struct Unusual: Error {}

    init(from decoder: Decoder) throws {
        // Unwrap `data` only when the top level has a boolean `success`.
        if let top = try? decoder.container(keyedBy: PageBodyKey.self), top.contains(.success),
           let success = try? top.decode(Bool.self, forKey: .success) {
            guard success, top.contains(.data) else { throw Unusual() }
            item = try top.decode(Item.self, forKey: .data)
        } else {
            item = try Item(from: decoder)
        }
    }
}
