import Foundation
import Testing
import TestSupport

/// Issue 23's probe, case by case: numbers a user can type never trap, stdout write errors are errors, and the
/// kind of an input is decided by its format, not its size. Each case failed (trap, exit 0 or wrong data) before.
@Suite struct HostileInputTests {
    /// A usage or input error: non-zero exit (never a trap: 132/134 are signals), one line on stderr naming `mention`.
    static func expectOneLineError(_ r: GeomapProcess.Result, mentioning mention: String, _ comment: Comment? = nil) {
        #expect(r.status == 1 || r.status == 64, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(mention), "\(r.stderr)")
    }

    @Test(arguments: ["99999999999999999999 km north of Raqqa", "40000 km north of Raqqa"])
    func hugeDistancesInExpressionsAreErrors(_ expression: String) throws {
        let r = try GeomapProcess.run(["locate", expression])
        Self.expectOneLineError(r, mentioning: "half the earth's circumference")
    }

    @Test(arguments: ["1e308 km north of Raqqa", "NaN km north of Raqqa", "a billion miles north of Raqqa", "à 2E3 km au nord de Raqa"])
    func unreadableDistancesAreErrorsNotDirections(_ expression: String) throws {
        let r = try GeomapProcess.run(["locate", expression])
        Self.expectOneLineError(r, mentioning: "is not a distance geomap reads")
    }

