import Foundation
import Testing
import Places
@testable import Reports
@testable import geomap
import GeoCore
import TestSupport

@Suite struct CLITests {
    // Ar Raqqah (GeoNames 172955) and Homs (GeoNames 169577); expected values from issue 2 (pyproj 3.7.2).
    let raqqa = "35.95283,39.00788", homs = "34.72405,36.72559"

    @Test func distanceAsJSON() throws {
        let r = try GeomapProcess.run(["distance", raqqa, homs, "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let json = try JSONReader.parse(r.stdout)
        #expect(json["distance_km"]?.numberValue == 248.2528)
        #expect(json["azimuth_deg"]?.numberValue == 237.3569)
        #expect(json["compass"]?.stringValue == "WSW")
        #expect(json["from"]?["lat"]?.numberValue == 35.95283)
        #expect(json["to"]?["lon"]?.numberValue == 36.72559)
        // Back azimuth: the azimuth of the geodesic from Homs to Raqqa, computed by the same binary.
        let back = try JSONReader.parse(try GeomapProcess.run(["distance", homs, raqqa, "--format", "json"]).stdout)
        #expect(json["back_azimuth_deg"] == back["azimuth_deg"])
    }

    @Test func distanceTableIsAlignedText() throws {
        let r = try GeomapProcess.run(["distance", raqqa, homs])
        #expect(r.status == 0)
        #expect(r.stdout.contains("distance_km       248.2528"))
        #expect(r.stdout.contains("WSW (west-south-west)"))
    }

    @Test func negativeCoordinatesAreNotMistakenForOptions() throws {
        let r = try GeomapProcess.run(["distance", "-33.9,18.4", "-33.9,18.5", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONReader.parse(r.stdout)
        #expect(json["from"]?["lat"]?.numberValue == -33.9)
        #expect(json["azimuth_deg"].flatMap(\.numberValue).map { abs($0 - 90) < 0.1 } == true)
    }

    @Test(arguments: [
        (["distance", "95,0", "0,0"], "'95,0'"),
        (["distance", "95", "0,0"], "'95'"),
        (["distance", "0,0"], "<b>"),
        (["distance", "0,0", "1,1", "--format", "geojson"], "--format geojson"),
        (["destination", "0,0", "80", "north"], "'80'"),
        (["destination", "0,0", "80km", "upwards"], "'upwards'"),
        (["frobnicate"], "frobnicate"),
    ])
    func usageErrorsAreOneLineWithExit64(_ args: [String], _ mention: String) throws {
        let r = try GeomapProcess.run(args)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("geomap: error: "))
        #expect(r.stderr.contains(mention), "\(r.stderr)")
    }

    @Test func unknownPlaceNameInDistanceIsAOneLineError() throws {
        let r = try GeomapProcess.run(["distance", "Kantari", "0,0"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("no place named 'Kantari'"))
    }

    @Test func distanceBetweenPlaceNames() throws {
        let r = try GeomapProcess.run(["distance", "Raqqa", "Homs", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONReader.parse(r.stdout)
        #expect(json["from"]?["id"]?.stringValue == "geonames:172955")
        #expect(json["to"]?["id"]?.stringValue == "geonames:169577")
        #expect(json["distance_km"]?.numberValue == 248.2528)
    }

    @Test func malformedGeoJSONIsOneLineNamingTheFileAndPlace() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let bad = dir.appendingPathComponent("bad.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[39.0,95.5]},"properties":{}}]}"#
            .write(to: bad, atomically: true, encoding: .utf8)
        let r = try GeomapProcess.run(["check", bad.path])
        #expect(r.status == 1)
        #expect(r.stderr == "geomap: error: \(bad.path): malformed GeoJSON: features[0].geometry.coordinates: latitude 95.5 is outside [-90, 90] (positions are [lon, lat])\n")
        let syntax = try GeomapProcess.run(["check", "-"], stdin: "{\"type\": \"Point\",\n \"coordinates\": [1, 2}")
        #expect(syntax.status == 1)
        #expect(syntax.stderr.contains("<stdin>: malformed GeoJSON: line 2, column 22"), "\(syntax.stderr)")
        let missing = try GeomapProcess.run(["check", dir.appendingPathComponent("nope.geojson").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.geojson: no such file"))
    }

    @Test func invalidGeometryIsReported() throws {
        let r = try GeomapProcess.run(["check", "-"], stdin: #"{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}"#)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Self-intersection"))
    }

    @Test func helpShowsAnExampleForEverySubcommand() throws {
        let top = try GeomapProcess.run(["--help"])
        #expect(top.status == 0)
        for sub in ["resolve", "distance", "destination", "check", "gazetteer"] {
            #expect(top.stdout.contains(sub))
            let h = try GeomapProcess.run([sub, "--help"])
            #expect(h.status == 0)
            #expect(h.stdout.contains("Example"), "\(sub) --help has no example")
            #expect(h.stdout.contains("geomap \(sub) "))
        }
    }

    @Test func versionPrintsTheVersion() throws {
        let r = try GeomapProcess.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}

@Suite struct ExtractCLITests {
    @Test func extractPrintsTheDesignJSON() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let file = dir.appendingPathComponent("r.txt")
        try "Des raids ont visé Raqqa et al-Bab. Kantari, à 80 km au nord de Raqa.".write(to: file, atomically: true, encoding: .utf8)
        let r = try GeomapProcess.run(["extract", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try JSONReader.parse(r.stdout)
        #expect(j["source"]?.stringValue == "r.txt")
        #expect(j["lang"]?.stringValue == "fr")
        // "Des raids ont visé Raqqa et al-Bab": air strikes, one per place named.
        let events = try #require(j["events"]?.arrayValue)
        #expect(events.contains { $0["sub_type"]?.stringValue == "air_strike" && $0["place_id"]?.stringValue == "geonames:172955" })
        #expect(j["control"] == .array([]))
        let mentions = try #require(j["mentions"]?.arrayValue)
        #expect(mentions.contains { $0["text"]?.stringValue == "Raqqa" && $0["place"]?["id"]?.stringValue == "geonames:172955" })
        #expect(mentions.contains { $0["text"]?.stringValue == "al-Bab" && $0["start"]?.numberValue == 28 })
        #expect(mentions.contains { $0["relative"]?["distance_km"]?.numberValue == 80 })
        let yaml = try GeomapProcess.run(["extract", file.path, "--format", "yaml"])
        #expect(yaml.status == 0)
        #expect(yaml.stdout.contains("source: r.txt"))
        #expect(yaml.stdout.contains("text: à 80 km au nord de Raqa"))   // Unicode kept, not escaped
        #expect(yaml.stdout.contains("start: 28"))                        // numbers stay numbers
    }

    /// The shared corpus (seed and dev reports), three times over, as one file of many reports.
    static func corpusFile(in dir: URL) throws -> (URL, [Unicode.Scalar]) {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus")
        let dev = corpus.appendingPathComponent("dev")
        let names = try [corpus.appendingPathComponent("000_b936dedbd59c1222.txt")]
            + FileManager.default.contentsOfDirectory(at: dev, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        let unit = try names.map { try String(contentsOf: $0, encoding: .utf8) + "\n\n" }.joined()
        let text = String(repeating: unit, count: 3)
        let file = dir.appendingPathComponent("corpus.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (file, Array(text.unicodeScalars))
    }

    /// Streaming (files over --stream-above bytes) writes the same mentions and events as reading the file
    /// whole when one chunk holds it; with small chunks every offset still points at its text in the file,
    /// and incidents are numbered once across chunks.
    @Test func streamedExtractionMatchesTheWholeFile() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let (file, scalars) = try Self.corpusFile(in: dir)
        let whole = try GeomapProcess.run(["extract", file.path])
        let oneChunk = try GeomapProcess.run(["extract", file.path, "--stream-above", "0"])
        #expect(whole.status == 0 && oneChunk.status == 0, "\(whole.stderr)\(oneChunk.stderr)")
        let a = try JSONReader.parse(whole.stdout), b = try JSONReader.parse(oneChunk.stdout)
        for key in ["source", "lang", "report_date", "report_date_source", "mentions", "events", "control"] {
            #expect(a[key] == b[key], "\(key) differs between the whole file and one streamed chunk")
        }
        #expect(try #require(a["events"]?.arrayValue).count > 20)

        let chunked = try GeomapProcess.run(["extract", file.path, "--stream-above", "0", "--chunk-bytes", "6000"])
        #expect(chunked.status == 0, "\(chunked.stderr)")
        let c = try JSONReader.parse(chunked.stdout)
        let mentions = try #require(c["mentions"]?.arrayValue)
        #expect(mentions.count > 300)
        var last = -1
        for m in mentions {
            let start = Int(try #require(m["start"]?.numberValue)), end = Int(try #require(m["end"]?.numberValue))
            #expect(start >= last)
            last = start
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == m["text"]?.stringValue)
        }
        let events = try #require(c["events"]?.arrayValue)
        #expect(events.map { $0["id"]?.stringValue } == events.indices.map { "E\($0 + 1)" })
        for e in events {
            let end = Int(try #require(e["evidence"]?["end"]?.numberValue))
            #expect(end <= scalars.count)
        }
        for claim in try #require(c["control"]?.arrayValue) {
            #expect(Int(try #require(claim["evidence"]?["end"]?.numberValue)) <= scalars.count)
        }
    }

    /// The caches of rankings, areas and checks only save work: without them every byte is the same.
    @Test func cachesChangeNoByteOfTheOutput() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let (file, _) = try Self.corpusFile(in: dir)
        let cached = try GeomapProcess.run(["extract", file.path, "--stream-above", "0", "--chunk-bytes", "20000"])
        let uncached = try GeomapProcess.run(["extract", file.path, "--stream-above", "0", "--chunk-bytes", "20000", "--cache-limit", "0"])
        #expect(cached.status == 0 && uncached.status == 0, "\(cached.stderr)\(uncached.stderr)")
        #expect(cached.stdout.count > 100_000)
        #expect(cached.stdout == uncached.stdout)
        // Caches the workers share, so small that they empty themselves again and again while both use them.
        let tiny = try GeomapProcess.run(["extract", file.path, "--stream-above", "0", "--chunk-bytes", "20000", "--cache-limit", "7"])
        #expect(tiny.status == 0 && tiny.stdout == uncached.stdout, "\(tiny.stderr)")
    }

    @Test(arguments: [("empty", Data()), ("binary", Data([0x47, 0x00, 0x01, 0x02])), ("latin1", Data([0x41, 0x6C, 0x65, 0x70, 0xE9, 0x20]))])
    func badFilesAreOneLineErrors(_ name: String, _ bytes: Data) throws {
        let dir = try GeomapProcess.temporaryFolder()
        let file = dir.appendingPathComponent("\(name).txt")
        try bytes.write(to: file)
        let r = try GeomapProcess.run(["extract", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains(file.path))
    }
}
