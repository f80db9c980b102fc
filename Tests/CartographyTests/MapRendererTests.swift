import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import GeoCore
import Places
import TestSupport
@testable import Cartography

/// Reads an SVG with Foundation's XML parser and keeps what the tests look at.
final class SVGReader: NSObject, XMLParserDelegate {
    var rootAttributes: [String: String] = [:]
    var groupIDs: [String] = []
    var legend: [(kind: String, key: String)] = []
    var labelBoxes: [(text: String, box: LabelPlacer.Box)] = []
    var incidents: [(lon: Double, lat: Double, x: Double, y: Double)] = []
    var allText = ""
    private var inLabel: [String: String]?
    private var labelText = ""

    static func read(_ svg: String) throws -> SVGReader {
        let r = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = r
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return r
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        if name == "svg" { rootAttributes = a }
        if name == "g", let id = a["id"] { groupIDs.append(id) }
        if name == "g", a["class"] == "legend-entry" { legend.append((a["data-kind"] ?? "", a["data-key"] ?? "")) }
        if name == "g", a["class"] == "incident", let lon = a["data-lon"].flatMap(Double.init), let lat = a["data-lat"].flatMap(Double.init),
           let t = a["transform"], t.hasPrefix("translate(") {
            let xy = t.dropFirst(10).dropLast().split(separator: " ").compactMap { Double($0) }
            incidents.append((lon, lat, xy[0], xy[1]))
        }
        if name == "text", (a["class"] ?? "").hasPrefix("label") { inLabel = a; labelText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        allText += string
        if inLabel != nil { labelText += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let a = inLabel {
            let v = (a["data-box"] ?? "").split(separator: " ").compactMap { Double($0) }
            if v.count == 4 { labelBoxes.append((labelText, LabelPlacer.Box(x: v[0], y: v[1], width: v[2], height: v[3]))) }
            inLabel = nil
        }
    }
}

@Suite struct MapRendererTests {
    let gazetteer: Gazetteer
    init() throws { gazetteer = try TestData.defaultGazetteer.get() }

    /// A point of the gazetteer by GeoNames id (Raqqa 172955, al-Bab 174018, Homs 169577, Idlib 169389).
    func point(_ geonames: Int) throws -> Coordinate { try #require(try gazetteer.store.place(geonamesID: geonames)).coordinate }

    func disc(_ c: Coordinate, _ r: Double) -> GeoJSONGeometry {
        .polygon([(0...24).map { k in
            let a = Double(k) / 24 * 2 * .pi
            return Coordinate(longitude: c.longitude + r * cos(a), latitude: c.latitude + r * sin(a))
        }])
    }

    func layers(actor: String = "ISIL", place: String = "Ram") throws -> MapLayers {
        var l = MapLayers()
        let raqqa = try point(172955), bab = try point(174018), homs = try point(169577), idlib = try point(169389)
        l.zones = [
            GeoJSONFeature(geometry: disc(raqqa, 0.3), properties: ["actor": .string(actor), "status": "controls"]),
            GeoJSONFeature(geometry: disc(idlib, 0.3), properties: ["actor": "Ahrar al-Sham", "status": "controls"]),
            GeoJSONFeature(geometry: disc(bab, 0.1), properties: ["actor": "ISIL / Ahrar al-Sham", "status": "contested"]),
        ]
        l.incidents = [
            GeoJSONFeature(id: .string("a:1"), geometry: .point(raqqa), properties: ["event_type": "Explosions/Remote violence", "fatalities_best": 8]),
            GeoJSONFeature(id: .string("a:2"), geometry: .point(homs), properties: ["event_type": "Violence against civilians", "fatalities_best": 46]),
            GeoJSONFeature(id: .string("a:3"), geometry: .point(bab), properties: ["event_type": "Battles", "fatalities_best": .null]),
        ]
        l.places = [
            GeoJSONFeature(geometry: .point(raqqa), properties: ["name": .string(place), "kind": "city", "country": "SY"]),
            GeoJSONFeature(geometry: .point(bab), properties: ["name": "al-Bab", "kind": "city", "country": "SY"]),
        ]
        l.uncertainty = [GeoJSONFeature(geometry: disc(Coordinate(longitude: raqqa.longitude, latitude: raqqa.latitude + 0.72), 0.2),
                                        properties: ["expression": "80 km north of Raqqa", "anchor_lat": .number(raqqa.latitude), "anchor_lon": .number(raqqa.longitude),
                                                     "lat": .number(raqqa.latitude + 0.72), "lon": .number(raqqa.longitude)])]
        return l
    }

    @Test func theSVGIsXMLWithAGroupPerLayerAndALegendEntryPerActorAndType() throws {
        let svg = try MapRenderer(title: "Test", asOf: "2014-01-14", width: 1200, extent: nil).render(try layers(), gazetteer: gazetteer.store)
        let r = try SVGReader.read(svg)
        for id in ["basemap", "control_zones", "uncertainty", "places", "incidents", "labels", "legend", "furniture"] {
            #expect(r.groupIDs.filter { $0 == id }.count == 1, "group \(id)")
        }
        let actors = Set(r.legend.filter { $0.kind == "actor" }.map(\.key))
        #expect(actors == ["ISIL", "Ahrar al-Sham"])
        #expect(r.legend.contains { $0.kind == "contested" })
        #expect(Set(r.legend.filter { $0.kind == "event_type" }.map(\.key)) == ["Explosions/Remote violence", "Violence against civilians", "Battles"])
        #expect(r.allText.contains("as of 2014-01-14"))
        #expect(r.allText.contains("GeoNames (CC BY 4.0)") && r.allText.contains("Natural Earth"))
        #expect(r.allText.contains("SYRIA") && r.allText.contains("TURKEY"))   // the basemap names neighbours
        #expect(svg.contains("class=\"scale-bar\"") && svg.contains("class=\"north-arrow\""))
    }

    @Test func userTextIsEscaped() throws {
        let svg = try MapRenderer(title: "Raqqa & <i>co</i>", asOf: nil, width: 1000, extent: nil)
            .render(try layers(actor: "<script>alert(1)</script> & Co", place: "<b>Ram</b>"), gazetteer: gazetteer.store)
        #expect(!svg.contains("<script>") && !svg.contains("<b>") && !svg.contains("<i>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(svg.contains("&lt;b&gt;Ram&lt;/b&gt;"))
        let r = try SVGReader.read(svg)
        #expect(r.legend.contains { $0.kind == "actor" && $0.key == "<script>alert(1)</script> & Co" })
        #expect(r.labelBoxes.contains { $0.text == "<b>Ram</b>" })
    }

    /// 150 towns of northern Syria from the gazetteer, all labelled where they fit: no two label boxes
    /// overlap, none leaves the frame, and most are placed.
    @Test func labelsDoNotOverlap() throws {
        var l = MapLayers()
        let index = gazetteer.index
        let rows = (0..<index.placeCount).filter {
            index.country($0) == "SY" && !index.kind($0).isAdministrative && index.latitudes[$0] > 35.5 && index.longitudes[$0] < 38.5
        }.prefix(150)
        let records = try gazetteer.store.places(rowids: rows.map { index.rowids[$0] })
        for p in records.values { l.places.append(GeoJSONFeature(geometry: .point(p.coordinate), properties: ["name": .string(p.name), "kind": "town"])) }
        #expect(l.places.count >= 80)
        let svg = try MapRenderer(title: "Labels", asOf: nil, width: 1400, extent: nil).render(l, gazetteer: gazetteer.store)
        let boxes = try SVGReader.read(svg).labelBoxes
        #expect(boxes.count > 40)
        for i in boxes.indices { for j in boxes.indices where j > i { #expect(!boxes[i].box.overlaps(boxes[j].box), "\(boxes[i].text) / \(boxes[j].text)") } }
    }

    /// Each incident is drawn where PROJ's own `proj` program puts it, through the affine step the SVG states.
    @Test func incidentsAreDrawnWherePROJProjectsThem() throws {
        let svg = try MapRenderer(title: "Test", asOf: nil, width: 1200, extent: nil).render(try layers(), gazetteer: gazetteer.store)
        let r = try SVGReader.read(svg)
        let crs = try #require(r.rootAttributes["data-crs"]).replacingOccurrences(of: " +type=crs", with: "")
        let t = try #require(r.rootAttributes["data-transform"]).split(separator: " ").compactMap { Double($0) }
        #expect(r.incidents.count == 3)
        let proj = try #require(["/usr/bin/proj", "/usr/local/bin/proj"].first { FileManager.default.isExecutableFile(atPath: $0) }, "proj (proj-bin) is required")
        for i in r.incidents {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: proj)
            p.arguments = ["-f", "%.6f"] + crs.split(separator: " ").map(String.init)
            let input = Pipe(), output = Pipe()
            p.standardInput = input
            p.standardOutput = output
            try p.run()
            input.fileHandleForWriting.write(Data("\(i.lon) \(i.lat)\n".utf8))
            try input.fileHandleForWriting.close()
            let xy = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { Double($0) }
            p.waitUntilExit()
            let px = t[1] + t[0] * xy[0], py = t[2] - t[0] * xy[1]
            #expect(abs(px - i.x) < 0.01 && abs(py - i.y) < 0.01, "\(i) vs \(px), \(py)")
        }
    }

    @Test func paletteIsStableAndDistinct() {
        let a = MapStyle.actorColours(["ISIL", "FSA", "Syrian government forces"])
        let b = MapStyle.actorColours(["Syrian government forces", "ISIL", "FSA"])
        #expect(a == b)
        #expect(Set(a.values).count == 3)
        #expect(a.values.allSatisfy { MapStyle.palette.contains($0) })
    }
}
