/// A dictionary of computed values that empties itself when it holds `limit` entries, so memory stays bounded
/// however long the input; a limit of 0 turns caching off (every look-up computes). Not thread-safe: one per
/// owner, like the geoparser and locator that keep them.
public struct BoundedCache<Key: Hashable, Value> {
    public var limit: Int {
        didSet { if entries.count >= limit { entries.removeAll() } }
    }
    private var entries: [Key: Value] = [:]

    public init(limit: Int) {
        self.limit = limit
    }

    public var count: Int { entries.count }

    /// The value stored for `key`, else `compute()`'s, stored.
    public mutating func value<E: Error>(for key: Key, orCompute compute: () throws(E) -> Value) throws(E) -> Value {
        if let known = entries[key] { return known }
        let value = try compute()
        guard limit > 0 else { return value }
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
        return value
    }

    public mutating func removeAll() {
        entries.removeAll()
    }
}
