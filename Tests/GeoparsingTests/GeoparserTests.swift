import Foundation
import Testing
import GeoCore
import Places
@testable import Geoparsing
import TestSupport

enum Paths {
    static let shared = TestData.shared
    static let seed = shared.appendingPathComponent("corpus/000_b936dedbd59c1222.txt").path
    static var gazetteer: Result<Gazetteer, Error> { TestData.defaultGazetteer }
    static var wofGazetteer: Result<Gazetteer, Error> { TestData.wofGazetteer }
}

@Suite(.serialized) struct SeedTests {
    static let text = (try? String(contentsOfFile: Paths.seed, encoding: .utf8)) ?? ""

    func extraction() throws -> Extraction {
        try Geoparser(gazetteer: Paths.wofGazetteer.get()).extract(text: Self.text, source: "seed")
    }

    @Test func offsetsAreCodePoints() throws {
        let x = try extraction()
        let scalars = Array(Self.text.unicodeScalars)
        #expect(!x.mentions.isEmpty)
        for m in x.mentions { #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text) }
        #expect(x.lang == "fr")
    }

    /// Issue 5's list, with GeoNames ids of cities500 and WOF 1343739475 for Ram Hamdan.
    @Test func seedNamesResolve() throws {
        let x = try extraction()
        func ids(_ surface: String) -> Set<String> { Set(x.mentions.filter { $0.text == surface && $0.relative == nil }.compactMap { $0.place?.id }) }
        #expect(ids("Raqqa") == ["geonames:172955"])
        #expect(ids("Raqa") == ["geonames:172955"])
        #expect(ids("Homs") == ["geonames:169577"])
        #expect(ids("al-Bab") == ["geonames:174018"])
        #expect(ids("Azzaz") == ["geonames:172082"])
        #expect(ids("Hasaka") == ["geonames:173811"])
        #expect(ids("Ram-Hamdane") == ["wof:1343739475"])
        #expect(ids("Ram Hamdane") == ["wof:1343739475"])
        // "la ville d'Idleb" is the city; "la province d'Idleb" and "la province d'Alep" the governorates.
        let cityIdleb = x.mentions.first { $0.text == "Idleb" && Self.before($0, 15).hasSuffix("la ville d'") }
        #expect(cityIdleb?.place?.id == "geonames:169389")
        let provinceIdleb = x.mentions.first { $0.text == "Idleb" && Self.before($0, 15).hasSuffix("province d'") }
        #expect(provinceIdleb?.place?.kind == .region)
        #expect(x.mentions.filter { $0.text == "Alep" }.allSatisfy { $0.place?.name == "Aleppo" })
    }

    @Test func noFalsePlaces() throws {
        let x = try extraction()
        let surfaces = Set(x.mentions.filter { $0.place != nil }.map(\.text))
        for wrong in ["Jerusalem", "Un", "Cham", "Salem", "EIIL", "al-Khabar", "alKhabar", "Ahmad", "Al-Alam"] {
            #expect(!surfaces.contains(wrong), "\(wrong) taken for a place")
        }
    }

    @Test func relativeExpressionsOfTheSeed() throws {
        let x = try extraction()
        let kantari = try #require(x.mentions.first { $0.relative != nil && $0.text.hasPrefix("à 80 km au nord de Raqa") })
        let r = try #require(kantari.relative)
        // Issue 2: 80 km north of Raqqa = 36.673779193 N, 39.00788 E.
        #expect(abs(r.point.latitude - 36.673779193) < 1e-6 && abs(r.point.longitude - 39.00788) < 1e-6)
        #expect(r.geoPrecision == 2)
        #expect(r.namedPlace?.text == "Kantari" && r.namedPlace?.place == nil)
        let unresolved = try #require(x.mentions.first { $0.text == "Kantari" })
        #expect(unresolved.place == nil)
        let homs = try #require(x.mentions.first { $0.text == "à 120 km de Homs" })
        #expect(homs.relative?.expression.form == .distanceOnly)
        let idleb = try #require(x.mentions.first { $0.text == "au nord-est de la ville d'Idleb" })
        #expect(idleb.relative?.namedPlace?.place?.id == "wof:1343739475")
    }

    @Test func withoutWOFRamHamdaneFallsBackToNorthEastOfIdleb() throws {
        let x = try Geoparser(gazetteer: Paths.gazetteer.get()).extract(text: Self.text, source: "seed")
        #expect(!x.mentions.contains { $0.place?.name == "Ram Hamdan" })
        let ne = try #require(x.mentions.first { $0.text == "au nord-est de la ville d'Idleb" })
        #expect(ne.relative?.anchor.id == "geonames:169389")
        #expect(ne.relative?.namedPlace?.place == nil)
    }

    static func before(_ m: Mention, _ n: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[max(0, m.start - n)..<m.start]))
    }
}

