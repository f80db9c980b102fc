import GeoCore

/// The answers a `NameIndex` gave to "does some name fold to this?" and "does some name have this key?",
/// remembered by the 64-bit hash the index itself answers on, so the answer is the index's. A geoparser asks
/// about every capitalised run of words, most of them again and again, and each question to the index is two
/// reads into megabytes of arrays. A `DirectMappedMemo`; not Sendable: one per worker.
public struct NameLookupMemo {
    private var memo: DirectMappedMemo<UInt64, Bool>

    /// `slots` (a power of two) answers at most; 0 remembers nothing.
    public init(slots: Int = 1 << 15) { memo = DirectMappedMemo(slots: slots) }

    /// `index.contains(folded:)`.
    public mutating func contains(folded: String, in index: NameIndex) -> Bool {
        answer(StableHash.hash(folded, domain: NameIndex.foldDomain), index)
    }

    /// `index.contains(key:)`.
    public mutating func contains(key: String, in index: NameIndex) -> Bool {
        answer(StableHash.hash(key, domain: NameIndex.keyDomain), index)
    }

    private mutating func answer(_ h: UInt64, _ index: NameIndex) -> Bool {
        memo.value(for: h, hash: h) { index.contains(hash: $0) }
    }
}
