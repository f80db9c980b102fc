/// geomap's one hash of bytes: 64-bit FNV-1a, the same in every process and on every machine (Swift's `Hasher`
/// is seeded per process), so it can be stored (the gazetteer's name index) and used for stable choices (map
/// colours). Hash tables mix it further for the bits they address.
public enum StableHash {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a over the bytes from `seed`, and whether the bytes are all ASCII (told for free on the way).
    @inlinable @inline(__always)
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = offsetBasis) -> (hash: UInt64, ascii: Bool) {
        var h = seed
        var high: UInt8 = 0
        for b in bytes { h = (h ^ UInt64(b)) &* prime; high |= b }
        return (h, high < 0x80)
    }

    /// FNV-1a over the text's UTF-8.
    @inlinable
    public static func fnv1a(_ text: String, seed: UInt64 = offsetBasis) -> UInt64 {
        var copy = text
        return copy.withUTF8 { fnv1a($0, seed: seed).hash }
    }

    /// FNV-1a seeded by `domain`, then a SplitMix64 finaliser so that the top bits, which address the name index's
    /// buckets, are well mixed; never 0. (The gazetteer's index stores these: changing it means rebuilding it.)
    public static func hash(_ text: String, domain: UInt64) -> UInt64 {
        var h = fnv1a(text, seed: offsetBasis ^ domain)
        h ^= h >> 30
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h == 0 ? 1 : h
    }
}
