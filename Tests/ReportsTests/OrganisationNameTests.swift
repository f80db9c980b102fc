import Foundation
import Testing
import GeoCore
import Places
import Geoparsing
import Incidents
import Reports
import TestSupport

/// Issue 19, false readings: a place name inside an organisation's or a medium's name ("Raqqa is Being
/// Slaughtered Silently", "l'Etat islamique en Irak et au Levant") is no mention. The names are the multi-word
/// aliases of Sources/Reports/Lexicon/actors.csv that hold a word the gazetteer knows as a place.
@Suite(.serialized) struct OrganisationNameTests {
    static func aliasesHoldingAPlaceName() throws -> [String] {
        let g = try TestData.wofGazetteer.get()
        let path = TestData.packageRoot.appendingPathComponent("Sources/Reports/Lexicon/actors.csv").path
        var it = CSVReader(text: try String(contentsOfFile: path, encoding: .utf8)).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        var out: [String] = []
        while let r = it.next() {
            guard let alias = h.value("alias", in: r), alias.split(separator: " ").count >= 2 else { continue }
            let holdsPlace = alias.split(separator: " ").contains { w in
                w.first?.isUppercase == true && g.rank(String(w)).contains { $0.level <= .alternate }
            }
            if holdsPlace { out.append(alias) }
        }
        return out
    }

    @Test func placeNamesInsideOrganisationNamesAreNoMentions() throws {
        let aliases = try Self.aliasesHoldingAPlaceName()
        #expect(aliases.count >= 4)
        let reader = try ReportReader(gazetteer: TestData.wofGazetteer.get(), workers: 1)
        let villages = try TestData.uniqueWOFVillages(aliases.count, seed: 37)
        for (alias, village) in zip(aliases, villages) {
            let want = try #require(try TestData.wofGazetteer.get().store.place(id: village.id)?.id)
            for text in ["\(alias) said that regime shelling killed 3 people in \(village.name) on Monday.",
                         "Selon \(alias), trois personnes ont été tuées lundi à \(village.name)."] {
                let out = try reader.read(text, reportDate: ReportDay(iso: "2016-03-10"), reportDateSource: .given)
                let at = text.range(of: alias)!
                let span = text.distance(from: text.startIndex, to: at.lowerBound)..<text.distance(from: text.startIndex, to: at.upperBound)
                let inside = out.mentions.filter { span.overlaps($0.start..<$0.end) && $0.place != nil }
                #expect(inside.isEmpty, "\(text) → \(inside.map { "\($0.text) → \($0.place!.id)" })")
                #expect(out.mentions.contains { $0.place?.id == want }, "\(text)")
            }
        }
    }
}
