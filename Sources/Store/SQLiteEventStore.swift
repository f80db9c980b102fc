import Foundation
import GeoCore
import Geodesy
import EventStorage
import Incidents
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
        // Checked before SQLite opens it for writing: opening in WAL mode would rewrite a file that is not ours.
        if exists, size > 0 { try Self.checkOurs(path) }
        do {
            var config = Configuration()
            config.busyMode = .timeout(Self.busySeconds)
            // A large page cache and memory-mapped reads: without them every R*Tree node visit is a read() call.
            // New stores get 16 KiB pages: a bulk ingest writes and checkpoints a quarter of the pages (R*Tree
            // nodes keep their own size, 51 entries, whatever the page). Then the WAL journal, asked for here
            // rather than by GRDB's `journalMode` (see `enterWAL`).
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296")
                try Self.enterWAL(db)
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

    /// The event columns after the id as the first schema declares them (`IncidentColumn`'s one list, less
    /// those added after it).
    static let eventColumnsSQL = IncidentColumn.values.filter { !IncidentColumn.addedAfterFirstSchema.contains($0) }.map { c -> String in
        let type: String
        switch c.kind {
        case .text, .date: type = "TEXT"
        case .integer: type = "INTEGER"
        case .real: type = "REAL"
        }
        return c.name + " " + type + (c.required ? " NOT NULL" : "")
    }.joined(separator: ", ")

    /// The columns every insert names, in the order `bindColumns` binds them: the event columns after the id,
    /// then the point, the input, the id and the rowid.
    static let insertColumns = IncidentColumn.list(IncidentColumn.values) + ", lon, lat, input, id, rowid"
    /// How many parameters one row of an insert binds (the last one the rowid).
    static let insertParameters = Int32(IncidentColumn.values.count + 5)

    /// "event_date = ?1, …, input = ?17": the update of every column but the id, bound as the insert binds them.
    static let updateAssignments = (IncidentColumn.values.map(\.name) + ["lon", "lat", "input"]).enumerated()
        .map { "\($0.element) = ?\($0.offset + 1)" }.joined(separator: ", ")

    /// The schema, versioned by `PRAGMA user_version`: each step brings a store from one version to the next.
    static let schemaSteps: [String] = [
        """
            CREATE TABLE events(
              rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, \(eventColumnsSQL),
              lon REAL NOT NULL, lat REAL NOT NULL, input TEXT NOT NULL);
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
        // Where each input came from, so two files of one name do not share event ids.
        "CREATE TABLE inputs(name TEXT PRIMARY KEY, origin TEXT NOT NULL)",
        // The sentence(s) each event was read from, which maps and layers quote.
        "ALTER TABLE events ADD COLUMN evidence TEXT NOT NULL DEFAULT ''",
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
                if let origin = batch.origin { try Self.record(origin, of: batch.input, db, store: path) }
                let storedBefore = try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
                // Insert, and only when the id is taken update: new events (the usual case) cost one step.
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO events(\(Self.insertColumns))
                    VALUES (\((1...Self.insertParameters).map { "?\($0)" }.joined(separator: ", ")))
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
                    UPDATE events SET \(Self.updateAssignments)
                    WHERE id = ?\(IncidentColumn.values.count + 4) RETURNING rowid
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
                        if u == insert { bind(u, Self.insertParameters, planned == nil ? nil : k + 1) }
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
                        """, arguments: [c.actor, c.status.rawValue, c.date, c.placeID, c.placeName, c.placeKind, c.population,
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

    /// Binds an event's columns (`insertParameters` less the rowid), in the order of the insert and update statements, from parameter `first`;
    /// `text` binds the text columns (copied, or in place from a buffer).
    static func bindColumns(_ e: EventRecord, input: String, to s: OpaquePointer, from first: Int32, text: (Int32, String?) -> Void) {
        var i = first
        for c in IncidentColumn.values {
            switch e[c] {
            case .text(let v): text(i, v)
            case .integer(let v): bind(s, i, v)
            case .real(let v): bind(s, i, v)
            }
            i += 1
        }
        bind(s, i, e.point.longitude); bind(s, i + 1, e.point.latitude)
        text(i + 2, input); text(i + 3, e.id)
    }

    /// Inserts every event of the batch with rowids 1…n, `rowsPerInsert` rows per statement, the texts of
    /// those rows copied once into one buffer that SQLite reads in place. False when some id was already
    /// taken (fewer rows than events were inserted).
    static func insertAllNew(_ batch: IngestBatch, _ db: Database) throws -> Bool {
        let columns = Int(insertParameters)
        func statement(rows: Int) throws -> OpaquePointer {
            let tuple = "(" + (1...columns).map { _ in "?" }.joined(separator: ",") + ")"
            return try db.cachedStatement(sql: """
                INSERT INTO events(\(Self.insertColumns))
                VALUES \(Array(repeating: tuple, count: rows).joined(separator: ","))
                ON CONFLICT(id) DO NOTHING
                """).sqliteStatement
        }
        let connection = db.sqliteConnection
        let full = try statement(rows: rowsPerInsert)
        var arena = OutputBuffer(capacity: 1 << 16)
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
                sqlite3_bind_int64(s, b + insertParameters, Int64(k + 1))
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
                                   arguments: [z.actor, z.status.rawValue, z.asOf, z.areaKm2, z.places, z.sources, JSONWriter.string(z.geometry.jsonValue)])
                }
                return .commit
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
let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

func bind(_ s: OpaquePointer, _ i: Int32, _ v: String?) {
    guard var v else { sqlite3_bind_null(s, i); return }
    v.withUTF8 { b in _ = sqlite3_bind_text(s, i, b.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(b.count), transient) }
}
func bind(_ s: OpaquePointer, _ i: Int32, _ v: Int?) {
    if let v { sqlite3_bind_int64(s, i, Int64(v)) } else { sqlite3_bind_null(s, i) }
}
func bind(_ s: OpaquePointer, _ i: Int32, _ v: Double?) {
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
