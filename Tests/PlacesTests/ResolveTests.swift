import Foundation
import Testing
import Synchronization
import GeoCore
import TestSupport
@testable import Places

/// The names of issue 3, resolved on the embedded default (GeoNames cities500 ids as expected answers).
@Suite(.serialized) struct ResolveTests {
    @Test(arguments: [
        ("Raqqa", 172955), ("Raqa", 172955), ("ar-Raqqah", 172955), ("الرقة", 172955),
        ("Azzaz", 172082), ("Azaz", 172082), ("A'zaz", 172082),
        ("al-Bab", 174018), ("Al Bab", 174018), ("El Bab", 174018),
        ("Idleb", 169389), ("Idlib", 169389),
        ("Alep", 170063), ("Aleppo", 170063), ("Halab", 170063),
        ("Homs", 169577), ("Hims", 169577),
        ("Hasaka", 173811), ("Hassaké", 173811), ("al-Hasakah", 173811),
    ])
    func firstCandidateIsTheExpectedGeoNamesPlace(_ name: String, _ geonamesID: Int) throws {
        let g = try DefaultGazetteer.get()
        let best = try #require(try g.resolve(name, limit: 3).first, "\(name) did not resolve")
        #expect(best.place.id == "geonames:\(geonamesID)", "\(name) → \(best.place.id) \(best.place.name)")
    }

    @Test func alBabIsTheCityNotTheVillages() throws {
        // cities500 holds more than one "Al Bab"; the city of 130,745 (GeoNames 174018) must come first.
        let g = try DefaultGazetteer.get()
        let cs = try g.resolve("al-Bab", limit: 10)
        #expect(cs.first?.place.population == 130_745)
        #expect(cs.first?.place.coordinate == Coordinate(longitude: 37.5157, latitude: 36.37051))
    }

    @Test func resultsCarryWhatMatched() throws {
        let g = try DefaultGazetteer.get()
        let raqa = try #require(try g.resolve("Raqa").first)
        #expect(raqa.level == .alias)
        #expect(raqa.matched == "Raqa")
        let idleb = try #require(try g.resolve("Idleb").first)
        #expect(idleb.level == .alternate)
        let noomane = try #require(try g.resolve("Maaret al-Noomane").first)
        #expect(noomane.place.id == "geonames:167611")   // Ma‘arrat an Nu‘mān, by transliteration key
        #expect(noomane.level == .key)
        #expect(raqa.place.admin1 == "Ar Raqqah")         // Natural Earth division holding the point
        #expect(raqa.place.country == "SY")
    }

    @Test func unknownNamesGiveNothing() throws {
        let g = try DefaultGazetteer.get()
        #expect(try g.resolve("Kantari").isEmpty)       // in neither source (issue 3)
        #expect(try g.resolve("Idlbi").isEmpty)         // a misspelling: only with fuzzy matching
        let fuzzy = try g.resolve("Idlbi", context: ResolveContext(allowFuzzy: true))
        #expect(fuzzy.first?.place.id == "geonames:169389")
        #expect(fuzzy.first?.level == .fuzzy)
    }

    @Test func contextDecidesBetweenSameNamedPlaces() throws {
        let g = try DefaultGazetteer.get()
        // "Homs" is also an alternate name of Al Khums in Libya; Syria's Homs wins without context…
        let plain = try g.resolve("Homs", limit: 5)
        #expect(plain.first?.place.country == "SY")
        let libya = try #require(plain.first { $0.place.country == "LY" }, "Al Khums should be a candidate")
        // …and the Libyan one wins near its own coordinates (taken from the gazetteer) or with --country LY.
        let nearKhums = try g.resolve("Homs", context: ResolveContext(near: libya.place.coordinate))
        #expect(nearKhums.first?.place.id == libya.place.id)
        #expect(nearKhums.first?.distanceFromNear?.meters == 0)
        #expect(try g.resolve("Homs", context: ResolveContext(country: "LY")).first?.place.id == libya.place.id)
    }

    @Test func adminContextMatchesAnySpellingOfTheDivision() throws {
        let g = try DefaultGazetteer.get()
        let keys = try g.adminKeys(for: "Idleb")
        #expect(keys.contains(NameKey.key("Idlib")))
        // Places named "Bab…" exist in many governorates; --admin Aleppo keeps Al Bāb (Aleppo governorate) first.
        let cs = try g.resolve("Bab", context: ResolveContext(adminKeys: try g.adminKeys(for: "Halab")))
        #expect(cs.first?.place.admin1 == "Aleppo")
    }

