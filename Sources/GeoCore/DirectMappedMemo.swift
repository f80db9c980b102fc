/// geomap's one memo: answers remembered direct-mapped by a 64-bit hash of their question (a newer question
/// takes the slot), so memory is fixed whatever the input and a look-up is one read. The answer is always the
/// computed one: a slot answers only the very key it holds. 0 slots remember nothing. Not Sendable: one per
/// worker (the geoparser's name-index answers and distances).
public struct DirectMappedMemo<Key: Equatable, Value> {
    @usableFromInline var keys: [Key?]
    @usableFromInline var values: [Value?]
    @usableFromInline let mask: Int

    /// `slots` (a power of two) answers at most; 0 remembers nothing.
    public init(slots: Int) {
        precondition(slots == 0 || slots & (slots - 1) == 0, "slots is a power of two")
        keys = Array(repeating: nil, count: slots)
        values = Array(repeating: nil, count: slots)
        mask = slots - 1
    }

    public var slots: Int { keys.count }

    /// The answer remembered for `key` (whose hash is `hash`), else `compute()`'s, remembered.
    @inlinable
    public mutating func value(for key: Key, hash: UInt64, compute: (Key) -> Value) -> Value {
        guard !keys.isEmpty else { return compute(key) }
        let slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
        if keys[slot] == key, let v = values[slot] { return v }
        let v = compute(key)
        keys[slot] = key
        values[slot] = v
        return v
    }
}
