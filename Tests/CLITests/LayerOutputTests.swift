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
