import Foundation
import Testing
import GeoCore
import Places
@testable import Geoparsing
import TestSupport

/// Issue 19, places that are not settlements: features of ../shared/data/syria-features/features.csv named with
/// their generic word resolve to the feature, in English and French, and their bare name to the settlement of
/// that name. The names come from the data files, not from a list typed here.
@Suite(.serialized) struct FeatureReadingTests {
    /// Rows of the features file: (id, name, kind).
    static func featureRows() throws -> [(id: String, name: String, kind: String)] {
        var it = CSVReader(text: try String(contentsOfFile: TestData.syriaFeaturesPath, encoding: .utf8)).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        var out: [(String, String, String)] = []
        while let r = it.next() { out.append((h.value("id", in: r)!, h.value("name", in: r)!, h.value("kind", in: r)!)) }
        return out
    }

    /// Features whose name is "<Core> <Generic>" for a generic English word of their kind, with the core.
    static func namedWith(_ generic: String, kind: String) throws -> [(id: String, core: String)] {
        try featureRows().compactMap { row in
            guard row.kind == kind, row.name.hasSuffix(" " + generic) else { return nil }
            let core = String(row.name.dropLast(generic.count + 1))
            // One plain word: the sentence templates put it where a name goes.
            guard !core.contains(" "), !core.contains("("), core.first?.isUppercase == true else { return nil }
            return (row.id, core)
        }
    }

    func mentions(_ text: String) throws -> [Mention] {
        try Geoparser(gazetteer: TestData.wofGazetteer.get()).extract(text: text, source: "t").mentions.filter { $0.relative == nil }
    }

    @Test func everyRowImportsWithItsKindAndSource() throws {
        let rows = try Self.featureRows()
        let places = try FeaturesCSV.read(TestData.syriaFeaturesPath, country: "SY")
        #expect(places.count == rows.count)
        let byID = Dictionary(uniqueKeysWithValues: places.map { ($0.id, $0) })
        for row in rows {
            let p = try #require(byID[row.id])
            let expected = row.kind == "region" ? "area" : row.kind
            #expect(p.kind.rawValue == expected, "\(row.id)")
            #expect(p.source.contains("features.csv"))
        }
        // "Tabqa Dam" also answers to "Tabqa", unless another feature is written so ("Sajur" is the river).
        var written: [String: Set<String>] = [:]
        var it = CSVReader(text: try String(contentsOfFile: TestData.syriaFeaturesPath, encoding: .utf8)).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        while let r = it.next() {
            for n in [h.value("name", in: r)!] + (h.value("names", in: r) ?? "").split(separator: "|").map(String.init) {
                written[NameFolding.fold(n), default: []].insert(h.value("id", in: r)!)
            }
        }
        var cores = 0
        for (id, core) in try Self.namedWith("Dam", kind: "dam") {
            let others = (written[NameFolding.fold(core)] ?? []).subtracting([id])
            #expect(byID[id]!.names.contains { $0.text == core } == others.isEmpty, "\(id), core \(core), written by \(others)")
            if others.isEmpty { cores += 1 }
        }
        #expect(cores >= 5)
    }

    @Test func damsAndAirbasesWithTheirGenericWordInBothLanguages() throws {
        let dams = try Self.namedWith("Dam", kind: "dam")
        let airbases = try Self.namedWith("Airbase", kind: "airbase")
        #expect(dams.count >= 5 && airbases.count >= 10)
        for (id, core) in dams {
            for text in ["Aircraft struck the \(core) dam on Monday.", "Des frappes ont visé le barrage de \(core) lundi."] {
                let ids = try mentions(text).compactMap { $0.place?.id }
                #expect(ids == [id], "\(text) → \(ids)")
            }
        }
        for (id, core) in airbases {
            for text in ["Rebels shelled \(core) air base on Monday.", "Les rebelles ont bombardé l'aéroport militaire de \(core) lundi."] {
                let ids = try mentions(text).compactMap { $0.place?.id }
                #expect(ids == [id], "\(text) → \(ids)")
            }
        }
    }

    /// A bare name that is also a settlement reads as the settlement: "Arak" is the town, "barrage d'Arak" the dam.
    @Test func bareNameOfASettlementStaysTheSettlement() throws {
        let g = try TestData.wofGazetteer.get()
        var checked = 0
        for (_, core) in try Self.namedWith("Airbase", kind: "airbase") + Self.namedWith("Dam", kind: "dam") {
            // Names whose best reading alone is a Syrian settlement of that very name.
            guard let top = g.rank(core).first, top.level <= .alternate, !g.index.kind(top.place).isFeature,
                  g.index.country(top.place) == "SY" else { continue }
            checked += 1
            let m = try mentions("Clashes broke out in \(core) on Monday.")
            let kind = try #require(m.first?.place?.kind, "\(core) not found")
            #expect(!kind.isFeature, "bare \(core) read as a \(kind)")
        }
        #expect(checked >= 5)
    }

    @Test func featuresWrittenInFullResolveAndCarryTheirPrecision() throws {
        let rows = try Self.featureRows().filter { $0.kind == "mountain" && $0.name.hasPrefix("Jabal ") && !$0.name.contains("(") }
        #expect(rows.count >= 5)
        for row in rows {
            let ids = try mentions("Fighting continued in \(row.name) on Monday.").compactMap { $0.place?.id }
            #expect(ids == [row.id], "\(row.name) → \(ids)")
        }
        #expect(PlaceKind.mountain.isExtensive && !PlaceKind.airbase.isExtensive && !PlaceKind.town.isFeature)
    }

    @Test func badFeatureRowsAreRefusedWithFileAndLine() throws {
        let path = try TestData.temporaryFile("features.csv")
        let header = "id,name,names,kind,lat,lon,admin1,parent,source,licence,note\n"
        try (header + "feature:x,X Dam,,volcano,35.1,38.1,,,https://example.org,CC BY-SA 4.0,\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try FeaturesCSV.read(path, country: "SY") } throws: { "\($0)".contains("features.csv:2") && "\($0)".contains("volcano") }
        try (header + "feature:x,X Dam,,dam,35.1,38.1,,,,CC BY-SA 4.0,\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try FeaturesCSV.read(path, country: "SY") } throws: { "\($0)".contains("features.csv:2") && "\($0)".contains("source") }
    }
}
