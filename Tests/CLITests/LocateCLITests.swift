import Foundation
import Testing
import GeoCore

@Suite struct LocateCLITests {
    @Test func seedExpressionAsJSON() throws {
        let r = try GeomapProcess.run(["locate", "à 80 km au nord de Raqa", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try JSONReader.parse(r.stdout)
        for field in ["expression", "anchor", "distance_km", "bearing_deg", "lat", "lon", "geo_precision", "uncertainty_km", "area_km2", "uncertainty"] {
            #expect(j[field] != nil, "missing \(field)")
        }
        #expect(j["anchor"]?["id"]?.stringValue == "geonames:172955")
        // Issue 2: 36.673779193 N, 39.00788 E, written with 6 decimals.
        #expect(j["lat"]?.numberValue == 36.673779)
        #expect(j["lon"]?.numberValue == 39.00788)
        #expect(j["distance_km"]?.numberValue == 80)
        #expect(j["bearing_deg"]?.numberValue == 0)
        #expect(j["geo_precision"]?.numberValue == 2)
        #expect(j["uncertainty"]?["type"]?.stringValue == "Polygon")
    }

    @Test func geoJSONLoadsInOGRWithAValidPolygon() throws {
        let ogrinfo = try #require(GeomapProcess.onPath("ogrinfo"))
        let dir = try GeomapProcess.temporaryFolder()
        let file = dir.appendingPathComponent("idleb.geojson")
        let r = try GeomapProcess.run(["locate", "au nord-est de la ville d'Idleb", "--format", "geojson", "--out", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let info = try GeomapProcess.runTool(ogrinfo, ["-ro", "-al", "-q", file.path])
        #expect(info.status == 0)
        #expect(info.stderr.isEmpty, "\(info.stderr)")
        #expect(info.stdout.contains("POINT (36.63393 35.93062)"))   // Idlib, GeoNames 169389
        #expect(info.stdout.contains("POLYGON (("))
        let check = try GeomapProcess.run(["check", file.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stdout.contains("winding"))
    }

    @Test(arguments: [
        ("80 km nord", "is not a relative location"),
        ("-5 km north of Raqqa", "cannot be negative"),
        ("30000 km north of Raqqa", "beyond half the earth's circumference"),
        ("80 km north of Xyzzyville", "no place named 'Xyzzyville'"),
    ])
    func badExpressionsAreOneLineErrors(_ expression: String, _ message: String) throws {
        let r = try GeomapProcess.run(["locate", expression])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.contains("'\(expression)'") || message.hasPrefix("no place"), "the message quotes the expression as typed")
    }
}