    @Test(arguments: [["destination", "35.9,39.0", "1e308km", "north", "--format", "geojson"],
                      ["destination", "35.9,39.0", "1e19km", "north"],
                      ["destination", "35.9,39.0", "20005km", "north"],
                      ["locate", "north of Raqqa", "--reach", "1e19km"],
                      ["locate", "north of Raqqa", "--reach", "1e9km"]])
    func hugeDistanceArgumentsAreUsageErrors(_ args: [String]) throws {
        let r = try GeomapProcess.run(args)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stdout.isEmpty && !r.stdout.contains("nan"))
        #expect(r.stderr.contains("beyond half the earth's circumference"), "\(r.stderr)")
    }

    /// The largest distance still accepted gives a real point, not nan.
    @Test func halfTheCircumferenceIsStillADestination() throws {
        let r = try GeomapProcess.run(["destination", "35.9,39.0", "20000km", "north", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect((v?["lat"] as? Double).map { $0.isFinite } == true)
    }

    @Test(arguments: ["99999999999999999999", "1e300", "-5"])
    func outOfRangePopulationsAndIdsInImportsAreErrors(_ value: String) throws {
        let dir = try GeomapProcess.temporaryFolder()
        for column in ["population", "wof_id", "geonames_id"] {
            let header = "wof_id,name,placetype,lat,lon,geonames_id,population,region,county,region_id,county_id,is_current,geom_source,names"
            var fields = ["1", "Test village", "locality", "35.9", "39.0", "0", "10", "", "", "", "", "1", "", "Test village"]
            fields[header.split(separator: ",").firstIndex(of: Substring(column))!] = value
            let file = dir.appendingPathComponent("wof_\(column).csv")
            try (header + "\n" + fields.joined(separator: ",") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let r = try GeomapProcess.run(["gazetteer", "import", file.path, "--format", "wof", "--into", dir.appendingPathComponent("g_\(column).sqlite").path])
            Self.expectOneLineError(r, mentioning: "'\(column)'", "\(column) = \(value)")
        }
    }

    /// Tolls beyond 10⁷ are refused where they come in (event files), and a layer holding one draws without a trap.
    @Test func hugeTollsAreRefusedInEventFilesAndDrawnInMaps() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let events = dir.appendingPathComponent("events.yaml")
        try "events:\n  - sub_type: shelling\n    lat: 36.2\n    lon: 37.1\n    fatalities: 9223372036854775807\n".write(to: events, atomically: true, encoding: .utf8)
        Self.expectOneLineError(try GeomapProcess.run(["extract", events.path]), mentioning: "fatalities")
        let layer = dir.appendingPathComponent("incidents.geojson")
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","id":"a:1","geometry":{"type":"Point","coordinates":[37.1,36.2]},
         "properties":{"id":"a:1","event_date":"2014-01-14","event_type":"Battles","sub_type":"clash","fatalities_best":1e19}}]}
        """.write(to: layer, atomically: true, encoding: .utf8)
        let map = dir.appendingPathComponent("map.svg")
        let r = try GeomapProcess.run(["map", layer.path, "--out", map.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: map.path))
        // The store refuses it with one line naming the field.
        Self.expectOneLineError(try GeomapProcess.run(["ingest", layer.path, "--store", dir.appendingPathComponent("s.sqlite").path]),
                                mentioning: "fatalities_best")
    }

    /// Writing to a full device is an error, whatever the command (it was exit 0, or a trap in FileHandle).
    @Test(arguments: [["distance", "35.95283,39.00788", "34.72405,36.72559"], ["distance", "35.95283,39.00788", "34.72405,36.72559", "--format", "json"],
                      ["destination", "35.9,39.0", "80km", "north"], ["--help"], ["locate", "80 km north of Raqqa"]])
    func writesToAFullDeviceAreErrors(_ args: [String]) throws {
        let sh = URL(fileURLWithPath: "/bin/sh")
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let r = try GeomapProcess.runTool(sh, ["-c", "'\(GeomapProcess.binary.path)' \(quoted) > /dev/full"])
        #expect(r.status == 1, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("cannot write to standard output"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    /// An event file is read as events whatever its size (it was streamed as prose above 8 MB).
    @Test func eventFilesAreNeverStreamedAsProse() throws {
        let csv = TestData.packageRoot.appendingPathComponent("Tests/ReportsTests/Fixtures/acled_sample.csv").path
        let r = try GeomapProcess.run(["extract", csv, "--stream-above", "0", "--skip-bad-rows"])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect((v?["mentions"] as? [Any])?.isEmpty == true)
        #expect(((v?["events"] as? [Any])?.count ?? 0) >= 2)
        #expect(v?["lang"] as? String == "und")
    }

    /// A text with no line break at all is cut at sentence ends, never inside a word or a character: streamed in
    /// small chunks or read whole (blocks of 16,384 code points), every "Raqqa" is read as Raqqa.
    @Test func textWithNoLineBreakIsCutBetweenWords() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let file = dir.appendingPathComponent("oneline.txt")
        let sentence = "Des combats ont eu lieu à Raqqa, près d’Alep. "   // 46 code points, "Raqqa" at 26…30
        // 26 code points first: the 16,384th falls on the "q" of a "Raqqa" (16,358 = 355 × 46 + 28).
        let text = String(repeating: "a", count: 25) + " " + String(repeating: sentence, count: 800)
        try text.write(to: file, atomically: true, encoding: .utf8)
        for extra in [["--stream-above", "0", "--chunk-bytes", "4096"], []] {
            let r = try GeomapProcess.run(["extract", file.path, "--gazetteer", TestData.defaultGazetteerPath] + extra)
            #expect(r.status == 0, "\(extra): \(r.stderr)")
            let v = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            // Place mentions (the relative "près d'Alep" aside).
            let texts = ((v?["mentions"] as? [[String: Any]]) ?? []).filter { $0["relative"] is NSNull }.compactMap { $0["text"] as? String }
            #expect(texts.filter { $0 == "Raqqa" }.count == 800, "\(extra): \(Set(texts))")
            #expect(Set(texts).isSubset(of: ["Raqqa", "Alep"]), "\(extra): \(Set(texts))")
        }
    }

    /// A layer whose texts are spreadsheet formulas and terminal escapes: CSV neutralises them (unless --raw-csv)
    /// and the table shows them as visible escapes.
    @Test func csvFormulasAndTerminalEscapesAreNeutralised() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let layer = dir.appendingPathComponent("incidents.geojson")
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","id":"a:1","geometry":{"type":"Point","coordinates":[37.1,36.2]},
         "properties":{"id":"a:1","event_date":"2014-01-14","event_type":"Battles","sub_type":"clash",
         "actors":"=HYPERLINK(\\"http://example.invalid\\")","location":"Alep\\u001b[31m\\nsecond line"}}]}
        """.write(to: layer, atomically: true, encoding: .utf8)
        let csv = try GeomapProcess.run(["query", "bbox", "30,30,40,40", "--layer", layer.path, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("\"'=HYPERLINK(") && !csv.stdout.contains(",=HYPERLINK"), "\(csv.stdout)")
        let raw = try GeomapProcess.run(["query", "bbox", "30,30,40,40", "--layer", layer.path, "--format", "csv", "--raw-csv"])
        #expect(raw.stdout.contains("\"=HYPERLINK("), "\(raw.stdout)")
        let table = try GeomapProcess.run(["query", "bbox", "30,30,40,40", "--layer", layer.path, "--format", "table"])
        #expect(table.status == 0 && !table.stdout.unicodeScalars.contains { $0.value == 0x1B }, "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").count == 2, "\(table.stdout)")   // the header and one row
    }
}

