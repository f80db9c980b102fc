import Foundation
import Testing
import GeoCore
import Geodesy
import Places
@testable import Geoparsing
import TestSupport

/// Issue 19, readings the words around a name decide, in English and French: a type word chooses among all the
/// readings of the name ("la province de X" where only the city is written X); a city's neighbourhoods lie in
/// it; a name written with its article ("al-X") is the gazetteer's X; a relative expression after a name says
/// which of its namesakes is meant; a comma ends an organisation's name. Every name comes from the gazetteer or
/// the Who's On First file, none is typed here.
@Suite(.serialized) struct ContextReadingTests {
    func mentions(_ text: String) throws -> [Mention] {
        try Geoparser(gazetteer: TestData.wofGazetteer.get()).extract(text: text, source: "t").mentions.filter { $0.relative == nil }
    }

    /// The place a WOF id is held under in the gazetteer (its own record, or the one it was merged into).
    func placeID(_ wofID: String) throws -> String? { try TestData.wofGazetteer.get().store.place(id: wofID)?.id }

    @Test func aTypeWordChoosesAmongEveryReading() throws {
        // Names of Syrian cities under which some governorate is found only by its transliteration key.
        let g = try TestData.wofGazetteer.get()
        var cases: [(name: String, region: Int)] = []
        for i in 0..<g.index.placeCount where g.index.country(i) == "SY" && g.index.kind(i) == .city && g.index.populations[i] >= 100_000 {
            let city = try #require(try g.store.places(rowids: [g.index.rowids[i]]).values.first)
            // Names as prose writes them (not codes such as "ALP").
            for n in city.names where n.text.unicodeScalars.allSatisfy(\.isASCII) && n.text.first?.isUppercase == true
                && n.text.contains(where: \.isLowercase) && n.text.count >= 4 {
                let ranked = g.rank(n.text)
                guard ranked.contains(where: { $0.place == i && $0.level <= .alternate }),
                      !ranked.contains(where: { g.index.kind($0.place) == .region && $0.level <= .alternate }),
                      let region = ranked.first(where: { g.index.kind($0.place) == .region && $0.level == .key && g.index.country($0.place) == "SY" })
                else { continue }
                cases.append((n.text, region.place))
            }
        }
        #expect(cases.count >= 2)
        for (name, region) in cases.prefix(12) {
            for text in ["Les combats ont repris dans la province de \(name) lundi.", "Fighting resumed in \(name) province on Monday."] {
                let read = try mentions(text).compactMap(\.place)
                #expect(read.map(\.kind) == [.region], "\(text) → \(read.map(\.id))")

                #expect(read.first?.coordinate == g.index.coordinate(region), "\(text)")
            }
        }
    }

    /// Syrian cities of more than 500,000 people, by their main name, with their index position.
    static func bigCities() throws -> [(name: String, place: Int)] {
        let g = try TestData.wofGazetteer.get()
        return try (0..<g.index.placeCount).filter {
            g.index.country($0) == "SY" && g.index.kind($0) == .city && g.index.populations[$0] >= 500_000
        }.compactMap { i in
            try g.store.places(rowids: [g.index.rowids[i]]).values.first.map { ($0.name, i) }
        }.filter { g.rank($0.name).first?.place == $0.place }
    }

