import Foundation
import GeoCore
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import Store
import Geodesy

/// The event store on a PostgreSQL server with PostGIS (through postgres-nio): the same tables as the
/// embedded store, points as `geography(Point,4326)` with a GiST index on their geometry, zones as
/// `geography(MultiPolygon,4326)`. PostGIS does the spatial work: `near` takes candidates from the index
/// with the boxes that hold the circle, then `ST_DWithin` ordered by `ST_Distance` (spheroidal); `within` is
/// `ST_Intersects` with the polygon, `bbox` is `ST_Intersects` with `ST_MakeEnvelope` (boxes across ±180°
/// split). A large first batch is bulk-loaded (COPY in Z-order, then the indexes built by sorting). Values always travel as bound
/// parameters or through COPY, never inside SQL text.
public final class PostGISEventStore: EventStore, Sendable {
    public let target: PostgresLocation
    let connection: PostgresConnection
    let logger: Logger
    public var location: String { target.description }

    public init(url: String) throws(StoreError) {
        do { target = try PostgresLocation(url: url) } catch { throw .badQuery(error.description) }
        var log = Logger(label: "geomap.postgis")
        log.logLevel = .critical
        logger = log
        let tls: PostgresConnection.Configuration.TLS
        do {
            var tlsConfig = TLSConfiguration.makeClientConfiguration()
            if ![.verifyCA, .verifyFull].contains(target.sslMode) { tlsConfig.certificateVerification = .none }
            if target.sslMode == .verifyCA { tlsConfig.certificateVerification = .noHostnameVerification }
            switch target.sslMode {
            case .disable, .allow: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: tlsConfig))
            case .require, .verifyCA, .verifyFull: tls = .require(try NIOSSLContext(configuration: tlsConfig))
            }
        } catch {
            throw .unreachable("TLS for \(target): \(error)")
        }
        let config = PostgresConnection.Configuration(host: target.host, port: target.port, username: target.user,
                                                      password: target.password, database: target.database, tls: tls)
        let logger = self.logger, where_ = target
        do {
            connection = try blocking { try await PostgresConnection.connect(configuration: config, id: 1, logger: logger) }
        } catch {
            throw Self.explain(error, where_)
        }
        try migrate()
        // geomap's queries are short and index-driven: compiling them (JIT) or starting parallel workers costs
        // more than running them (measured: 35 ms plain, 60 ms with JIT, 75-95 ms with workers as well).
        try run { c, log in
            try await c.query("SET jit = off", logger: log)
            try await c.query("SET max_parallel_workers_per_gather = 0", logger: log)
        }
    }

    /// postgres-nio requires a connection to be closed before it is released.
    deinit {
        let c = connection
        _ = try? blocking { try await c.close() }
    }

    /// One line a user can act on: which server, what went wrong; never the password.
    static func explain(_ error: any Error, _ target: PostgresLocation) -> StoreError {
        let server = "PostgreSQL at \(target.host):\(target.port)"
        if let e = error as? PostgresTransactionError {
            return explain(e.closureError ?? e.commitError ?? e.beginError ?? e.rollbackError ?? error, target)
        }
        guard let e = error as? PSQLError else { return .database("\(server): \(error)") }
        switch e.code {
        case .connectionError:
            let why = e.underlying.map { "\($0)" } ?? "no connection"
            return .unreachable("cannot reach \(server): \(why.contains("refused") ? "connection refused" : why)")
        case .server:
            let state = e.serverInfo?[.sqlState] ?? ""
            let message = e.serverInfo?[.message] ?? "error"
            if state.hasPrefix("28") { return .unreachable("\(server) refused the login of user \(target.user): \(message)") }
            if state == "3D000" { return .unreachable("\(server): \(message)") }
            return .database("\(server): \(message)")
        case .sslUnsupported:
            return .unreachable("\(server) does not offer SSL (sslmode=\(target.sslMode.rawValue))")
        case .authMechanismRequiresPassword:
            return .unreachable("\(server) asks a password for user \(target.user): give it in the URL or PGPASSWORD")
        default:
            return .database("\(server): \(e.code)")
        }
    }

    func run<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws(StoreError) -> T {
        let c = connection, l = logger
        do { return try blocking { try await work(c, l) } } catch let e as StoreError { throw e } catch { throw Self.explain(error, target) }
    }

    // MARK: schema

    static let schemaSteps: [[String]] = [[
        """
        CREATE TABLE events(
          id text PRIMARY KEY, event_date text, event_type text NOT NULL, sub_type text NOT NULL, actors text NOT NULL,
          location text, admin1 text, geo_precision integer, fatalities_low integer, fatalities_best integer,
          fatalities_high integer, fatality_claims text NOT NULL, source text NOT NULL, notes text NOT NULL,
          uncertainty_km double precision, lon double precision NOT NULL, lat double precision NOT NULL, input text NOT NULL,
          geog geography(Point, 4326) NOT NULL)
        """,
        "CREATE INDEX events_geog ON events USING gist (geog)",
        "CREATE INDEX events_geom ON events USING gist ((geog::geometry))",
        "CREATE INDEX events_date ON events (event_date)",
        """
        CREATE TABLE claims(
          actor text NOT NULL, status text NOT NULL, claim_date text, place_id text NOT NULL, place_name text NOT NULL,
          place_kind text NOT NULL, population integer NOT NULL, admin1 text, country text, lon double precision NOT NULL,
          lat double precision NOT NULL, source text NOT NULL,
          UNIQUE NULLS NOT DISTINCT (actor, status, claim_date, place_id, source))
        """,
        """
        CREATE TABLE places(id text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, admin1 text, country text,
          lon double precision NOT NULL, lat double precision NOT NULL, geog geography(Point, 4326) NOT NULL)
        """,
        """
        CREATE TABLE zones(seq serial PRIMARY KEY, actor text NOT NULL, status text NOT NULL, as_of text,
          area_km2 double precision NOT NULL, places text NOT NULL, sources text NOT NULL, geojson text NOT NULL,
          geog geography(MultiPolygon, 4326) NOT NULL)
        """,
    ], [
        // One spatial index on events, the geometry one (packed by a sorted build after a bulk load, where the
        // geography one is built insert by insert): `near` takes its candidates from the boxes that hold the
        // circle, as the embedded store does. Every query is spatial, so the date index only cost ingests.
        "DROP INDEX IF EXISTS events_geog",
        "DROP INDEX IF EXISTS events_date",
    ]]

    /// Brings the schema to the current version, under an advisory lock so concurrent ingests do not race.
    func migrate() throws(StoreError) {
        let steps = Self.schemaSteps
        try run { c, log in
            try await c.withTransaction(logger: log) { c in
                try await c.query("SELECT pg_advisory_xact_lock(7946)", logger: log)
                try await c.query("CREATE EXTENSION IF NOT EXISTS postgis", logger: log)
                try await c.query("CREATE TABLE IF NOT EXISTS geomap_schema(version integer NOT NULL)", logger: log)
                var version = 0
                for try await v in try await c.query("SELECT coalesce(max(version), 0) FROM geomap_schema", logger: log).decode(Int.self) { version = v }
                guard version <= steps.count else {
                    throw StoreError.database("the store was made by a newer geomap (schema \(version); this one knows \(steps.count))")
                }
                for step in steps.dropFirst(version) {
                    for statement in step { try await c.query(PostgresQuery(unsafeSQL: statement), logger: log) }
                }
                if version < steps.count {
                    try await c.query("DELETE FROM geomap_schema", logger: log)
                    try await c.query("INSERT INTO geomap_schema VALUES (\(steps.count))", logger: log)
                }
            }
        }
    }

    // MARK: ingest

    static let eventColumns = ["id", "event_date", "event_type", "sub_type", "actors", "location", "admin1", "geo_precision",
                               "fatalities_low", "fatalities_best", "fatalities_high", "fatality_claims", "source", "notes",
                               "uncertainty_km", "lon", "lat", "input"]

    /// One COPY text-format field: backslash, tab, newline and carriage return escaped; nil is `\N`.
    static func appendField(_ s: String?, to out: inout NIOCore.ByteBuffer) {
        guard let s else { out.writeStaticString("\\N"); return }
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            out.writeString(s)
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x5C: out.writeStaticString("\\\\")
            case 0x09: out.writeStaticString("\\t")
            case 0x0A: out.writeStaticString("\\n")
            case 0x0D: out.writeStaticString("\\r")
            default: out.writeInteger(b)
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// One event as a COPY text line; with `geography`, a last field with the point as hex EWKB (SRID 4326),
    /// which the geography type reads without parsing text coordinates.
    static func appendCopyLine(_ e: EventRecord, input: String, geography: Bool, to out: inout NIOCore.ByteBuffer) {
        func tab() { out.writeInteger(UInt8(0x09)) }
        func int(_ v: Int?) {
            guard let v else { out.writeStaticString("\\N"); return }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { d in
                var m = v.magnitude, n = 0
                repeat { d[19 - n] = 0x30 + UInt8(m % 10); m /= 10; n += 1 } while m > 0
                if v < 0 { out.writeInteger(UInt8(0x2D)) }
                out.writeBytes(UnsafeRawBufferPointer(rebasing: d[(20 - n)...]))
            }
        }
        appendField(e.id, to: &out); tab(); appendField(e.eventDate, to: &out); tab()
        appendField(e.eventType, to: &out); tab(); appendField(e.subType, to: &out); tab()
        appendField(e.actors, to: &out); tab(); appendField(e.location, to: &out); tab()
        appendField(e.admin1, to: &out); tab(); int(e.geoPrecision); tab()
        int(e.fatalitiesLow); tab(); int(e.fatalitiesBest); tab(); int(e.fatalitiesHigh); tab()
        appendField(e.fatalityClaims, to: &out); tab(); appendField(e.source, to: &out); tab()
        appendField(e.notes, to: &out); tab(); appendField(e.uncertaintyKm.map { "\($0)" }, to: &out); tab()
        out.writeString(e.point.longitude.description); tab(); out.writeString(e.point.latitude.description); tab()
        appendField(input, to: &out)
        if geography {
            out.writeStaticString("\t0101000020E6100000")   // little-endian point with SRID, 4326
            for value in [e.point.longitude, e.point.latitude] {
                var bits = value.bitPattern.littleEndian
                withUnsafeBytes(of: &bits) { raw in
                    for b in raw {
                        out.writeInteger(hexDigits[Int(b >> 4)])
                        out.writeInteger(hexDigits[Int(b & 0x0F)])
                    }
                }
            }
        }
        out.writeInteger(UInt8(0x0A))
    }

    /// Batches of at least this many events into an empty table are bulk-loaded.
    static let bulkThreshold = 10_000

    public func ingest(_ batch: IngestBatch) throws(StoreError) -> IngestSummary {
        // The last of several records with one id wins, as in the embedded store.
        let events = batch.lastTellings
        let repeats = batch.events.count - events.count
        let columns = Self.eventColumns
        let set = columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        let upsert = """
            INSERT INTO events (\(columns.joined(separator: ", ")), geog)
            SELECT \(columns.joined(separator: ", ")), ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography FROM incoming
            ON CONFLICT (id) DO UPDATE SET \(set), geog = EXCLUDED.geog
            """
        let input = batch.input
        var summary = try run { c, log -> IngestSummary in
            try await c.withTransaction(logger: log) { c in
                // A large batch into an empty table: the rows are copied straight in, then the primary key and
                // the spatial index are built by sorting (far faster than maintained row by row). The lock
                // makes "empty" hold until commit; the indexes come back on rollback (DDL is transactional).
                var bulk = false
                if events.count >= Self.bulkThreshold {
                    try await c.query("LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE", logger: log)
                    for try await empty in try await c.query("SELECT NOT EXISTS (SELECT 1 FROM events)", logger: log).decode(Bool.self) { bulk = empty }
                }
                func copy(into table: String, columns: [String], geography: Bool) async throws {
                    // A bulk load is written in Z-order: neighbours share heap pages, and a query reads few.
                    let order = bulk ? SpatialOrder.order(events) : Array(events.indices)
                    try await c.copyFrom(table: table, columns: columns, logger: log) { writer in
                        var chunk = NIOCore.ByteBuffer()
                        chunk.reserveCapacity(1 << 20 + 4096)
                        for k in order {
                            Self.appendCopyLine(events[k], input: input, geography: geography, to: &chunk)
                            if chunk.readableBytes > 1 << 20 {
                                try await writer.write(chunk)
                                chunk.clear()
                            }
                        }
                        if chunk.readableBytes > 0 { try await writer.write(chunk) }
                    }
                }
                var updated = 0
                if bulk {
                    try await c.query("SET LOCAL maintenance_work_mem = '256MB'", logger: log)
                    try await c.query("ALTER TABLE events DROP CONSTRAINT events_pkey", logger: log)
                    try await c.query("DROP INDEX events_geom", logger: log)
                    try await copy(into: "events", columns: columns + ["geog"], geography: true)
                    try await c.query("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id)", logger: log)
                    try await c.query("CREATE INDEX events_geom ON events USING gist ((geog::geometry))", logger: log)
                } else {
                    try await c.query("""
                        CREATE TEMP TABLE incoming (id text, event_date text, event_type text, sub_type text, actors text, location text,
                          admin1 text, geo_precision integer, fatalities_low integer, fatalities_best integer, fatalities_high integer,
                          fatality_claims text, source text, notes text, uncertainty_km double precision, lon double precision,
                          lat double precision, input text) ON COMMIT DROP
                        """, logger: log)
                    try await copy(into: "incoming", columns: columns, geography: false)
                    for try await n in try await c.query("SELECT count(*) FROM incoming i JOIN events e ON e.id = i.id", logger: log).decode(Int.self) { updated = n }
                    try await c.query(PostgresQuery(unsafeSQL: upsert), logger: log)
                }
                for cl in batch.claims {
                    try await c.query("""
                        INSERT INTO claims (actor, status, claim_date, place_id, place_name, place_kind, population, admin1, country, lon, lat, source)
                        VALUES (\(cl.actor), \(cl.status), \(cl.date), \(cl.placeID), \(cl.placeName), \(cl.placeKind), \(cl.population),
                                \(cl.admin1), \(cl.country), \(cl.point.longitude), \(cl.point.latitude), \(cl.source))
                        ON CONFLICT (actor, status, claim_date, place_id, source) DO UPDATE SET place_name = EXCLUDED.place_name,
                          place_kind = EXCLUDED.place_kind, population = EXCLUDED.population, lon = EXCLUDED.lon, lat = EXCLUDED.lat
                        """, logger: log)
                }
                for p in batch.places {
                    try await c.query("""
                        INSERT INTO places (id, name, kind, admin1, country, lon, lat, geog)
                        VALUES (\(p.id), \(p.name), \(p.kind), \(p.admin1), \(p.country), \(p.point.longitude), \(p.point.latitude),
                                ST_SetSRID(ST_MakePoint(\(p.point.longitude), \(p.point.latitude)), 4326)::geography)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, admin1 = EXCLUDED.admin1,
                          country = EXCLUDED.country, lon = EXCLUDED.lon, lat = EXCLUDED.lat, geog = EXCLUDED.geog
                        """, logger: log)
                }
                var s = IngestSummary()
                s.inserted = events.count - updated
                s.updated = updated
                s.claims = batch.claims.count
                s.places = batch.places.count
                return s
            }
        }
        summary.updated += repeats
        return summary
    }

    public func replaceZones(_ zones: [StoredZone]) throws(StoreError) {
        let rows = zones.map { z in (z, JSONWriter.string(z.geometry.jsonValue)) }
        try run { c, log in
            try await c.withTransaction(logger: log) { c in
                try await c.query("DELETE FROM zones", logger: log)
                for (z, json) in rows {
                    try await c.query("""
                        INSERT INTO zones (actor, status, as_of, area_km2, places, sources, geojson, geog)
                        VALUES (\(z.actor), \(z.status), \(z.asOf), \(z.areaKm2), \(z.places), \(z.sources), \(json),
                                ST_Multi(ST_GeomFromGeoJSON(\(json)))::geography)
                        """, logger: log)
                }
            }
        }
    }

    // MARK: queries

    static let selectColumns = "id, event_date, event_type, sub_type, actors, location, admin1, geo_precision, fatalities_low, fatalities_best, fatalities_high, fatality_claims, source, notes, uncertainty_km, lon, lat"

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
        if let m = filter.minFatalities { out.append("fatalities_best >= \(try bind(m))") }
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
                let record = EventRecord(
                    id: try r[0].decode(String.self), eventDate: try r[1].decode(String?.self), eventType: try r[2].decode(String.self),
                    subType: try r[3].decode(String.self), actors: try r[4].decode(String.self), location: try r[5].decode(String?.self),
                    admin1: try r[6].decode(String?.self), geoPrecision: try r[7].decode(Int?.self), fatalitiesLow: try r[8].decode(Int?.self),
                    fatalitiesBest: try r[9].decode(Int?.self), fatalitiesHigh: try r[10].decode(Int?.self),
                    fatalityClaims: try r[11].decode(String.self), source: try r[12].decode(String.self), notes: try r[13].decode(String.self),
                    uncertaintyKm: try r[14].decode(Double?.self),
                    point: Coordinate(longitude: try r[15].decode(Double.self), latitude: try r[16].decode(Double.self)))
                out.append(near ? (record, try r[17].decode(Double.self) / 1000, try r[18].decode(Double?.self)) : (record, nil, nil))
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
                out.append(StoredClaim(actor: actor, status: status, date: date, placeID: id, placeName: name, placeKind: kind, population: population,
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
                StoredZone(actor: z.0, status: z.1, asOf: z.2, areaKm2: z.3, places: z.4, sources: z.5, geometry: try GeoJSONGeometry(json: JSONReader.parse(z.6)))
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
}
