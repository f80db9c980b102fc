import GeoCore

/// Full place records and area outlines read from a gazetteer store: reports name the same towns and anchor
/// relative expressions on the same governorates again and again, and each read is an SQLite query (an outline
/// also a GeoJSON parse). Holds at most `limit` records and `limit` outlines (`CacheBudget.recordEntries`),
/// emptying itself when full; 0 keeps nothing. Records are read without their name variants
/// (`GazetteerStore.places(rowids:variants:)`): extraction reads a place's ids, main name, point, kind, divisions
/// and population, never its other names.
/// Not Sendable: one per worker, like the `Locator` and `Geoparser` that own it.
public final class PlaceRecordCache {
    public let store: GazetteerStore
    private var records: [Int64: Place] = [:]
    private var outlines: [String: GeoJSONGeometry?] = [:]
    public var limit: Int {
        didSet { if records.count > limit { records.removeAll() }; if outlines.count > limit { outlines.removeAll() } }
    }

    public init(store: GazetteerStore, limit: Int = CacheBudget.recordEntries) {
        self.store = store
        self.limit = limit
    }

    /// The records of these rows (rows the store does not have are left out), reading only those not yet held.
    public func places(_ rowids: [Int64]) throws(GazetteerError) -> [Int64: Place] {
        var missing: [Int64] = []
        var seen = Set<Int64>()
        for r in rowids where records[r] == nil && seen.insert(r).inserted { missing.append(r) }
        var read: [Int64: Place] = [:]
        if !missing.isEmpty {
            read = try store.places(rowids: missing, variants: false)
            if records.count + read.count > limit { records.removeAll(keepingCapacity: true) }
            if read.count <= limit { for (k, v) in read { records[k] = v } }
        }
        var out: [Int64: Place] = [:]
        out.reserveCapacity(rowids.count)
        for r in rowids { out[r] = records[r] ?? read[r] }
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
        guard limit > 0 else { return shape }
        if outlines.count >= limit { outlines.removeAll(keepingCapacity: true) }
        outlines[placeID] = .some(shape)
        return shape
    }
}
