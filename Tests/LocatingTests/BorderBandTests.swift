import Foundation
import Testing
import GeoCore
import Geodesy
import Geometry
import Places
@testable import Locating
import TestSupport

/// Issue 18, "near the border": the band along the line two countries share, on the side of the report's country.
/// The villages are Who's On First Syria's; the line is the gazetteer's Natural Earth outline of the neighbour.
@Suite(.serialized) struct BorderBandTests {
    /// Who's On First Syria localities inside the gazetteer's outline of Syria, with their distance (km) to the
    /// outline of `neighbour`: to its edges, densified every 2 km or so (the Syria–Iraq line has straight edges of
    /// over 100 km, so vertices alone would not do).
    static func villages(byDistanceTo neighbour: String, engine: GeometryEngine, gazetteer g: Gazetteer) throws -> [(Coordinate, Double)] {
        let outline = try #require(try g.store.countryShape(iso: neighbour))
        let syria = try engine.prepare(try #require(try g.store.countryShape(iso: "SY")))
        var line: [Coordinate] = []
        let rings: [[Coordinate]]
        switch outline {
        case .polygon(let r): rings = r
        case .multiPolygon(let ps): rings = ps.flatMap { $0 }
        default: rings = []
        }
        for ring in rings {
            for (a, b) in zip(ring, ring.dropFirst()) {
                // Only the part of the outline near Syria matters.
                guard (31...38.5).contains(a.latitude), (34.5...43.5).contains(a.longitude) else { continue }
                let steps = max(1, Int((Geodesic.distance(from: a, to: b).kilometers / 2).rounded(.up)))
                for k in 0..<steps {
                    let t = Double(k) / Double(steps)
                    line.append(Coordinate(longitude: a.longitude + (b.longitude - a.longitude) * t, latitude: a.latitude + (b.latitude - a.latitude) * t))
                }
            }
        }
        #expect(line.count > 100, "\(neighbour): \(line.count) points of its outline near Syria")
        var it = CSVReader(text: try String(contentsOfFile: TestData.wofSyriaPath, encoding: .utf8)).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        var out: [(Coordinate, Double)] = []
        var row = 0
        while let r = it.next() {
            row += 1
            guard row % 5 == 0, h.value("placetype", in: r) == "locality", h.value("is_current", in: r) != "0",
                  let lat = h.value("lat", in: r).flatMap(Double.init), let lon = h.value("lon", in: r).flatMap(Double.init) else { continue }
            let c = Coordinate(longitude: lon, latitude: lat)
            guard syria.covers(c) else { continue }
            // Equirectangular km, then the geodesic for the nearest few: the test's own yardstick, not geomap's.
            let k = cos(lat * .pi / 180)
            var best = Double.infinity, nearest = c
            for p in line {
                let dx = (p.longitude - lon) * k, dy = p.latitude - lat
                let d = dx * dx + dy * dy
                if d < best { best = d; nearest = p }
            }
            out.append((c, Geodesic.distance(from: c, to: nearest).kilometers))
        }
        return out
    }

    @Test(arguments: [("Turkish", "turque", "TR"), ("Iraqi", "irakienne", "IQ"), ("Jordanian", "jordanienne", "JO"), ("Lebanese", "libanaise", "LB")])
    func theBandHoldsTheVillagesByTheBorderAndNoFarOnes(_ en: String, _ fr: String, _ iso: String) throws {
        let locator = try Fixtures.wofLocator()
        let engine = try GeometryEngine()
        let villages = try Self.villages(byDistanceTo: iso, engine: engine, gazetteer: locator.gazetteer)
        let near = villages.filter { $0.1 <= 15 }, far = villages.filter { $0.1 >= 35 }
        #expect(near.count >= 10, "\(iso): \(near.count) villages within 15 km")
        for text in ["near the \(en) border", "près de la frontière \(fr)", "close to the Syrian-\(en) border"] {
            let l = try locator.locate(expression: text, context: ResolveContext(country: "SY"))
            #expect(l.expression.form == .border)
            #expect(l.anchor.country == iso, "\(text) → \(l.anchor.name)")
            #expect(l.geoPrecision == 3)
            #expect(try engine.isValid(l.uncertainty))
            let band = try engine.prepare(l.uncertainty)
            #expect(band.covers(l.point))
            let missed = near.filter { !band.covers($0.0) }
            #expect(missed.isEmpty, "\(text): \(missed.count) of \(near.count) villages within 15 km outside, e.g. \(missed.prefix(3).map(\.0))")
            let held = far.filter { band.covers($0.0) }
            #expect(held.isEmpty, "\(text): \(held.count) of \(far.count) villages 35 km or more away inside, e.g. \(held.prefix(3).map(\.0))")
            // On Syria's side only: nothing of the band lies in the neighbour.
            let across = try engine.intersection(l.uncertainty, try #require(try locator.gazetteer.store.countryShape(iso: iso)))
            #expect(Geodesic.area(of: across) < 0.01 * Geodesic.area(of: l.uncertainty), "\(text): part of the band lies across the border")
        }
    }

    @Test func withoutAReportCountryTheBandLiesOnBothSides() throws {
        let locator = try Fixtures.wofLocator()
        let engine = try GeometryEngine()
        let l = try locator.locate(expression: "near the Jordanian border")
        let jordan = try #require(try locator.gazetteer.store.countryShape(iso: "JO"))
        let syria = try #require(try locator.gazetteer.store.countryShape(iso: "SY"))
        #expect(Geodesic.area(of: try engine.intersection(l.uncertainty, syria)) > 1e9)
        #expect(Geodesic.area(of: try engine.intersection(l.uncertainty, jordan)) < 1e6)   // outside Jordan, all round it
        // "syro-jordanienne" names the side.
        let fr = try locator.locate(expression: "à la frontière syro-jordanienne")
        #expect(fr.anchor.country == "JO")
        #expect(Geodesic.area(of: try engine.intersection(fr.uncertainty, syria)) > 0.99 * Geodesic.area(of: fr.uncertainty))
    }

    @Test func aCrossingOrABorderTownIsNotThisForm() throws {
        let parser = RelativeExpressionParser()
        for text in ["the Nassib border crossing", "near the Turkish border crossing of Bab al-Hawa", "near the Turkish border town of Jarablus"] {
            #expect(!parser.expressions(in: text).contains { $0.form == .border }, "\(text)")
        }
        // An adjective that names no country is no border.
        let locator = try Fixtures.wofLocator()
        #expect((try? locator.locate(expression: "near the southern border", context: ResolveContext(country: "SY")))?.expression.form != .border)
    }
}
