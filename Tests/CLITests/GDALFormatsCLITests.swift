import Foundation
import Testing

/// `geomap build --format gpkg|fgb|kml|shp` through GDAL, read back by GDAL's `ogrinfo`, by geomap itself
/// (`ingest`, `query --layer`) and by QGIS.
@Suite struct GDALFormatsCLITests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")
    /// The seed report and two composed dev reports (EN and FR): events, tolls from two sources, control claims.
    static let inputs = ["corpus/000_b936dedbd59c1222.txt", "corpus/dev/dev-en-01.txt", "corpus/dev/dev-fr-01.txt"].map { shared.appendingPathComponent($0).path }

    func build(_ format: String, into dir: URL, _ extra: [String] = []) throws {
        let r = try GeomapProcess.run(["build"] + Self.inputs + ["--date", "2014-01-14", "--format", format, "--out", dir.path] + extra)
        #expect(r.status == 0, "\(format): \(r.stderr)")
    }

    /// `ogrinfo -so` of one layer: its summary text.
    func summary(_ path: String, _ layer: String) throws -> String {
        let ogrinfo = try #require(GomapTools.ogrinfo, "ogrinfo (gdal-bin) is required: run make test")
        let r = try GeomapProcess.runTool(ogrinfo, ["-ro", "-so", path, layer])
        #expect(r.status == 0, "\(path) \(layer): \(r.stderr)")
        return r.stdout
    }

    func line(_ text: String, _ prefix: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    @Test func everyFormatReadsBackInOGRWithTheGeoJSONLayersCountsExtentsAndTypes() throws {
        let root = try GeomapProcess.temporaryFolder()
        try build("geojson", into: root.appendingPathComponent("geojson"))
        for format in ["gpkg", "fgb", "kml", "shp"] { try build(format, into: root.appendingPathComponent(format)) }
        for layer in ["incidents", "control_zones", "places", "uncertainty"] {
            let reference = try summary(root.appendingPathComponent("geojson/\(layer).geojson").path, layer)
            let count = try #require(line(reference, "Feature Count:"))
            let extent = try #require(line(reference, "Extent:"))
            #expect(count != "Feature Count: 0", "\(layer) is empty in the seed and dev reports")
            for (format, path) in [("gpkg", "gpkg/layers.gpkg"), ("fgb", "fgb/\(layer).fgb"), ("kml", "kml/\(layer).kml"), ("shp", "shp/\(layer).shp")] {
                let s = try summary(root.appendingPathComponent(path).path, layer)
                #expect(line(s, "Feature Count:") == count, "\(format) \(layer)")
                #expect(line(s, "Extent:") == extent, "\(format) \(layer): \(line(s, "Extent:") ?? "no extent") vs \(extent)")
            }
        }
        let gpkg = root.appendingPathComponent("gpkg/layers.gpkg").path
        let incidents = try summary(gpkg, "incidents")
        for typed in ["event_date: Date", "fatalities_low: Integer", "fatalities_best: Integer", "fatalities_high: Integer",
                      "geo_precision: Integer", "uncertainty_km: Real", "Geometry: Point", "GEOMAP_VERSION=", "SOURCES=000_b936dedbd59c1222.txt; dev-en-01.txt",
                      "GAZETTEER=gazetteer.sqlite"] {
            #expect(incidents.contains(typed), "GeoPackage incidents: no \(typed)")
        }
        #expect(try summary(gpkg, "control_zones").contains("area_km2: Real"))
        #expect(try summary(gpkg, "control_zones").contains("as_of: Date"))
        #expect(try summary(gpkg, "uncertainty").contains("Geometry: Multi Polygon"))
        #expect(try summary(gpkg, "places").contains("mentions: Integer"))
        // A spatial index on every GeoPackage layer (GDAL's rtree_<layer>_geom tables).
        let ogrinfo = try #require(GomapTools.ogrinfo)
        let tables = try GeomapProcess.runTool(ogrinfo, ["-ro", "-q", gpkg, "-sql", "SELECT name FROM sqlite_master WHERE name LIKE 'rtree_%_geom'"])
        for layer in ["incidents", "control_zones", "places", "uncertainty"] { #expect(tables.stdout.contains("rtree_\(layer)_geom"), "\(tables.stdout)") }
        // Shapefile: names shortened to 10 characters, Date and Integer kept.
        let shp = try summary(root.appendingPathComponent("shp/incidents.shp").path, "incidents")
        #expect(shp.contains("event_date: Date") && shp.contains("fatal_best: Integer") && shp.contains("uncert_km: Real"), "\(shp)")
    }

    /// The events geomap reads from its GeoPackage are the events of its GeoJSON: same ids, dates, tolls.
    @Test func aGeoPackageRoundTripsThroughIngestAndQuery() throws {
        let root = try GeomapProcess.temporaryFolder()
        try build("geojson", into: root.appendingPathComponent("geojson"))
        try build("gpkg", into: root.appendingPathComponent("gpkg"))
        var answers: [String] = []
        for (layer, store) in [("geojson/incidents.geojson", "a.sqlite"), ("gpkg/layers.gpkg", "b.sqlite")] {
            let ingest = try GeomapProcess.run(["ingest", root.appendingPathComponent(layer).path, "--store", root.appendingPathComponent(store).path])
            #expect(ingest.status == 0, "\(ingest.stderr)")
            let q = try GeomapProcess.run(["query", "bbox", "-180,-90,180,90", "--store", root.appendingPathComponent(store).path, "--format", "csv"])
            #expect(q.status == 0, "\(q.stderr)")
            answers.append(q.stdout)
        }
        #expect(answers[0].split(separator: "\n").count > 5)
        #expect(answers[0] == answers[1])
        // And straight from the layer, and from CSV copies with a WKT column and with X/Y columns.
        let ogr2ogr = try #require(GeomapProcess.onPath("ogr2ogr"))
        let gpkg = root.appendingPathComponent("gpkg/layers.gpkg").path
        for (name, option) in [("wkt.csv", "GEOMETRY=AS_WKT"), ("xy.csv", "GEOMETRY=AS_XY")] {
            let csv = root.appendingPathComponent(name).path
            let c = try GeomapProcess.runTool(ogr2ogr, ["-f", "CSV", "-lco", option, csv, gpkg, "incidents"])
            #expect(c.status == 0, "\(c.stderr)")
            for layer in [gpkg, csv] {
                let q = try GeomapProcess.run(["query", "bbox", "-180,-90,180,90", "--layer", layer, "--format", "csv"])
                #expect(q.status == 0, "\(q.stderr)")
                #expect(q.stdout == answers[0], "\(layer)")
            }
        }
    }

    @Test func queryWithinTakesAPolygonFromAGeoPackageWithAFilter() throws {
        let root = try GeomapProcess.temporaryFolder()
        try build("gpkg", into: root)
        let gpkg = root.appendingPathComponent("layers.gpkg").path
        let fromLayer = try GeomapProcess.run(["query", "within", gpkg, "--polygon-layer", "control_zones", "--where", "actor = 'ISIL' AND status = 'controls'",
                                               "--layer", gpkg, "--format", "csv"])
        #expect(fromLayer.status == 0, "\(fromLayer.stderr)")
        let fromZone = try GeomapProcess.run(["query", "within", "zone:ISIL", "--layer", gpkg, "--format", "csv"])
        #expect(fromZone.status == 0, "\(fromZone.stderr)")
        #expect(fromLayer.stdout == fromZone.stdout)
        #expect(fromLayer.stdout.contains("ISIL"))
        let none = try GeomapProcess.run(["query", "within", gpkg, "--where", "actor = 'Nobody'", "--layer", gpkg])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no Polygon or MultiPolygon where actor = 'Nobody'"), "\(none.stderr)")
        let bad = try GeomapProcess.run(["query", "within", gpkg, "--where", "actor = ", "--layer", gpkg])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("layers.gpkg") && bad.stderr.split(separator: "\n").count == 1, "\(bad.stderr)")
    }

    @Test func timelineInAGeoPackageAnswersAsOfQueries() throws {
        let root = try GeomapProcess.temporaryFolder()
        try build("gpkg", into: root, ["--timeline"])
        let gpkg = root.appendingPathComponent("layers.gpkg").path
        let zones = try summary(gpkg, "control_zones")
        #expect(zones.contains("start_date: Date") && zones.contains("end_date: Date") && !zones.contains("as_of"), "\(zones)")
        let ogrinfo = try #require(GomapTools.ogrinfo)
        let periods = try GeomapProcess.runTool(ogrinfo, ["-ro", "-q", gpkg, "-sql", "SELECT actor, start_date, end_date FROM control_zones WHERE status = 'controls' AND actor = 'ISIL' ORDER BY start_date"])
        let starts = periods.stdout.split(separator: "\n").filter { $0.contains("start_date (Date) =") }.map { $0.split(separator: "=").last!.trimmingCharacters(in: .whitespaces) }
        let first = try #require(starts.first, "\(periods.stdout)")
        let asOf = first.replacingOccurrences(of: "/", with: "-")
        let q = try GeomapProcess.run(["query", "within", "zone:ISIL", "--as-of", asOf, "--layer", gpkg, "--format", "csv"])
        #expect(q.status == 0, "\(q.stderr)")
        let before = try GeomapProcess.run(["query", "within", "zone:ISIL", "--as-of", "1999-01-01", "--layer", gpkg])
        #expect(before.status == 1 && before.stderr.contains("no control zone for 'ISIL'"), "\(before.stderr)")
        // A layer of one day cannot answer for another.
        let oneDay = root.appendingPathComponent("oneday")
        try build("gpkg", into: oneDay)
        let refused = try GeomapProcess.run(["query", "within", "zone:ISIL", "--as-of", asOf, "--layer", oneDay.appendingPathComponent("layers.gpkg").path])
        #expect(refused.status == 1 && refused.stderr.contains("build them with --timeline"), "\(refused.stderr)")
    }

    /// A full disk, made real with a file-size limit: one line naming the file and GDAL's message, exit 1,
    /// the previous layers untouched and no staging folder left.
    @Test func aFailedGDALWriteLeavesThePreviousLayers() throws {
        let dir = try GeomapProcess.temporaryFolder()
        // The staging folder of a build killed outright (its process is gone) is removed by the next build.
        let gone = try GeomapProcess.runTool(URL(fileURLWithPath: "/bin/true"), [])
        #expect(gone.status == 0)
        let stale = dir.appendingPathComponent(".geomap-build-\(gone.pid)-1")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        try Data("half".utf8).write(to: stale.appendingPathComponent("layers.gpkg"))
        try build("gpkg", into: dir)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        let gpkg = dir.appendingPathComponent("layers.gpkg")
        let before = try Data(contentsOf: gpkg)
        let bash = try #require(GeomapProcess.onPath("bash"))
        let script = "trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\""
        let r = try GeomapProcess.runTool(bash, ["-c", script, GeomapProcess.binary.path, "build"] + Self.inputs
                                          + ["--date", "2014-01-14", "--format", "gpkg", "--timeline", "--out", dir.path])
        #expect(r.status == 1, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(gpkg.path), "\(r.stderr)")
        #expect(try Data(contentsOf: gpkg) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["layers.gpkg"])
        // An unknown format is a usage error, before anything is written.
        let bad = try GeomapProcess.run(["build"] + Self.inputs + ["--format", "xlsx", "--out", dir.path])
        #expect(bad.status == 64 && bad.stderr.contains("xlsx"), "\(bad.stderr)")
    }

    /// QGIS 3.22 (Debian python3-qgis, which `scripts/setup.sh` installs), headless, loads the seed's GeoPackage
    /// as QGIS Desktop adds a layer.
    @Test func qgisLoadsTheGeoPackageWithTemporalControlZones() throws {
        let python = try #require(Self.qgisPython, "QGIS is absent: scripts/setup.sh installs python3-qgis")
        let dir = try GeomapProcess.temporaryFolder()
        let r = try GeomapProcess.run(["build", Self.inputs[0], "--date", "2014-01-14", "--format", "gpkg", "--timeline", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("qgis_load.py").path
        let q = try GeomapProcess.runTool(python, [script, dir.appendingPathComponent("layers.gpkg").path])
        let json = try #require(q.stdout.split(separator: "\n").last, "QGIS printed nothing: \(q.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let layers = try #require(report["layers"] as? [String: [String: Any]])
        #expect(layers.count == 4)
        for (name, l) in layers {
            #expect(l["valid"] as? Bool == true, "\(name)")
            #expect(l["all_valid"] as? Bool == true, "\(name): a geometry GEOS finds invalid")
            #expect((l["count"] as? Int ?? 0) > 0, "\(name)")
        }
        let incidents = try #require(layers["incidents"]), zones = try #require(layers["control_zones"])
        #expect((incidents["field_types"] as? [String: String])?["event_date"] == "Date")
        #expect((incidents["field_types"] as? [String: String])?["fatalities_best"] == "Integer")
        #expect((zones["field_types"] as? [String: String])?["start_date"] == "Date")
        // The temporal properties come from the GeoPackage's style, not from QGIS's guesses.
        #expect(zones["temporal_before_style"] as? Bool == false)
        #expect(zones["style"] as? String == "Loaded from Provider")
        #expect(zones["temporal_active"] as? Bool == true)
        #expect(zones["temporal_mode"] as? Int == 2)   // start and end from fields
        #expect(zones["start_field"] as? String == "start_date" && zones["end_field"] as? String == "end_date")
        #expect(incidents["temporal_active"] as? Bool == true && incidents["start_field"] as? String == "event_date")
    }

    /// Debian's python3 when it imports QGIS.
    static let qgisPython: URL? = {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path),
              let r = try? GeomapProcess.runTool(python, ["-c", "import qgis.core"]) else { return nil }
        return r.status == 0 ? python : nil
    }()
}
