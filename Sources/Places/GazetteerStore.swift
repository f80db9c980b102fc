import Foundation
import GeoCore
import Geodesy
import GRDB

/// Provenance of one import: which dataset, under which licence.
public struct GazetteerSource: Hashable, Sendable {
    public var name: String
    public var licence: String
    public var detail: String

    public init(name: String, licence: String, detail: String) {
        self.name = name
        self.licence = licence
        self.detail = detail
    }
}

/// What an import changed.
public struct ImportSummary: Equatable, Sendable {
    public var inserted = 0
    public var merged = 0
    public var updated = 0
    public var names = 0
    /// Records of one settlement merged into one (`DuplicatePlaces`), across the whole store.
    public var duplicates = 0
}

/// The gazetteer on disk: an SQLite file (GRDB) holding places, their name variants, alternate ids,
/// polygons of administrative areas, the sources imported, and the serialised `NameIndex`.
public final class GazetteerStore: Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// Opens an existing gazetteer (`create: false`) or creates an empty one. `holdingReadLock`: for a reader
    /// (`Gazetteer`), SQLite's shared lock is taken at the first read and held until the store is closed
    /// (exclusive locking mode), not taken and dropped around every statement: extraction reads records
    /// thousands of times, and a gazetteer replaced in place mid-run (`gazetteer reindex`) waits for it.
    public init(path: String, create: Bool = false, holdingReadLock: Bool = false) throws(GazetteerError) {
        self.path = path
        if !create, let problem = Self.unreadable(path) { throw problem }
        do {
            var config = Configuration()
            config.readonly = false
            config.busyMode = .timeout(10)
            if holdingReadLock { config.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") } }
            queue = try DatabaseQueue(path: path, configuration: config)
            if create { try Self.migrator.migrate(queue) }
            let ok = try queue.read { db in try db.tableExists("places") && db.tableExists("name_index") }
            guard ok else { throw GazetteerError.notAGazetteer(path, reason: "no places table") }
        } catch let e as GazetteerError {
            throw e
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw .notAGazetteer(path, reason: "not an SQLite database")
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    /// Why an existing gazetteer cannot be opened, told apart: missing, a folder, or not readable (a file in a
    /// folder this user may not enter is not "missing").
    public static func unreadable(_ path: String) -> GazetteerError? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            return errno == ENOENT ? .notFound(path) : .unreadable(path, String(cString: strerror(errno)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .unreadable(path, "it is a folder") }
        if access(path, R_OK) != 0 { return .unreadable(path, String(cString: strerror(errno))) }
        return nil
    }

    static let migrator: DatabaseMigrator = {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE places(
                  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                  lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL, feature_code TEXT,
                  admin1 TEXT, country TEXT, population INTEGER NOT NULL DEFAULT 0, geonames_id INTEGER,
                  source TEXT NOT NULL);
                CREATE INDEX places_geonames ON places(geonames_id);
                CREATE TABLE place_names(
                  place_rowid INTEGER NOT NULL REFERENCES places(rowid) ON DELETE CASCADE,
                  name TEXT NOT NULL, origin TEXT NOT NULL, lang TEXT,
                  UNIQUE(place_rowid, name, origin));
                CREATE TABLE place_ids(id TEXT PRIMARY KEY, place_rowid INTEGER NOT NULL REFERENCES places(rowid));
                CREATE TABLE shapes(place_rowid INTEGER PRIMARY KEY REFERENCES places(rowid), geojson TEXT NOT NULL);
                CREATE TABLE sources(name TEXT PRIMARY KEY, licence TEXT NOT NULL, detail TEXT NOT NULL,
                  records INTEGER NOT NULL, imported_at TEXT NOT NULL);
                CREATE TABLE name_index(id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);
                """)
        }
        // A record's merged ids are read with it: without this index every read of records scanned the table.
        // (A store made before it gains it at its next import, `write`; until then reads are as before, only slower.)
        m.registerMigration("v2: place_ids by place") { db in
            try db.execute(sql: "CREATE INDEX place_ids_place ON place_ids(place_rowid)")
        }
        return m
    }()

    // MARK: Writing

    /// Writes places (and polygons keyed by place id) in one transaction, merging records that share an id
    /// or a GeoNames id and settlements that are one (`DuplicatePlaces`), records the source, and rebuilds the
    /// name index. On any error nothing changes.
    public func write(_ places: [Place], shapes: [String: GeoJSONGeometry] = [:], source: GazetteerSource,
                      progress: ((Int, Int) -> Void)? = nil) throws(GazetteerError) -> ImportSummary {
        do {
            // A store written to is brought to the current schema first (one copied from an older default).
            try Self.migrator.migrate(queue)
            return try queue.write { db in
                var summary = ImportSummary()
                for (k, p) in places.enumerated() {
                    let rowid = try upsert(p, db: db, summary: &summary)
                    if let shape = shapes[p.id] {
                        try db.cachedStatement(sql: "INSERT OR REPLACE INTO shapes(place_rowid, geojson) VALUES (?, ?)")
                            .execute(arguments: [rowid, JSONWriter.string(shape.jsonValue)])
                    }
                    if k % 5000 == 0 { progress?(k, places.count) }
                }
                progress?(places.count, places.count)
                summary.duplicates = try DuplicatePlaces.merge(db)
                try Self.record(source, records: places.count, db: db)
                let index = try Self.buildIndex(db)
                try db.execute(sql: "INSERT OR REPLACE INTO name_index(id, data) VALUES (1, ?)", arguments: [index.serialized()])
                return summary
            }
        } catch let e as GazetteerError {
            throw e
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    /// Rebuilds the name index from the stored names (after the matching rules changed).
    public func reindex() throws(GazetteerError) -> (places: Int, entries: Int) {
        do {
            return try queue.write { db in
                let index = try Self.buildIndex(db)
                try db.execute(sql: "INSERT OR REPLACE INTO name_index(id, data) VALUES (1, ?)", arguments: [index.serialized()])
                return (index.placeCount, index.entryCount)
            }
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    /// Builds the name index from the stored names without saving it (benchmarks, checks).
    public func buildIndex() throws(GazetteerError) -> NameIndex {
        do { return try queue.read { try Self.buildIndex($0) } } catch { throw .database("\(path): \(error)") }
    }

    /// Records (or updates) a source's provenance without touching places.
    public func recordSource(_ source: GazetteerSource, records: Int) throws(GazetteerError) {
        do { try queue.write { try Self.record(source, records: records, db: $0) } } catch {
            throw .database("\(path): \(error)")
        }
    }

    static func record(_ source: GazetteerSource, records: Int, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO sources(name, licence, detail, records, imported_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET licence = excluded.licence, detail = excluded.detail,
              records = excluded.records, imported_at = excluded.imported_at
            """, arguments: [source.name, source.licence, source.detail, records,
                             ISO8601DateFormatter().string(from: Date())])
    }

    private func upsert(_ p: Place, db: Database, summary: inout ImportSummary) throws -> Int64 {
        func run(_ sql: String, _ arguments: StatementArguments) throws {
            try db.cachedStatement(sql: sql).execute(arguments: arguments)
        }
        func rowid(_ sql: String, _ arguments: StatementArguments) throws -> Int64? {
            try Int64.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
        }
        func addNames(_ names: [PlaceName], to row: Int64, demotePrimary: Bool) throws {
            for n in names {
                let origin = demotePrimary && n.origin == .primary ? NameOrigin.alternate : n.origin
                try run("INSERT OR IGNORE INTO place_names(place_rowid, name, origin, lang) VALUES (?, ?, ?, ?)",
                        [row, n.text, origin.rawValue, n.language])
                summary.names += db.changesCount
                // "Mukhayyam al Wafidin" is also "al Wafidin" (the camp of al-Wafidin).
                if let core = SettlementWords.coreName(of: n.text) {
                    try run("INSERT OR IGNORE INTO place_names(place_rowid, name, origin, lang) VALUES (?, ?, ?, ?)",
                            [row, core, NameOrigin.alternate.rawValue, n.language])
                    summary.names += db.changesCount
                }
            }
        }
        let existing = try rowid("SELECT rowid FROM places WHERE id = ?", [p.id])
            ?? rowid("SELECT place_rowid FROM place_ids WHERE id = ?", [p.id])
        let row: Int64
        if let existing {
            row = existing
            try run("""
                UPDATE places SET name = ?, lat = ?, lon = ?, kind = ?, feature_code = ?, admin1 = ?, country = ?,
                  population = ?, geonames_id = ?, source = ? WHERE rowid = ?
                """, [p.name, p.coordinate.latitude, p.coordinate.longitude, p.kind.rawValue, p.featureCode,
                      p.admin1, p.country, p.population, p.geonamesID, p.source, existing])
            summary.updated += 1
        } else if let same = try rowid("SELECT rowid FROM places WHERE geonames_id = ? LIMIT 1", [p.geonamesID])
                    ?? administrativeTwin(of: p, db: db) {
            // Same feature from another source: keep the record, add what the new one knows.
            try run("INSERT OR IGNORE INTO place_ids(id, place_rowid) VALUES (?, ?)", [p.id, same])
            try run("""
                UPDATE places SET population = CASE WHEN population = 0 THEN ? ELSE population END,
                  admin1 = COALESCE(admin1, ?), country = COALESCE(country, ?) WHERE rowid = ?
                """, [p.population, p.admin1, p.country, same])
            summary.merged += 1
            try addNames(p.names, to: same, demotePrimary: true)
            return same
        } else {
            try run("""
                INSERT INTO places(id, name, lat, lon, kind, feature_code, admin1, country, population, geonames_id, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [p.id, p.name, p.coordinate.latitude, p.coordinate.longitude, p.kind.rawValue,
                      p.featureCode, p.admin1, p.country, p.population, p.geonamesID, p.source])
            row = db.lastInsertedRowID
            summary.inserted += 1
        }
        for id in p.otherIDs {
            try run("INSERT OR IGNORE INTO place_ids(id, place_rowid) VALUES (?, ?)", [id, row])
        }
        try addNames(p.names, to: row, demotePrimary: false)
        return row
    }

    /// An existing division of the same kind and country, from another source, whose main name shares a
    /// transliteration key with one of the new record's names and whose point lies within 100 km: Natural
    /// Earth's and Who's On First's governorates have no common id but are the same areas.
    private func administrativeTwin(of p: Place, db: Database) throws -> Int64? {
        guard p.kind == .region || p.kind == .country, let cc = p.country else { return nil }
        let keys = Set(p.names.map { NameKey.key($0.text) }.filter { !$0.isEmpty })
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT rowid, lat, lon, name FROM places WHERE kind = ? AND country = ? AND source <> ?"),
                                    arguments: [p.kind.rawValue, cc, p.source])
        for r in rows where keys.contains(NameKey.key(r[3] as String)) {
            let d = Geodesic.distance(from: p.coordinate, to: Coordinate(longitude: r[2], latitude: r[1]))
            if d.kilometers <= 100 { return r[0] }
        }
        return nil
    }

    static func buildIndex(_ db: Database) throws -> NameIndex {
        var builder = NameIndex.Builder()
        var indexOfRow: [Int64: Int] = [:]
        let places = try Row.fetchCursor(db, sql: "SELECT rowid, lat, lon, population, kind, country, admin1 FROM places ORDER BY rowid")
        while let r = try places.next() {
            let rowid: Int64 = r[0]
            indexOfRow[rowid] = builder.addPlace(
                rowid: rowid, coordinate: Coordinate(longitude: r[2], latitude: r[1]), population: r[3],
                kind: PlaceKind(rawValue: r[4]) ?? .locality, country: r[5], admin1: r[6])
        }
        let names = try Row.fetchCursor(db, sql: "SELECT place_rowid, name, origin FROM place_names")
        while let r = try names.next() {
            guard let place = indexOfRow[r[0]] else { continue }
            builder.addName(r[1], origin: NameOrigin(rawValue: r[2]) ?? .alternate, place: place)
        }
        return builder.build()
    }

    // MARK: Reading

    public func loadIndex() throws(GazetteerError) -> NameIndex {
        let data: Data?
        do { data = try queue.read { try Data.fetchOne($0, sql: "SELECT data FROM name_index WHERE id = 1") } } catch {
            throw .database("\(path): \(error)")
        }
        guard let data else { return NameIndex.Builder().build() }
        return try NameIndex(serialized: data)
    }

    /// The records of the given row ids; with `variants: false` without their name variants (the main name stays):
    /// extraction never reads them, and they were most of the rows read (Who's On First holds dozens a place).
    public func places(rowids: [Int64], variants: Bool = true) throws(GazetteerError) -> [Int64: Place] {
        guard !rowids.isEmpty else { return [:] }
        do {
            // Plain statements, no read transaction: GRDB's `read` adds BEGIN, COMMIT and two query_only pragmas,
            // which cost more than these few-row reads of a file nothing writes while geomap extracts.
            return try queue.inDatabase { db in
                var out: [Int64: Place] = [:]
                // One prepared statement per number of rows asked (a handful: candidates, rejected namesakes).
                let marks = Array(repeating: "?", count: rowids.count).joined(separator: ",")
                let arguments = StatementArguments(rowids)
                let rows = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT rowid, id, name, lon, lat, kind, feature_code, admin1, country, population, geonames_id, source
                    FROM places WHERE rowid IN (\(marks))
                    """), arguments: arguments)
                var names: [Int64: [PlaceName]] = [:]
                if variants {
                    for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT place_rowid, name, origin, lang FROM place_names WHERE place_rowid IN (\(marks)) ORDER BY rowid"),
                                              arguments: arguments) {
                        names[r[0], default: []].append(PlaceName(r[1], origin: NameOrigin(rawValue: r[2]) ?? .alternate, language: r[3]))
                    }
                }
                var ids: [Int64: [String]] = [:]
                for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT place_rowid, id FROM place_ids WHERE place_rowid IN (\(marks))"),
                                          arguments: arguments) {
                    ids[r[0], default: []].append(r[1])
                }
                for r in rows {
                    let rowid: Int64 = r[0]
                    out[rowid] = Place(
                        id: r[1], name: r[2], coordinate: Coordinate(longitude: r[3], latitude: r[4]),
                        kind: PlaceKind(rawValue: r[5]) ?? .locality, featureCode: r[6], admin1: r[7], country: r[8],
                        population: r[9], geonamesID: r[10], source: r[11], names: names[rowid] ?? [], otherIDs: ids[rowid] ?? [])
                }
                return out
            }
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    /// The place with this id (or merged under it), if any.
    public func place(id: String) throws(GazetteerError) -> Place? {
        try firstPlace { db in
            try Int64.fetchOne(db, sql: "SELECT rowid FROM places WHERE id = ?", arguments: [id])
                ?? Int64.fetchOne(db, sql: "SELECT place_rowid FROM place_ids WHERE id = ?", arguments: [id])
        }
    }

    /// The full record of the row a query finds, if it finds one.
    func firstPlace(_ rowidQuery: @Sendable (Database) throws -> Int64?) throws(GazetteerError) -> Place? {
        let rowid: Int64?
        do { rowid = try queue.read(rowidQuery) } catch { throw .database("\(path): \(error)") }
        guard let rowid else { return nil }
        return try places(rowids: [rowid])[rowid]
    }

    /// The polygon of an administrative area, when the gazetteer has one.
    public func shape(placeID: String) throws(GazetteerError) -> GeoJSONGeometry? {
        do {
            let sql = "SELECT s.geojson FROM shapes s JOIN places p ON p.rowid = s.place_rowid WHERE p.id = ?"
            guard let text = try queue.read({ try String.fetchOne($0, sql: sql, arguments: [placeID]) }) else { return nil }
            return try GeoJSONFeatureCollection(text: text).features.first?.geometry
        } catch {
            throw .database("\(path): shape of place \(placeID): \(error)")
        }
    }

    /// Sources imported, and counts by source and kind.
    public func info() throws(GazetteerError) -> (sources: [(GazetteerSource, records: Int, importedAt: String)], kinds: [(String, Int)], places: Int, names: Int, shapes: Int) {
        do {
            return try queue.read { db in
                let sources = try Row.fetchAll(db, sql: "SELECT * FROM sources ORDER BY imported_at, name").map {
                    (GazetteerSource(name: $0["name"], licence: $0["licence"], detail: $0["detail"]), records: $0["records"] as Int, importedAt: $0["imported_at"] as String)
                }
                let kinds = try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) FROM places GROUP BY kind ORDER BY 2 DESC").map { ($0[0] as String, $0[1] as Int) }
                let places = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM places") ?? 0
                let names = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM place_names") ?? 0
                let shapes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shapes") ?? 0
                return (sources, kinds, places, names, shapes)
            }
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    /// Copies this gazetteer to a new file (SQLite's online backup), e.g. to start an import from the default.
    public func copy(to destination: String) throws(GazetteerError) {
        do {
            let target = try DatabaseQueue(path: destination)
            try queue.backup(to: target)
        } catch {
            throw .database("cannot copy \(path) to \(destination): \(error)")
        }
    }
}
