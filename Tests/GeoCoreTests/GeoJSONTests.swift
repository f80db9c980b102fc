import Foundation
import Testing
@testable import GeoCore

private func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(longitude: lon, latitude: lat) }

/// A counter-clockwise square with a clockwise hole: already RFC 7946, so it must round-trip unchanged.
private let square = [c(36, 34), c(37, 34), c(37, 35), c(36, 35), c(36, 34)]
private let hole = [c(36.25, 34.25), c(36.25, 34.75), c(36.75, 34.75), c(36.75, 34.25), c(36.25, 34.25)]

@Suite struct GeoJSONTests {
    static let everyType: [GeoJSONGeometry] = [
        .point(c(39.00788, 35.95283)),
        .multiPoint([c(39.00788, 35.95283), c(36.72559, 34.72405)]),
        .lineString([c(39.00788, 35.95283), c(36.72559, 34.72405)]),
        .multiLineString([[c(36, 34), c(37, 35)], [c(38, 36), c(39, 37), c(40, 36)]]),
        .polygon([square, hole]),
        .multiPolygon([[square], [[c(40, 36), c(41, 36), c(41, 37), c(40, 36)]]]),
        .geometryCollection([.point(c(1, 2)), .lineString([c(1, 2), c(3, 4)])]),
    ]

    @Test(arguments: everyType) func roundTripsEveryGeometryType(_ g: GeoJSONGeometry) throws {
        let feature = GeoJSONFeature(id: .string("f1"), geometry: g, properties: ["name": "Raqqa", "n": 3])
        let text = GeoJSONFeatureCollection(features: [feature]).text
        let back = try GeoJSONFeatureCollection(text: text)
        #expect(back.features == [feature])
        #expect(!text.contains("\"crs\""))
    }

    @Test func codableBridgeRoundTrips() throws {
        let fc = GeoJSONFeatureCollection(features: Self.everyType.map { GeoJSONFeature(geometry: $0) })
        let data = try JSONEncoder().encode(fc)
        #expect(try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: data) == fc)
    }

    @Test func windingIsCorrectedOnOutput() throws {
        let clockwiseExterior = Array(square.reversed())
        let counterClockwiseHole = Array(hole.reversed())
        #expect(!RingWinding.isCounterClockwise(clockwiseExterior))
        let written = GeoJSONGeometry.polygon([clockwiseExterior, counterClockwiseHole]).rfc7946Normalized
        guard case .polygon(let rings) = written else { Issue.record("not a polygon"); return }
        #expect(RingWinding.isCounterClockwise(rings[0]))
        #expect(!RingWinding.isCounterClockwise(rings[1]))
        #expect(Set(rings[0]) == Set(square))
    }

    @Test func positionsAreRoundedToSixDecimals() {
        let g = GeoJSONGeometry.point(c(39.0078812345, 35.9528349999))
        #expect(JSONWriter.string(g.jsonValue) == #"{"type":"Point","coordinates":[39.007881,35.952835]}"#)
    }

    @Test func polygonCrossingTheAntimeridianIsSplit() {
        // A box from 170°E to 170°W written the short way across 180°.
        let box = GeoJSONGeometry.polygon([[c(170, -20), c(-170, -20), c(-170, -10), c(170, -10), c(170, -20)]])
        #expect(box.crossesAntimeridian)
        let cut = box.rfc7946Normalized
        guard case .multiPolygon(let parts) = cut else { Issue.record("expected a MultiPolygon, got \(cut.typeName)"); return }
        #expect(parts.count == 2)
        let lons = parts.map { Set($0[0].map(\.longitude)) }
        #expect(lons.contains([170, 180]))
        #expect(lons.contains([-180, -170]))
        // The two halves cover the same planar area as the box, 20° × 10°.
        let area = parts.reduce(0) { $0 + abs(RingWinding.signedArea2($1[0])) / 2 }
        #expect(abs(area - 200) < 1e-9)
        for p in parts { #expect(RingWinding.isCounterClockwise(p[0])) }
        #expect(!cut.crossesAntimeridian)
    }

    @Test func lineCrossingTheAntimeridianIsSplitAtTheMeridian() {
        let line = GeoJSONGeometry.lineString([c(179, 0), c(-179, 2)])
        guard case .multiLineString(let parts) = line.cutAtAntimeridian() else { Issue.record("not split"); return }
        #expect(parts.count == 2)
        #expect(parts[0].last == c(180, 1))
        #expect(parts[1].first == c(-180, 1))
    }

    @Test func polygonNotCrossingIsLeftAlone() {
        let g = GeoJSONGeometry.polygon([square])
        #expect(!g.crossesAntimeridian)
        #expect(g.cutAtAntimeridian() == g)
    }

    @Test func malformedGeoJSONNamesWhereAndWhat() {
        func error(_ text: String) -> String {
            do { _ = try GeoJSONFeatureCollection(text: text); return "no error" } catch { return error.description }
        }
        #expect(error(#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[39,95]},"properties":{}}]}"#)
            == "features[0].geometry.coordinates: latitude 95 is outside [-90, 90] (positions are [lon, lat])")
        #expect(error(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#)
            == "coordinates[0]: a linear ring must be closed (first and last positions equal)")
        #expect(error(#"{"type":"Pointy","coordinates":[0,0]}"#) == "unknown geometry type \"Pointy\"")
        #expect(error("{\"type\":\"Point\",\n\"coordinates\":[0,0}").hasPrefix("line 2, column 19:"))
        #expect(error(#"{"type":"Feature","properties":{}}"#).contains("needs a \"geometry\" member"))
    }

    @Test func textSequenceFollowsRFC8142() {
        let fc = GeoJSONFeatureCollection(features: [GeoJSONFeature(geometry: .point(c(1, 2))), GeoJSONFeature(geometry: nil)])
        let lines = fc.textSequence.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("\u{1E}{\"type\":\"Feature\"") })
    }
}
