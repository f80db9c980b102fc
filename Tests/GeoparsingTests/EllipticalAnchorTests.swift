import Foundation
import Testing
import GeoCore
import Geodesy
import Geometry
import Places
@testable import Geoparsing
import TestSupport

/// Issue 18, anchors a relative expression leaves unsaid ("à 7 km au nord", "Harasta to the west"): the place
/// named earlier in the same sentence, else the place the paragraph is about (its first settlement), not merely
/// the place named last. Villages are Who's On First Syria's with one reading each, none typed here.
@Suite(.serialized) struct EllipticalAnchorTests {
    /// Triples of villages: A the subject, B lying about `km` km from A towards one of eight compass points (within
    /// 10° of it), C at least 40 km from both (named in between, so "the place named last" would be wrong).
    typealias Triple = (a: (String, Place), b: (String, Place), c: (String, Place), km: Int, step: Int)
    static let found: Result<[Triple], Error> = Result { try triples(4) }
    func triples(_ n: Int) throws -> [Triple] { Array(try Self.found.get().prefix(n)) }

    static func triples(_ n: Int) throws -> [Triple] {
        let g = try TestData.wofGazetteer.get()
        let villages = try TestData.uniqueWOFVillages(300, seed: 77).compactMap { v in try g.store.place(id: v.id).map { (v.name, $0) } }
        var out: [Triple] = []
        for a in villages where out.count < n {
            for b in villages where b.1.id != a.1.id {
                let d = Geodesic.distance(from: a.1.coordinate, to: b.1.coordinate).kilometers
                guard (5...25).contains(d), abs(d - d.rounded()) < 0.3 else { continue }
                let bearing = (Geodesic.inverse(from: a.1.coordinate, to: b.1.coordinate).initialBearing.degrees + 360).truncatingRemainder(dividingBy: 360)
                let step = Int((bearing / 45).rounded()) % 8
                let off = abs((bearing - Double(step) * 45 + 540).truncatingRemainder(dividingBy: 360) - 180)
                guard off < 10 else { continue }
                guard let c = villages.first(where: { Geodesic.distance(from: $0.1.coordinate, to: a.1.coordinate).kilometers > 40
                    && Geodesic.distance(from: $0.1.coordinate, to: b.1.coordinate).kilometers > 40 }) else { continue }
                out.append((a, b, c, Int(d.rounded()), step))
                break
            }
        }
        return out
    }

    static let en = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
    static let fr = ["nord", "nord-est", "est", "sud-est", "sud", "sud-ouest", "ouest", "nord-ouest"]

    func relative(_ text: String) throws -> (anchor: Place, area: GeoJSONGeometry)? {
        let m = try Geoparser(gazetteer: TestData.wofGazetteer.get()).extract(text: text, source: "t").mentions
        return m.compactMap(\.relative).first.map { ($0.anchor, $0.uncertainty) }
    }

    @Test func theParagraphsSubjectAnchorsAnExpressionWithNoPlaceBeforeItInItsSentence() throws {
        let cases = try triples(4)
        #expect(cases.count >= 3)
        let engine = try GeometryEngine()
        for t in cases {
            let texts = [
                "Regime forces took \(t.a.0) on Monday, the Observatory said. Warplanes also struck \(t.c.0). Rebels withdrew to \(t.b.0), \(t.km) km to the \(Self.en[t.step]).",
                "Les forces du régime ont repris \(t.a.0) lundi, selon l'OSDH. L'aviation a aussi frappé \(t.c.0). Les rebelles se sont repliés vers \(t.b.0), à environ \(t.km) km au \(Self.fr[t.step]).",
            ]
            for text in texts {
                let r = try #require(try relative(text), "\(text)")
                #expect(r.anchor.id == t.a.1.id, "\(text) → anchored on \(r.anchor.name)")
                #expect(try engine.prepare(r.area).covers(t.b.1.coordinate), "\(text): the area misses \(t.b.0)")
            }
        }
    }

    @Test func aPlaceEarlierInTheSentenceAnchorsAPlaceNamedWithADirectionAlone() throws {
        let cases = try triples(4)
        #expect(cases.count >= 3)
        let engine = try GeometryEngine()
        for t in cases {
            let text = "Fighting went on around \(t.c.0). \(t.a.0) is now cut off from \(t.b.0) to the \(Self.en[t.step]), activists said."
            let r = try #require(try relative(text), "\(text)")
            #expect(r.anchor.id == t.a.1.id, "\(text) → anchored on \(r.anchor.name)")
            #expect(try engine.prepare(r.area).covers(t.b.1.coordinate), "\(text): the area misses \(t.b.0)")
        }
        // Without a place's name right before it, "to the west" locates nothing.
        let none = try Geoparser(gazetteer: TestData.wofGazetteer.get())
            .extract(text: "Regime forces advanced to the west of the road on Monday.", source: "t").mentions
        #expect(none.allSatisfy { $0.relative == nil })
    }

    @Test func aDatelineCityIsNotTheParagraphsSubject() throws {
        let t = try #require(try triples(1).first)
        let text = "BEYROUTH, 19 fév 2016 (AFP) - Les forces du régime ont repris \(t.a.0) lundi. Les rebelles se sont repliés vers \(t.b.0), à \(t.km) km au \(Self.fr[t.step])."
        let r = try #require(try relative(text))
        #expect(r.anchor.id == t.a.1.id, "anchored on \(r.anchor.name)")
    }
}
