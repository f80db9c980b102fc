import Foundation
import Testing

@Suite struct MapCLITests {
    /// A PNG of the seed report, built on the fly: GDAL decodes it at the requested width.
    @Test func pngOfTheSeedHasTheRequestedWidth() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let png = dir.appendingPathComponent("seed.png").path
        let r = try GeomapProcess.run(["map", QueryCLITests.seed, "--date", "2014-01-14", "--out", png, "--width", "900", "--title", "Seed"])
        #expect(r.status == 0, "\(r.stderr)")
        let gdalinfo = try #require(GeomapProcess.onPath("gdalinfo"), "gdalinfo (gdal-bin) is required: run make test")
        let info = try GeomapProcess.runTool(gdalinfo, [png])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Driver: PNG/Portable Network Graphics"))
        #expect(info.stdout.contains("Size is 900, "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["seed.png"])   // no temporary left
    }

    /// The layers of one build in every format `geomap build` writes, read back through GDAL (GeoPackage,
    /// FlatGeobuf, Shapefile, KML): each map draws what the map of the GeoJSON layers draws.
    @Test func mapsOfEveryLayerFormatDrawWhatTheGeoJSONMapDraws() throws {
        let root = try GeomapProcess.temporaryFolder()
        func map(_ input: String, _ name: String) throws -> (line: String, svg: String) {
            let out = root.appendingPathComponent(name + ".svg").path
            let r = try GeomapProcess.run(["map", input, "--out", out])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            return (r.stderr.replacingOccurrences(of: out, with: "MAP"), try String(contentsOfFile: out, encoding: .utf8))
        }
        /// How many elements of each class the map has: its countries, zones, incidents, places, labels, legend.
        func classes(_ svg: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for part in svg.components(separatedBy: "class=\"").dropFirst() { counts[String(part.prefix { $0 != "\"" }), default: 0] += 1 }
            return counts
        }
        var maps: [String: (line: String, svg: String)] = [:]
        for format in ["geojson", "gpkg", "fgb", "shp", "kml"] {
            let dir = root.appendingPathComponent(format)
            let r = try GeomapProcess.run(["build"] + GDALFormatsCLITests.inputs + ["--date", "2014-01-14", "--format", format, "--out", dir.path])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            maps[format] = try map(dir.path, format)
        }
        maps["layers.gpkg"] = try map(root.appendingPathComponent("gpkg/layers.gpkg").path, "package")
        let reference = try #require(maps["geojson"])
        #expect(reference.line.contains("incidents") && !reference.line.contains(" 0 incidents") && !reference.line.contains(" 0 places"), "\(reference.line)")
        #expect((classes(reference.svg)["incident"] ?? 0) > 0 && (classes(reference.svg)["place"] ?? 0) > 0)
        for (input, drawn) in maps {
            #expect(drawn.line == reference.line, "\(input)")
            #expect(classes(drawn.svg) == classes(reference.svg), "\(input)")
        }
        // One layer file of a format with one layer per file: that layer alone.
        let incidents = try map(root.appendingPathComponent("fgb/incidents.fgb").path, "incidents")
        #expect(incidents.line.contains(" 0 zones") && !incidents.line.contains(" 0 incidents") && incidents.line.contains(" 0 places"), "\(incidents.line)")
        // A GeoPackage with no layer of geomap's: a one-line error naming it, nothing written.
        let ogr2ogr = try #require(GeomapProcess.onPath("ogr2ogr"), "ogr2ogr (gdal-bin) is required: run make test")
        let other = root.appendingPathComponent("other.gpkg").path
        let made = try GeomapProcess.runTool(ogr2ogr, ["-f", "GPKG", other, root.appendingPathComponent("geojson/places.geojson").path,
                                                       "-sql", "SELECT id AS code FROM places", "-nln", "wells"])
        #expect(made.status == 0, "\(made.stderr)")
        let bad = try GeomapProcess.run(["map", other, "--out", root.appendingPathComponent("other.svg").path])
        #expect(bad.status == 1 && bad.stderr.contains(other) && bad.stderr.contains("not a geomap layer"), "\(bad.stderr)")
        #expect(bad.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("other.svg").path))
    }

    @Test func badArgumentsAreOneLineUsageErrors() throws {
        for (args, message) in [(["map", QueryCLITests.seed, "--out", "map.pdf"], "--out must end in .svg, .png or .html"),
                                (["map", QueryCLITests.seed, "--out", "m.svg", "--extent", "40,30,35,38"], "across the antimeridian"),
                                (["map", QueryCLITests.seed, "--out", "m.svg", "--width", "20"], "--width must be between")] {
            let r = try GeomapProcess.run(args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }
}
