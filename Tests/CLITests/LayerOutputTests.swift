import Foundation
import Testing
import GeoCore

/// What we write is read by GDAL, the reader GIS analysts' tools are built on.
@Suite struct LayerOutputTests {
    @Test func destinationGeoJSONLoadsInOGR() throws {
        let ogrinfo = try #require(GeomapProcess.onPath("ogrinfo"), "ogrinfo (gdal-bin) is required: run make test")
        let dir = try GeomapProcess.temporaryFolder()
        let file = dir.appendingPathComponent("kantari.geojson")
        let r = try GeomapProcess.run(["destination", "35.95283,39.00788", "80km", "north", "--format", "geojson", "--out", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let info = try GeomapProcess.runTool(ogrinfo, ["-ro", "-al", "-q", file.path])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stderr.isEmpty, "GDAL warned: \(info.stderr)")
        // The destination computed in issue 2: 36.673779193 N, 39.007880000 E, written with 6 decimals.
        #expect(info.stdout.contains("POINT (39.00788 36.673779)"))
        #expect(info.stdout.contains("role (String) = destination"))
        #expect(info.stdout.contains("LINESTRING (39.00788 35.95283,"))
        let summary = try GeomapProcess.runTool(ogrinfo, ["-ro", "-so", "-al", file.path])
        #expect(summary.stdout.contains("Feature Count: 3"))
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("\"crs\""))
    }

    @Test func failedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let file = dir.appendingPathComponent("out.geojson")
        try "old".write(to: file, atomically: true, encoding: .utf8)
        let bad = try GeomapProcess.run(["destination", "35.95283,39.00788", "80km", "north", "--format", "geojson",
                                         "--out", dir.appendingPathComponent("missing/out.geojson").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("its folder does not exist"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "old")
        let ok = try GeomapProcess.run(["destination", "35.95283,39.00788", "80km", "north", "--format", "geojson", "--out", file.path])
        #expect(ok.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("{\"type\":\"FeatureCollection\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.geojson"])
    }
}

@Suite struct BuildCLITests {
    @Test func seedLayersLoadInOGRWithTypedFields() throws {
        let ogrinfo = try #require(GomapTools.ogrinfo)
        let dir = try GeomapProcess.temporaryFolder()
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus/000_b936dedbd59c1222.txt").path
        let r = try GeomapProcess.run(["build", seed, "--date", "2014-01-14", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        for layer in ["incidents", "control_zones", "places", "uncertainty"] {
            let path = dir.appendingPathComponent("\(layer).geojson").path
            let info = try GeomapProcess.runTool(ogrinfo, ["-ro", "-so", "-al", path])
            #expect(info.status == 0, "\(layer): \(info.stderr)")
            #expect(info.stdout.contains("Feature Count:"))
            #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("\"crs\""))
            let check = try GeomapProcess.run(["check", path])
            #expect(check.status == 0, "\(layer): \(check.stderr)")
            #expect(!check.stdout.contains("winding"))
        }
        let incidents = try GeomapProcess.runTool(ogrinfo, ["-ro", "-so", "-al", dir.appendingPathComponent("incidents.geojson").path])
        #expect(incidents.stdout.contains("event_date: Date"))
        #expect(incidents.stdout.contains("fatalities_best: Integer"))
        #expect(incidents.stdout.contains("Geometry: Point"))
        let zones = try GeomapProcess.runTool(ogrinfo, ["-ro", "-al", "-q", dir.appendingPathComponent("control_zones.geojson").path])
        #expect(zones.stdout.contains("actor (String) = ISIL"))
        let csv = try GeomapProcess.run(["build", seed, "--date", "2014-01-14", "--out", dir.path, "--format", "csv"])
        #expect(csv.status == 0)
        let header = try String(contentsOf: dir.appendingPathComponent("incidents.csv"), encoding: .utf8).split(separator: "\n").first
        #expect(header?.hasPrefix("event_id_cnty,event_date,year,time_precision") == true)
    }

    @Test func badEventFileLeavesNoLayer() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let bad = dir.appendingPathComponent("bad.yaml")
        try "events:\n  - sub_type: shelling\n    location: Xyzzyville\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("layers")
        let r = try GeomapProcess.run(["build", bad.path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.yaml:2:5: no place named 'Xyzzyville'"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("incidents.geojson").path))
    }
}

enum GomapTools {
    static var ogrinfo: URL? { GeomapProcess.onPath("ogrinfo") }
}
