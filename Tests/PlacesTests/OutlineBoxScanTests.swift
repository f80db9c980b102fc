import Foundation
import Testing
import GeoCore
import Places
import TestSupport

/// The land mask reads the boxes of the gazetteer's country outlines by scanning their text and parses only
/// those near an area: the scanned box must be the parsed outline's, to the bit.
@Suite struct OutlineBoxScanTests {
    static func bits(_ b: BoundingBox?) -> [UInt64]? { b.map { [$0.west, $0.south, $0.east, $0.north].map(\.bitPattern) } }

    @Test(arguments: [PlaceKind.country, .region])
    func everyStoredOutlineScansToItsParsedBox(kind: PlaceKind) throws {
        let store = try TestData.defaultGazetteer.get().store
        let outlines = try store.storedOutlines(kind: kind)
        #expect(outlines.count > 150)
        var scanned = 0
        for o in outlines {
            let parsed = try o.geometry()?.boundingBox
            #expect(Self.bits(try o.boundingBox()) == Self.bits(parsed), "\(o.id)")
            // The stored text is always of the scanned kind: the parse is never the one used.
            if GeoJSONGeometry.boundingBox(scanning: o.geojson) != nil { scanned += 1 }
        }
        #expect(scanned == outlines.count)
    }

    /// Texts written by hand: exponents, signs, altitudes, white space, holes; and texts that are not a bare
    /// Polygon or MultiPolygon are left to the parser.
    @Test func writtenPolygonsScanToTheirParsedBoxes() throws {
        var rng = SplitMix64(seed: 7)
        func number(_ lo: Double, _ hi: Double) -> String {
            let v = rng.uniform(lo, hi)
            switch Int(rng.uniform(0, 4)) {
            case 0: return String(v)
            case 1: return String(format: "%.6f", v)
            case 2: return String(format: "%.3e", v)
            default: return String(format: "%.0f", v.rounded())
            }
        }
        for _ in 0..<500 {
            func ring() -> String {
                let first = "[\(number(-180, 180)),\(number(-90, 90))]"
                let middle = (0..<Int(rng.uniform(3, 9))).map { _ in
                    rng.uniform(0, 1) < 0.2 ? "[ \(number(-180, 180)) , \(number(-90, 90)) , \(number(-100, 100)) ]" : "[\(number(-180, 180)),\(number(-90, 90))]"
                }
                return "[" + ([first] + middle + [first]).joined(separator: rng.uniform(0, 1) < 0.3 ? ", " : ",") + "]"
            }
            func polygon() -> String { "[" + (0..<Int(rng.uniform(1, 3))).map { _ in ring() }.joined(separator: ",") + "]" }
            let text = rng.uniform(0, 1) < 0.5
                ? #"{"type":"Polygon","coordinates":"# + polygon() + "}"
                : #"{"type":"MultiPolygon","coordinates":["# + (0..<Int(rng.uniform(1, 4))).map { _ in polygon() }.joined(separator: ",") + "]}"
            let parsed = try GeoJSONFeatureCollection(text: text).features.first?.geometry?.boundingBox
            #expect(parsed != nil)
            #expect(Self.bits(GeoJSONGeometry.boundingBox(scanning: text)) == Self.bits(parsed), "\(text)")
        }
        for other in [#"{"type":"Feature","properties":{"pop":12},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#,
                      #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"bbox":[0,0,1,1]}"#,
                      #"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#, #"{"type":"Polygon","coordinates":[]}"#] {
            #expect(GeoJSONGeometry.boundingBox(scanning: other) == nil, "\(other)")
        }
    }
}
