import Foundation
import GeoCore
import Geodesy
import EventStorage
import Incidents
import Geometry
import GRDB
import GRDBSQLite

/// Spatial queries of the embedded store: candidates from the R*Tree window, then the exact test and filters.
extension SQLiteEventStore {
    public func query(_ spatial: SpatialFilter, _ filter: EventFilter) throws(StoreError) -> QueryAnswer {
        // The exact test runs on the point alone, before the row's text is decoded.
        let boxes: [BoundingBox]
        let exact: (Coordinate) -> (distanceKm: Double?, bearingDeg: Double?)?
        switch spatial {
        case .near(let center, let radius):
            boxes = SearchWindow.boxes(around: center, radius: radius)
            exact = { p in
                let g = Geodesic.inverse(from: center, to: p)
                guard g.distance.meters <= radius.meters else { return nil }
                return (g.distance.kilometers, g.initialBearing.degrees)
            }
        case .bbox(let box):
            boxes = box.splitAtAntimeridian
            exact = { p in boxes.contains { $0.containsPlanar(p) } ? (nil, nil) : nil }
        case .within(let area):
            guard let envelope = area.boundingBox else { return QueryAnswer(hits: [], scanned: 0) }
            boxes = [envelope]
            let prepared: PreparedGeometry
            do { prepared = try GeometryEngine().prepare(area) } catch { throw .badQuery("the polygon cannot be used: \(error)") }
            exact = { p in prepared.covers(p) ? (nil, nil) : nil }
        }
        var hits: [EventHit] = []
        var scanned = 0
        var seen = Set<String>()
        do {
            try queue.read { db in
                let (sql, arguments) = Self.candidateSQL(filter)
                let statement = try db.cachedStatement(sql: sql)
                for box in boxes {
                    try statement.setArguments(StatementArguments([box.west, box.east, box.south, box.north]) + arguments)
                    let s = statement.sqliteStatement
                    while true {
                        let rc = sqlite3_step(s)
                        if rc == SQLITE_DONE { break }
                        guard rc == SQLITE_ROW else { throw Self.failure(db, "query") }
                        scanned += 1
                        let point = Coordinate(longitude: sqlite3_column_double(s, Self.lonColumn), latitude: sqlite3_column_double(s, Self.lonColumn + 1))
                        guard let measured = exact(point) else { continue }
                        let r = Self.record(s)
                        guard filter.accepts(r), boxes.count == 1 || seen.insert(r.id).inserted else { continue }
                        hits.append(EventHit(record: r, distanceKm: measured.distanceKm, bearingDeg: measured.bearingDeg))
                    }
                    sqlite3_reset(s)
                }
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw .database("\(path): \(error)")
        }
        return QueryAnswer(hits: EventHit.ordered(hits, spatial, limit: filter.limit), scanned: scanned)
    }

    /// The columns `record` reads, in its order: the layer's, then the point.
    static let columns = IncidentColumn.list(IncidentColumn.allCases, prefix: "e.") + ", e.lon, e.lat"

    /// The R*Tree window (four parameters first) and the filters SQL can apply.
    static func candidateSQL(_ f: EventFilter) -> (String, StatementArguments) {
        var sql = """
            SELECT \(columns) FROM events_rtree r JOIN events e ON e.rowid = r.id
            WHERE r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ?
            """
        var args = StatementArguments()
        if let from = f.from { sql += " AND e.event_date >= ?"; args += [from] }
        if let to = f.to { sql += " AND e.event_date <= ?"; args += [to] }
        if let t = f.type { sql += " AND (e.event_type = ? COLLATE NOCASE OR e.sub_type = ? COLLATE NOCASE)"; args += [t, t] }
        if let m = f.minFatalities { sql += " AND e.\(IncidentColumn.fatalitiesBest.name) >= ?"; args += [m] }
        return (sql, args)
    }

    /// Where the select puts the longitude (the latitude follows): after every event column.
    static let lonColumn = Int32(IncidentColumn.allCases.count)

    static func record(_ s: OpaquePointer) -> EventRecord {
        let n = lonColumn
        let point = Coordinate(longitude: sqlite3_column_double(s, n), latitude: sqlite3_column_double(s, n + 1))
        var i: Int32 = 0
        // The select lists the columns in `IncidentColumn`'s order (`columns`).
        return EventRecord(point: point) { c -> ColumnValue in
            defer { i += 1 }
            let null = sqlite3_column_type(s, i) == SQLITE_NULL
            switch c.kind {
            case .text, .date: return .text(sqlite3_column_text(s, i).map { String(cString: $0) })
            case .integer: return .integer(null ? nil : Int(sqlite3_column_int64(s, i)))
            case .real: return .real(null ? nil : sqlite3_column_double(s, i))
            }
        }
    }

    public func claims() throws(StoreError) -> [StoredClaim] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM claims ORDER BY rowid").map { r in
                    StoredClaim(actor: r["actor"], status: try ControlStatus.stored(r["status"], in: path), date: r["claim_date"], placeID: r["place_id"], placeName: r["place_name"],
                                placeKind: r["place_kind"], population: r["population"], admin1: r["admin1"], country: r["country"],
                                point: Coordinate(longitude: r["lon"], latitude: r["lat"]), source: r["source"])
                }
            }
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    public func zones() throws(StoreError) -> [StoredZone] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM zones ORDER BY rowid").map { r in
                    let text: String = r["geojson"]
                    return StoredZone(actor: r["actor"], status: try ControlStatus.stored(r["status"], in: path), asOf: r["as_of"], areaKm2: r["area_km2"], places: r["places"],
                                      sources: r["sources"], geometry: try GeoJSONGeometry(json: JSONReader.parse(text)))
                }
            }
        } catch {
            throw .database("\(path): \(error)")
        }
    }
}
