import Foundation
import Testing
import GeoCore

/// `geomap ingest` and `geomap query` as analysts run them.
@Suite struct QueryCLITests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/000_b936dedbd59c1222.txt").path

    func seedLayers() throws -> URL {
        let dir = try GeomapProcess.temporaryFolder()
        let r = try GeomapProcess.run(["build", Self.seed, "--date", "2014-01-14", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    func features(_ geojson: String) throws -> [GeoJSONFeature] { try GeoJSONFeatureCollection(text: geojson).features }

    /// "What happened within 100 km of Raqqa?" on the seed: the Kantari killings (80 km north), none of the
    /// Homs incidents (about 250 km away), from the layer and from a store alike.
    @Test func nearRaqqaOnTheSeed() throws {
        let dir = try seedLayers()
        let layer = dir.appendingPathComponent("incidents.geojson").path
        let all = try features(try GeomapProcess.run(["query", "bbox", "-180,-90,180,90", "--layer", layer, "-f", "geojson"]).stdout)
        #expect(all.contains { $0.properties["location"]?.stringValue?.contains("Homs") == true })   // the layer has Homs incidents
        let store = dir.appendingPathComponent("events.sqlite").path
        let ingest = try GeomapProcess.run(["ingest", layer, "--store", store])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("\(all.count) events added"))
        for source in [["--layer", layer], ["--store", store]] {
            let r = try GeomapProcess.run(["query", "near", "Raqqa", "--radius", "100km", "-f", "geojson"] + source)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("returned"))
            let hits = try features(r.stdout)
            let kantari = try #require(hits.first { $0.properties["location"]?.stringValue == "Kantari" })
            #expect(abs(kantari.properties["distance_km"]!.numberValue! - 80) < 0.01)
            #expect(kantari.properties["bearing_deg"]?.numberValue == 0)
            #expect(!hits.contains { $0.properties["location"]?.stringValue?.contains("Homs") == true })
            #expect(hits.allSatisfy { ($0.properties["distance_km"]?.numberValue ?? 999) <= 100 })
            #expect(hits.allSatisfy { $0.id != nil && $0.properties["id"] != nil })
        }
        // Re-ingesting the same layer updates, it does not duplicate.
        let again = try GeomapProcess.run(["ingest", layer, "--store", store])
        #expect(again.stderr.contains("0 events added, \(all.count) updated"), "\(again.stderr)")
        // Filters and the other outputs.
        let csv = try GeomapProcess.run(["query", "bbox", "35,32,43,38", "--store", store, "-f", "csv", "--type", "car_bomb", "--from", "2014-01-14"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,event_date,event_type,sub_type") == true)
        #expect(lines.count == 1 + all.filter { $0.properties["sub_type"]?.stringValue == "car_bomb" }.count)
        let within = try GeomapProcess.run(["query", "within", "zone:ISIL", "--layer", layer, "-f", "json"])
        #expect(within.status == 0, "\(within.stderr)")
        // ISIL's zone holds Raqqa (it "contrôle désormais la totalité de la ville de Raqqa"), where the seed
        // tells 312 killed.
        #expect(within.stdout.contains("\"location\": \"Raqqa\""), "\(within.stdout)")
    }

    /// Two GeoJSON files of `n` dated points each (ids "p0:k", "p1:k"), for ingests run at once.
    static func pointFiles(_ n: Int, in dir: URL) throws -> [String] {
        try (0..<2).map { part in
            let features = (0..<n).map { k in
                "{\"type\":\"Feature\",\"id\":\"p\(part):\(k)\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(36 + Double(k) / 1000),\(35 + Double(part))]},\"properties\":{\"event_date\":\"2014-01-14\"}}"
            }
            let path = dir.appendingPathComponent("part\(part).geojson").path
            try ("{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    /// Two ingests into one store at once: both succeed and every event is there.
    @Test func concurrentIngestsLoseNothing() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let paths = try Self.pointFiles(3000, in: dir)
        let store = dir.appendingPathComponent("shared.sqlite").path
        let results = try [paths[0], paths[1]].map { path -> Process in
            let p = Process()
            p.executableURL = GeomapProcess.binary
            p.arguments = ["ingest", path, "--store", store]
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in results { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let r = try GeomapProcess.run(["query", "bbox", "-180,-90,180,90", "--store", store, "-f", "csv"])
        #expect(r.stdout.split(separator: "\n").count == 1 + 6000)
    }

    /// Two ingests creating one new store at once, again and again: the second used to be turned down while the
    /// first switched the file to WAL ("database is locked", about one round in seven on this machine) or
    /// checked a file the first held locked. Every round both succeed and every event is there.
    @Test func concurrentCreationsOfOneStoreBothSucceed() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let paths = try Self.pointFiles(20, in: dir)
        for round in 0..<16 {
            let store = dir.appendingPathComponent("new\(round).sqlite").path
            let runs = try paths.map { path -> (Process, Pipe) in
                let p = Process(), err = Pipe()
                p.executableURL = GeomapProcess.binary
                p.arguments = ["ingest", path, "--store", store]
                p.standardError = err
                try p.run()
                return (p, err)
            }
            for (p, err) in runs {
                let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                p.waitUntilExit()
                #expect(p.terminationStatus == 0, "round \(round): \(message)")
            }
            let r = try GeomapProcess.run(["query", "bbox", "-180,-90,180,90", "--store", store, "-f", "csv"])
            #expect(r.stdout.split(separator: "\n").count == 1 + 40, "round \(round)")
        }
    }

    @Test func badInputIsOneLineAndLeavesTheStoreAlone() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let notes = dir.appendingPathComponent("notes.sqlite").path
        let bytes = Data("field notes, not a database\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: notes))
        let cases: [([String], Int32, String)] = [
            (["query", "near", "35.95283,39.00788", "--radius", "50"], 64, "a unit is required"),
            (["query", "near", "35.95283,39.00788", "--radius", "-5km"], 64, "cannot be negative"),
            (["query", "bbox", "35,37,42,32"], 64, "S is greater than N"),
            (["query", "near", "35.95283,39.00788", "--radius", "5km", "--store", notes], 1, "is not a geomap store: not an SQLite database"),
            (["ingest", Self.seed, "--store", notes], 1, "is not a geomap store: not an SQLite database"),
            (["query", "bbox", "35,32,42,37", "--store", dir.appendingPathComponent("none.sqlite").path], 1, "no store at"),
        ]
        for (args, status, message) in cases {
            let r = try GeomapProcess.run(args)
            #expect(r.status == status, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
        // A bad file in an ingest changes nothing in a real store.
        let store = dir.appendingPathComponent("events.sqlite").path
        let good = dir.appendingPathComponent("good.geojson").path
        try "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a:1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[39,36]},\"properties\":{}}]}"
            .write(toFile: good, atomically: true, encoding: .utf8)
        #expect(try GeomapProcess.run(["ingest", good, "--store", store]).status == 0)
        let bad = dir.appendingPathComponent("bad.geojson").path
        try "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a:1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,1]},\"properties\":{}},{\"type\":\"Feature\",\"id\":\"a:2\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[39,36]},\"properties\":{\"event_date\":\"14/01/2014\"}}]}"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try GeomapProcess.run(["ingest", bad, "--store", store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.geojson: features[1]: event_date '14/01/2014' is not YYYY-MM-DD"), "\(r.stderr)")
        let after = try GeomapProcess.run(["query", "near", "36,39", "--radius", "1km", "--store", store, "-f", "csv"])
        #expect(after.stdout.split(separator: "\n").count == 2)   // a:1 still at 39,36
    }
}
