import GeoCore
import Incidents
@testable import Pipeline
import Testing

/// An incident's evidence span counts code points (DESIGN.md, as Python's `str`): the quote written to the
/// layers is those code points, white space collapsed, whatever the script and however spans overlap.
@Suite struct EvidenceQuoteTests {
    func incident(_ id: String, _ span: Range<Int>) -> Incident {
        Incident(id: id, date: nil, dateSource: .unknown, timePrecision: 3, eventType: "", subEventType: "", subType: "", actors: [],
                 locationText: nil, placeID: nil, admin1: nil, point: nil, geoPrecision: nil, claims: [], evidence: span)
    }

    @Test func spansAreCodePointsAndWhiteSpaceIsCollapsed() {
        // 🇸🇾 is two code points; "é" decomposed is two; NBSP and a new line between the sentences.
        let first = "Un drapeau 🇸🇾 près d'Ide\u{301}b.", second = "قُتل ٥ في الرقة\u{00A0}\n à l'aube.", third = "  Fin."
        let text = first + " " + second + third
        let a = first.unicodeScalars.count + 1, b = a + second.unicodeScalars.count
        let quoted = InputLoader.quoting([incident("E1", a..<b), incident("E2", 0..<b), incident("E3", b..<(b + third.unicodeScalars.count)),
                                          incident("E4", 0..<0), incident("E5", (b + 1)..<(b + 1000))], in: text)
        #expect(quoted.map(\.id) == ["E1", "E2", "E3", "E4", "E5"])
        #expect(quoted[0].evidenceText == "قُتل ٥ في الرقة à l'aube.")
        #expect(quoted[1].evidenceText == "Un drapeau 🇸🇾 près d'Ide\u{301}b. قُتل ٥ في الرقة à l'aube.")
        #expect(quoted[2].evidenceText == "Fin.")
        #expect(quoted[3].evidenceText == nil)   // no span
        #expect(quoted[4].evidenceText == nil)   // past the end of the text: no quote rather than a wrong one
    }
}
