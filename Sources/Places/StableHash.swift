/// A 64-bit hash that is the same in every process and on every machine (Swift's `Hasher` is seeded per
/// process), so it can be stored in the gazetteer's index: FNV-1a over UTF-8, then a SplitMix64 finaliser
/// so that the top bits, which address the index's buckets, are well mixed.
enum StableHash {
    static func hash(_ text: String, domain: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ domain
        var copy = text
        copy.withUTF8 { bytes in
            for b in bytes {
                h ^= UInt64(b)
                h &*= 0x0000_0100_0000_01B3
            }
        }
        h ^= h >> 30
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h == 0 ? 1 : h
    }
}
