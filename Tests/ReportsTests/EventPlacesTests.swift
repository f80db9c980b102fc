import Foundation
import Testing
import Geoparsing
import Incidents
import Places
@testable import Reports
import TestSupport

/// Issue 20, one incident per place: a sentence may name several places hit ("barrel bombs on A, some 10 km
/// west of C, and on B"), each an incident of its own, the relative expression saying where A lies; two precise places
/// of one governorate are two incidents, while a governorate-level telling joins the precise one. Villages are
/// Who's On First Syria's with one reading each, none typed here.
@Suite(.serialized) struct EventPlacesTests {
    /// Villages of one governorate: (name, place) × n.
    func villages(_ n: Int) throws -> [(String, Place)] {
        let found = try TestData.villagesOfOneGovernorate(n, pool: 200, seed: 20)
        try #require(!found.isEmpty, "no WOF village with a governorate")
        return found
    }

    func incidents(_ text: String) throws -> [Incident] {
        let x = try Geoparser(gazetteer: TestData.wofGazetteer.get()).extract(text: text, source: "t")
        return EventExtractor().extract(text: text, mentions: x.mentions, reportDate: ReportDay(iso: "2016-03-01")).incidents
    }

    @Test func placesBesideARelativeLocationAreIncidentsOfTheirOwn() throws {
        let v = try villages(3)
        #expect(v.count == 3)
        let (a, b, c) = (v[0], v[1], v[2])
        for text in [
            "Regime helicopters dropped barrel bombs on \(a.0), some 10 km west of \(c.0), and on \(b.0) on Monday.",
            "Des hélicoptères du régime ont largué lundi des barils d'explosifs sur \(a.0), à une dizaine de kilomètres à l'ouest de \(c.0), et sur \(b.0).",
        ] {
            let found = try incidents(text)
            let strikes = found.filter { $0.subType == "air_strike" }
            #expect(strikes.contains { $0.placeID == b.1.id }, "\(text): \(found.map { ($0.subType, $0.placeID ?? "-") })")
            // The relative expression says where A lies: the incident is at A, the place named, not a second one.
            #expect(strikes.contains { $0.placeID == a.1.id && $0.geoPrecision == 1 }, "\(text): \(found.map { ($0.subType, $0.placeID ?? "-") })")
            #expect(strikes.count == 2, "\(text): \(found.map { ($0.subType, $0.placeID ?? "-") })")
            // The anchor of the relative expression is where it is measured from, not a place hit.
            #expect(!found.contains { $0.placeID == c.1.id }, "\(text)")
        }
    }

    @Test func twoPrecisePlacesOfOneGovernorateAreTwoIncidentsAndAGovernorateTellingJoinsOne() throws {
        let v = try villages(3)
        let (a, b, c) = (v[0], v[1], v[2])
        let two = try incidents("Warplanes struck \(a.0) on Monday. Later, warplanes also struck \(b.0), 5 km north of \(c.0).")
        #expect(two.filter { $0.subType == "air_strike" }.count == 2, "\(two.map { ($0.subType, $0.placeID ?? "-", $0.geoPrecision ?? 0) })")
        // "in <governorate>" then the village: one incident, at the village.
        let g = try TestData.wofGazetteer.get()
        let region = try #require(try g.store.outlines(kind: .region, countries: ["SY"]).first { o in
            g.rank(o.name).contains { g.index.kind($0.place) == .region && $0.level <= .alternate } && a.1.admin1.map { o.name.contains($0) || $0.contains(o.name) } == true
        })
        let one = try incidents("Warplanes struck \(region.name) province on Monday, activists said. The strikes hit \(a.0).")
        let strikes = one.filter { $0.subType == "air_strike" }
        #expect(strikes.count == 1 && strikes.first?.placeID == a.1.id, "\(one.map { ($0.subType, $0.placeID ?? "-", $0.geoPrecision ?? 0) })")
    }

    /// A sentence telling two kinds of event: each place takes the trigger of its own clause, the last before it.
    @Test func eachPlaceTakesTheTriggerOfItsClause() throws {
        let v = try villages(3)
        let (a, b, c) = (v[0], v[1], v[2])
        for text in [
            "Regime forces shelled \(a.0) on Monday, and warplanes carried out air strikes on \(b.0) and \(c.0).",
            "Les forces du régime ont pilonné \(a.0) lundi, tandis que des raids aériens ont visé \(b.0) et \(c.0).",
        ] {
            let found = try incidents(text)
            let kinds = Dictionary(found.compactMap { e in e.placeID.map { ($0, e.subType) } }, uniquingKeysWith: { x, _ in x })
            #expect(kinds[a.1.id] == "shelling", "\(text): \(kinds)")
            #expect(kinds[b.1.id] == "air_strike" && kinds[c.1.id] == "air_strike", "\(text): \(kinds)")
        }
    }
}
