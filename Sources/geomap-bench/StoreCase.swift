import Foundation
import GeoCore
import Geodesy
import Geometry
import Places
import Incidents
import Zones
import Export
import EventStorage
import Store
import PostGISStore
import GRDBSQLite

// The event store benchmark: embedded store beside SpatiaLite and PostGIS on the same events.
func storeCase(_ args: [String]) {
    guard args.count == 5 || args.count == 6, let n = Int(args[2]), let q = Int(args[3]) else { fail("usage: store N QUERIES WORK_DIR [POSTGIS_URL]") }
    let work = args[4]
    var rng = SplitMix64(state: 4326)
    var events: [EventRecord] = []
    events.reserveCapacity(n)
    for k in 0..<n {
        let p = Coordinate(longitude: .random(in: 35.7...42.3, using: &rng), latitude: .random(in: 32.3...37.3, using: &rng))
        let dead = Int.random(in: 0...40, using: &rng)
        events.append(EventRecord(id: "S\(k)", eventDate: "2014-01-14", eventType: "Explosions/Remote violence", subType: "shelling",
                                  actors: "ISIL", location: nil, admin1: nil, geoPrecision: 1, fatalitiesLow: dead, fatalitiesBest: dead,
                                  fatalitiesHigh: dead, fatalityClaims: "\(dead) (SOHR)", source: "SOHR", evidence: "", notes: "", uncertaintyKm: nil, point: p))
    }
    var centers: [Coordinate] = []
    for _ in 0..<q { centers.append(Coordinate(longitude: .random(in: 36...42, using: &rng), latitude: .random(in: 32.6...37, using: &rng))) }
    do {
        let path = work + "/geomap-store.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        let csv = try AtomicFileWriter(path: work + "/events.csv")
        try csv.append("id,lon,lat,fatalities\n")
        for e in events { try csv.append("\(e.id),\(e.point.longitude),\(e.point.latitude),\(e.fatalitiesBest!)\n") }
        try csv.commit()
        let queries = try AtomicFileWriter(path: work + "/queries.csv")
        try queries.append("lon,lat\n")
        for c in centers { try queries.append("\(c.longitude),\(c.latitude)\n") }
        try queries.commit()

        let store = try SQLiteEventStore(path: path, create: true)
        let ingest = try seconds { _ = try store.ingest(IngestBatch(input: "bench", events: events)) }
        // Boxes of the circle's area (π·25² km²), square in kilometres.
        let side = (Double.pi * 25 * 25).squareRoot()
        var near: [Double] = [], box: [Double] = [], nearRows = 0, boxRows = 0
        for c in centers {
            var hits = 0
            near.append(try seconds { hits = try store.query(.near(c, radius: .kilometers(25)), EventFilter()).hits.count })
            nearRows += hits
            let dLat = side / 2 / 110.574, dLon = side / 2 / (111.320 * cos(c.latitude * .pi / 180))
            let b = BoundingBox(west: c.longitude - dLon, south: c.latitude - dLat, east: c.longitude + dLon, north: c.latitude + dLat)
            box.append(try seconds { hits = try store.query(.bbox(b), EventFilter()).hits.count })
            boxRows += hits
        }
        let peer = try spatialitePeer(events, centers: centers, side: side, path: work + "/spatialite.sqlite")
        // The same events and near queries on PostGIS (the server store), when a server is given.
        var pg = "null"
        if args.count == 6 {
            let server = try PostGISEventStore(url: args[5])
            let ingest = try seconds { _ = try server.ingest(IngestBatch(input: "bench", events: events)) }
            var times: [Double] = [], rows = 0
            for c in centers {
                var hits = 0
                times.append(try seconds { hits = try server.query(.near(c, radius: .kilometers(25)), EventFilter()).hits.count })
                rows += hits
            }
            let sorted = times.sorted()
            pg = "{\"ingest_seconds\": \(ingest), \"near_p50\": \(sorted[sorted.count / 2]), \"near_p99\": \(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]), \"near_rows\": \(rows)}"
        }
        func pct(_ xs: [Double], _ p: Double) -> Double { let s = xs.sorted(); return s[min(s.count - 1, Int(Double(s.count) * p))] }
        print("""
            {"case": "store", "n": \(n), "queries": \(q), "ingest_seconds": \(ingest), "near_p50": \(pct(near, 0.5)), \
            "near_p99": \(pct(near, 0.99)), "near_total": \(near.reduce(0, +)), "near_rows": \(nearRows), "bbox_p50": \(pct(box, 0.5)), \
            "bbox_p99": \(pct(box, 0.99)), "bbox_total": \(box.reduce(0, +)), "bbox_rows": \(boxRows), "side_km": \(side), \
            "peer_insert_seconds": \(peer.insert), "peer_index_seconds": \(peer.index), "peer_near_p50": \(pct(peer.near, 0.5)), \
            "peer_near_p99": \(pct(peer.near, 0.99)), "peer_near_rows": \(peer.nearRows), "peer_bbox_p50": \(pct(peer.box, 0.5)), \
            "peer_bbox_p99": \(pct(peer.box, 0.99)), "peer_bbox_rows": \(peer.boxRows), "spatialite": "\(peer.version)", "postgis": \(pg)}
            """)
    } catch { fail("\(error)") }
}

