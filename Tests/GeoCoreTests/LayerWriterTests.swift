import Foundation
import Testing
@testable import GeoCore
import TestSupport

@Suite struct LayerWriterTests {
    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-layer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The byte writer must give exactly the text of the tree writer (`JSONWriter` after `roundTo`).
    @Test func decimalsMatchTheTreeWriter() {
        var state: UInt64 = 12
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        var mismatches: [String] = []
        for k in 0..<200_000 {
            let magnitude = [1.0, 180, 1e4, 1e7][k % 4]
            var v = (Double(next()) / Double(1 << 53) * 2 - 1) * magnitude
            if k % 7 == 0 { v = (v * 1e6).rounded() / 1e6 + 5e-7 }   // halfway cases
            if k % 11 == 0 { v = v.rounded() }
            for decimals in [0, 3, 6] {
                var out = OutputBuffer()
                JSONBytes.appendDecimal(v, maxDecimals: decimals, to: &out)
                let expected = JSONWriter.numberText(roundTo(v, decimals: decimals))
                if out.text != expected { mismatches.append("\(v) @\(decimals): \(out.text) vs \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func stringsAreEscapedAsTheTreeWriterDoes() throws {
        for s in ["plain", "", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{1}\u{1F}", "Ḥalab حلب 🇸🇾", "<b>Ram</b> & Co"] {
            var out = OutputBuffer()
            JSONBytes.appendString(s, to: &out)
            #expect(out.text == JSONWriter.string(.string(s)))
            #expect(try JSONReader.parse(out.text) == .string(s))
        }
    }

    /// Point features streamed with `writePoint` are byte for byte what the in-memory collection writes.
    @Test(arguments: [GeoJSONLayerWriter.Layout.featureCollection, .textSequence])
    func streamedPointsEqualTheCollectionText(layout: GeoJSONLayerWriter.Layout) throws {
        let dir = try temporaryFolder()
        let path = dir.appendingPathComponent("points.geojson").path
        let writer = try GeoJSONLayerWriter(path: path, layout: layout)
        var features: [GeoJSONFeature] = []
        for k in 0..<500 {
            let c = Coordinate(longitude: -179.9999995 + Double(k) * 0.7213, latitude: -89 + Double(k) * 0.3571)
            let name = k % 3 == 0 ? "Ra\"qqa \(k)\n" : "الرقة \(k)"
            let deaths: Int? = k % 5 == 0 ? nil : k - 250
            let km = Double(k) / 7
            try writer.writePoint(id: "f\(k)", at: c) { p in
                p.string("name", name)
                p.integer("deaths", deaths)
                p.number("km", km, decimals: 3)
                p.string("none", nil)
            }
            features.append(GeoJSONFeature(id: .string("f\(k)"), geometry: .point(c), properties: [
                "name": .string(name), "deaths": deaths.map { .number(Double($0)) } ?? .null,
                "km": .number(roundTo(km, decimals: 3)), "none": .null,
            ]))
        }
        #expect(writer.featureCount == 500)
        try writer.commit()
        let collection = GeoJSONFeatureCollection(features: features)
        let expected = layout == .featureCollection ? collection.text : collection.textSequence
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        if layout == .featureCollection {
            #expect(try GeoJSONFeatureCollection(text: String(contentsOfFile: path, encoding: .utf8)).features.count == 500)
        }
    }

    /// Interrupted after half of a 20,000-feature layer (several buffer flushes in): the old file survives
    /// byte for byte and no temporary file is left once the writer is gone.
    @Test func anInterruptedStreamLeavesTheOldFileByteIdentical() throws {
        let dir = try temporaryFolder()
        let path = dir.appendingPathComponent("incidents.geojsons").path
        try AtomicFile.write("old layer\n", to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        func writeLayer(interruptAfter: Int?) throws -> Int {
            let writer = try GeoJSONLayerWriter(path: path, layout: .textSequence)
            writer.file.interruptAfter = interruptAfter
            for k in 0..<20_000 {
                try writer.writePoint(id: "e\(k)", at: Coordinate(longitude: 39 + Double(k) / 1e5, latitude: 35.95)) { p in
                    p.string("notes", String(repeating: "x", count: 100))
                }
            }
            try writer.commit()
            return writer.file.byteCount
        }
        let full = try writeLayer(interruptAfter: nil)
        try AtomicFile.write("old layer\n", to: path)
        #expect(full > 2 * AtomicFileWriter.flushSize)
        #expect(throws: AtomicFileError.self) { _ = try writeLayer(interruptAfter: full / 2) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["incidents.geojsons"])
    }
}

@Suite struct GeometryBytesTests {
    static func bytes(_ fill: (inout OutputBuffer) -> Void) -> [UInt8] {
        var b = OutputBuffer()
        fill(&b)
        return b.withUnsafeBytes { Array($0) }
    }

    @Test func polygonsWrittenInPlaceAreTheNormalisedPolygonsBytes() {
        // Random rings of both windings, with holes, anywhere (near the antimeridian too, where the general
        // path cuts): the bytes must be those of the JSON value of the normalised geometry.
        var rng = SplitMix64(seed: 11)
        var inPlace = 0
        for _ in 0..<500 {
            let lon0 = rng.uniform(-182, 182), lat0 = rng.uniform(-80, 80)
            func ring(_ radius: Double, clockwise: Bool) -> [Coordinate] {
                let n = Int(rng.uniform(3, 40))
                var r = (0..<n).map { k -> Coordinate in
                    let a = Double(k) / Double(n) * 2 * .pi * (clockwise ? -1 : 1)
                    return Coordinate(longitude: lon0 + radius * cos(a) * rng.uniform(0.8, 1.2), latitude: lat0 + radius * sin(a))
                }
                r.append(r[0])
                return r
            }
            let rings = [ring(rng.uniform(0.01, 3), clockwise: rng.uniform(0, 1) < 0.5)]
                + (rng.uniform(0, 1) < 0.3 ? [ring(0.005, clockwise: rng.uniform(0, 1) < 0.5)] : [])
            let g = GeoJSONGeometry.polygon(rings)
            if rings.allSatisfy(JSONBytes.isFarFromAntimeridian) { inPlace += 1 }
            #expect(Self.bytes { JSONBytes.appendGeometry(g, to: &$0) } == Self.bytes { JSONBytes.appendValue(g.jsonValue, to: &$0) })
        }
        #expect(inPlace > 300 && inPlace < 500)
    }
}
