import Foundation
import Testing
import GeoCore
import Geodesy
import TestSupport
@testable import EventStorage
import Incidents
@testable import Store

/// 100,000 seeded events (a Syria-sized box, the antimeridian, above 80° N, anywhere) and 200 random
/// queries of each kind: the store's answers equal a brute-force scan with independently computed tests.
@Suite(.serialized) struct StoreQueryTests {
    enum Region: CaseIterable { case syria, antimeridian, arctic, anywhere }

    static func point(_ region: Region, _ rng: inout SplitMix64) -> Coordinate {
        switch region {
        case .syria: return Coordinate(longitude: .random(in: 35.7...42.3, using: &rng), latitude: .random(in: 32.3...37.3, using: &rng))
        case .antimeridian:
            let lon = Double.random(in: 175...180, using: &rng)
            return Coordinate(longitude: Bool.random(using: &rng) ? lon : -lon, latitude: .random(in: -50...50, using: &rng))
        case .arctic: return Coordinate(longitude: .random(in: -180...180, using: &rng), latitude: .random(in: 80...90, using: &rng))
        case .anywhere: return Coordinate(longitude: .random(in: -180...180, using: &rng), latitude: .random(in: -89...89, using: &rng))
        }
    }

    static func region(_ rng: inout SplitMix64) -> Region {
        let u = Int.random(in: 0..<100, using: &rng)
        return u < 60 ? .syria : u < 75 ? .antimeridian : u < 90 ? .arctic : .anywhere
    }

    static let types = ["air_strike", "shelling", "clashes", "car_bomb"]
    static let actors = ["ISIL", "FSA", "Syrian government forces", "Ahrar al-Sham"]

    static let events: [EventRecord] = {
        var rng = SplitMix64(seed: 2014)
        return (0..<100_000).map { k in
            let p = point(region(&rng), &rng)
            let month = Int.random(in: 1...12, using: &rng), day = Int.random(in: 1...28, using: &rng)
            let dead: Int? = Int.random(in: 0..<5, using: &rng) == 0 ? nil : Int.random(in: 0...50, using: &rng)
            let a = actors[Int.random(in: 0..<4, using: &rng)], b = actors[Int.random(in: 0..<4, using: &rng)]
            return EventRecord(id: "syn:\(k)", eventDate: String(format: "2014-%02d-%02d", month, day), eventType: "Explosions/Remote violence",
                               subType: types[k % 4], actors: a == b ? a : "\(a); \(b)", location: nil, admin1: nil, geoPrecision: 1,
                               fatalitiesLow: dead, fatalitiesBest: dead, fatalitiesHigh: dead, fatalityClaims: "", source: "synthetic",
                               evidence: "", notes: "", uncertaintyKm: nil, point: p)
        }
    }()

    static let store: SQLiteEventStore = {
        let s = try! SQLiteEventStore()
        let summary = try! s.ingest(IngestBatch(input: "synthetic", events: events))
        precondition(summary.inserted == events.count)
        return s
    }()

    /// Written independently of `EventFilter.accepts`.
    static func passes(_ e: EventRecord, _ f: EventFilter) -> Bool {
        if let from = f.from, (e.eventDate ?? "") < from || e.eventDate == nil { return false }
        if let to = f.to, (e.eventDate ?? "9999") > to { return false }
        if let t = f.type, e.subType.lowercased() != t.lowercased(), e.eventType.lowercased() != t.lowercased() { return false }
        if let a = f.actor, !e.actors.components(separatedBy: "; ").map({ $0.lowercased() }).contains(a.lowercased()) { return false }
        if let m = f.minFatalities, (e.fatalitiesBest ?? -1) < m { return false }
        return true
    }

    /// A box around a random point, wrapped across ±180° when it reaches past it (W > E).
    static func randomBox(_ rng: inout SplitMix64, width: ClosedRange<Double>, height: ClosedRange<Double>) -> BoundingBox {
        let c = point(region(&rng), &rng)
        let w = Double.random(in: width, using: &rng), h = Double.random(in: height, using: &rng)
        var west = c.longitude - w / 2, east = c.longitude + w / 2
        if west < -180 { west += 360 }
        if east > 180 { east -= 360 }
        return BoundingBox(west: west, south: max(-90, c.latitude - h / 2), east: east, north: min(90, c.latitude + h / 2))
    }

    static func randomFilter(_ rng: inout SplitMix64) -> EventFilter {
        var f = EventFilter()
        guard Int.random(in: 0..<3, using: &rng) == 0 else { return f }
        if Bool.random(using: &rng) { f.from = String(format: "2014-%02d-01", Int.random(in: 1...6, using: &rng)) }
        if Bool.random(using: &rng) { f.to = String(format: "2014-%02d-28", Int.random(in: 6...12, using: &rng)) }
        if Bool.random(using: &rng) { f.type = types[Int.random(in: 0..<4, using: &rng)].uppercased() }
        if Bool.random(using: &rng) { f.actor = actors[Int.random(in: 0..<4, using: &rng)].lowercased() }
        if Bool.random(using: &rng) { f.minFatalities = Int.random(in: 0...40, using: &rng) }
        return f
    }

    /// The index was packed in one go (100,000 new events): SQLite's own integrity check accepts it, and
    /// later single inserts go into it as into any R*Tree.
    @Test func thePackedIndexIsAValidRTree() throws {
        #expect(Self.events.count >= SQLiteEventStore.packThreshold)
        let check = try Self.store.queue.read { db in try String.fetchOne(db, sql: "SELECT rtreecheck('events_rtree')") }
        #expect(check == "ok")
        let s = try SQLiteEventStore()
        _ = try s.ingest(IngestBatch(input: "a", events: Array(Self.events.prefix(20_000))))
        _ = try s.ingest(IngestBatch(input: "b", events: Array(Self.events[20_000..<20_500])))   // one by one
        #expect(try s.queue.read { db in try String.fetchOne(db, sql: "SELECT rtreecheck('events_rtree')") } == "ok")
        #expect(try s.query(.bbox(BoundingBox(west: -180, south: -90, east: 180, north: 90)), EventFilter()).hits.count == 20_500)
    }

