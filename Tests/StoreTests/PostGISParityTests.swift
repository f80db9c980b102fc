import Foundation
import Testing
import GeoCore
import TestSupport
@testable import EventStorage
import Incidents
@testable import Store
@testable import PostGISStore

/// The same 100,000 seeded events in the embedded store and in PostGIS (a throw-away cluster): 200 random
/// queries of each kind give the same ids, and distances within a millimetre.
@Suite(.serialized) struct PostGISParityTests {
    static let postgis: Result<PostGISEventStore, Error> = Result {
        let store = try PostGISEventStore(url: try PostgresTestCluster.url.get())
        let s = try store.ingest(IngestBatch(input: "synthetic", events: StoreQueryTests.events))
        precondition(s.inserted + s.updated == StoreQueryTests.events.count)
        return store
    }

    func compare(_ kind: String, _ queries: [(SpatialFilter, EventFilter, Set<String>)]) throws {
        let pg = try Self.postgis.get()
        var mismatches: [String] = [], returned = 0
        for (q, (spatial, filter, borderline)) in queries.enumerated() {
            let a = try StoreQueryTests.store.query(spatial, filter).hits
            let b = try pg.query(spatial, filter).hits
            let ia = Set(a.map(\.record.id)).subtracting(borderline), ib = Set(b.map(\.record.id)).subtracting(borderline)
            if ia != ib { mismatches.append("\(kind) \(q): \(ia.subtracting(ib).count) only embedded, \(ib.subtracting(ia).count) only PostGIS") }
            let da = Dictionary(a.map { ($0.record.id, $0.distanceKm ?? 0) }, uniquingKeysWith: { x, _ in x })
            for h in b where abs((h.distanceKm ?? 0) - (da[h.record.id] ?? h.distanceKm ?? 0)) * 1000 > 0.001 {
                mismatches.append("\(kind) \(q): \(h.record.id) \(h.distanceKm ?? 0) km vs \(da[h.record.id] ?? 0) km")
            }
            returned += ib.count
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(returned > 5_000)
    }

    @Test func nearAgrees() throws {
        var rng = SplitMix64(seed: 35)
        let queries = (0..<200).map { _ -> (SpatialFilter, EventFilter, Set<String>) in
            let region = StoreQueryTests.region(&rng)
            let center = StoreQueryTests.point(region, &rng)
            let km: Double = region == .syria ? .random(in: 1...60, using: &rng) : .random(in: 10...800, using: &rng)
            // Events within a millimetre of the circle may fall either way in two libraries: left out.
            let borderline = Set(StoreQueryTests.events.filter {
                Independent.sphericalDistance(center, $0.point) < km * 1010 + 100 && abs(Independent.distance(center, $0.point) - km * 1000) < 0.001
            }.map(\.id))
            return (.near(center, radius: .kilometers(km)), StoreQueryTests.randomFilter(&rng), borderline)
        }
        try compare("near", queries)
    }

    /// Boxes kept small (a debug build decodes every returned row), but crossing ±180° and reaching the pole.
    @Test func bboxAgrees() throws {
        var rng = SplitMix64(seed: 36)
        let queries = (0..<200).map { _ -> (SpatialFilter, EventFilter, Set<String>) in
            let box = StoreQueryTests.randomBox(&rng, width: 0.05...4, height: 0.05...3)
            return (.bbox(box), StoreQueryTests.randomFilter(&rng), [])
        }
        try compare("bbox", queries)
    }

    @Test func withinAgrees() throws {
        var rng = SplitMix64(seed: 37)
        let queries = (0..<200).map { _ -> (SpatialFilter, EventFilter, Set<String>) in
            var c = StoreQueryTests.point(StoreQueryTests.region(&rng), &rng)
            c = Coordinate(longitude: max(-170, min(170, c.longitude)), latitude: max(-75, min(75, c.latitude)))
            let angles = (0..<Int.random(in: 5...12, using: &rng)).map { _ in Double.random(in: 0..<(2 * .pi), using: &rng) }.sorted()
            var ring = angles.map { a -> Coordinate in
                let r = Double.random(in: 0.1...1.5, using: &rng)
                return Coordinate(longitude: c.longitude + r * cos(a), latitude: c.latitude + r * sin(a))
            }
            ring.append(ring[0])
            return (.within(.polygon([ring])), StoreQueryTests.randomFilter(&rng), [])
        }
        try compare("within", queries)
    }

    /// A value the server refuses half-way through a file (an integer beyond PostgreSQL's `integer`):
    /// the whole file is rolled back.
    @Test func aFailingFileChangesNothing() throws {
        let pg = try Self.postgis.get()
        let before = try pg.eventCount()
        var events = Array(StoreQueryTests.events.prefix(10)).map { e -> EventRecord in var x = e; x.id = "rollback:" + e.id; return x }
        events[9].fatalitiesBest = 3_000_000_000
        #expect(throws: StoreError.self) { try pg.ingest(IngestBatch(input: "bad", events: events)) }
        #expect(try pg.eventCount() == before)
    }

    @Test func connectionProblemsNameTheServerNotThePassword() throws {
        _ = try Self.postgis.get()
        let port = PostgresTestCluster.port
        #expect(throws: StoreError.unreachable("PostgreSQL at 127.0.0.1:\(port) refused the login of user geomap_pw: password authentication failed for user \"geomap_pw\"")) {
            try PostGISEventStore(url: "postgresql://geomap_pw:not-the-secret@127.0.0.1:\(port)/geomap?sslmode=disable")
        }
        let down = try PostgresTestCluster.freePort()
        #expect(throws: StoreError.unreachable("cannot reach PostgreSQL at 127.0.0.1:\(down): connection refused")) {
            try PostGISEventStore(url: "postgresql://postgres@127.0.0.1:\(down)/geomap?sslmode=disable")
        }
        #expect(PostgresLocation.redacted("postgresql://u:hunter2@h:5/db") == "postgresql://u:***@h:5/db")
        let env = try PostgresLocation(url: "postgresql:///", environment: ["PGHOST": "db.example", "PGPORT": "6543", "PGUSER": "ana", "PGPASSWORD": "x", "PGDATABASE": "events"])
        #expect(env.description == "postgresql://ana@db.example:6543/events" && env.password == "x" && env.sslMode == .prefer)
    }
}
