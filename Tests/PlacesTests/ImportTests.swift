import Foundation
import GRDB
import Testing
import GeoCore
@testable import Places

@Suite(.serialized) struct ImportTests {
    @Test func geoNamesDumpWithAlternateNames() throws {
        let db = try TestPaths.temporaryFile("g.sqlite")
        let store = try GazetteerStore(path: db, create: true)
        let places = try GeoNamesTSV.read(TestPaths.fixture("sy_sample.txt"), alternateNames: TestPaths.fixture("sy_alternateNames.txt"))
        #expect(places.count == 3)
        let raqqa = try #require(places.first { $0.id == "geonames:172955" })
        #expect(raqqa.coordinate == Coordinate(longitude: 39.00788, latitude: 35.95283))
        #expect(raqqa.featureCode == "PPLA")
        #expect(raqqa.kind == .city)
        #expect(raqqa.names.contains { $0.text == "الرقة" && $0.language == "ar" })
        #expect(!raqqa.names.contains { $0.text.hasPrefix("https://") })   // "link" rows are not names
        _ = try store.write(places, source: GazetteerSource(name: "t", licence: "CC BY 4.0", detail: "test"))
        let g = try Gazetteer(path: db)
        #expect(try g.resolve("الرقة").first?.place.id == "geonames:172955")
        #expect(try g.resolve("Idleb").first?.place.id == "geonames:169389")
    }

