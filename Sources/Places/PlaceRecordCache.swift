import GeoCore

/// Full place records and area outlines read from a gazetteer store, kept for the owner's lifetime: reports
/// name the same towns and anchor relative expressions on the same governorates again and again, and each
/// read is an SQLite query (an outline also a GeoJSON parse). Bounded by the gazetteer's size.
/// Not Sendable: one per worker, like the `Locator` and `Geoparser` that own it.
public final class PlaceRecordCache {
    public let store: GazetteerStore
    private var records: [Int64: Place] = [:]
    private var outlines: [String: GeoJSONGeometry?] = [:]

    public init(store: GazetteerStore) {
        self.store = store
    }

    /// The records of these rows (rows the store does not have are left out), reading only those not yet held.
    public func places(_ rowids: [Int64]) throws(GazetteerError) -> [Int64: Place] {
        var missing: [Int64] = []
        var seen = Set<Int64>()
        for r in rowids where records[r] == nil && seen.insert(r).inserted { missing.append(r) }
        if !missing.isEmpty {
            for (k, v) in try store.places(rowids: missing) { records[k] = v }
        }
        var out: [Int64: Place] = [:]
        out.reserveCapacity(rowids.count)
        for r in rowids { out[r] = records[r] }
        return out
    }

    /// The record of one row, if the store has it.
    public func place(_ rowid: Int64) throws(GazetteerError) -> Place? {
        if let p = records[rowid] { return p }
        return try places([rowid])[rowid]
    }

    /// The outline of an administrative area (`GazetteerStore.shape`), nil when the gazetteer has none.
    public func shape(placeID: String) throws(GazetteerError) -> GeoJSONGeometry? {
        if let known = outlines[placeID] { return known }
        let shape = try store.shape(placeID: placeID)
        outlines[placeID] = .some(shape)
        return shape
    }
}
