import Foundation
import Testing
import GeoCore
import GRDB
@testable import EventStorage
import Incidents
@testable import Store

@Suite struct StoreFileTests {
    func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func event(_ id: String, dead: Int, at p: Coordinate) -> EventRecord {
        EventRecord(id: id, eventDate: "2014-01-14", eventType: "Explosions/Remote violence", subType: "car_bomb", actors: "ISIL",
                    location: nil, admin1: nil, geoPrecision: 1, fatalitiesLow: dead, fatalitiesBest: dead, fatalitiesHigh: dead,
                    fatalityClaims: "", source: "test", evidence: "", notes: "", uncertaintyKm: nil, point: p)
    }

    /// Raqqa, GeoNames 172955 (35.95283 N, 39.00788 E).
    let raqqa = Coordinate(longitude: 39.00788, latitude: 35.95283)

    /// A store made before events kept their evidence gains the column on opening: its events read back with
    /// none, new ones keep theirs.
    @Test func anOlderStoreGainsTheEvidenceColumn() throws {
        let path = try folder() + "/old.sqlite"
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            for step in SQLiteEventStore.schemaSteps.prefix(3) { try db.execute(sql: step) }
            try db.execute(sql: "PRAGMA user_version = 3")
            try db.execute(sql: """
                INSERT INTO events(rowid, id, event_type, sub_type, actors, fatality_claims, source, notes, lon, lat, input)
                VALUES (1, 'old:1', 'Battles', 'clashes', 'ISIL', '', 'SOHR', '', 39.00788, 35.95283, 'old');
                INSERT INTO events_rtree VALUES (1, 39.00788, 39.00788, 35.95283, 35.95283)
                """)
        }
        #expect(try old.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(events)").map { $0["name"] as String } }.contains("evidence") == false)
        try old.close()
        let store = try SQLiteEventStore(path: path, create: false)
        var fresh = event("new:1", dead: 8, at: raqqa)
        fresh.evidence = "Huit combattants sont morts près de Raqqa."
        _ = try store.ingest(IngestBatch(input: "new", events: [fresh]))
        let hits = try store.query(.near(raqqa, radius: .kilometers(1)), EventFilter()).hits.map(\.record)
        #expect(hits.map(\.id).sorted() == ["new:1", "old:1"])
        #expect(hits.first { $0.id == "old:1" }?.evidence == "")
        #expect(hits.first { $0.id == "new:1" }?.evidence == "Huit combattants sont morts près de Raqqa.")
    }

    @Test func reingestingAnIdUpdatesIt() throws {
        let path = try folder() + "/events.sqlite"
        let store = try SQLiteEventStore(path: path, create: true)
        #expect(try store.ingest(IngestBatch(input: "a", events: [event("a:1", dead: 8, at: raqqa), event("a:2", dead: 3, at: raqqa)])) ==
                { var s = IngestSummary(); s.inserted = 2; return s }())
        let again = try store.ingest(IngestBatch(input: "a", events: [event("a:1", dead: 22, at: raqqa)]))
        #expect(again.inserted == 0 && again.updated == 1)
        #expect(try store.eventCount() == 2)
        let hits = try store.query(.near(raqqa, radius: .kilometers(1)), EventFilter(minFatalities: 20)).hits
        #expect(hits.map(\.record.id) == ["a:1"])
        // The index follows the update: moved 300 km away, it is no longer near Raqqa.
        _ = try store.ingest(IngestBatch(input: "a", events: [event("a:1", dead: 22, at: Coordinate(longitude: 36.72559, latitude: 34.72405))]))
        #expect(try store.query(.near(raqqa, radius: .kilometers(10)), EventFilter()).hits.map(\.record.id) == ["a:2"])
        #expect(try SQLiteEventStore(path: path, create: false).eventCount() == 2)
    }

    /// A first batch large enough to be packed, with one id told twice (the second telling moves it 300 km
    /// to Homs, GeoNames 169577): the tree planned ahead for rowids 1…n no longer fits and is not used; the
    /// index holds each event once, where its last telling puts it, and `rtreecheck` accepts it.
    @Test func aPackedFirstBatchWithARepeatedIdIndexesTheLastTelling() throws {
        let path = try folder() + "/events.sqlite"
        let store = try SQLiteEventStore(path: path, create: true)
        let homs = Coordinate(longitude: 36.72339, latitude: 34.72682)
        var events = (0..<12_000).map { k in
            event("b:\(k)", dead: 1, at: Coordinate(longitude: 39.00788 + Double(k % 100) * 1e-4, latitude: 35.95283 + Double(k / 100) * 1e-4))
        }
        events.append(event("b:7", dead: 5, at: homs))
        let summary = try store.ingest(IngestBatch(input: "b", events: events))
        #expect(summary.inserted == 12_000 && summary.updated == 1)
        #expect(try store.query(.near(raqqa, radius: .kilometers(5)), EventFilter()).hits.count == 11_999)
        #expect(try store.query(.near(homs, radius: .kilometers(1)), EventFilter()).hits.map(\.record.id) == ["b:7"])
        let check = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT rtreecheck('events_rtree')") }
        #expect(check == "ok")
    }

    /// Queries with a period start from the R*Tree: the plan's first step is the spatial index, never a scan
    /// of the period's events.
    @Test func queriesWithAPeriodStartFromTheSpatialIndex() throws {
        let path = try folder() + "/events.sqlite"
        let store = try SQLiteEventStore(path: path, create: true)
        _ = try store.ingest(IngestBatch(input: "a", events: [event("a:1", dead: 8, at: raqqa)]))
        let (sql, arguments) = SQLiteEventStore.candidateSQL(EventFilter(from: "2014-01-01", to: "2014-01-31"))
        let plan = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: [38.0, 39.0, 35.0, 36.0] + arguments).map { $0["detail"] as String }
        }
        #expect(plan.first?.hasPrefix("SCAN r VIRTUAL TABLE INDEX 2") == true, "\(plan)")
    }

    /// One record per id, the last told, in batch order; ids that differ only past a shared prefix or
    /// by case stay apart.
    @Test func lastTellingsKeepTheLastRecordOfEachId() {
        let batch = IngestBatch(input: "t", events: [
            event("a:1", dead: 1, at: raqqa), event("a:2", dead: 2, at: raqqa), event("A:1", dead: 3, at: raqqa),
            event("a:1", dead: 4, at: raqqa), event("a:10", dead: 5, at: raqqa), event("a:2", dead: 6, at: raqqa),
        ])
        let kept = batch.lastTellings
        #expect(kept.map(\.id) == ["A:1", "a:1", "a:10", "a:2"])
        #expect(kept.map(\.fatalitiesBest) == [3, 4, 5, 6])
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let path = try folder() + "/notes.sqlite"
        let bytes = Data("these are field notes, not a database\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAStore(path, reason: "not an SQLite database")) { try SQLiteEventStore(path: path, create: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["notes.sqlite"])
    }

    /// Issue 23, D9: a foreign database (even one with a table named `events`) is refused before SQLite opens it
    /// for writing: same bytes after, journal mode unchanged, no -wal or -shm file beside it.
    @Test(arguments: [["budget"], ["events", "notes"]])
    func anotherSQLiteDatabaseIsNotTakenOverNorTouched(_ tables: [String]) throws {
        let dir = try folder()
        let path = dir + "/other.sqlite"
        try DatabaseQueue(path: path).write { db in for t in tables { try db.execute(sql: "CREATE TABLE \(t)(x)") } }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for create in [true, false] {
            #expect(throws: StoreError.notAStore(path, reason: "an SQLite database without geomap's tables (it has \(tables.joined(separator: ", ")))")) {
                try SQLiteEventStore(path: path, create: create)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["other.sqlite"])
        #expect(throws: StoreError.notFound(path + ".missing")) { try SQLiteEventStore(path: path + ".missing", create: false) }
    }

    /// Issue 23, D4: the store records where each input came from, and refuses a batch whose name another
    /// ingest gave to another file since the name was chosen (the pipeline then names it anew).
    @Test func inputOriginsAreRecordedAndARaceIsRefused() throws {
        let path = try folder() + "/events.sqlite"
        let store = try SQLiteEventStore(path: path, create: true)
        var first = IngestBatch(input: "report.txt", events: [event("report.txt:E1", dead: 8, at: raqqa)])
        first.origin = InputOrigin(path: "/data/a/report.txt", seen: nil)
        _ = try store.ingest(first)
        #expect(try store.inputOrigins() == ["report.txt": "/data/a/report.txt"])
        var racing = IngestBatch(input: "report.txt", events: [event("report.txt:E1", dead: 3, at: raqqa)])
        racing.origin = InputOrigin(path: "/data/b/report.txt", seen: nil)
        #expect(throws: StoreError.inputRenamed(path, "report.txt", "/data/a/report.txt")) { try store.ingest(racing) }
        #expect(try store.eventCount() == 1)
        // A file that moved takes its name over when the pipeline saw the old origin.
        racing.origin = InputOrigin(path: "/data/b/report.txt", seen: "/data/a/report.txt")
        #expect(try store.ingest(racing).updated == 1)
        #expect(try store.inputOrigins() == ["report.txt": "/data/b/report.txt"])
    }

    @Test func layerFeaturesWithBadFieldsNameTheFeature() throws {
        let path = try folder() + "/incidents.geojson"
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"a:1","geometry":{"type":"Point","coordinates":[39.00788,35.95283]},"properties":{"event_date":"2014-01-14"}},
        {"type":"Feature","id":"a:2","geometry":{"type":"Point","coordinates":[39.00788,35.95283]},"properties":{"fatalities_best":"many"}}
        ]}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.badFeature("\(path): features[1]", "'fatalities_best' must be a whole number from 0 to 10000000, found \"many\"")) {
            try IncidentLayerReader.read(path)
        }
    }
}
