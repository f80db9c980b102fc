import Foundation
import GeoCore
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import EventStorage
import Incidents
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
        if let e = error as? StoreError { return e }
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

    /// The event columns after the id with their types (`IncidentColumn`'s one list); `notNull` adds the
    /// constraints of the events table (the temporary table of an upsert has none); `firstSchema` leaves out
    /// those added after it.
    static func columnsSQL(notNull: Bool, firstSchema: Bool = false) -> String {
        IncidentColumn.values.filter { !firstSchema || !IncidentColumn.addedAfterFirstSchema.contains($0) }.map { c -> String in
            let type: String
            switch c.kind {
            case .text, .date: type = "text"
            case .integer: type = "integer"
            case .real: type = "double precision"
            }
            return c.name + " " + type + (notNull && c.required ? " NOT NULL" : "")
        }.joined(separator: ", ")
    }

    static let schemaSteps: [[String]] = [[
        """
        CREATE TABLE events(
          id text PRIMARY KEY, \(columnsSQL(notNull: true, firstSchema: true)), lon double precision NOT NULL, lat double precision NOT NULL,
          input text NOT NULL, geog geography(Point, 4326) NOT NULL)
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
    ], [
        // Where each input came from, so two files of one name do not share event ids.
        "CREATE TABLE inputs(name text PRIMARY KEY, origin text NOT NULL)",
    ], [
        // The sentence(s) each event was read from, which maps and layers quote.
        "ALTER TABLE events ADD COLUMN evidence text NOT NULL DEFAULT ''",
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

    /// The columns a COPY line holds, in `appendCopyLine`'s order.
    static let eventColumns = IncidentColumn.allCases.map(\.name) + ["lon", "lat", "input"]

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
        for c in IncidentColumn.allCases {
            switch e[c] {
            case .text(let v): appendField(v, to: &out)
            case .integer(let v): int(v)
            case .real(let v): appendField(v.map { "\($0)" }, to: &out)
            }
            tab()
        }
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
        let input = batch.input, origin = batch.origin, store = location
        var summary = try run { c, log -> IngestSummary in
            try await c.withTransaction(logger: log) { c in
                if let origin {
                    // Two ingests naming an input at once serialise on the name's lock.
                    try await c.query("SELECT pg_advisory_xact_lock(7947, hashtext(\(input)))", logger: log)
                    var now: String?
                    for try await o in try await c.query("SELECT origin FROM inputs WHERE name = \(input)", logger: log).decode(String.self) { now = o }
                    guard now == origin.seen || now == origin.path else { throw StoreError.inputRenamed(store, input, now) }
                    try await c.query("""
                        INSERT INTO inputs (name, origin) VALUES (\(input), \(origin.path))
                        ON CONFLICT (name) DO UPDATE SET origin = EXCLUDED.origin
                        """, logger: log)
                }
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
                    try await c.query(PostgresQuery(unsafeSQL: """
                        CREATE TEMP TABLE incoming (id text, \(Self.columnsSQL(notNull: false)), lon double precision,
                          lat double precision, input text) ON COMMIT DROP
                        """), logger: log)
                    try await copy(into: "incoming", columns: columns, geography: false)
                    for try await n in try await c.query("SELECT count(*) FROM incoming i JOIN events e ON e.id = i.id", logger: log).decode(Int.self) { updated = n }
                    try await c.query(PostgresQuery(unsafeSQL: upsert), logger: log)
                }
                for cl in batch.claims {
                    try await c.query("""
                        INSERT INTO claims (actor, status, claim_date, place_id, place_name, place_kind, population, admin1, country, lon, lat, source)
                        VALUES (\(cl.actor), \(cl.status.rawValue), \(cl.date), \(cl.placeID), \(cl.placeName), \(cl.placeKind), \(cl.population),
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
                        VALUES (\(z.actor), \(z.status.rawValue), \(z.asOf), \(z.areaKm2), \(z.places), \(z.sources), \(json),
                                ST_Multi(ST_GeomFromGeoJSON(\(json)))::geography)
                        """, logger: log)
                }
            }
        }
    }
}
