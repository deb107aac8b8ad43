/// The hash both open-addressing id tables use (`ListRows`, `MarkTable`): FNV-1a over the id's
/// UTF-8 bytes, then a final mix so low and high bits both vary (the tables mask the low bits).
enum IdHash {
    /// 64-bit hash of `bytes`; equal bytes give equal hashes in every process.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 33)
    }
}