    @Test func nearTiesAreFlagged() throws {
        let g = try DefaultGazetteer.get()
        let cs = try g.resolve("Raqqa", limit: 5)
        #expect(cs.first?.nearTie == false)
        let scores = cs.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    /// One record cache for the workers of a job: read from many threads at once, so small that it empties
    /// itself again and again, it gives each the records the store gives.
    @Test func aSharedRecordCacheGivesEveryThreadTheStoresRecords() throws {
        let g = try DefaultGazetteer.get()
        let names = ["Raqqa", "Aleppo", "Homs", "Hama", "Idlib", "Deir ez-Zor", "Latakia", "Tartus", "Daraa", "Azaz"]
        let rows = names.flatMap { g.rank($0).prefix(6).map { g.index.rowids[$0.place] } }
        let expected = try g.store.places(rowids: rows, variants: false)
        let cache = PlaceRecordCache(store: g.store, limit: 9)
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { k in
            let asked = (0..<7).map { rows[(k * 7 + $0 * 13) % rows.count] }
            let got = try? cache.places(asked)
            let same = got.map { got in asked.allSatisfy { got[$0]?.id == expected[$0]?.id && got[$0]?.coordinate == expected[$0]?.coordinate } } ?? false
            if !same { mismatches.withLock { $0 += 1 } }
        }
        #expect(mismatches.withLock { $0 } == 0)
        #expect(expected.count == Set(rows).count)
    }

    @Test func recordsWithoutVariantsAreTheFullRecordsLessTheirOtherNames() throws {
        // What the extraction's record cache reads: everything of the full record but its name variants.
        let g = try DefaultGazetteer.get()
        let rows = try g.rank("Raqqa").prefix(5).map { g.index.rowids[$0.place] } + g.rank("Aleppo").prefix(5).map { g.index.rowids[$0.place] }
        let full = try g.store.places(rowids: rows)
        let cache = PlaceRecordCache(store: g.store)
        let light = try cache.places(rows)
        #expect(light.count == Set(rows).count && full.count == light.count)
        #expect(full.values.contains { $0.names.count > 1 }, "some of them have variants in the store")
        for (row, f) in full {
            let l = try #require(light[row])
            #expect(l.names.map(\.text) == [f.name])
            #expect(l.id == f.id && l.name == f.name && l.coordinate == f.coordinate && l.kind == f.kind && l.admin1 == f.admin1
                    && l.country == f.country && l.population == f.population && l.otherIDs == f.otherIDs)
        }
    }

    /// A name's ranking without context, scored in a context, is what ranking it in that context gives: names of
    /// Who's On First Syria (every 40th row, with "al-" before, misspelt and bare), in contexts of each kind.
    @Test func aContextRescoresThePlainRankingAsRankingAnewWould() throws {
        let g = try TestData.wofGazetteer.get()
        var it = CSVReader(text: try String(contentsOfFile: TestPaths.wofSyria, encoding: .utf8)).makeIterator()
        let header = CSVHeader(it.next()?.fields ?? [])
        var names: [String] = ["Midan", "al-Midan", "Irak", "Kantari", "Idlbi", "Raqa", "Alep", "Qwzxv"]
        var row = 0
        while let r = it.next() {
            row += 1
            guard row % 40 == 0, let name = header.value("name", in: r) else { continue }
            names += [name, "al-" + name, String(name.dropLast())]
        }
        let aleppo = try #require(g.rank("Aleppo").first)
        let contexts = [ResolveContext(), ResolveContext(country: "SY"), ResolveContext(country: "iq"), ResolveContext(country: "TR"),
                        ResolveContext(near: g.index.coordinate(aleppo.place)), ResolveContext(adminKeys: try g.adminKeys(for: "Idlib")),
                        ResolveContext(country: "SY", allowFuzzy: true), ResolveContext(country: "FR", allowFuzzy: true)]
        func digest(_ r: [RankedPlace]) -> [String] {
            r.map { "\($0.place) \($0.score) \($0.level) \($0.distance?.meters ?? -1) \($0.matchedKey ?? "") \($0.articleDropped)" }
        }
        var compared = 0
        for name in names {
            let plain = g.rank(name)
            for context in contexts {
                let anew = g.rank(name, context: context)
                #expect(digest(g.rank(name, context: context, reusing: plain)) == digest(anew), "\(name) \(context)")
                compared += anew.count
            }
        }
        #expect(compared > 1_000)
        #expect(names.contains { g.rank($0).contains(where: \.articleDropped) }, "a name written with its article is among them")
    }

    @Test func countryCodesIgnoreCaseAndRefuseWhatIsNotTwoLetters() {
        #expect(NameIndex.countryCode("SY") == 0x5359 && NameIndex.countryCode("sy") == 0x5359 && NameIndex.countryCode("Sy") == 0x5359)
        #expect(NameIndex.countryCode(nil) == 0 && NameIndex.countryCode("S") == 0 && NameIndex.countryCode("SYR") == 0)
        // Two bytes of UTF-8 that are one letter: upper-cased as a string, as before the ASCII path.
        #expect(NameIndex.countryCode("é") == UInt16(0xC3) << 8 | 0x89)
    }
}
