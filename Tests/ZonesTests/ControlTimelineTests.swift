import Foundation
import Testing
import GeoCore
import Geodesy
import Places
import Incidents
@testable import Zones
import TestSupport

/// The control timeline: periods per actor and status, each one's zone the zone `build(asOf:)` draws on its
/// first day. Places from the default gazetteer (GeoNames ids), far enough apart not to overlap.
@Suite(.serialized) struct ControlTimelineTests {
    func place(_ id: String) throws -> Place { try #require(try TestData.defaultGazetteer.get().store.place(id: id)) }
    func day(_ s: String) throws -> ReportDay { try #require(ReportDay(iso: s)) }

    @Test func claimsOnThreeDatesForTwoActorsGiveThePeriodsOfTheirChanges() throws {
        // Ar Raqqah (GeoNames 172955), Al Bāb (174018), Aleppo (170063), Homs (169577).
        let raqqa = try place("geonames:172955"), bab = try place("geonames:174018")
        let aleppo = try place("geonames:170063"), homs = try place("geonames:169577")
        let (d1, d2, d3) = (try day("2016-03-01"), try day("2016-03-05"), try day("2016-03-09"))
        let claims = [
            ZoneClaim(actor: "ISIL", place: raqqa, status: .controls, date: d1, source: "SOHR"),
            ZoneClaim(actor: "Government", place: aleppo, status: .controls, date: d1, source: "SOHR"),
            ZoneClaim(actor: "Government", place: homs, status: .controls, date: nil, source: "AFP"),
            // d2: ISIL takes al-Bab; the regime's zone does not change.
            ZoneClaim(actor: "ISIL", place: bab, status: .captured, date: d2, source: "SOHR"),
            ZoneClaim(actor: "Government", place: aleppo, status: .controls, date: d2, source: "SOHR"),   // said again: no change
            // d3: the regime takes al-Bab from ISIL.
            ZoneClaim(actor: "Government", place: bab, status: .captured, date: d3, source: "SOHR"),
        ]
        let builder = try ControlZoneBuilder(store: TestData.defaultGazetteer.get().store)
        let periods = try builder.timeline(claims)
        let summary = periods.map { "\($0.zone.actor) \($0.zone.status.rawValue) \($0.start?.description ?? "-")…\($0.end?.description ?? "-") \($0.zone.places.joined(separator: "+"))" }
        #expect(summary == [
            "Government controls -…- Homs",
            "Government controls 2016-03-01…2016-03-08 Aleppo+Homs",
            "Government controls 2016-03-09…2016-03-09 Al Bāb+Aleppo+Homs",
            "ISIL controls 2016-03-01…2016-03-04 Ar Raqqah",
            "ISIL controls 2016-03-05…2016-03-08 Al Bāb+Ar Raqqah",
            "ISIL controls 2016-03-09…2016-03-09 Ar Raqqah",
        ], "\(summary)")
        // Each dated period's zone is the zone drawn as of its first day (and as of its last).
        for p in periods {
            guard let start = p.start, let end = p.end else { continue }
            for d in [start, end] {
                let asOf = try builder.build(claims, asOf: d)
                let same = try #require(asOf.first { $0.actor == p.zone.actor && $0.status == p.zone.status })
                #expect(same.geometry == p.zone.geometry, "\(p.zone.actor) as of \(d)")
                #expect(same.places == p.zone.places && same.sources == p.zone.sources)
            }
        }
    }

    @Test func withoutDatesThereIsOnlyTheUndatedPeriod() throws {
        let raqqa = try place("geonames:172955")
        let periods = try ControlZoneBuilder(store: TestData.defaultGazetteer.get().store)
            .timeline([ZoneClaim(actor: "ISIL", place: raqqa, status: .controls, date: nil, source: "t")])
        #expect(periods.count == 1)
        #expect(periods.first?.start == nil && periods.first?.end == nil)
        #expect(periods.first?.zone.places == ["Ar Raqqah"])
    }
}
