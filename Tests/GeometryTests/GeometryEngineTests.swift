import Foundation
import Testing
import GeoCore
import Geodesy
@testable import Geometry

private func c(_ x: Double, _ y: Double) -> Coordinate { Coordinate(longitude: x, latitude: y) }
private func square(_ x0: Double, _ y0: Double, _ side: Double) -> GeoJSONGeometry {
    .polygon([[c(x0, y0), c(x0 + side, y0), c(x0 + side, y0 + side), c(x0, y0 + side), c(x0, y0)]])
}

@Suite struct GeometryEngineTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    @Test func bufferOfAPointIsTheInscribedRegularPolygon() throws {
        // 16 segments a quadrant → a 64-gon inscribed in the circle: area (n/2) r² sin(2π/n), exactly.
        let r = 1000.0, n = 64.0
        let disc = try engine.buffer(.point(c(0, 0)), distance: r, quadrantSegments: 16)
        let expected = n / 2 * r * r * sin(2 * .pi / n)
        #expect(abs(try engine.planarArea(disc) - expected) / expected < 1e-9)
        #expect(abs(expected - .pi * r * r) / (.pi * r * r) < 0.002)
    }

    @Test func unionOfTwoOverlappingDiscsIsOnePolygonWithTheLensRemoved() throws {
        let r = 1000.0, d = 1000.0
        let a = try engine.buffer(.point(c(0, 0)), distance: r, quadrantSegments: 64)
        let b = try engine.buffer(.point(c(d, 0)), distance: r, quadrantSegments: 64)
        let u = try engine.union([a, b])
        guard case .polygon = u else { Issue.record("expected one Polygon, got \(u.typeName)"); return }
        // Lens of two circles of radius r at distance d: 2r² acos(d/2r) − (d/2)√(4r² − d²).
        let lens = 2 * r * r * acos(d / (2 * r)) - d / 2 * (4 * r * r - d * d).squareRoot()
        let expected = 2 * .pi * r * r - lens
        #expect(abs(try engine.planarArea(u) - expected) / expected < 0.001)
        let apart = try engine.union([a, try engine.buffer(.point(c(5000, 0)), distance: r)])
        #expect(apart.polygons.count == 2)
    }

    @Test func intersectionAndDifferenceOfSquares() throws {
        let a = square(0, 0, 2), b = square(1, 1, 2)
        #expect(abs(try engine.planarArea(engine.intersection(a, b)) - 1) < 1e-12)
        #expect(abs(try engine.planarArea(engine.difference(a, b)) - 3) < 1e-12)
        #expect(try engine.intersects(a, b))
        #expect(try !engine.intersects(a, square(10, 10, 1)))
    }

    @Test func intersectionWithEachOfSeveralPartsIsTheUnionOfTheIntersections() throws {
        // Two overlapping "countries" and an area across both and beyond: what the overlays one by one give,
        // dissolved; one part met is its intersection alone; none met, nil.
        let west = square(0, 0, 10), east = square(8, 0, 10), far = square(50, 50, 1)
        let parts = try [west, east, far].map { try engine.prepare($0) }
        let area = square(5, 5, 20)
        let cut = try #require(try engine.intersection(area, withEachOf: parts))
        #expect(cut == (try engine.union([try engine.intersection(area, west), try engine.intersection(area, east)])))
        #expect(abs(try engine.planarArea(cut) - 13 * 5) < 1e-9)
        let inWest = square(1, 1, 2)
        #expect(try engine.intersection(inWest, withEachOf: parts) == (try engine.intersection(inWest, west)))
        #expect(try engine.intersection(square(30, 30, 1), withEachOf: parts) == nil)
    }

    @Test func everyGeometryTypeCrossesTheWKBBridgeUnchanged() throws {
        let shapes: [GeoJSONGeometry] = [
            .point(c(39.00788, 35.95283)), .multiPoint([c(1, 2), c(3, 4)]), .lineString([c(1, 2), c(3, 4)]),
            .multiLineString([[c(1, 2), c(3, 4)], [c(5, 6), c(7, 8)]]),
            .polygon([[c(0, 0), c(4, 0), c(4, 4), c(0, 4), c(0, 0)], [c(1, 1), c(1, 2), c(2, 2), c(2, 1), c(1, 1)]]),
            .multiPolygon([[[c(0, 0), c(1, 0), c(1, 1), c(0, 0)]], [[c(5, 5), c(6, 5), c(6, 6), c(5, 5)]]]),
            .geometryCollection([.point(c(1, 1)), .lineString([c(0, 0), c(1, 1)])]),
        ]
        for g in shapes {
            let h = try engine.handle(g)
            #expect(try engine.value(h.pointer) == g)
        }
    }

    @Test func validityAndMakeValid() throws {
        let bowTie = GeoJSONGeometry.polygon([[c(0, 0), c(2, 2), c(2, 0), c(0, 2), c(0, 0)]])
        let v = try engine.validity(bowTie)
        #expect(!v.isValid)
        #expect(v.reason.contains("Self-intersection"))
        let fixed = try engine.makeValid(bowTie)
        #expect(try engine.isValid(fixed))
        #expect(abs(try engine.planarArea(fixed) - 2) < 1e-12)   // two triangles of area 1
        #expect(try engine.isValid(square(0, 0, 1)))
    }

    @Test func preparedGeometryAnswersPointTests() throws {
        let p = try engine.prepare(square(0, 0, 10))
        #expect(p.contains(c(5, 5)))
        #expect(!p.contains(c(10, 5)))     // on the boundary: not contained
        #expect(p.covers(c(10, 5)))        // but covered
        #expect(!p.covers(c(11, 5)))
        #expect(try p.intersects(.lineString([c(-5, 5), c(5, 5)])))
        #expect(try !p.contains(.lineString([c(-5, 5), c(5, 5)])))
    }

    @Test func voronoiOfNPointsGivesNCellsEachHoldingItsSite() throws {
        // A 4×4 grid of sites in a 400×400 square: each cell is a 100×100 square.
        var sites: [Coordinate] = []
        for i in 0..<4 { for j in 0..<4 { sites.append(c(50 + 100 * Double(i), 50 + 100 * Double(j))) } }
        sites.shuffle()
        let cells = try engine.voronoiCells(sites: sites, clippedTo: square(0, 0, 400))
        #expect(cells.count == sites.count)
        for (site, cell) in zip(sites, cells) {
            #expect(abs(try engine.planarArea(cell) - 10_000) < 1e-6)
            #expect(try engine.prepare(cell).contains(site))
        }
    }

    @Test func voronoiCellsAreClippedOneByOne() throws {
        // Random sites in a triangle: cells stay separate (not dissolved) and tile the triangle.
        let triangle = GeoJSONGeometry.polygon([[c(0, 0), c(1000, 0), c(0, 1000), c(0, 0)]])
        var rng = SystemRandomNumberGenerator()
        let sites = (0..<40).map { _ -> Coordinate in
            let u = Double.random(in: 0..<1, using: &rng), v = Double.random(in: 0..<(1 - u), using: &rng)
            return c(1000 * u, 1000 * v)
        }
        let cells = try engine.voronoiCells(sites: sites, clippedTo: triangle)
        #expect(cells.count == 40)
        let total = try cells.reduce(0) { $0 + (try engine.planarArea($1)) }
        #expect(abs(total - 500_000) < 1e-3)
    }
}