@Suite struct DevCorpusTests {
    /// A floor under the dev-corpus scores, so that a change that breaks geoparsing fails here (the figures
    /// themselves are printed by scripts/score_dev.py).
    @Test func devCorpusScoresStayHigh() throws {
        let parser = try Geoparser(gazetteer: Paths.wofGazetteer.get())
        let dev = Paths.shared.appendingPathComponent("corpus/dev")
        let gold = try String(contentsOf: dev.appendingPathComponent("dev_gold.jsonl"), encoding: .utf8).split(separator: "\n")
        var tp = 0, predicted = 0, total = 0
        for line in gold {
            let g = try JSONReader.parse(String(line))
            let file = try #require(g["file"]?.stringValue)
            let text = try String(contentsOf: dev.appendingPathComponent(file), encoding: .utf8)
            let x = try parser.extract(text: text, source: file)
            let toponyms = g["toponyms"]?.arrayValue ?? []
            let foreign = (g["not_linked"]?.arrayValue ?? []).filter { $0["type"]?.stringValue == "foreign" }
            total += toponyms.count
            for m in x.mentions where m.relative == nil {
                guard let place = m.place else { continue }
                func overlaps(_ v: JSONValue) -> Bool {
                    guard let s = v["start"]?.numberValue, let e = v["end"]?.numberValue else { return false }
                    return m.start < Int(e) && Int(s) < m.end
                }
                if foreign.contains(where: overlaps) { continue }
                predicted += 1
                guard let t = toponyms.first(where: overlaps) else { continue }
                let ids = Set(place.otherIDs + [place.id])
                let goldIDs = Set([t["wof_id"]!] + (t["alt_wof_ids"]?.arrayValue ?? [])).compactMap { $0.numberValue }.map { "wof:\(Int($0))" }
                let sameGeoNames = t["geonames_id"]?.numberValue.map { Int($0) == place.geonamesID } ?? false
                if !ids.isDisjoint(with: goldIDs) || sameGeoNames { tp += 1 }
            }
        }
        let precision = Double(tp) / Double(max(1, predicted)), recall = Double(tp) / Double(max(1, total))
        #expect(precision > 0.85, "precision \(precision)")
        #expect(recall > 0.85, "recall \(recall)")
    }
}

@Suite struct TokenizerTests {
    /// Words of ASCII letters and digits skip the general fold; what they get is its answer. Every word of the
    /// corpus (French, English, Arabic script) and a few made-up ones.
    @Test func asciiWordsFoldToWhatTheFoldGives() throws {
        let corpus = Paths.shared.appendingPathComponent("corpus")
        let dev = corpus.appendingPathComponent("dev")
        let files = try [corpus.appendingPathComponent("000_b936dedbd59c1222.txt")]
            + FileManager.default.contentsOfDirectory(at: dev, includingPropertiesForKeys: nil).filter { $0.pathExtension == "txt" }
        let text = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
            + " ALEP Raqqa2014 d'Idleb Ma'arrat A'zaz Hassaké ÉTAT 80km Z9 zz"
        let tokens = Tokenizer.tokens(Array(text.unicodeScalars))
        var fast = 0
        for t in tokens {
            #expect(t.folded == NameFolding.fold(t.text), "\(t.text)")
            if Tokenizer.asciiLowercased(Array(t.text.unicodeScalars)[...]) != nil { fast += 1 }
        }
        #expect(fast > tokens.count / 2 && fast < tokens.count)
    }
}
