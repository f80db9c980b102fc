import Foundation
import Testing
import Geoparsing
import Incidents
import Places
@testable import Reports
import TestSupport

@Suite(.serialized) struct SeedEventTests {
    static let text = (try? String(contentsOf: TestData.shared.appendingPathComponent("corpus/000_b936dedbd59c1222.txt"), encoding: .utf8)) ?? ""

    /// The seed with WOF imported and --date 2014-01-14 (issue 6: the capture date is not the report date).
    func result() throws -> EventExtractor.Result {
        let x = try Geoparser(gazetteer: TestData.wofGazetteer.get()).extract(text: Self.text, source: "seed")
        return EventExtractor().extract(text: Self.text, mentions: x.mentions, reportDate: ReportDay(iso: "2014-01-14"))
    }

    @Test func carBombAtRamHamdaneWithBothClaims() throws {
        let r = try result()
        let bomb = try #require(r.incidents.first { $0.subType == "car_bomb" })
        #expect(bomb.placeID == "wof:1343739475")
        #expect(bomb.actors.first == "ISIL")
        #expect(Set(bomb.claims) == [FatalityClaim(source: "SOHR", count: 8), FatalityClaim(source: "al-Khabar", count: 22)])
        #expect(bomb.fatalitiesBest == 8 && bomb.fatalitiesHigh == 22)
        #expect(bomb.date?.description == "2014-01-14" && bomb.dateSource == .text)   // "dans la nuit de lundi à mardi"
        #expect(r.incidents.filter { $0.subType == "car_bomb" }.count == 1)
    }

    @Test func kantariPrisonersShellingAndTheEmir() throws {
        let r = try result()
        let kantari = try #require(r.incidents.first { $0.locationText == "Kantari" })
        #expect(kantari.actors.contains("Ahrar al-Sham"))
        #expect(kantari.fatalitiesBest == 46)
        #expect(kantari.date?.description == "2014-01-12")                              // "dimanche soir"
        #expect(abs((kantari.point?.latitude ?? 0) - 36.673779193) < 1e-6)              // 80 km north of Raqqa
        #expect(kantari.geoPrecision == 2)
        let prisoners = try #require(r.incidents.first { $0.fatalitiesBest == 14 })
        #expect(prisoners.geoPrecision == 3)                                            // "à 120 km de Homs": a ring
        let shelling = try #require(r.incidents.first { $0.subType == "shelling" })
        #expect(shelling.fatalitiesBest == 18 && shelling.placeID == "geonames:169577")
        #expect(shelling.actors.first == "Syrian government forces")
        let emir = try #require(r.incidents.first { $0.placeID == "geonames:172082" })
        #expect(emir.actors.first == "ISIL")
    }

    @Test func controlClaims() throws {
        let r = try result()
        #expect(r.control.contains { $0.actor == "ISIL" && $0.placeID == "geonames:172955" && $0.status == .controls })
        #expect(r.control.contains { $0.actor == "ISIL" && $0.placeID == "geonames:174018" && $0.status == .captured })
        #expect(r.reportDateSource == .given)
    }
}

@Suite struct DateTests {
    @Test func daysResolveAgainstTheReportDate() throws {
        let report = try #require(ReportDay(iso: "2014-01-14"))   // a Tuesday
        #expect(report.weekday == 3)
        func resolve(_ s: String) -> String? { EventExtractor().date(NameFolding.fold(s).split(separator: " ").map(String.init), report: report, reportSource: .given).0?.description }
        #expect(resolve("dans la nuit de lundi à mardi") == "2014-01-14")
        #expect(resolve("dimanche soir") == "2014-01-12")
        #expect(resolve("la veille") == "2014-01-13")
        #expect(resolve("yesterday") == "2014-01-13")
        #expect(resolve("on Friday") == "2014-01-10")
        #expect(resolve("sans jour") == "2014-01-14")
    }

