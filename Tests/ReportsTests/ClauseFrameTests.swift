import Foundation
import Testing
import Geoparsing
import Incidents
import Places
@testable import Reports
import TestSupport

/// Issue 20: events read clause by clause, tolls per source, sides as ACLED codes them, ACLED's taxonomy and the
/// control claims real reports make. Every text here is written for the test, in both languages, with villages
/// drawn from Who's On First Syria (single-word names the gazetteer reads one way), none from the dev corpus.
@Suite(.serialized) struct ClauseFrameTests {
    /// Villages of one governorate, drawn from WOF: (name, place) × n.
    func villages(_ n: Int, seed: UInt64 = 31) throws -> [(String, Place)] {
        let found = try TestData.villagesOfOneGovernorate(n, pool: 300, seed: seed)
        try #require(!found.isEmpty, "no WOF village with a governorate")
        return found
    }

    /// What `geomap extract` reads: `ReportReader`, whose geoparser knows the lexicon's organisation names.
    func read(_ text: String, date: String = "2019-03-12") throws -> EventExtractor.Result {
        try ReportReader(gazetteer: TestData.wofGazetteer.get(), workers: 1).read(text, reportDate: ReportDay(iso: date), reportDateSource: .given).events
    }

    /// The incidents at a place (a village merged into another record keeps its ids in `otherIDs`).
    func at(_ r: EventExtractor.Result, _ p: Place) -> [Incident] {
        r.incidents.filter { $0.placeID.map { $0 == p.id || p.otherIDs.contains($0) } == true }
    }

    @Test func eachClauseHasItsOwnEventSidesAndToll() throws {
        let v = try villages(3)
        let (a, b, c) = (v[0], v[1], v[2])
        for text in [
            "Regime artillery shelled \(a.0) on Tuesday, while Russian warplanes struck \(b.0) and \(c.0), killing 5 civilians according to the White Helmets.",
            "L'artillerie du régime a pilonné mardi \(a.0), tandis que l'aviation russe a frappé \(b.0) et \(c.0), tuant 5 civils selon la défense civile.",
        ] {
            let r = try read(text)
            let shelled = try #require(at(r, a.1).first, "\(text): \(r.incidents.map { ($0.subType, $0.placeID ?? "-") })")
            #expect(shelled.subType == "shelling" && shelled.actors.first == "Syrian government forces" && shelled.claims.isEmpty, "\(text)")
            let struck = try #require(at(r, b.1).first, "\(text)")
            #expect(struck.subType == "air_strike" && struck.actors == ["Russian forces"], "\(text): \(struck.actors)")
            #expect(struck.claims == [FatalityClaim(source: "Syrian Civil Defence", count: 5)], "\(text): \(struck.claims)")
            // The toll of a list stays with its first place.
            #expect(at(r, c.1).first?.subType == "air_strike" && at(r, c.1).first?.claims.isEmpty == true, "\(text)")
        }
    }

