import Foundation
import Testing
import GeoCore
import Places
@testable import Geoparsing
import TestSupport

/// Issue 19, names written in lowercase or run together in a list after a plural type word ("the villages of
/// maarzita, kafr sijna and hbeit", "les localités de Kafrnbouda et Hamamiyat"). Villages are Who's On First
/// rows picked by a seeded draw, not names typed here.
@Suite(.serialized) struct ListedNamesTests {
    func ids(_ text: String) throws -> [String] {
        try Geoparser(gazetteer: TestData.wofGazetteer.get()).extract(text: text, source: "t").mentions.compactMap { $0.place?.id }
    }

    @Test func lowercaseNamesInAListAfterAPluralTypeWord() throws {
        let vs = try TestData.uniqueWOFVillages(12, seed: 23)
        #expect(vs.count == 12)
        for k in stride(from: 0, to: vs.count, by: 3) {
            let (a, b, c) = (vs[k], vs[k + 1], vs[k + 2])
            for text in ["Aircraft struck the villages of \(a.name.lowercased()), \(b.name.lowercased()) and \(c.name.lowercased()) on Monday.",
                         "L'aviation a frappé les localités de \(a.name.lowercased()), \(b.name.lowercased()) et \(c.name.lowercased()) lundi."] {
                #expect(try ids(text) == [a.id, b.id, c.id], "\(text)")
            }
            // Without the list, lowercase words stay words.
            #expect(try ids("They spoke of \(a.name.lowercased()) and \(b.name.lowercased()) on Monday.").isEmpty)
        }
    }

    /// Multi-word names written as one word: "Kafrnbouda" for Kafr Nabudah (the key joins words).
    @Test func runTogetherMultiWordNames() throws {
        let g = try TestData.wofGazetteer.get()
        var it = CSVReader(text: try String(contentsOfFile: TestData.wofSyriaPath, encoding: .utf8)).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        var checked = 0
        while let r = it.next(), checked < 10 {
            guard h.value("placetype", in: r) == "locality", let name = h.value("name", in: r), name.hasPrefix("Kafr "),
                  name.split(separator: " ").count == 2, name.allSatisfy({ $0.isLetter || $0 == " " }), let id = h.value("wof_id", in: r),
                  let region = h.value("region", in: r) else { continue }
            // Only names that read as this village alone.
            let ranked = g.rank(name)
            guard ranked.count == 1, ranked[0].level == .exact else { continue }
            let glued = name.replacingOccurrences(of: " ", with: "").lowercased().capitalized
            // A transliteration-key reading needs support from the document: here its governorate (WOF `region`).
            let text = "Les avions ont frappé les localités de \(glued) lundi, dans la province de \(region)."
            let found = try Geoparser(gazetteer: g).extract(text: text, source: "t").mentions.filter { $0.text == glued }.compactMap(\.place)
            // The WOF record, or the GeoNames record it was merged into.
            #expect(found.count == 1 && found.allSatisfy { $0.id == "wof:\(id)" || $0.otherIDs.contains("wof:\(id)") }, "\(glued) → \(found.map(\.id))")
            checked += 1
        }
        #expect(checked == 10)
    }
}
