/// The answers a `NameIndex` gave to "does some name fold to this?" and "does some name have this key?",
/// remembered by the 64-bit hash the index itself answers on, so the answer is the index's. A geoparser asks
/// about every capitalised run of words, most of them again and again, and each question to the index is two
/// reads into megabytes of arrays; the memo is a few hundred kilobytes, direct-mapped (a newer hash takes the
/// slot). Not Sendable: one per worker.
public struct NameLookupMemo {
    private var hashes: [UInt64]
    private var answers: [Bool]
    private let mask: Int

    /// `slots` (a power of two) answers at most; 0 remembers nothing.
    public init(slots: Int = 1 << 15) {
        precondition(slots == 0 || slots & (slots - 1) == 0, "slots is a power of two")
        hashes = Array(repeating: 0, count: slots)
        answers = Array(repeating: false, count: slots)
        mask = slots - 1
    }

    /// `index.contains(folded:)`.
    public mutating func contains(folded: String, in index: NameIndex) -> Bool {
        answer(StableHash.hash(folded, domain: NameIndex.foldDomain), index)
    }

    /// `index.contains(key:)`.
    public mutating func contains(key: String, in index: NameIndex) -> Bool {
        answer(StableHash.hash(key, domain: NameIndex.keyDomain), index)
    }

    private mutating func answer(_ h: UInt64, _ index: NameIndex) -> Bool {
        guard !hashes.isEmpty else { return index.contains(hash: h) }
        let slot = Int(truncatingIfNeeded: h) & mask
        if hashes[slot] == h { return answers[slot] }
        let found = index.contains(hash: h)
        hashes[slot] = h
        answers[slot] = found
        return found
    }
}