    @Test func tollsKeepEverySourceAndLeaveOutSubsetsAndTheWounded() {
        let x = EventExtractor()
        func claims(_ s: String) -> Set<FatalityClaim> { Set(x.fatalityClaims(in: s)) }
        #expect(claims("At least 12 people, including four children, were killed, the Observatory said, while the civil defence put the toll at 17.")
            == [FatalityClaim(source: "SOHR", count: 12), FatalityClaim(source: "Syrian Civil Defence", count: 17)])
        #expect(claims("Au moins 9 civils, dont trois femmes, ont été tués selon l'OSDH, 11 d'après des militants locaux.")
            == [FatalityClaim(source: "SOHR", count: 9), FatalityClaim(source: "local activists", count: 11)])
        // The sides of one toll add up; the wounded are no toll.
        #expect(claims("The fighting left 7 soldiers and 4 militants dead, according to SANA.") == [FatalityClaim(source: "SANA", count: 11)])
        #expect(claims("The shells hit a school, killing 3 pupils and wounding 20, among them two teachers, activists said.").map(\.count) == [3])
        #expect(claims("Les frappes ont fait 6 morts et 15 blessés selon l'OSDH.") == [FatalityClaim(source: "SOHR", count: 6)])
        // "nearly N", "près de N", "plus de N": N; "dozens" is 12 only where no figure is given.
        #expect(claims("Nearly 30 fighters were killed, SOHR said.").map(\.count) == [30])
        #expect(claims("Près de 40 combattants ont péri selon l'OSDH.").map(\.count) == [40])
        #expect(claims("Dozens of fighters were killed, activists said.").map(\.count) == [12])
        // A source named with "the same source": the one named before.
        let r = x.fatalityClaims(in: "8 civilians were killed according to SANA; 3 more died in the shelling, the same source added.")
        #expect(Set(r) == [FatalityClaim(source: "SANA", count: 8), FatalityClaim(source: "SANA", count: 3)], "\(r)")
    }

    @Test func sidesAsACLEDCodesThem() throws {
        let v = try villages(6, seed: 32)
        var r = try read("Turkish drones struck \(v[0].0) on Monday.")
        #expect(at(r, v[0].1).first?.actors == ["Turkish forces"])
        r = try read("Unidentified gunmen shot dead a teacher in \(v[1].0), SOHR said.")
        let shot = try #require(at(r, v[1].1).first)
        #expect(shot.actors == ["Unidentified"] && shot.eventType == "Violence against civilians" && shot.claims.map(\.count) == [1])
        // Warplanes nobody is named for have no side; barrel bombs are the regime's, said in the notes.
        r = try read("Warplanes struck \(v[2].0) at dawn.")
        #expect(at(r, v[2].1).first?.actors == [])
        r = try read("Barrel bombs fell on \(v[3].0), killing two women.")
        let barrels = try #require(at(r, v[3].1).first)
        #expect(barrels.actors == ["Syrian government forces"] && barrels.notes?.contains("ACLED") == true)
        // French names of the sides; a source is never a side.
        r = try read("Les forces loyalistes ont pilonné \(v[4].0), selon l'Observatoire syrien des droits de l'Homme.")
        #expect(at(r, v[4].1).first?.actors == ["Syrian government forces"], "\(v[4].0): \(r.incidents.map { ($0.subType, $0.placeID ?? "-", $0.actors) })")
        r = try read("Daech a exécuté deux hommes à \(v[5].0), a rapporté l'OSDH.")
        let executed = try #require(at(r, v[5].1).first)
        #expect(executed.actors == ["ISIL"] && executed.subType == "execution" && executed.claims.map(\.count) == [2])
    }

    @Test func acledTaxonomy() throws {
        let v = try villages(8, seed: 33)
        let cases: [(String, String, String)] = [
            ("A landmine exploded near \(v[0].0), killing two shepherds.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
            ("Une mine terrestre a explosé près de \(v[1].0), tuant un berger.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
            ("A suicide bomber blew himself up at a checkpoint in \(v[2].0).", "Explosions/Remote violence", "Suicide bomb"),
            ("Activists reported a chlorine gas attack on \(v[3].0).", "Explosions/Remote violence", "Chemical weapon"),
            ("Air defences intercepted missiles over \(v[4].0) overnight.", "Strategic developments", "Disrupted weapons use"),
            ("Des manifestants ont protesté à \(v[5].0) contre la conscription.", "Protests", "Peaceful protest"),
        ]
        for (text, type, sub) in cases {
            let r = try read(text)
            let place = v[cases.firstIndex { $0.0 == text }!].1
            let e = try #require(at(r, place).first, "\(text): \(r.incidents.map { ($0.subEventType, $0.placeID ?? "-") })")
            #expect(e.eventType == type && e.subEventType == sub, "\(text): \(e.eventType) / \(e.subEventType)")
        }
        // Reinforcements, displacement and statements are no events.
        let none = try read("Regime forces sent reinforcements to \(v[6].0). Thousands were displaced from \(v[7].0), the UN said.")
        #expect(none.incidents.isEmpty, "\(none.incidents.map { ($0.subType, $0.placeID ?? "-") })")
    }

    @Test func controlClaimsActivePassiveStatesAndLists() throws {
        let v = try villages(9, seed: 34)
        func claims(_ text: String) throws -> [(String, String, ControlStatus)] {
            try read(text).control.compactMap { c in c.actor.map { ($0, c.placeID ?? "-", c.status) } }
        }
        func has(_ found: [(String, String, ControlStatus)], _ actor: String, _ p: Place, _ holds: Bool) -> Bool {
            found.contains { $0.0 == actor && $0.1 == p.id && $0.2.holds == holds }
        }
        var c = try claims("Government troops seized \(v[0].0), \(v[1].0) and \(v[2].0) on Monday.")
        #expect([0, 1, 2].allSatisfy { has(c, "Syrian government forces", v[$0].1, true) }, "\(c)")
        c = try claims("\(v[3].0) was captured by HTS on Sunday.")
        #expect(has(c, "HTS", v[3].1, true), "\(c)")
        c = try claims("Le village de \(v[4].0) est tombé aux mains de Daech la semaine dernière.")
        #expect(has(c, "ISIL", v[4].1, true), "\(c)")
        c = try claims("Kurdish forces still hold \(v[5].0), a village held by the SDF since 2017.")
        #expect(has(c, "SDF", v[5].1, true) || has(c, "YPG", v[5].1, true), "\(c)")
        c = try claims("La localité de \(v[6].0), tenue par les rebelles, a été bombardée.")
        #expect(has(c, "Rebels", v[6].1, true), "\(c)")
        // Taken after fighting: the side that held it lost it, and the fighting is the territorial change.
        let r = try read("The SDF took control of \(v[7].0), a town held by the Islamic State, after three days of fighting.")
        #expect(r.control.contains { $0.actor == "ISIL" && $0.placeID == v[7].1.id && $0.status == .lost }, "\(r.control)")
        let fight = try #require(at(r, v[7].1).first)
        #expect(fight.subEventType == "Non-state actor overtakes territory")
        #expect(r.control.contains { $0.actor == "SDF" && $0.incident == fight.id })
        c = try claims("Fighting raged between the regime and HTS for control of \(v[8].0).")
        #expect(has(c, "HTS", v[8].1, false) && c.contains { $0.1 == v[8].1.id && $0.2 == .contested }, "\(c)")
    }

    @Test func aTollForAWholeGovernorateIsNotCopiedOntoEachIncident() throws {
        let v = try villages(2, seed: 35)
        let g = try TestData.wofGazetteer.get()
        let region = try #require(try g.store.outlines(kind: .region, countries: ["SY"]).first { o in
            g.rank(o.name).contains { g.index.kind($0.place) == .region && $0.level <= .alternate } && v[0].1.admin1.map { o.name.contains($0) || $0.contains(o.name) } == true
        })
        let r = try read("At least 13 civilians were killed in air strikes on \(region.name) province, SOHR said. Warplanes struck \(v[0].0) and \(v[1].0).")
        let strikes = r.incidents.filter { $0.subType == "air_strike" }
        #expect(Set(strikes.compactMap(\.placeID)) == [v[0].1.id, v[1].1.id], "\(strikes.map { ($0.placeID ?? "-", $0.geoPrecision ?? 0) })")
        #expect(strikes.allSatisfy { $0.claims.isEmpty })
    }

    /// A toll told with a capture and no event word is the fighting's.
    @Test func aTollWithACaptureIsTheFighting() throws {
        let v = try villages(1, seed: 37)
        let r = try read("ISIS seized \(v[0].0) on Monday, killing 15 of its defenders, activists said.")
        let fight = try #require(at(r, v[0].1).first, "\(r.incidents.map { ($0.subType, $0.placeID ?? "-") })")
        #expect(fight.eventType == "Battles" && fight.subEventType == "Non-state actor overtakes territory" && fight.claims.map(\.count) == [15])
    }

    @Test func aDatelineCityIsNoPlaceOfEvents() throws {
        let v = try villages(1, seed: 36)
        let text = "ALEP (Syrie), 3 mars 2016 (AFP) - Des raids aériens ont visé \(v[0].0), faisant quatre morts selon l'OSDH."
        let r = try read(text, date: "2016-03-03")
        #expect(r.incidents.count == 1 && r.incidents.first?.placeID == v[0].1.id, "\(r.incidents.map { ($0.subType, $0.placeID ?? "-") })")
        #expect(r.incidents.first?.claims == [FatalityClaim(source: "SOHR", count: 4)])
    }
}
