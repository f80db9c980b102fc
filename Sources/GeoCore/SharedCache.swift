import Synchronization

/// A `BoundedCache` the workers of one job share: what one of them computed, the others find. For values that
/// cost far more to compute than a lock (an uncertainty area is hundreds of geodesic solutions and GEOS
/// operations). A value is computed outside the lock, so two workers may compute the same one at once; both
/// get the same answer. Empties itself at `limit` entries; a limit of 0 keeps nothing.
public final class SharedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    public let limit: Int
    private let entries = Mutex<[Key: Value]>([:])

    public init(limit: Int) {
        self.limit = max(0, limit)
    }

    public var count: Int { entries.withLock { $0.count } }

    /// The value stored for `key`, else `compute()`'s, stored.
    public func value<E: Error>(for key: Key, orCompute compute: () throws(E) -> Value) throws(E) -> Value {
        guard limit > 0 else { return try compute() }
        if let known = entries.withLock({ $0[key] }) { return known }
        let value = try compute()
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }
}