    @Test func aStoreFromBeforeTheRecordIdIndexGainsItAtItsNextImport() throws {
        // A store as made before migration v2 (no index of merged ids by place): reads scan place_ids.
        let db = try TestPaths.temporaryFile("v1.sqlite")
        let store = try GazetteerStore(path: db, create: true)
        try store.queue.write { db in
            try db.execute(sql: "DROP INDEX place_ids_place; DELETE FROM grdb_migrations WHERE identifier LIKE 'v2%'")
        }
        func plan() throws -> String {
            try store.queue.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM place_ids WHERE place_rowid IN (1, 2)").map { $0["detail"] as String }.joined()
            }
        }
        #expect(try plan().contains("SCAN"))
        _ = try store.write(try PlainCSV.read(TestPaths.fixture("analyst_places.csv")), source: GazetteerSource(name: "t", licence: "-", detail: "-"))
        let after = try plan()
        #expect(after.contains("USING INDEX place_ids_place"), "\(after)")
    }

    @Test func plainCSV() throws {
        let places = try PlainCSV.read(TestPaths.fixture("analyst_places.csv"))
        #expect(places.map(\.id) == ["csv:kantari", "csv:ram-hamdane-east"])
        #expect(places[0].kind == .locality)
        #expect(places[0].names.map(\.text) == ["Kantari checkpoint", "Kantari", "Qantari"])
        #expect(places[1].name == "Ram Hamdane, east")   // quoted field with a comma
        let db = try TestPaths.temporaryFile("c.sqlite")
        let store = try GazetteerStore(path: db, create: true)
        _ = try store.write(places, source: GazetteerSource(name: "t", licence: "-", detail: "-"))
        #expect(try Gazetteer(path: db).resolve("Kantari").first?.place.id == "csv:kantari")
    }

    @Test func whosOnFirstFileMergesByGeoNamesIdAndAddsRamHamdan() throws {
        let wof = try WhosOnFirstCSV.read(TestPaths.wofSyria, country: nil)
        // ../shared/data/README.md: 10,682 records; the file marks 260 as not current.
        #expect(wof.places.count + wof.superseded == 10_682)
        #expect(wof.countryGeonamesID == 163843)
        let db = try TestPaths.temporaryFile("w.sqlite")
        try GazetteerStore(path: TestPaths.defaultGazetteer).copy(to: db)
        let store = try GazetteerStore(path: db)
        let places = wof.places.map { var p = $0; p.country = "SY"; return p }
        let summary = try store.write(places, source: GazetteerSource(name: "wof", licence: WhosOnFirstCSV.licence, detail: "test"))
        #expect(summary.merged > 100)   // cities500's Syrian places are in WOF with their GeoNames ids
        let g = try Gazetteer(path: db)
        // wof_sy_places.csv row of wof 1343739475: Ram Hamdan, 36.02769 N, 36.71345 E, GeoNames 165551.
        for name in ["Ram Hamdane", "Ram-Hamdane", "Râm Hamdâne"] {
            let best = try #require(try g.resolve(name).first, "\(name)")
            #expect(best.place.id == "wof:1343739475", "\(name) → \(best.place.id)")
            #expect(best.place.coordinate == Coordinate(longitude: 36.71345, latitude: 36.02769))
            #expect(best.place.geonamesID == 165551)
        }
        // WOF 421172833 (الرقة, GeoNames 172955) merged into the GeoNames record rather than duplicated.
        let raqqa = try #require(try g.resolve("Raqqa").first)
        #expect(raqqa.place.id == "geonames:172955")
        #expect(raqqa.place.otherIDs.contains("wof:421172833"))
        // WOF's region 85678355 (Ar Raqqah) merged into Natural Earth's governorate of the same name.
        let region = try #require(try g.resolve("Ar Raqqah", limit: 10).first { $0.place.kind == .region })
        #expect(region.place.id == "ne:admin1:SY:ar-raqqah")
        #expect(region.place.otherIDs.contains("wof:85678355"))
        #expect(try g.resolve("Ar-Raqqa", limit: 10).filter { $0.place.kind == .region }.count == 1)
        // The city comes before the district of the same name.
        #expect(try g.resolve("Ar-Raqqa").first?.place.id == "geonames:172955")
    }

    @Test func badRecordsNameFileLineAndFieldAndWriteNothing() throws {
        #expect(throws: GazetteerError.badInput(file: TestPaths.fixture("bad_latitude.csv"), line: 3, message: "field 'lat': 'abc' is not a number")) {
            try PlainCSV.read(TestPaths.fixture("bad_latitude.csv"))
        }
        #expect(throws: GazetteerError.badInput(file: TestPaths.fixture("bad_geonames.txt"), line: 1, message: "expected 19 tab-separated GeoNames columns, found 9")) {
            try GeoNamesTSV.read(TestPaths.fixture("bad_geonames.txt"))
        }
        let missing = TestPaths.fixture("nope.csv")
        #expect(throws: GazetteerError.self) { try PlainCSV.read(missing) }
    }

    @Test func failedWriteRollsBack() throws {
        let db = try TestPaths.temporaryFile("r.sqlite")
        let store = try GazetteerStore(path: db, create: true)
        _ = try store.write(try PlainCSV.read(TestPaths.fixture("analyst_places.csv")), source: GazetteerSource(name: "a", licence: "-", detail: "-"))
        // An alias pointing nowhere is caught before writing; a place with a non-finite coordinate fails inside
        // the transaction (NOT NULL on lat): nothing of the batch may remain.
        var bad = Place(id: "csv:x", name: "X", coordinate: Coordinate(longitude: 1, latitude: 1), kind: .village, source: "t")
        bad.names.append(PlaceName(String(repeating: "y", count: 3), origin: .alternate))
        let good = Place(id: "csv:ok", name: "Ok", coordinate: Coordinate(longitude: 2, latitude: 2), kind: .village, source: "t")
        let dup = Place(id: "csv:x", name: "X again", coordinate: Coordinate(longitude: .nan, latitude: 1), kind: .village, source: "t")
        #expect(throws: GazetteerError.self) {
            try store.write([good, bad, dup], source: GazetteerSource(name: "b", licence: "-", detail: "-"))
        }
        let info = try store.info()
        #expect(info.places == 2)
        #expect(!info.sources.contains { $0.0.name == "b" })
    }

    @Test func notAGazetteer() throws {
        let path = try TestPaths.temporaryFile("x.sqlite")
        try "hello".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: GazetteerError.notAGazetteer(path, reason: "not an SQLite database")) { try GazetteerStore(path: path) }
        #expect(throws: GazetteerError.notFound(path + ".missing")) { try GazetteerStore(path: path + ".missing") }
    }

    @Test func indexSerialisationRoundTrips() throws {
        var b = NameIndex.Builder()
        let p = b.addPlace(rowid: 7, coordinate: Coordinate(longitude: 39.00788, latitude: 35.95283), population: 531952,
                           kind: .city, country: "SY", admin1: "Ar Raqqah")
        b.addName("Ar Raqqah", origin: .primary, place: p)
        b.addName("Raqa", origin: .alias, place: p)
        let index = b.build()
        let back = try NameIndex(serialized: index.serialized())
        #expect(back.rowids == [7])
        #expect(back.admin1(0) == "Ar Raqqah")
        #expect(back.country(0) == "SY")
        #expect(back.lookup(folded: "raqa").map(\.level) == [.alias])
        #expect(back.lookup(folded: "ar raqqah").map(\.level) == [.exact])
        #expect(back.lookup(key: NameKey.key("Raqqa")).map(\.place) == [0, 0].prefix(back.lookup(key: NameKey.key("Raqqa")).count).map { $0 })
        var damaged = index.serialized()
        damaged.removeLast(10)
        #expect(throws: GazetteerError.self) { try NameIndex(serialized: damaged) }
    }
}
