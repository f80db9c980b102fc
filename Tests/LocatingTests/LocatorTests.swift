import Foundation
import Testing
import GeoCore
import Geodesy
import Geometry
import Places
@testable import Locating
import TestSupport

@Suite(.serialized) struct LocatorTests {
    // Issue 2: 80 km at azimuth 0° from Raqqa (GeoNames 172955) → 36.673779193 N, 39.007880000 E.
    static let kantari = Coordinate(longitude: 39.007880000, latitude: 36.673779193)

    @Test(arguments: ["80 km north of Raqqa", "à 80 km au nord de Raqa", "80km N of Raqqa", "A 80 KM AU NORD DE RAQA"])
    func eightyKilometresNorthOfRaqqa(_ text: String) throws {
        let l = try Fixtures.locator().locate(expression: text)
        #expect(l.anchor.id == "geonames:172955")
        #expect(Geodesic.distance(from: l.point, to: Self.kantari).meters < 1)
        #expect(l.geoPrecision == 2)
        #expect(l.expression.distance?.low == 56 && l.expression.distance?.high == 104)  // "80", a multiple of 10 → ±30 %
        #expect(l.expression.bearingHalfWidth == 45)                                       // N → ±45°
    }

    // Raqqa (GeoNames 172955): a ring of 156 km about it stays on land (about Homs it would reach the sea and be
    // cut there, `AreaClippingTests`).
    @Test func distanceOnlyIsARingOf84To156Km() throws {
        let l = try Fixtures.locator().locate(expression: "120 km from Raqqa")
        #expect(l.anchor.id == "geonames:172955")
        #expect(l.point == l.anchor.coordinate)
        #expect(l.geoPrecision == 3)
        guard case .polygon(let rings) = l.uncertainty, rings.count == 2 else { Issue.record("expected an annulus"); return }
        for p in rings[0] { #expect(abs(Geodesic.distance(from: l.anchor.coordinate, to: p).meters - 156_000) / 156_000 < 0.001) }
        for p in rings[1] { #expect(abs(Geodesic.distance(from: l.anchor.coordinate, to: p).meters - 84_000) / 84_000 < 0.001) }
        let fr = try Fixtures.locator().locate(expression: "à 120 km de Raqa")
        #expect(fr.uncertainty == l.uncertainty)
    }

    /// Analytic areas: annular sector (θ/2)(R² − r²); sector, disc and ring as its cases.
    @Test(arguments: [
        ("80 km north of Raqqa", 56.0, 104.0, 45.0),
        ("some 15 kilometres south-east of Aleppo", 10.5, 19.5, 45.0),
        ("25 miles west of Homs", 20 * 1.609344, 30 * 1.609344, 45.0),
        ("120 km from Raqqa", 84.0, 156.0, 180.0),
        // Villages (GeoNames 173311, 164917): a heading alone from a village reaches 30 km.
        ("north-east of Al Ghantu", 0.0, 30.0, 45.0),
        ("NNE of Salkhad", 0.0, 30.0, 22.5),
        ("near Azaz", 0.0, 10.0, 180.0),
        ("on the outskirts of Homs", 0.0, 5.0, 180.0),
        ("entre 20 et 30 km à l'ouest de Hama", 17.0, 34.5, 45.0),
    ])
    func areasAreValidHoldTheirPointAndMatchTheAnalyticArea(_ text: String, _ inner: Double, _ outer: Double, _ halfWidth: Double) throws {
        let locator = try Fixtures.locator()
        let l = try locator.locate(expression: text)
        let engine = try GeometryEngine()
        #expect(try engine.isValid(l.uncertainty), "\(text)")
        if halfWidth < 180 || inner == 0 { #expect(try engine.prepare(l.uncertainty).covers(l.point), "\(text)") }
        let expected = UncertaintyArea.planarSectorArea(inner: .kilometers(inner), outer: .kilometers(outer), halfWidth: halfWidth)
        let area = Geodesic.area(of: l.uncertainty)
        #expect(abs(area - expected) / expected < 0.01, "\(text): \(area) vs \(expected)")
        #expect(l.uncertaintyRadius.kilometers <= outer * 2 + 1)
    }

    @Test func ramHamdanLiesNorthEastOfIdlib() throws {
        // The seed: "près de Ram-Hamdane, au nord-est de la ville d'Idleb". Ram Hamdan, WOF 1343739475
        // (../shared/data/whosonfirst-sy/wof_sy_places.csv): 36.02769 N, 36.71345 E; 12.9 km from Idlib at 33.6°.
        let ramHamdan = Coordinate(longitude: 36.71345, latitude: 36.02769)
        let l = try Fixtures.locator().locate(expression: "au nord-est de la ville d'Idleb")
        #expect(l.anchor.id == "geonames:169389")
        let g = Geodesic.inverse(from: l.anchor.coordinate, to: ramHamdan)
        #expect(abs(g.distance.kilometers - 12.9) < 0.05)
        #expect(abs(g.initialBearing.degrees - 33.6) < 0.05)
        #expect(try GeometryEngine().prepare(l.uncertainty).covers(ramHamdan))
    }

    @Test func namedPlaceIsCheckedAgainstTheArea() throws {
        let locator = try Fixtures.wofLocator()
        let ram = try locator.locate(expression: "Ram Hamdane, north-east of the city of Idleb")
        #expect(ram.namedPlace?.place?.id == "wof:1343739475")
        #expect(abs((ram.namedPlace?.distanceFromPoint?.kilometers ?? 0) - 12.9) < 0.05)
        let kantari = try locator.locate(expression: "Kantari, à 80 km au nord de Raqa")
        #expect(kantari.namedPlace?.text == "Kantari")
        #expect(kantari.namedPlace?.place == nil)   // in no source: the computed point stands
        #expect(Geodesic.distance(from: kantari.point, to: Self.kantari).meters < 1)
    }

    @Test func provinceAnchorsUseTheirArea() throws {
        let l = try Fixtures.locator().locate(expression: "dans le nord de la province de Hama")
        #expect(l.anchor.kind == .region)
        #expect(l.geoPrecision == 3)
        let engine = try GeometryEngine()
        #expect(try engine.isValid(l.uncertainty))
        // The northern part of the governorate: inside its polygon, north of its middle (the outline's centroid).
        let shape = try #require(try TestData.defaultGazetteer.get().store.shape(placeID: l.anchor.id))
        let outside = try engine.difference(l.uncertainty, shape)
        #expect(try engine.areaKm2(outside) < 0.01)
        // Azimuths within ±90° of north from the middle: nothing lies south of it (but for the curve of the
        // east and west geodesics, a few hundred metres over a governorate), and the point lies in the part.
        let middle = try engine.centroid(shape)
        #expect(l.uncertainty.allCoordinates.allSatisfy { $0.latitude >= middle.latitude - 0.02 })
        #expect(try engine.prepare(l.uncertainty).covers(l.point))
        #expect(try engine.areaKm2(l.uncertainty) < engine.areaKm2(shape))
    }

    @Test func badExpressionsAreRefusedWithTheirText() throws {
        let locator = try Fixtures.locator()
        #expect(throws: LocatingError.noExpression("80 km nord")) { try locator.locate(expression: "80 km nord") }
        #expect(throws: LocatingError.negativeDistance("-5 km north of Raqqa")) { try locator.locate(expression: "-5 km north of Raqqa") }
        #expect(throws: LocatingError.distanceTooLarge("30000 km north of Raqqa", kilometers: 30000)) {
            try locator.locate(expression: "30000 km north of Raqqa")
        }
        do {
            _ = try locator.locate(expression: "80 km north of Xyzzyville")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("no place named 'Xyzzyville'"))
        }
    }

    @Test func directThenInverseRoundTripsEverywhere() {
        // Random anchors including the poles' neighbourhood and both sides of the antimeridian.
        var rng = SplitMix64(seed: 4)
        var anchors = (0..<3000).map { _ in Coordinate(longitude: rng.uniform(-180, 180), latitude: rng.uniform(-90, 90)) }
        anchors += [Coordinate(longitude: 179.999, latitude: 10), Coordinate(longitude: -179.999, latitude: -10),
                    Coordinate(longitude: 0, latitude: 89.999), Coordinate(longitude: 45, latitude: -89.999)]
        for a in anchors {
            let d = Distance(meters: rng.uniform(1, 500_000)), b = Bearing(degrees: rng.uniform(0, 360))
            let p = Geodesic.destination(from: a, distance: d, bearing: b)
            let back = Geodesic.inverse(from: a, to: p)
            #expect(abs(back.distance.meters - d.meters) < 0.001)
            #expect(back.initialBearing.angle(to: b) < 1e-6, "\(a) \(b)")
        }
    }

    /// A locator answers a phrase from the areas it has computed only when the phrase reads the same way: French
    /// "au nord de la province de Hama" is the province's north, English "north of the province of Hama" lies beyond it
    /// (both about the same anchor, form and direction).
    @Test func anAreaComputedForOneReadingIsNotGivenToAnother() throws {
        let english = "north of the province of Hama", french = "au nord de la province de Hama"
        let alone = try Fixtures.locator().locate(expression: french)
        let shared = try Fixtures.locator()
        let first = try shared.locate(expression: english)
        let second = try shared.locate(expression: french)
        #expect(first.anchor.id == second.anchor.id && first.expression.form == second.expression.form, "\(first.anchor.id) \(second.anchor.id) \(first.expression.form) \(second.expression.form)")
        #expect(first.areaKm2 != alone.areaKm2)
        #expect(second.uncertainty == alone.uncertainty)
        #expect(second.areaKm2 == alone.areaKm2)
    }
}
