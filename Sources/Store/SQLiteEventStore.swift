import Foundation
import GeoCore
import Geodesy
import Geometry
import GRDB
import GRDBSQLite

/// The embedded event store: one SQLite file (GRDB) with an R*Tree over the events' points, claims, places
/// and zones. WAL journal and a busy timeout, so several `geomap ingest` processes can write one store.
/// Hot loops (ingest, reading query rows) step SQLite's statements directly: GRDB's row values would cost
/// more than the index lookups themselves.
public final class SQLiteEventStore: EventStore, Sendable {
    public let path: String
    let queue: DatabaseQueue
    public var location: String { path }

    /// The default store: `$GEOMAP_STORE`, else `geomap.sqlite` in the current folder.
    public static var defaultPath: String { ProcessInfo.processInfo.environment["GEOMAP_STORE"] ?? "geomap.sqlite" }

    /// Opens a store; `create` makes a new one when the file does not exist (or is empty). A file that is not
    /// SQLite, or an SQLite file without geomap's tables, is refused without being written to.
    public init(path: String, create: Bool) throws(StoreError) {
        self.path = path
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if !exists && !create { throw .notFound(path) }
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if exists, size > 0 {
            // Checked before SQLite opens it: opening in WAL mode would touch a file that is not ours.
            guard let h = FileHandle(forReadingAtPath: path) else { throw .notAStore(path, reason: "cannot be read") }
            let head = (try? h.read(upToCount: 16)) ?? Data()
            try? h.close()
            guard head == Data("SQLite format 3\0".utf8) else { throw .notAStore(path, reason: "not an SQLite database") }
        }
        do {
            var config = Configuration()
            config.busyMode = .timeout(60)
            config.journalMode = .wal
            // A large page cache and memory-mapped reads: without them every R*Tree node visit is a read() call.
            // New stores get 16 KiB pages: a bulk ingest writes and checkpoints a quarter of the pages (R*Tree
            // nodes keep their own size, 51 entries, whatever the page).
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296")
            }
            let q = try DatabaseQueue(path: path, configuration: config)
            // Checked and created under the write lock: two ingests creating one store must not see each
            // other's half-made schema.
            try q.inTransaction(.immediate) { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.contains("events") {
                    guard tables.isEmpty, create else {
                        throw StoreError.notAStore(path, reason: tables.isEmpty ? "an empty SQLite file" : "an SQLite database without geomap's tables")
                    }
                }
                try Self.migrate(db)
                return .commit
            }
            queue = q
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw .notAStore(path, reason: "not an SQLite database")
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    /// A store in memory (for `--layer`: the layer is loaded and queried the same way).
    public init() throws(StoreError) {
        path = ":memory:"
        do {
            queue = try DatabaseQueue()
            try queue.write { try Self.migrate($0) }
        } catch {
            throw .database("in-memory store: \(error)")
        }
    }

    /// The schema, versioned by `PRAGMA user_version`: each step brings a store from one version to the next.
    static let schemaSteps: [String] = [
        """
            CREATE TABLE events(
              rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, event_date TEXT, event_type TEXT NOT NULL,
              sub_type TEXT NOT NULL, actors TEXT NOT NULL, location TEXT, admin1 TEXT, geo_precision INTEGER,
              fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER, fatality_claims TEXT NOT NULL,
              source TEXT NOT NULL, notes TEXT NOT NULL, uncertainty_km REAL, lon REAL NOT NULL, lat REAL NOT NULL,
              input TEXT NOT NULL);
            CREATE INDEX events_by_date ON events(event_date);
            CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
            CREATE TABLE claims(
              rowid INTEGER PRIMARY KEY, actor TEXT NOT NULL, status TEXT NOT NULL, claim_date TEXT,
              place_id TEXT NOT NULL, place_name TEXT NOT NULL, place_kind TEXT NOT NULL, population INTEGER NOT NULL,
              admin1 TEXT, country TEXT, lon REAL NOT NULL, lat REAL NOT NULL, source TEXT NOT NULL,
              UNIQUE(actor, status, claim_date, place_id, source));
            CREATE TABLE places(
              id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, admin1 TEXT, country TEXT,
              lon REAL NOT NULL, lat REAL NOT NULL);
            CREATE TABLE zones(
              rowid INTEGER PRIMARY KEY, actor TEXT NOT NULL, status TEXT NOT NULL, as_of TEXT,
              area_km2 REAL NOT NULL, places TEXT NOT NULL, sources TEXT NOT NULL, geojson TEXT NOT NULL);
            """,
        // Every query is spatial, but with a date filter SQLite (no statistics) chose the date index as the
        // outer loop and looked each event of the period up in the R*Tree: a month of a million events
        // scanned for a 25 km query. Without it the R*Tree leads and dates filter its candidates; ingest
        // also skips one index per event.
        "DROP INDEX IF EXISTS events_by_date",
    ]

    static func migrate(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard version <= schemaSteps.count else {
            throw StoreError.database("the store was made by a newer geomap (schema \(version); this one knows \(schemaSteps.count))")
        }
        for step in schemaSteps.dropFirst(version) { try db.execute(sql: step) }
        try db.execute(sql: "PRAGMA user_version = \(schemaSteps.count)")
    }

    // MARK: ingest

    /// New events in one batch from which the R*Tree is packed anew rather than grown entry by entry.
    static let packThreshold = 10_000

    public func ingest(_ batch: IngestBatch) throws(StoreError) -> IngestSummary {
        var summary = IngestSummary()
        do {
            try queue.inTransaction(.immediate) { db in
                let storedBefore = try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
                // Insert, and only when the id is taken update: new events (the usual case) cost one step.
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO events(event_date, event_type, sub_type, actors, location, admin1, geo_precision, fatalities_low,
                      fatalities_best, fatalities_high, fatality_claims, source, notes, uncertainty_km, lon, lat, input, id, rowid)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
                    ON CONFLICT(id) DO NOTHING
                    """).sqliteStatement
                // A large batch into an empty store: its rows take rowids 1…n in order, so the packed R*Tree
                // is planned on another core while the rows go in (used if every event was new).
                // (Rows in Z-order would share pages with their neighbours, but ids then reach the unique index in
                // random order: measured, queries 30 % faster and the ingest 2.5 times slower.)
                var planned: PlannedTree?
                if storedBefore == 0, batch.events.count >= Self.packThreshold {
                    let points = batch.events.enumerated().map { (rowid: Int64($0.offset + 1), x: $0.element.point.longitude, y: $0.element.point.latitude) }
                    planned = PlannedTree(points: points, nodeSize: try RTreePacker.nodeSize(db, table: "events_rtree"))
                }
                let update = try db.cachedStatement(sql: """
                    UPDATE events SET event_date = ?1, event_type = ?2, sub_type = ?3, actors = ?4, location = ?5, admin1 = ?6,
                      geo_precision = ?7, fatalities_low = ?8, fatalities_best = ?9, fatalities_high = ?10, fatality_claims = ?11,
                      source = ?12, notes = ?13, uncertainty_km = ?14, lon = ?15, lat = ?16, input = ?17
                    WHERE id = ?18 RETURNING rowid
                    """).sqliteStatement
                let connection = db.sqliteConnection
                var indexed: [(rowid: Int64, x: Double, y: Double)] = []
                // All new (the planned case): many rows per statement. An id told twice makes fewer rows than
                // events; then the batch goes again row by row, inserting or updating.
                var done = false
                if planned != nil {
                    try db.execute(sql: "SAVEPOINT bulk")
                    if try Self.insertAllNew(batch, db) {
                        summary.inserted = batch.events.count
                        done = true
                    } else {
                        try db.execute(sql: "ROLLBACK TO bulk")
                    }
                    try db.execute(sql: "RELEASE bulk")
                }
                if !done { indexed.reserveCapacity(batch.events.count) }
                for (k, e) in batch.events.enumerated() where !done {
                    for attempt in 0..<2 {
                        let u = attempt == 0 ? insert : update
                        sqlite3_reset(u)
                        Self.bindColumns(e, input: batch.input, to: u, from: 1) { bind(u, $0, $1) }
                        if u == insert { bind(u, 19, planned == nil ? nil : k + 1) }
                        let rc = sqlite3_step(u)
                        if u == insert {
                            guard rc == SQLITE_DONE else { throw Self.failure(db, "storing event \(e.id)") }
                            guard sqlite3_changes(connection) == 1 else { continue }
                            summary.inserted += 1
                            indexed.append((sqlite3_last_insert_rowid(connection), e.point.longitude, e.point.latitude))
                        } else {
                            guard rc == SQLITE_ROW else { throw Self.failure(db, "updating event \(e.id)") }
                            summary.updated += 1
                            indexed.append((sqlite3_column_int64(u, 0), e.point.longitude, e.point.latitude))
                            _ = sqlite3_step(u)
                        }
                        break
                    }
                }
                sqlite3_reset(insert)
                sqlite3_reset(update)
                // A batch that grows the store by a quarter or more: pack the whole R*Tree again (far faster
                // than a million single inserts); otherwise update it entry by entry.
                if let planned, summary.updated == 0, summary.inserted == batch.events.count {
                    try RTreePacker.write(planned.wait(), to: db, table: "events_rtree")
                } else if summary.inserted >= Self.packThreshold, summary.inserted * 4 >= storedBefore {
                    var all: [(rowid: Int64, x: Double, y: Double)] = []
                    all.reserveCapacity(storedBefore + summary.inserted)
                    let rows = try Row.fetchCursor(db, sql: "SELECT rowid, lon, lat FROM events")
                    while let r = try rows.next() { all.append((r[0], r[1], r[2])) }
                    try RTreePacker.rebuild(db, table: "events_rtree", points: all)
                } else {
                    let x = try db.cachedStatement(sql: "INSERT OR REPLACE INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)").sqliteStatement
                    for p in indexed {
                        sqlite3_reset(x)
                        sqlite3_bind_int64(x, 1, p.rowid)
                        sqlite3_bind_double(x, 2, p.x); sqlite3_bind_double(x, 3, p.x)
                        sqlite3_bind_double(x, 4, p.y); sqlite3_bind_double(x, 5, p.y)
                        guard sqlite3_step(x) == SQLITE_DONE else { throw Self.failure(db, "indexing event \(p.rowid)") }
                    }
                    sqlite3_reset(x)
                }
                for c in batch.claims {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO claims(actor, status, claim_date, place_id, place_name, place_kind, population,
                          admin1, country, lon, lat, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [c.actor, c.status, c.date, c.placeID, c.placeName, c.placeKind, c.population,
                                         c.admin1, c.country, c.point.longitude, c.point.latitude, c.source])
                    summary.claims += 1
                }
                for p in batch.places {
                    try db.execute(sql: "INSERT OR REPLACE INTO places(id, name, kind, admin1, country, lon, lat) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [p.id, p.name, p.kind, p.admin1, p.country, p.point.longitude, p.point.latitude])
                    summary.places += 1
                }
                return .commit
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw .database("\(path): \(batch.input): \(error)")
        }
        return summary
    }

    static let rowsPerInsert = 64

    /// Binds an event's 18 columns, in the order of the insert and update statements, from parameter `first`;
    /// `text` binds the text columns (copied, or in place from a buffer).
    static func bindColumns(_ e: EventRecord, input: String, to s: OpaquePointer, from first: Int32, text: (Int32, String?) -> Void) {
        let b = first - 1
        text(b + 1, e.eventDate); text(b + 2, e.eventType); text(b + 3, e.subType); text(b + 4, e.actors)
        text(b + 5, e.location); text(b + 6, e.admin1); bind(s, b + 7, e.geoPrecision); bind(s, b + 8, e.fatalitiesLow)
        bind(s, b + 9, e.fatalitiesBest); bind(s, b + 10, e.fatalitiesHigh); text(b + 11, e.fatalityClaims); text(b + 12, e.source)
        text(b + 13, e.notes); bind(s, b + 14, e.uncertaintyKm); bind(s, b + 15, e.point.longitude); bind(s, b + 16, e.point.latitude)
        text(b + 17, input); text(b + 18, e.id)
    }

    /// Inserts every event of the batch with rowids 1…n, `rowsPerInsert` rows per statement, the texts of
    /// those rows copied once into one buffer that SQLite reads in place. False when some id was already
    /// taken (fewer rows than events were inserted).
    static func insertAllNew(_ batch: IngestBatch, _ db: Database) throws -> Bool {
        let columns = 19
        func statement(rows: Int) throws -> OpaquePointer {
            let tuple = "(" + (1...columns).map { _ in "?" }.joined(separator: ",") + ")"
            return try db.cachedStatement(sql: """
                INSERT INTO events(event_date, event_type, sub_type, actors, location, admin1, geo_precision, fatalities_low,
                  fatalities_best, fatalities_high, fatality_claims, source, notes, uncertainty_km, lon, lat, input, id, rowid)
                VALUES \(Array(repeating: tuple, count: rows).joined(separator: ","))
                ON CONFLICT(id) DO NOTHING
                """).sqliteStatement
        }
        let connection = db.sqliteConnection
        let full = try statement(rows: rowsPerInsert)
        var arena = ByteBuffer(capacity: 1 << 16)
        var texts: [(field: Int32, start: Int, count: Int)] = []
        var inserted = 0
        var start = 0
        let events = batch.events
        while start < events.count {
            let end = min(events.count, start + rowsPerInsert)
            let s = end - start == rowsPerInsert ? full : try statement(rows: end - start)
            sqlite3_reset(s)
            arena.removeAll()
            texts.removeAll(keepingCapacity: true)
            func text(_ field: Int32, _ v: String?) {
                guard let v else { sqlite3_bind_null(s, field); return }
                let at = arena.count
                arena.append(contentsOf: v)
                texts.append((field, at, arena.count - at))
            }
            for (r, k) in (start..<end).enumerated() {
                let b = Int32(r * columns)
                bindColumns(events[k], input: batch.input, to: s, from: b + 1, text: text)
                sqlite3_bind_int64(s, b + 19, Int64(k + 1))
            }
            // The buffer is complete and does not move while SQLite reads it (SQLITE_STATIC, no copies).
            let rc = arena.withUnsafeBytes { raw -> Int32 in
                // Empty texts are bound to a zero-length string, not NULL (an empty buffer has no address).
                let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
                for t in texts {
                    if let base { sqlite3_bind_text(s, t.field, base + t.start, Int32(t.count), nil) } else { sqlite3_bind_text(s, t.field, "", 0, transient) }
                }
                return sqlite3_step(s)
            }
            guard rc == SQLITE_DONE else { throw failure(db, "storing events \(events[start].id)…\(events[end - 1].id)") }
            inserted += Int(sqlite3_changes(connection))
            sqlite3_reset(s)
            sqlite3_clear_bindings(s)   // no pointer into the buffer outlives this round
            start = end
        }
        return inserted == events.count
    }

    public func replaceZones(_ zones: [StoredZone]) throws(StoreError) {
        do {
            try queue.inTransaction(.immediate) { db in
                try db.execute(sql: "DELETE FROM zones")
                for z in zones {
                    try db.execute(sql: "INSERT INTO zones(actor, status, as_of, area_km2, places, sources, geojson) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [z.actor, z.status, z.asOf, z.areaKm2, z.places, z.sources, JSONWriter.string(z.geometry.jsonValue)])
                }
                return .commit
            }
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    // MARK: queries

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
                        let point = Coordinate(longitude: sqlite3_column_double(s, 15), latitude: sqlite3_column_double(s, 16))
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

    static let columns = """
        e.id, e.event_date, e.event_type, e.sub_type, e.actors, e.location, e.admin1, e.geo_precision, e.fatalities_low,
        e.fatalities_best, e.fatalities_high, e.fatality_claims, e.source, e.notes, e.uncertainty_km, e.lon, e.lat
        """

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
        if let m = f.minFatalities { sql += " AND e.fatalities_best >= ?"; args += [m] }
        return (sql, args)
    }

    static func record(_ s: OpaquePointer) -> EventRecord {
        func text(_ i: Int32) -> String? {
            guard let p = sqlite3_column_text(s, i) else { return nil }
            return String(cString: p)
        }
        func int(_ i: Int32) -> Int? { sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, i)) }
        return EventRecord(id: text(0) ?? "", eventDate: text(1), eventType: text(2) ?? "", subType: text(3) ?? "", actors: text(4) ?? "",
                           location: text(5), admin1: text(6), geoPrecision: int(7), fatalitiesLow: int(8), fatalitiesBest: int(9),
                           fatalitiesHigh: int(10), fatalityClaims: text(11) ?? "", source: text(12) ?? "", notes: text(13) ?? "",
                           uncertaintyKm: sqlite3_column_type(s, 14) == SQLITE_NULL ? nil : sqlite3_column_double(s, 14),
                           point: Coordinate(longitude: sqlite3_column_double(s, 15), latitude: sqlite3_column_double(s, 16)))
    }

    public func claims() throws(StoreError) -> [StoredClaim] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM claims ORDER BY rowid").map { r in
                    StoredClaim(actor: r["actor"], status: r["status"], date: r["claim_date"], placeID: r["place_id"], placeName: r["place_name"],
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
                    return StoredZone(actor: r["actor"], status: r["status"], asOf: r["as_of"], areaKm2: r["area_km2"], places: r["places"],
                                      sources: r["sources"], geometry: try GeoJSONGeometry(json: JSONReader.parse(text)))
                }
            }
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    public func eventCount() throws(StoreError) -> Int {
        do { return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0 } } catch {
            throw .database("\(path): \(error)")
        }
    }

    static func failure(_ db: Database, _ what: String) -> StoreError {
        .database("\(what): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
    }
}

// SQLite copies the bytes (SQLITE_TRANSIENT): the Swift string's storage is not kept alive by SQLite.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private func bind(_ s: OpaquePointer, _ i: Int32, _ v: String?) {
    guard var v else { sqlite3_bind_null(s, i); return }
    v.withUTF8 { b in _ = sqlite3_bind_text(s, i, b.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(b.count), transient) }
}
private func bind(_ s: OpaquePointer, _ i: Int32, _ v: Int?) {
    if let v { sqlite3_bind_int64(s, i, Int64(v)) } else { sqlite3_bind_null(s, i) }
}
private func bind(_ s: OpaquePointer, _ i: Int32, _ v: Double?) {
    if let v { sqlite3_bind_double(s, i, v) } else { sqlite3_bind_null(s, i) }
}

/// An R*Tree packing computed on a background thread.
private final class PlannedTree: @unchecked Sendable {
    private var plan: RTreePacker.Plan?
    private let done = DispatchSemaphore(value: 0)

    init(points: [(rowid: Int64, x: Double, y: Double)], nodeSize: Int) {
        let thread = Thread { [self] in
            plan = RTreePacker.plan(points, nodeSize: nodeSize)
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The plan, once the thread has finished it.
    func wait() -> RTreePacker.Plan {
        done.wait()
        return plan!
    }
}