    @Test func timePrecisionFollowsACLED() {
        func p(_ s: String) -> Int { EventExtractor().timePrecision(NameFolding.fold(s).split(separator: " ").map(String.init)) }
        #expect(p("tués samedi à Alep") == 1)
        #expect(p("killed last week in Homs") == 2)
        #expect(p("tués fin mars à Idleb") == 3)
        #expect(p("en novembre") == 3)
    }

    @Test func datelines() {
        #expect(Dateline.find(in: "BEYROUTH, 25 avr 2015 (AFP) - Une coalition")?.description == "2015-04-25")
        #expect(Dateline.find(in: "Friday, 14 December 2018\n\nThe Syrian")?.description == "2018-12-14")
        #expect(Dateline.find(in: "no date here") == nil)
        #expect(ReportDay(iso: "2014-02-30") == nil)
    }

    /// Day validity and the ISO text agree with Foundation's Gregorian calendar for every day 1896–2104.
    @Test func calendarDaysAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var disagreements: [String] = []
        for year in 1896...2104 {
            for month in 1...12 {
                for day in 1...31 {
                    let d = calendar.date(from: DateComponents(year: year, month: month, day: day))!
                    let valid = calendar.component(.day, from: d) == day
                    let r = ReportDay(year: year, month: month, day: day)
                    let iso = String(format: "%04d-%02d-%02d", year, month, day)
                    if (r != nil) != valid || (r != nil && r!.description != iso) { disagreements.append(iso) }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func claimsCarryTheirSources() {
        let text = "Ils ont perdu au moins 22 des leurs (selon le site d'information alKhabar et non 8 selon l'OSDH)"
        #expect(Set(EventExtractor().fatalityClaims(in: text)) == [FatalityClaim(source: "al-Khabar", count: 22), FatalityClaim(source: "SOHR", count: 8)])
        #expect(EventExtractor().fatalityClaims(in: "à 80 km au nord, 50 autres blessés").isEmpty)
    }
}

@Suite struct ControlVerbTests {
    /// What `lastVerb` replaces: every verb tried at every position from the end, the verb ending last winning
    /// (on a tie the longer, then the earlier in the file).
    static func scan(_ words: [String]) -> (end: Int, status: ControlStatus)? {
        var best: (end: Int, length: Int, status: ControlStatus)?
        for (v, status) in ControlReader.standard.verbs where words.count >= v.count {
            for i in stride(from: words.count - v.count, through: 0, by: -1) where words[i..<(i + v.count)].elementsEqual(v) {
                if best == nil || i + v.count > best!.end || (i + v.count == best!.end && v.count > best!.length) { best = (i + v.count, v.count, status) }
                break
            }
        }
        return best.map { ($0.end, $0.status) }
    }

    @Test func lastControlVerbIsTheScanOverEveryVerb() {
        // Sentences of verb words (whole verbs and their parts), list words and names, in random order.
        let pieces = Set(ControlReader.standard.verbs.flatMap(\.words)).sorted() + ["de", "et", "and", "Idleb", "the", "town", "of"]
        var rng = SplitMix64(seed: 5)
        var found = 0
        for k in 0..<3000 {
            let words = (0..<Int.random(in: 0...24, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
            let got = ControlReader.standard.lastVerb(in: words), want = Self.scan(words)
            #expect(got?.end == want?.end && got?.status == want?.status, "case \(k): \(words.joined(separator: " "))")
            if want != nil { found += 1 }
        }
        #expect(found > 1000)
    }

    @Test func asciiTextReadsAsByCharacters() {
        // Texts of every length around the 70- and 120-character windows, spaces in runs and at the ends.
        let pieces = Set(ControlReader.standard.verbs.flatMap(\.words)).sorted()
            + ["de", "et", "idleb", "la", "ville", "poste", "controle", "x", "", " ", "a1"]
        var rng = SplitMix64(seed: 8)
        var claims = 0
        for k in 0..<3000 {
            let text = (0..<Int.random(in: 0...45, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ")
            #expect(EventExtractor.words(of: text) == text.split(separator: " ").map(String.init), "case \(k)")
            let fast = ControlReader.standard.status(text), general = ControlReader.standard.status(text, asciiFastPath: false)
            #expect(fast == general, "case \(k): \(text)")
            if fast != nil { claims += 1 }
        }
        #expect(claims > 300)
    }

    @Test func wordsOfAFoldAreItsSplit() {
        for text in ["", " ", "a", "al bab  a 80 km", " raqqa ", SeedEventTests.text] {
            let folded = NameFolding.fold(text)
            #expect(EventExtractor.words(of: folded) == folded.split(separator: " ").map(String.init))
            #expect(EventExtractor.words(of: text) == text.split(separator: " ").map(String.init))
        }
    }

    /// The gate's one look-up per word answers as the lists it was made from: every word of those lists, of the
    /// lexicon's phrases and of the seed report, and words that differ from list words by one letter.
    @Test func theGateTableAnswersAsItsLists() {
        let e = EventExtractor(), lists = e.lists, lexicon = e.lexicon
        var words = Set(SentenceTokens.tokenize(Array(SeedEventTests.text.unicodeScalars), 0..<SeedEventTests.text.unicodeScalars.count).words)
        for list in [lists.killWords, lists.killVerbs, lists.killVerbsAdjacent, lists.holdingWords, e.control.gateWords] { words.formUnion(list.words) }
        words.formUnion(lexicon.triggersByFirstWord.keys)
        words.formUnion(lexicon.aliasesByFirstWord.keys)
        for w in Array(words) where w.count > 2 { words.insert(String(w.dropLast())); words.insert(w + "s") }
        var kinds = [0, 0, 0, 0]
        for w in words {
            var expected: UInt8 = 0
            if lexicon.triggersByFirstWord[w] != nil { expected |= EventExtractor.triggerWord; kinds[0] += 1 }
            if lists.killWords.contains(w) || lists.killVerbs.contains(w) || lists.killVerbsAdjacent.contains(w) { expected |= EventExtractor.tollWord; kinds[1] += 1 }
            if e.control.gateWords.contains(w) || lists.holdingWords.contains(w) { expected |= EventExtractor.claimWord; kinds[2] += 1 }
            if lexicon.aliasesByFirstWord[w]?.contains(where: { lexicon.aliases[$0].isSource }) == true { expected |= EventExtractor.sourceWord; kinds[3] += 1 }
            #expect((e.gate[w] ?? 0) == expected, "\(w)")
        }
        #expect(kinds.allSatisfy { $0 > 3 } && words.count > 1_000, "\(kinds) of \(words.count)")
    }

    /// "with no casualties" looked for by first word answers as a scan for every phrase at every position, on
    /// slices that do not start at 0 (a clause of a sentence): random runs of the phrases' words and others.
    @Test func noCasualtiesByFirstWordIsTheScanOfEveryPhrase() {
        let e = EventExtractor()
        let phrases = e.lists.noCasualtiesByFirstWord.keys.flatMap { e.lists.noCasualtiesByFirstWord[$0]! }
        let pool = Array(Set(phrases.flatMap { $0 })) + ["the", "reported", "killed", "de", "no", "sans"]
        var rng = SplitMix64(seed: 2416)
        var said = 0
        for _ in 0..<4_000 {
            let words = (0..<Int(rng.uniform(0, 14))).map { _ in pool[Int(rng.uniform(0, Double(pool.count) - 0.001))] }
            let lo = words.isEmpty ? 0 : Int(rng.uniform(0, Double(words.count) - 0.001))
            let clause = words[lo...]
            let scan = phrases.contains { p in
                clause.indices.contains { i in i + p.count <= clause.endIndex && clause[i..<(i + p.count)].elementsEqual(p) }
            }
            #expect(e.saysNoCasualties(clause) == scan, "\(clause)")
            if scan { said += 1 }
        }
        #expect(phrases.count >= 5 && said > 100, "\(said)")
    }
}

