import Foundation
import Testing
import GeoCore
import Geoparsing
import Incidents
import Reports
import TestSupport

/// A text longer than a block is read block by block, each numbering its incidents from E1; the reader numbers
/// them anew in text order. A control claim's link to the event of its clause must follow its incident.
@Suite(.serialized) struct IncidentNumberingTests {
    @Test func claimsLinkToTheirIncidentAcrossBlocks() throws {
        let villages = try TestData.uniqueWOFVillages(60, seed: 1_206)
        let openings = ["Heavy clashes broke out on Monday around {} between regime forces and the rebels, activists said.",
                        "Fighting raged near {} overnight, the Observatory reported.",
                        "Government troops shelled {} on Tuesday."]
        let captures = ["Regime forces regained control of {} after the rebels withdrew.",
                        "Rebels seized {} from government forces at dawn.",
                        "The army recaptured {} later that day."]
        // Each village in three paragraphs, far apart: 180 short reports, some 25,000 code points.
        let text = (0..<3 * villages.count).map { k in
            let v = villages[k % villages.count].name
            return openings[k % 3].replacingOccurrences(of: "{}", with: v) + " " + captures[(k / 7) % 3].replacingOccurrences(of: "{}", with: v)
        }.joined(separator: "\n\n")
        #expect(Geoparser.blocks(Array(text.unicodeScalars)).count >= 2)
        let reader = try ReportReader(gazetteer: TestData.wofGazetteer.get(), workers: 2)
        let out = try reader.read(text, reportDate: ReportDay(iso: "2016-03-10"), reportDateSource: .given, firstIncident: 7)
        let incidents = out.events.incidents
        // Numbered from the first number asked, in text order, each once.
        #expect(incidents.map(\.id) == incidents.indices.map { "E\($0 + 7)" })
        #expect(zip(incidents, incidents.dropFirst()).allSatisfy { $0.evidence.lowerBound <= $1.evidence.lowerBound })
        let byID = Dictionary(uniqueKeysWithValues: incidents.map { ($0.id, $0) })
        let linked = out.events.control.filter { $0.incident != nil }
        #expect(linked.count >= villages.count / 2, "\(linked.count) linked claims")
        for claim in linked {
            let incident = try #require(byID[claim.incident!], "\(claim.placeText): no incident \(claim.incident!)")
            // The link joins a claim to the fighting or the change of hands at its own place, in its own clause.
            #expect(incident.placeID == claim.placeID, "\(claim.placeText) → \(claim.incident!) at \(incident.locationText ?? "?")")
            #expect(incident.evidence.overlaps(claim.evidence) || incident.evidence.upperBound <= claim.evidence.lowerBound)
        }
    }
}
