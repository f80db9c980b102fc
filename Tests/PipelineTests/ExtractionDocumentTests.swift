import Foundation
import Testing
import GeoCore
import Geoparsing
import Incidents
import Places
import Reports
@testable import Pipeline
import TestSupport

/// The JSON of `extract` has one writer (bytes); these tests read what it writes back and compare it with the
/// values it was written from, field by field, over everything the shared corpus gives.
@Suite(.serialized) struct ExtractionDocumentTests {
    static func corpus() throws -> String {
        let corpus = TestData.shared.appendingPathComponent("corpus")
        let dev = corpus.appendingPathComponent("dev")
        let names = try [corpus.appendingPathComponent("000_b936dedbd59c1222.txt")]
            + FileManager.default.contentsOfDirectory(at: dev, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        return try names.map { try String(contentsOf: $0, encoding: .utf8) + "\n\n" }.joined()
    }

    static func read(_ bytes: (inout OutputBuffer) -> Void) throws -> JSONValue {
        var out = OutputBuffer()
        bytes(&out)
        return try JSONReader.parse(out.bytes)
    }

    @Test func mentionsReadBackAsTheirValues() throws {
        let reader = try ReportReader(gazetteer: TestData.wofGazetteer.get(), workers: 2)
        let read = try reader.read(try Self.corpus(), reportDate: nil, reportDateSource: .unknown)
        #expect(read.mentions.contains { $0.relative != nil } && read.mentions.contains { $0.runnerUp != nil }
                && read.mentions.contains { $0.place == nil && $0.relative == nil })
        for m in read.mentions {
            let v = try Self.read { MentionBytes.append(m, to: &$0) }
            let keys = v.objectValue.map { Array($0.keys) } ?? []
            #expect(Array(keys.prefix(7)) == ["text", "start", "end", "place", "relative", "role", "reason"], "\(m.text)")
            #expect(v["role"]?.stringValue == m.role.rawValue)
            #expect(v["text"]?.stringValue == m.text && v["start"]?.numberValue == Double(m.start) && v["end"]?.numberValue == Double(m.end))
            #expect(v["reason"]?.stringValue == m.reason)
            if let p = m.place {
                #expect(v["place"]?["id"]?.stringValue == p.id)
                #expect(v["place"]?["lat"]?.numberValue == roundTo(p.coordinate.latitude, decimals: 6))
                #expect(v["place"]?["lon"]?.numberValue == roundTo(p.coordinate.longitude, decimals: 6))
                #expect(v["score"]?.numberValue == roundTo(m.score, decimals: 3))
            }
            if let r = m.relative {
                #expect(v["place"]?["kind"]?.stringValue == "relative")
                #expect(v["place"]?["lat"]?.numberValue == roundTo(r.point.latitude, decimals: 6))
                #expect(v["relative"]?["anchor"]?["id"]?.stringValue == r.anchor.id)
                #expect(v["relative"]?["geo_precision"]?.numberValue == Double(r.geoPrecision))
                #expect(v["relative"]?["uncertainty_km"]?.numberValue == roundTo(r.uncertaintyRadius.kilometers, decimals: 3))
                let polygon = try GeoJSONGeometry(json: try #require(v["relative"]?["uncertainty"]))
                #expect(!polygon.polygons.isEmpty)
            } else {
                #expect(v["relative"] == .null)
            }
            #expect((v["runner_up"] != nil) == (m.runnerUp != nil))
        }
    }

    @Test func incidentsAndClaimsReadBackAsTheirValues() throws {
        let reader = try ReportReader(gazetteer: TestData.wofGazetteer.get(), workers: 2)
        var events = try reader.read(try Self.corpus(), reportDate: ReportDay(iso: "2014-01-14"), reportDateSource: .given).events
        #expect(events.incidents.contains { $0.claims.count > 1 } && events.control.count > 5)
        // One incident with nothing located or named, and a claim whose text needs escaping.
        events.incidents.append(Incident(id: "E0", date: nil, dateSource: .unknown, timePrecision: 3, eventType: "Battles",
                                         subEventType: "Armed clash", subType: "clash", actors: [], locationText: nil, placeID: nil,
                                         admin1: nil, point: nil, geoPrecision: nil, claims: [FatalityClaim(source: nil, count: 3)], evidence: 0..<4))
        events.control.append(ControlClaim(actor: nil, placeID: nil, placeText: "\"Tal\"\n\\", status: .lost, date: nil,
                                           dateSource: .unknown, evidence: 2..<9))
        for e in events.incidents {
            let v = try Self.read { EventBytes.append(e, to: &$0) }
            #expect(v["id"]?.stringValue == e.id && v["date_source"]?.stringValue == e.dateSource.rawValue)
            #expect(v["date"]?.stringValue == e.date?.description)
            #expect(v["sub_event_type"]?.stringValue == e.subEventType && v["sub_type"]?.stringValue == e.subType)
            #expect(v["actors"]?.arrayValue?.compactMap(\.stringValue) == e.actors)
            #expect(v["fatalities_best"]?.numberValue == e.fatalitiesBest.map(Double.init))
            #expect(v["fatalities_high"]?.numberValue == e.fatalitiesHigh.map(Double.init))
            let claims = v["fatality_claims"]?.arrayValue ?? []
            #expect(claims.count == e.claims.count)
            for (c, w) in zip(claims, e.claims) { #expect(c["source"]?.stringValue == w.source && c["count"]?.numberValue == Double(w.count)) }
            #expect(v["lat"]?.numberValue == e.point.map { roundTo($0.latitude, decimals: 6) })
            #expect(v["evidence"]?["start"]?.numberValue == Double(e.evidence.lowerBound))
        }
        for c in events.control {
            let v = try Self.read { EventBytes.append(c, to: &$0) }
            #expect(v["place_text"]?.stringValue == c.placeText && v["status"]?.stringValue == c.status.rawValue)
            #expect(v["actor"]?.stringValue == c.actor && v["place_id"]?.stringValue == c.placeID)
            #expect(v["evidence"]?["end"]?.numberValue == Double(c.evidence.upperBound))
        }
    }

    /// The indented JSON and the YAML are made from the compact bytes; both say what the bytes say.
    @Test func prettyJSONAndYAMLCarryTheSameDocument() throws {
        let reader = try ReportReader(gazetteer: TestData.wofGazetteer.get(), workers: 1)
        let text = try String(contentsOf: TestData.shared.appendingPathComponent("corpus/000_b936dedbd59c1222.txt"), encoding: .utf8)
        let read = try reader.read(text, reportDate: ReportDay(iso: "2014-01-14"), reportDateSource: .given)
        let bytes = ExtractionDocument.bytes(source: "seed.txt", lang: "fr", mentions: read.mentions, events: read.events)
        let value = try ExtractionDocument.value(of: [bytes])
        #expect(value["source"]?.stringValue == "seed.txt" && value["report_date"]?.stringValue == "2014-01-14")
        #expect(value["mentions"]?.arrayValue?.count == read.mentions.count)
        #expect(value["events"]?.arrayValue?.count == read.events.incidents.count)
        #expect(value["control"]?.arrayValue?.count == read.events.control.count)
        let pretty = ExtractionDocument.pretty(value)
        #expect(try JSONReader.parse(pretty.bytes) == value)
        #expect(pretty.text.contains("\n  \"mentions\": ["))
        let yaml = try ExtractionDocument.yaml(value)
        #expect(yaml.hasPrefix("source: seed.txt\nlang: fr\nreport_date: 2014-01-14\nreport_date_source: given\nmentions:\n"))
        // Two documents are an array of both.
        let two = try ExtractionDocument.value(of: [bytes, bytes])
        #expect(two.arrayValue?.count == 2 && two.arrayValue?[1] == value)
        // The indented JSON written straight from the bytes is the one made from the value, byte for byte.
        #expect(try ExtractionDocument.pretty(documents: [bytes]).bytes == pretty.bytes)
        #expect(try ExtractionDocument.pretty(documents: [bytes, bytes]).bytes == ExtractionDocument.pretty(two).bytes)
    }
}