    @Test func nearEqualsABruteForceScan() throws {
        var rng = SplitMix64(seed: 25)
        var mismatches: [String] = []
        var returned = 0
        for q in 0..<200 {
            let region = Self.region(&rng)
            let center = Self.point(region, &rng)
            let km: Double = switch region {
            case .syria: .random(in: 1...100, using: &rng)
            case .antimeridian: .random(in: 10...600, using: &rng)
            case .arctic: .random(in: 10...1500, using: &rng)
            case .anywhere: .random(in: 1...3000, using: &rng)
            }
            let r = km * 1000
            let filter = Self.randomFilter(&rng)
            let answer = try Self.store.query(.near(center, radius: .kilometers(km)), filter)
            var expected = Set<String>(), borderline = Set<String>()
            for e in Self.events where Self.passes(e, filter) {
                guard Independent.sphericalDistance(center, e.point) <= r * 1.01 + 100 else { continue }
                let d = Independent.distance(center, e.point)
                if abs(d - r) < 0.001 { borderline.insert(e.id) } else if d < r { expected.insert(e.id) }
            }
            let got = Set(answer.hits.map(\.record.id)).subtracting(borderline)
            if got != expected { mismatches.append("query \(q) at \(center) r=\(km) km: \(got.subtracting(expected).count) extra, \(expected.subtracting(got).count) missing") }
            for h in answer.hits where abs(h.distanceKm! * 1000 - Independent.distance(center, h.record.point)) > 0.001 {
                mismatches.append("query \(q): distance of \(h.record.id) \(h.distanceKm!) km")
            }
            let distances = answer.hits.map { $0.distanceKm! }
            if distances != distances.sorted() { mismatches.append("query \(q): not sorted by distance") }
            returned += answer.hits.count
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(returned > 10_000)   // the queries do return events, near the antimeridian and the pole too
    }

    @Test func bboxEqualsABruteForceScan() throws {
        var rng = SplitMix64(seed: 26)
        var mismatches: [String] = []
        var crossing = 0, returned = 0
        for q in 0..<200 {
            let box = Self.randomBox(&rng, width: 0.1...30, height: 0.1...20)
            let west = box.west, east = box.east
            if box.crossesAntimeridian { crossing += 1 }
            let filter = Self.randomFilter(&rng)
            let got = Set(try Self.store.query(.bbox(box), filter).hits.map(\.record.id))
            let expected = Set(Self.events.filter { e in
                let p = e.point
                let lonIn = west <= east ? (p.longitude >= west && p.longitude <= east) : (p.longitude >= west || p.longitude <= east)
                return lonIn && p.latitude >= box.south && p.latitude <= box.north && Self.passes(e, filter)
            }.map(\.id))
            if got != expected { mismatches.append("query \(q) \(box): \(got.subtracting(expected).count) extra, \(expected.subtracting(got).count) missing") }
            returned += got.count
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(crossing > 5)
        #expect(returned > 10_000)
    }

    @Test func withinEqualsABruteForceScan() throws {
        var rng = SplitMix64(seed: 27)
        var mismatches: [String] = []
        var returned = 0
        for q in 0..<200 {
            // Star-shaped polygons (valid, counter-clockwise) away from the antimeridian and the poles.
            var c = Self.point(Self.region(&rng), &rng)
            c = Coordinate(longitude: max(-170, min(170, c.longitude)), latitude: max(-75, min(75, c.latitude)))
            let n = Int.random(in: 5...12, using: &rng)
            let angles = (0..<n).map { _ in Double.random(in: 0..<(2 * .pi), using: &rng) }.sorted()
            var ring = angles.map { a -> Coordinate in
                let r = Double.random(in: 0.2...3, using: &rng)
                return Coordinate(longitude: c.longitude + r * cos(a), latitude: c.latitude + r * sin(a))
            }
            ring.append(ring[0])
            let filter = Self.randomFilter(&rng)
            let got = Set(try Self.store.query(.within(.polygon([ring])), filter).hits.map(\.record.id))
            let box = BoundingBox(covering: ring)!
            let expected = Set(Self.events.filter { e in
                box.containsPlanar(e.point) && Independent.inside(e.point, rings: [ring]) && Self.passes(e, filter)
            }.map(\.id))
            if got != expected { mismatches.append("query \(q): \(got.subtracting(expected).count) extra, \(expected.subtracting(got).count) missing") }
            returned += got.count
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(returned > 5_000)
    }

    /// Every point of a geodesic circle (3,600 azimuths) lies in the search boxes, near poles and ±180° too.
    @Test func searchBoxesHoldTheWholeCircle() {
        var rng = SplitMix64(seed: 28)
        var escapes: [String] = []
        for _ in 0..<300 {
            let center = Self.point(Self.region(&rng), &rng)
            let km = Double.random(in: 0.1...4000, using: &rng)
            let boxes = SearchWindow.boxes(around: center, radius: .kilometers(km))
            for k in 0..<3600 {
                let p = Geodesic.destination(from: center, distance: .kilometers(km), bearing: Bearing(degrees: Double(k) / 10))
                if !boxes.contains(where: { $0.containsPlanar(p) }) { escapes.append("\(center) r=\(km) az=\(Double(k) / 10) → \(p)"); break }
            }
        }
        #expect(escapes.isEmpty, "\(escapes.prefix(3))")
    }
}