@Suite struct MetricGeometryTests {
    /// Ar Raqqah, GeoNames 172955.
    let raqqa = Coordinate(longitude: 39.00788, latitude: 35.95283)

    @Test func bufferInMetresAroundALonLatPoint() throws {
        let engine = try GeometryEngine()
        let disc = try engine.buffer(.point(raqqa), by: .kilometers(10))
        let ring = disc.polygons[0][0]
        for p in ring { #expect(abs(Geodesic.distance(from: raqqa, to: p).meters - 10_000) < 0.01) }
        #expect(ring.count == 65 && ring.first == ring.last)   // 16 segments a quadrant, closed
    }

    @Test func areaThroughTheLocalProjectionMatchesTheGeodesicArea() throws {
        let engine = try GeometryEngine()
        let circle = GeoJSONGeometry.polygon([Geodesic.circle(center: raqqa, radius: .kilometers(50), segments: 180)])
        let projected = try engine.areaKm2(circle)
        let geodesic = Geodesic.area(of: circle) / 1_000_000
        #expect(abs(projected - geodesic) / geodesic < 1e-4)
        #expect(abs(projected - .pi * 2500) / (.pi * 2500) < 0.01)
    }

    @Test func voronoiInLonLatKeepsSiteOrder() throws {
        let engine = try GeometryEngine()
        let homs = Coordinate(longitude: 36.72559, latitude: 34.72405)   // GeoNames 169577
        let box = GeoJSONGeometry.polygon([[c(35.5, 32.3), c(42.4, 32.3), c(42.4, 37.3), c(35.5, 37.3), c(35.5, 32.3)]])
        let cells = try engine.voronoiCells(around: [raqqa, homs], within: box)
        #expect(cells.count == 2)
        #expect(try engine.prepare(cells[0]).contains(raqqa))
        #expect(try engine.prepare(cells[1]).contains(homs))
        // The cells tile the box: their union has the box's area (both measured in one projection).
        let union = try engine.union(cells)
        let boxArea = try engine.areaKm2(box)
        #expect(abs(try engine.areaKm2(union) - boxArea) / boxArea < 1e-3)
        #expect(try engine.areaKm2(engine.intersection(cells[0], cells[1])) < 1e-6)
    }
}
