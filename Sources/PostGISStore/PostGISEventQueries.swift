import Foundation
import GeoCore
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import EventStorage
import Incidents
import Geodesy

/// Queries of the PostGIS store: `near` on the geography index, bbox and within on the geometry index.
extension PostGISEventStore {
    /// The layer's columns (`IncidentColumn`), then the point: what `query` decodes, in its order.
    static let selectColumns = IncidentColumn.list(IncidentColumn.allCases) + ", lon, lat"

    /// The SELECT for a query: constant SQL with numbered parameters, and the values bound to them.
    static func statement(_ spatial: SpatialFilter, _ filter: EventFilter) throws -> (String, PostgresBindings, Bool) {
        var binds = PostgresBindings()
        var sql = "SELECT \(Self.selectColumns)"
        var conditions: [String] = []
        func bind(_ v: any PostgresEncodable & Sendable) throws -> String {
            try binds.append(v)
            return "$\(binds.count)"
        }
        var isNear = false
        switch spatial {
        case .near(let center, let radius):
            isNear = true
            // The index finds candidates within the radius on the sphere, widened by 0.6 % (the sphere and the
            // ellipsoid differ by less); the spheroidal distance, computed once per candidate, decides.
            let point = "ST_SetSRID(ST_MakePoint(\(try bind(center.longitude)), \(try bind(center.latitude))), 4326)::geography"
            let r = try bind(radius.meters)
            // Candidates from the geometry index: the lon/lat boxes that hold the circle (split at ±180°,
            // whole longitudes around a pole), the embedded store's search window.
            let boxes = try SearchWindow.boxes(around: center, radius: radius).map { b in
                "geog::geometry && ST_MakeEnvelope(\(try bind(b.west)), \(try bind(b.south)), \(try bind(b.east)), \(try bind(b.north)), 4326)"
            }
            let inner = "SELECT \(Self.selectColumns), ST_Distance(geog, \(point)) AS d FROM events WHERE (\(boxes.joined(separator: " OR "))) AND ST_DWithin(geog, \(point), \(r) * 1.006 + 1, false)"
            var outer = "SELECT \(Self.selectColumns), d, NULL::double precision AS az FROM (\(inner)"
            for c in try filterConditions(filter, bind) { outer += " AND " + c }
            outer += ") AS candidates WHERE d <= \(r) ORDER BY d, id"
            return (outer, binds, true)
        case .bbox(let box):
            let parts = try box.splitAtAntimeridian.map { b in
                "ST_Intersects(geog::geometry, ST_MakeEnvelope(\(try bind(b.west)), \(try bind(b.south)), \(try bind(b.east)), \(try bind(b.north)), 4326))"
            }
            conditions.append("(" + parts.joined(separator: " OR ") + ")")
        case .within(let area):
            conditions.append("ST_Intersects(geog::geometry, ST_SetSRID(ST_GeomFromGeoJSON(\(try bind(JSONWriter.string(area.jsonValue)))), 4326))")
        }
        conditions += try filterConditions(filter, bind)
        sql += " FROM events WHERE " + conditions.joined(separator: " AND ")
        return (sql, binds, isNear)
    }

    /// The filters SQL can apply (the actor is checked on the rows, as in the embedded store).
    static func filterConditions(_ filter: EventFilter, _ bind: (any PostgresEncodable & Sendable) throws -> String) throws -> [String] {
        var out: [String] = []
        if let from = filter.from { out.append("event_date >= \(try bind(from))") }
        if let to = filter.to { out.append("event_date <= \(try bind(to))") }
        if let t = filter.type { let p = try bind(t.lowercased()); out.append("(lower(event_type) = \(p) OR lower(sub_type) = \(p))") }
        if let m = filter.minFatalities { out.append("\(IncidentColumn.fatalitiesBest.name) >= \(try bind(m))") }
        return out
    }