/// Issue 23, D5: overlapping polygons are one area for `query within`, and `check` says they overlap.
@Suite struct OverlappingAreaTests {
    /// Two squares that overlap around Raqqa (GeoNames 172955: 35.95283 N, 39.00788 E) and a third touching
    /// the first along an edge (touching is not overlapping).
    static let squares = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[38.9,35.9],[39.1,35.9],[39.1,36.0],[38.9,36.0],[38.9,35.9]]]}},
        {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[38.95,35.85],[39.05,35.85],[39.05,36.05],[38.95,36.05],[38.95,35.85]]]}},
        {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[39.1,35.9],[39.2,35.9],[39.2,36.0],[39.1,36.0],[39.1,35.9]]]}}
        ]}
        """

    @Test func queryWithinTakesTheUnionAndCheckNotesTheOverlap() throws {
        let dir = try GeomapProcess.temporaryFolder()
        try Self.squares.write(to: dir.appendingPathComponent("areas.geojson"), atomically: true, encoding: .utf8)
        try "Two people were killed in Raqqa on 3 January 2014.\n".write(to: dir.appendingPathComponent("r.txt"), atomically: true, encoding: .utf8)
        let build = try GeomapProcess.run(["build", "r.txt", "-o", "L"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let q = try GeomapProcess.run(["query", "within", "areas.geojson", "--layer", "L/incidents.geojson", "--format", "csv"], in: dir)
        #expect(q.status == 0, "\(q.stderr)")
        #expect(q.stdout.contains("r.txt:E1"), "\(q.stdout)")
        let check = try GeomapProcess.run(["check", "areas.geojson"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("features[0] and features[1] overlap"), "\(check.stdout)")
        #expect(!check.stdout.contains("features[2] overlap") && !check.stdout.contains("and features[2]"), "\(check.stdout)")
    }
}

/// Issue 23, minor cases: hexadecimal numbers, the minus sign in errors, unreadable gazetteers, notes of event files.
@Suite struct HostileInputMinorTests {
    @Test(arguments: [["destination", "0x22,39.0", "10km", "north"], ["destination", "35.9,39.0", "10km", "0x10"],
                      ["destination", "35.9,39.0", "0x10km", "north"], ["distance", "inf,39", "35,39"]])
    func hexadecimalAndInfiniteNumbersAreNotNumbers(_ args: [String]) throws {
        let r = try GeomapProcess.run(args)
        // 64 for an argument; "inf,39" is not a coordinate, so `distance` looks it up as a place name (exit 1).
        #expect((r.status == 64 || r.status == 1) && r.stdout.isEmpty, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    /// Negative numbers travel through the argument parser as U+2212; errors show them as typed.
    @Test func negativeNumbersAreEchoedWithAPlainMinus() throws {
        let r = try GeomapProcess.run(["destination", "-95.9,39.0", "10km", "north"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("'-95.9,39.0'") && !r.stderr.contains("\u{2212}"), "\(r.stderr)")
        let d = try GeomapProcess.run(["destination", "35.9,39.0", "-10km", "north"])
        #expect(d.stderr.contains("'-10km'") && !d.stderr.contains("\u{2212}"), "\(d.stderr)")
    }

    @Test func anUnreadableGazetteerIsNotCalledMissing() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let r = try GeomapProcess.run(["resolve", "Raqqa", "--gazetteer", dir.path])
        HostileInputTests.expectOneLineError(r, mentioning: "the gazetteer cannot be read: it is a folder")
        let m = try GeomapProcess.run(["resolve", "Raqqa", "--gazetteer", dir.appendingPathComponent("none.sqlite").path])
        HostileInputTests.expectOneLineError(m, mentioning: "no such file")
    }

    /// Notes of analyst event files (YAML `notes`, ACLED's `notes` column) reach the layer; they were dropped.
    @Test func notesOfEventFilesAreKept() throws {
        let dir = try GeomapProcess.temporaryFolder()
        try "events:\n  - {date: 2014-01-03, sub_type: shelling, location: Raqqa, notes: \"two shells on the market\"}\n"
            .write(to: dir.appendingPathComponent("e.yaml"), atomically: true, encoding: .utf8)
        try "event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude,fatalities,notes\nSYR9,2014-01-03,Battles,Armed clash,35.95283,39.00788,3,\"clashes near the dam\"\n"
            .write(to: dir.appendingPathComponent("acled.csv"), atomically: true, encoding: .utf8)
        let r = try GeomapProcess.run(["build", "e.yaml", "acled.csv", "-o", "L"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let layer = try String(contentsOf: dir.appendingPathComponent("L/incidents.geojson"), encoding: .utf8)
        #expect(layer.contains("\"notes\":\"two shells on the market\"") && layer.contains("\"notes\":\"clashes near the dam\""), "\(layer)")
    }
}
