import Foundation
import Testing
import GeoCore
import Geodesy
@testable import Places
import TestSupport

/// Issue 19, duplicates: Who's On First records of one settlement a few kilometres apart are one place in the
/// imported gazetteer (their ids all find it, its names are theirs), while namesakes far apart stay apart. The
/// pairs come from ../shared/data/whosonfirst-sy/wof_sy_places.csv itself.
@Suite(.serialized) struct DuplicatePlacesTests {
    struct Row { let id: String, name: String, coordinate: Coordinate }

    /// Localities of the WOF file with their folded main name (article dropped).
    static func localities() throws -> [Row] {
        var it = CSVReader(text: try String(contentsOfFile: TestData.wofSyriaPath, encoding: .utf8)).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        var out: [Row] = []
        while let r = it.next() {
            // Superseded records (is_current = 0) are not imported.
            guard h.value("placetype", in: r) == "locality", h.value("is_current", in: r) != "0", let id = h.value("wof_id", in: r), let name = h.value("name", in: r),
                  let lat = h.value("lat", in: r).flatMap(Double.init), let lon = h.value("lon", in: r).flatMap(Double.init) else { continue }
            out.append(Row(id: "wof:" + id, name: name, coordinate: Coordinate(longitude: lon, latitude: lat)))
        }
        return out
    }

    static func bare(_ name: String) -> String {
        let f = NameFolding.fold(name)
        return NameFolding.withoutArticle(folded: f) ?? f
    }

    /// Pairs of localities with one folded main name, by distance.
    static func sameNamePairs() throws -> [(a: Row, b: Row, km: Double)] {
        let byName = Dictionary(grouping: try localities(), by: { bare($0.name) })
        var out: [(Row, Row, Double)] = []
        for rows in byName.values where rows.count > 1 {
            for i in rows.indices {
                for j in rows.indices where j > i {
                    out.append((rows[i], rows[j], Geodesic.distance(from: rows[i].coordinate, to: rows[j].coordinate).kilometers))
                }
            }
        }
        return out
    }

    @Test func recordsOfOneSettlementWithinThreeKilometresAreOnePlace() throws {
        let store = try TestData.wofGazetteer.get().store
        let close = try Self.sameNamePairs().filter { $0.km <= 2.9 }
        #expect(close.count >= 20)
        var merged = 0
        for (a, b, km) in close {
            let pa = try #require(try store.place(id: a.id), "\(a.id)")
            let pb = try #require(try store.place(id: b.id), "\(b.id)")
            // A record already merged into a GeoNames place by its GeoNames id lies at the GeoNames point, in the
            // GeoNames country (the Golan's villages are IL there, SY in WOF): the rule holds for places as stored.
            let apart = Geodesic.distance(from: pa.coordinate, to: pb.coordinate).kilometers
            guard apart <= 2.9, pa.country == pb.country else { continue }
            #expect(pa.id == pb.id, "\(a.id) \(a.name) and \(b.id) \(b.name), \(km) km apart: \(pa.id) ≠ \(pb.id)")
            guard pa.id == pb.id else { continue }
            merged += 1
            // The place kept answers to both records' names and ids.
            let names = Set(pa.names.map { NameFolding.fold($0.text) })
            #expect(names.contains(NameFolding.fold(a.name)) && names.contains(NameFolding.fold(b.name)), "\(pa.id)")
            #expect(Set([pa.id] + pa.otherIDs).isSuperset(of: [a.id, b.id]), "\(pa.id): \(pa.otherIDs)")
        }
        #expect(merged >= 20)
    }

    @Test func namesakesFarApartStayTwoPlaces() throws {
        let store = try TestData.wofGazetteer.get().store
        let far = try Self.sameNamePairs().filter { $0.km >= 20 }.prefix(200)
        #expect(far.count >= 50)
        for (a, b, km) in far {
            let pa = try #require(try store.place(id: a.id))
            let pb = try #require(try store.place(id: b.id))
            #expect(pa.id != pb.id, "\(a.id) and \(b.id) (\(a.name)), \(Int(km)) km apart, merged into \(pa.id)")
        }
    }

    @Test func spellingsOfOneNameWithinReachMergeOthersDoNot() throws {
        // The rule on names: the same folded name without article, or one key spelled closely.
        let a = DuplicatePlaces.spelling("Al haffah"), b = DuplicatePlaces.spelling("Haffe")
        #expect(a.key == b.key && SpellingDistance.isClose(a.form, b.form))
        let c = DuplicatePlaces.spelling("Al Hamra"), d = DuplicatePlaces.spelling("Humayra")
        #expect(c.key == d.key && !SpellingDistance.isClose(c.form, d.form))
    }
}
