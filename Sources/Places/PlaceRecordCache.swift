import GeoCore
import Synchronization

/// Full place records and area outlines read from a gazetteer store: reports name the same towns and anchor
/// relative expressions on the same governorates again and again, and each read is an SQLite query (an outline
/// also a GeoJSON parse). Holds at most `limit` records and `limit` outlines (`CacheBudget.recordEntries`),
/// emptying itself when full; 0 keeps nothing. Records are read without their name variants
/// (`GazetteerStore.places(rowids:variants:)`): extraction reads a place's ids, main name, point, kind, divisions
/// and population, never its other names.
/// Sendable: the locators of one job share one (what a worker read, the others need not read through the
/// store's one connection); its tables are behind a lock, the store is read outside it.
public final class PlaceRecordCache: Sendable {
    public let store: GazetteerStore
    public let limit: Int
    private struct Held {
        var records: [Int64: Place] = [:]
        var outlines: [String: GeoJSONGeometry?] = [:]
    }
    private let held = Mutex(Held())

    public init(store: GazetteerStore, limit: Int = CacheBudget.recordEntries) {
        self.store = store
        self.limit = max(0, limit)
    }

    /// The records of these rows (rows the store does not have are left out), reading only those not yet held.
    public func places(_ rowids: [Int64]) throws(GazetteerError) -> [Int64: Place] {
        var out: [Int64: Place] = [:]
        out.reserveCapacity(rowids.count)
        let missing: [Int64] = held.withLock { held in
            var missing: [Int64] = []
            for r in rowids {
                if let p = held.records[r] { out[r] = p } else if out[r] == nil, !missing.contains(r) { missing.append(r) }
            }
            return missing
        }
        guard !missing.isEmpty else { return out }
        let read = try store.places(rowids: missing, variants: false)
        for (k, v) in read { out[k] = v }
        guard read.count <= limit else { return out }
        held.withLock { held in
            if held.records.count + read.count > limit { held.records.removeAll(keepingCapacity: true) }
            for (k, v) in read { held.records[k] = v }
        }
        return out
    }

    /// The record of one row, if the store has it.
    public func place(_ rowid: Int64) throws(GazetteerError) -> Place? {
        try places([rowid])[rowid]
    }

    /// The outline of an administrative area (`GazetteerStore.shape`), nil when the gazetteer has none.
    public func shape(placeID: String) throws(GazetteerError) -> GeoJSONGeometry? {
        if let known = held.withLock({ $0.outlines[placeID] }) { return known }
        let shape = try store.shape(placeID: placeID)
        guard limit > 0 else { return shape }
        held.withLock { held in
            if held.outlines.count >= limit { held.outlines.removeAll(keepingCapacity: true) }
            held.outlines[placeID] = .some(shape)
        }
        return shape
    }
}