    @Test func neighbourhoodsOfACityLieInIt() throws {
        let g = try TestData.wofGazetteer.get()
        let cities = try Self.bigCities()
        #expect(cities.count >= 2)
        let villages = try TestData.uniqueWOFVillages(60, seed: 19)
        for city in cities {
            let c = g.index.coordinate(city.place)
            // Villages far from the city are not its neighbourhoods; the city is the city, not its governorate.
            let far = try villages.filter { v in
                let p = try #require(try g.store.place(id: v.id))
                return Geodesic.distance(from: p.coordinate, to: c).kilometers > 40
            }.prefix(2)
            #expect(far.count == 2)
            for text in ["Regime forces took the neighbourhoods of \(far[far.startIndex].name) and \(far[far.startIndex + 1].name) in eastern \(city.name).",
                         "Les forces du régime ont pris les quartiers rebelles de \(far[far.startIndex].name) et de \(far[far.startIndex + 1].name) dans l'est de \(city.name)."] {
                let read = try mentions(text)
                #expect(!read.contains { $0.text == far[far.startIndex].name || $0.text == far[far.startIndex + 1].name }, "\(text) → \(read.map(\.text))")
                #expect(read.contains { $0.place.map { g.index.coordinate(city.place) == $0.coordinate && $0.kind == .city } ?? false },
                        "\(text) → \(read.compactMap { $0.place?.id })")
            }
        }
        // A village within reach of the city is read as named.
        for city in cities {
            let c = g.index.coordinate(city.place)
            let near = try villages.first { v in
                let p = try #require(try g.store.place(id: v.id))
                return Geodesic.distance(from: p.coordinate, to: c).kilometers < 12
            }
            guard let near else { continue }
            let read = try mentions("Shells fell on the \(city.name) neighbourhoods of \(near.name) on Monday.")
            #expect(try read.first { $0.text == near.name }?.place?.id == placeID(near.id))
        }
    }

    @Test func aNameWithItsArticleIsTheGazetteersName() throws {
        let g = try TestData.wofGazetteer.get()
        // One word of letters each: no article opens them.
        let villages = try TestData.uniqueWOFVillages(40, seed: 23)
        #expect(villages.count >= 30)
        var read = 0
        for v in villages {
            let want = try placeID(v.id)
            let phrase = "al-" + v.name
            let ranked = g.rank(phrase).filter { g.index.country($0.place) == "SY" }
            guard let first = ranked.first else { Issue.record("\(phrase): no reading in Syria"); continue }
            let firstID = try g.store.places(rowids: [g.index.rowids[first.place]]).values.first?.id
            #expect(firstID == want, "\(phrase) → \(firstID ?? "-")")
            for text in ["Regime shelling hit al-\(v.name) on Monday.", "Les bombardements ont touché al-\(v.name) lundi."] {
                if try mentions(text).first?.place?.id == want { read += 1 }
            }
        }
        // A name alone in a sentence has only its own evidence; most are read.
        #expect(read >= villages.count * 2 * 8 / 10, "\(read) of \(villages.count * 2)")
    }

    @Test func aCommaEndsAnOrganisationsName() throws {
        // Places whose name ends with a word that opens an organisation's or a person's name ("… al Imam").
        let g = try TestData.wofGazetteer.get()
        var named: [String] = []
        for i in 0..<g.index.placeCount where g.index.country(i) == "SY" && named.count < 6 {
            guard let p = try g.store.places(rowids: [g.index.rowids[i]]).values.first, p.name.unicodeScalars.allSatisfy(\.isASCII),
                  p.name.split(separator: " ").count >= 3, let last = p.name.split(separator: " ").last,
                  Cues.organisationBefore.contains(NameFolding.fold(String(last))), g.rank(p.name).first?.place == i else { continue }
            named.append(p.name)
        }
        #expect(named.count >= 2)
        let villages = try TestData.uniqueWOFVillages(2 * named.count, seed: 29)
        for (k, name) in named.enumerated() {
            let v = villages[2 * k], w = villages[2 * k + 1]
            for text in ["Les rebelles se sont emparés de \(name), de \(v.name) et de \(w.name).",
                         "Rebels seized \(name), \(v.name) and \(w.name)."] {
                let ids = try mentions(text).compactMap { $0.place?.id }
                let wanted = try [placeID(v.id), placeID(w.id)].compactMap { $0 }
                #expect(wanted.count == 2 && wanted.allSatisfy(ids.contains), "\(text) → \(ids)")
            }
        }
    }

    @Test func aRelativeExpressionAfterANameSaysWhichNamesakeIsMeant() throws {
        // Namesakes A and B (Who's On First localities of one name, apart), an anchor village C: the text says A
        // lies d km towards a compass point from C, while B is nearer to C (so proximity alone would choose B).
        let g = try TestData.wofGazetteer.get()
        var it = CSVReader(text: try String(contentsOfFile: TestData.wofSyriaPath, encoding: .utf8)).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        var byName: [String: [(id: String, name: String, at: Coordinate)]] = [:]
        while let r = it.next() {
            guard h.value("placetype", in: r) == "locality", h.value("is_current", in: r) != "0", let name = h.value("name", in: r),
                  let id = h.value("wof_id", in: r),
                  name.allSatisfy({ $0.isLetter || $0 == " " }), name.first?.isUppercase == true,
                  let lat = h.value("lat", in: r).flatMap(Double.init), let lon = h.value("lon", in: r).flatMap(Double.init) else { continue }
            byName[NameFolding.fold(name), default: []].append(("wof:" + id, name, Coordinate(longitude: lon, latitude: lat)))
        }
        let points: [(en: String, fr: String)] = [("north", "nord"), ("north-east", "nord-est"), ("east", "est"), ("south-east", "sud-est"),
                                                  ("south", "sud"), ("south-west", "sud-ouest"), ("west", "ouest"), ("north-west", "nord-ouest")]
        let anchors = try TestData.uniqueWOFVillages(400, seed: 31).compactMap { v in try g.store.place(id: v.id).map { (v.name, $0.coordinate) } }
        var cases: [(text: [String], want: String)] = []
        search: for (_, records) in byName.sorted(by: { $0.key < $1.key }) where (2...5).contains(records.count) {
            for a in records {
                for b in records where b.id != a.id && Geodesic.distance(from: a.at, to: b.at).kilometers > 5 {
                    for (anchorName, c) in anchors where abs(c.latitude - a.at.latitude) < 0.25 && abs(c.longitude - a.at.longitude) < 0.3 {
                        let d = Geodesic.distance(from: c, to: a.at).kilometers
                        guard (6...25).contains(d), abs(d - d.rounded()) < 0.3,
                              Geodesic.distance(from: c, to: b.at).kilometers < d else { continue }
                        let bearing = Geodesic.inverse(from: c, to: a.at).initialBearing.degrees
                        let step = Int((((bearing + 360).truncatingRemainder(dividingBy: 360)) / 45).rounded()) % 8
                        let off = abs(((bearing - Double(step) * 45 + 540).truncatingRemainder(dividingBy: 360)) - 180)
                        let offB = abs(((Geodesic.inverse(from: c, to: b.at).initialBearing.degrees - Double(step) * 45 + 540).truncatingRemainder(dividingBy: 360)) - 180)
                        guard off < 12, offB > 60 else { continue }
                        let km = Int(d.rounded())
                        cases.append(([
                            "Warplanes struck \(a.name), \(km) km \(points[step].en) of \(anchorName), on Monday.",
                            "Des avions ont frappé \(a.name), à \(km) km au \(points[step].fr) de \(anchorName), lundi.",
                        ], a.id))
                        if cases.count == 6 { break search }
                        continue search
                    }
                }
            }
        }
        #expect(cases.count >= 3)
        for (texts, want) in cases {
            let id = try #require(try placeID(want))
            for text in texts {
                let read = try Geoparser(gazetteer: g).extract(text: text, source: "t").mentions
                let first = read.filter { $0.relative == nil }.min { $0.start < $1.start }
                #expect(first?.place?.id == id, "\(text) → \(first?.place?.id ?? "nothing") (\(first?.reason ?? ""))")
            }
        }
    }
}