    public func query(_ spatial: SpatialFilter, _ filter: EventFilter) throws(StoreError) -> QueryAnswer {
        let (sql, binds, near): (String, PostgresBindings, Bool)
        do { (sql, binds, near) = try Self.statement(spatial, filter) } catch { throw .badQuery("cannot bind the query: \(error)") }
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        let rows: [(EventRecord, Double?, Double?)] = try run { c, log in
            var out: [(EventRecord, Double?, Double?)] = []
            for try await row in try await c.query(query, logger: log) {
                let r = row.makeRandomAccess()
                var k = 0
                let n = IncidentColumn.allCases.count
                let record = try EventRecord(point: Coordinate(longitude: try r[n].decode(Double.self), latitude: try r[n + 1].decode(Double.self))) {
                    c throws -> ColumnValue in
                    defer { k += 1 }
                    switch c.kind {
                    case .text, .date: return .text(try r[k].decode(String?.self))
                    case .integer: return .integer(try r[k].decode(Int?.self))
                    case .real: return .real(try r[k].decode(Double?.self))
                    }
                }
                out.append(near ? (record, try r[n + 2].decode(Double.self) / 1000, try r[n + 3].decode(Double?.self)) : (record, nil, nil))
            }
            return out
        }
        // The azimuth from the query point, by PROJ's geodesic (the one the embedded store reports).
        let center: Coordinate? = { if case .near(let c, _) = spatial { return c } else { return nil } }()
        let hits = rows.filter { filter.accepts($0.0) }.map { row in
            EventHit(record: row.0, distanceKm: row.1, bearingDeg: center.map { Geodesic.inverse(from: $0, to: row.0.point).initialBearing.degrees })
        }
        return QueryAnswer(hits: EventHit.ordered(hits, spatial, limit: filter.limit), scanned: rows.count)
    }

    public func claims() throws(StoreError) -> [StoredClaim] {
        try run { c, log in
            var out: [StoredClaim] = []
            let rows = try await c.query("SELECT actor, status, claim_date, place_id, place_name, place_kind, population, admin1, country, lon, lat, source FROM claims ORDER BY place_id, actor, status", logger: log)
            for try await (actor, status, date, id, name, kind, population, admin1, country, lon, lat, source) in
                rows.decode((String, String, String?, String, String, String, Int, String?, String?, Double, Double, String).self) {
                out.append(StoredClaim(actor: actor, status: try ControlStatus.stored(status, in: self.location), date: date, placeID: id, placeName: name, placeKind: kind, population: population,
                                       admin1: admin1, country: country, point: Coordinate(longitude: lon, latitude: lat), source: source))
            }
            return out
        }
    }

    public func zones() throws(StoreError) -> [StoredZone] {
        let raw: [(String, String, String?, Double, String, String, String)] = try run { c, log in
            var out: [(String, String, String?, Double, String, String, String)] = []
            let rows = try await c.query("SELECT actor, status, as_of, area_km2, places, sources, geojson FROM zones ORDER BY seq", logger: log)
            for try await row in rows.decode((String, String, String?, Double, String, String, String).self) { out.append(row) }
            return out
        }
        do {
            return try raw.map { z in
                StoredZone(actor: z.0, status: try ControlStatus.stored(z.1, in: self.location), asOf: z.2, areaKm2: z.3, places: z.4, sources: z.5, geometry: try GeoJSONGeometry(json: JSONReader.parse(z.6)))
            }
        } catch {
            throw .database("\(target): a stored zone is not GeoJSON: \(error)")
        }
    }

    public func eventCount() throws(StoreError) -> Int {
        try run { c, log in
            var n = 0
            for try await v in try await c.query("SELECT count(*) FROM events", logger: log).decode(Int.self) { n = v }
            return n
        }
    }

    public func inputOrigins() throws(StoreError) -> [String: String] {
        try run { c, log in
            var out: [String: String] = [:]
            for try await (name, origin) in try await c.query("SELECT name, origin FROM inputs", logger: log).decode((String, String).self) { out[name] = origin }
            return out
        }
    }
}