/// SpatiaLite (Debian's mod_spatialite, loaded into the same SQLite library) on the same events: a table
/// with the same columns and a POINT geometry, its SpatialIndex, and the queries as SpatiaLite users write
/// them: candidates from the index (BuildCircleMbr / BuildMbr), then ellipsoidal ST_Distance or MbrWithin.
func spatialitePeer(_ events: [EventRecord], centers: [Coordinate], side: Double, path: String) throws
    -> (insert: Double, index: Double, near: [Double], box: [Double], nearRows: Int, boxRows: Int, version: String)
{
    try? FileManager.default.removeItem(atPath: path)
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK, let db else { fail("cannot open \(path)") }
    defer { sqlite3_close(db) }
    sqlite3_enable_load_extension(db, 1)
    var err: UnsafeMutablePointer<CChar>?
    guard sqlite3_load_extension(db, "mod_spatialite", nil, &err) == SQLITE_OK else {
        fail("cannot load mod_spatialite (apt-get install libsqlite3-mod-spatialite): \(err.map { String(cString: $0) } ?? "")")
    }
    func exec(_ sql: String) {
        guard sqlite3_exec(db, sql, nil, nil, &err) == SQLITE_OK else { fail("spatialite: \(err.map { String(cString: $0) } ?? "") in \(sql)") }
    }
    func prepare(_ sql: String) -> OpaquePointer {
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &s, nil) == SQLITE_OK, let s else { fail("spatialite: \(String(cString: sqlite3_errmsg(db))) in \(sql)") }
        return s
    }
    exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296")
    exec("SELECT InitSpatialMetadata(1)")
    exec("""
        CREATE TABLE events(id TEXT NOT NULL UNIQUE, event_date TEXT, event_type TEXT, sub_type TEXT, actors TEXT, location TEXT,
          admin1 TEXT, geo_precision INTEGER, fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
          fatality_claims TEXT, source TEXT, notes TEXT, uncertainty_km REAL)
        """)
    exec("SELECT AddGeometryColumn('events', 'geom', 4326, 'POINT', 'XY')")
    let version = { () -> String in
        let s = prepare("SELECT spatialite_version()"); defer { sqlite3_finalize(s) }
        _ = sqlite3_step(s); return String(cString: sqlite3_column_text(s, 0))
    }()
    let insert = seconds {
        exec("BEGIN")
        let s = prepare("""
            INSERT INTO events(id, event_date, event_type, sub_type, actors, geo_precision, fatalities_low, fatalities_best,
              fatalities_high, fatality_claims, source, notes, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, MakePoint(?, ?, 4326))
            """)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for e in events {
            sqlite3_reset(s)
            for (k, t) in [e.id, e.eventDate ?? "", e.eventType, e.subType, e.actors].enumerated() { sqlite3_bind_text(s, Int32(k + 1), t, -1, transient) }
            sqlite3_bind_int64(s, 6, Int64(e.geoPrecision ?? 0))
            sqlite3_bind_int64(s, 7, Int64(e.fatalitiesLow ?? 0)); sqlite3_bind_int64(s, 8, Int64(e.fatalitiesBest ?? 0))
            sqlite3_bind_int64(s, 9, Int64(e.fatalitiesHigh ?? 0))
            sqlite3_bind_text(s, 10, e.fatalityClaims, -1, transient); sqlite3_bind_text(s, 11, e.source, -1, transient)
            sqlite3_bind_text(s, 12, e.notes, -1, transient)
            sqlite3_bind_double(s, 13, e.point.longitude); sqlite3_bind_double(s, 14, e.point.latitude)
            guard sqlite3_step(s) == SQLITE_DONE else { fail("spatialite insert: \(String(cString: sqlite3_errmsg(db)))") }
        }
        sqlite3_finalize(s)
        exec("COMMIT")
    }
    let index = seconds { exec("SELECT CreateSpatialIndex('events', 'geom')") }
    let nearSQL = prepare("""
        SELECT *, ST_Distance(geom, MakePoint(?1, ?2, 4326), 1) AS d FROM events WHERE ROWID IN (
          SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'events' AND search_frame = BuildMbr(?3, ?4, ?5, ?6, 4326))
        AND d <= ?7 ORDER BY d
        """)
    let boxSQL = prepare("""
        SELECT * FROM events WHERE ROWID IN (
          SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'events' AND search_frame = BuildMbr(?1, ?2, ?3, ?4, 4326))
        AND MbrWithin(geom, BuildMbr(?1, ?2, ?3, ?4, 4326))
        """)
    // The rows are read into records as geomap reads its own, so both sides do the same work.
    func decode(_ s: OpaquePointer) -> EventRecord {
        func text(_ i: Int32) -> String? { sqlite3_column_text(s, i).map { String(cString: $0) } }
        func int(_ i: Int32) -> Int? { sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, i)) }
        return EventRecord(id: text(0) ?? "", eventDate: text(1), eventType: text(2) ?? "", subType: text(3) ?? "", actors: text(4) ?? "",
                           location: text(5), admin1: text(6), geoPrecision: int(7), fatalitiesLow: int(8), fatalitiesBest: int(9),
                           fatalitiesHigh: int(10), fatalityClaims: text(11) ?? "", source: text(12) ?? "", evidence: "", notes: text(13) ?? "",
                           uncertaintyKm: sqlite3_column_type(s, 14) == SQLITE_NULL ? nil : sqlite3_column_double(s, 14),
                           point: Coordinate(longitude: 0, latitude: 0))
    }
    var rows: [EventRecord] = []
    var near: [Double] = [], box: [Double] = [], nearRows = 0, boxRows = 0
    for c in centers {
        // The window that holds the 25 km circle (the same one geomap searches).
        let w = SearchWindow.boxes(around: c, radius: .kilometers(25))[0]
        near.append(seconds {
            sqlite3_reset(nearSQL)
            sqlite3_bind_double(nearSQL, 1, c.longitude); sqlite3_bind_double(nearSQL, 2, c.latitude)
            sqlite3_bind_double(nearSQL, 3, w.west); sqlite3_bind_double(nearSQL, 4, w.south)
            sqlite3_bind_double(nearSQL, 5, w.east); sqlite3_bind_double(nearSQL, 6, w.north)
            sqlite3_bind_double(nearSQL, 7, 25_000)
            while sqlite3_step(nearSQL) == SQLITE_ROW { nearRows += 1; rows.append(decode(nearSQL)) }
            rows.removeAll(keepingCapacity: true)
        })
        let dLat = side / 2 / 110.574, dLon = side / 2 / (111.320 * cos(c.latitude * .pi / 180))
        box.append(seconds {
            sqlite3_reset(boxSQL)
            sqlite3_bind_double(boxSQL, 1, c.longitude - dLon); sqlite3_bind_double(boxSQL, 2, c.latitude - dLat)
            sqlite3_bind_double(boxSQL, 3, c.longitude + dLon); sqlite3_bind_double(boxSQL, 4, c.latitude + dLat)
            while sqlite3_step(boxSQL) == SQLITE_ROW { boxRows += 1; rows.append(decode(boxSQL)) }
            rows.removeAll(keepingCapacity: true)
        })
    }
    sqlite3_finalize(nearSQL); sqlite3_finalize(boxSQL)
    return (insert, index, near, box, nearRows, boxRows, version)
}
