import Foundation
import GeoCore
import Geodesy
import Geometry
import Places
import Incidents

/// An area an actor holds (or contests) as of a date.
public struct ControlZone: Sendable {
    public let actor: String
    /// `controls` or `contested`.
    public let status: ControlStatus
    public let asOf: ReportDay?
    public let geometry: GeoJSONGeometry
    /// Geodesic area on WGS84.
    public let areaKm2: Double
    public let places: [String]
    public let sources: [String]
}

/// A claim ready for zone building: who, where (with the place's record), what, when, who says so.
public struct ZoneClaim: Sendable {
    public let actor: String
    public let place: Place
    public let status: ControlStatus
    public let date: ReportDay?
    public let source: String

    public init(actor: String, place: Place, status: ControlStatus, date: ReportDay?, source: String) {
        self.actor = actor; self.place = place; self.status = status; self.date = date; self.source = source
    }
}

/// Builds control zones with GEOS, in metres (local projections from PROJ), results in lon/lat.
///
/// - `--as-of D` keeps, for each place, the latest claim dated on or before D (undated claims count as the
///   oldest); "controls" and "captured" make the actor the holder, "contested" and "besieged" a contested area,
///   "lost" removes the place from the actor.
/// - buffer: a division's polygon where the gazetteer has one, else a disc of radius
///   0.5 km + 0.01 km × √population, at least 1 km (a village ≈ 1 km, 500,000 people ≈ 7.6 km);
///   per actor and status the union; where two actors' zones overlap, the overlap becomes a contested zone and
///   is cut out of both.
/// - voronoi: the Voronoi cell of every held place, clipped cell by cell to its country's boundary (Natural
///   Earth), dissolved per actor.
public final class ControlZoneBuilder {
    public enum Mode: String, Sendable, CaseIterable { case buffer, voronoi }

    let engine: GeometryEngine
    let store: GazetteerStore

    public init(store: GazetteerStore) throws {
        self.store = store
        engine = try GeometryEngine()
    }

    public static func discRadius(population: Int) -> Distance {
        Distance.kilometers(max(1, 0.5 + 0.01 * Double(max(0, population)).squareRoot()))
    }

    /// The claims in force on `asOf` (nil: the latest date of the claims), one per place.
    public static func inForce(_ claims: [ZoneClaim], asOf: ReportDay?) -> (claims: [ZoneClaim], asOf: ReportDay?) {
        let day = asOf ?? claims.compactMap(\.date).max()
        let valid = claims.filter { c in day == nil || c.date == nil || c.date! <= day! }
        var latest: [String: ZoneClaim] = [:]
        for c in valid {
            if let old = latest[c.place.id], (old.date ?? ReportDay(year: 1, month: 1, day: 1)!) > (c.date ?? ReportDay(year: 1, month: 1, day: 1)!) { continue }
            latest[c.place.id] = c
        }
        return (latest.values.sorted { $0.place.id < $1.place.id }, day)
    }

    /// The zones as of `asOf` (nil: the latest claim date).
    public func build(_ claims: [ZoneClaim], asOf: ReportDay? = nil, mode: Mode = .buffer) throws -> [ControlZone] {
        guard let center = Self.center(of: claims) else { return [] }
        let (current, day) = Self.inForce(claims, asOf: asOf)
        return try build(inForce: current, day: day, mode: mode, center: center)
    }

    /// The centre of the projection: the middle of every claim's place, whatever the date, so that a zone
    /// drawn as of one day and the same zone in the timeline are the same polygons.
    static func center(of claims: [ZoneClaim]) -> Coordinate? {
        BoundingBox(covering: claims.map(\.place.coordinate))?.center
    }

    /// The zones of the claims in force (one per place), in a projection centred on `center`.
    func build(inForce current: [ZoneClaim], day: ReportDay?, mode: Mode, center: Coordinate) throws -> [ControlZone] {
        let held = current.filter { $0.status.holds }
        let contestedClaims = current.filter { $0.status.disputes }
        guard !current.isEmpty else { return [] }
        // All metric work in one azimuthal equidistant projection centred on the claims: one PROJ transform
        // for thousands of discs, exact distances from the centre, < 0.1 % scale error across a country.
        let local = try LocalProjection(center: center)
        var unions: [String: GeoJSONGeometry] = [:]   // actor → projected union of its areas
        var members: [String: [ZoneClaim]] = [:]
        var contested: [(GeoJSONGeometry, [String])] = []
        switch mode {
        case .buffer:
            (unions, contested) = try bufferUnions(held, local)
            members = Dictionary(grouping: held, by: \.actor)
        case .voronoi:
            var areas: [String: [GeoJSONGeometry]] = [:]
            let byCountry = Dictionary(grouping: held, by: { $0.place.country ?? "" })
            for (cc, group) in byCountry.sorted(by: { $0.key < $1.key }) {
                let boundary = try store.countryShape(iso: cc).map { try local.project($0) }
                    ?? engine.union(try group.map { try projectedArea(of: $0.place, local) })
                let sites = try group.map { c -> Coordinate in
                    let p = try local.project(c.place.coordinate)
                    return Coordinate(longitude: p.x, latitude: p.y)
                }
                let cells = try engine.voronoiCells(sites: sites, clippedTo: boundary)
                for (c, cell) in zip(group, cells) {
                    areas[c.actor, default: []].append(cell)
                    members[c.actor, default: []].append(c)
                }
            }
            // Cells of one country partition it: actors' unions meet along edges and never overlap.
            for (actor, list) in areas { unions[actor] = try engine.makeValidIfNeeded(try engine.union(list)) }
        }
        let actors = unions.keys.sorted()
        var pending: [(actor: String, status: ControlStatus, geometry: GeoJSONGeometry, claims: [ZoneClaim])] = []
        for actor in actors {
            guard let g = unions[actor], !g.polygons.isEmpty else { continue }
            pending.append((actor, .controls, g, members[actor] ?? []))
        }
        for (g, pair) in contested {
            pending.append((pair.joined(separator: " / "), .contested, g, pair.flatMap { members[$0] ?? [] }))
        }
        // Places explicitly claimed as contested or besieged.
        for (actor, group) in Dictionary(grouping: contestedClaims, by: \.actor).sorted(by: { $0.key < $1.key }) {
            let g = try engine.makeValidIfNeeded(try engine.union(group.map { try projectedArea(of: $0.place, local) }))
            pending.append((actor, .contested, g, group))
        }
        // Back to lon/lat with geodesic areas, polygon by polygon on all cores (a PROJ context per thread).
        let projections = try (0..<Self.workers).map { _ in try LocalProjection(center: center) }
        let items = pending.indices.flatMap { z in pending[z].geometry.polygons.map { (zone: z, rings: $0) } }
        let converted = try ParallelMap.map(items.count, workers: projections) { projection, k -> ([[Coordinate]], Double) in
            let g = try projection.unproject(.polygon(items[k].rings))
            return (g.polygons[0], Geodesic.area(of: g))
        }
        var polygons = Array(repeating: [[[Coordinate]]](), count: pending.count)
        var areas = Array(repeating: 0.0, count: pending.count)
        for (item, (rings, area)) in zip(items, converted) {
            polygons[item.zone].append(rings)
            areas[item.zone] += area
        }
        return try pending.indices.compactMap { k in
            guard !polygons[k].isEmpty else { return nil }
            let z = pending[k]
            // Valid in metres need not stay valid once back in degrees: rings a nanometre apart may touch.
            let geometry = try engine.makeValidIfNeeded(polygons[k].count == 1 ? .polygon(polygons[k][0]) : .multiPolygon(polygons[k]))
            return ControlZone(actor: z.actor, status: z.status, asOf: day, geometry: geometry, areaKm2: areas[k] / 1e6,
                               places: Array(Set(z.claims.map(\.place.name))).sorted(), sources: Array(Set(z.claims.map(\.source))).sorted())
        }
    }

    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// One held place's area in projected metres: a disc, or a division's polygon.
    struct Piece {
        let actor: String
        var center = Coordinate(longitude: 0, latitude: 0)
        var radius = 0.0
        var shape: GeoJSONGeometry?
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0

        mutating func setEnvelope(_ points: [Coordinate]) {
            minX = .infinity; minY = .infinity; maxX = -.infinity; maxY = -.infinity
            for c in points {
                minX = Swift.min(minX, c.longitude); maxX = Swift.max(maxX, c.longitude)
                minY = Swift.min(minY, c.latitude); maxY = Swift.max(maxY, c.latitude)
            }
        }

        /// Whether the two areas may overlap: exact for two discs (the discs GEOS draws lie inside their
        /// circles), by envelopes otherwise.
        func mayOverlap(_ o: Piece) -> Bool {
            guard minX <= o.maxX, o.minX <= maxX, minY <= o.maxY, o.minY <= maxY else { return false }
            guard shape == nil, o.shape == nil else { return true }
            let dx = center.longitude - o.center.longitude, dy = center.latitude - o.center.latitude
            return (dx * dx + dy * dy).squareRoot() < radius + o.radius
        }
    }

    /// Per actor the union of its areas with the overlaps between actors cut out, and the overlaps as
    /// contested areas. Only frontier areas (those that overlap another actor's) take part in the overlay
    /// of actors: a point two actors share lies in a frontier area of each, never in an interior one. The
    /// interior areas then join their actor's trimmed frontier.
    func bufferUnions(_ held: [ZoneClaim], _ local: LocalProjection) throws -> ([String: GeoJSONGeometry], [(GeoJSONGeometry, [String])]) {
        var pieces: [Piece] = []
        for c in held {
            var piece = Piece(actor: c.actor)
            if c.place.kind.isAdministrative, let shape = try store.shape(placeID: c.place.id) {
                let projected = try local.project(shape)
                let all = projected.allCoordinates
                guard !all.isEmpty else { continue }
                piece.shape = projected
                piece.setEnvelope(all)
            } else {
                let p = try local.project(c.place.coordinate)
                piece.center = Coordinate(longitude: p.x, latitude: p.y)
                piece.radius = Self.discRadius(population: c.place.population).meters
                piece.minX = p.x - piece.radius; piece.maxX = p.x + piece.radius
                piece.minY = p.y - piece.radius; piece.maxY = p.y + piece.radius
            }
            pieces.append(piece)
        }
        let frontier = Self.frontier(pieces)
        // Frontier unions, then the pairwise overlaps as before, on these small geometries only.
        var trimmed: [String: GeoJSONGeometry] = [:]
        for (actor, list) in Dictionary(grouping: pieces.indices.filter { frontier[$0] }, by: { pieces[$0].actor }) {
            trimmed[actor] = try union(list.map { pieces[$0] }, engine)
        }
        var contested: [(GeoJSONGeometry, [String])] = []
        let frontierActors = trimmed.keys.sorted()
        for (i, a) in frontierActors.enumerated() {
            for b in frontierActors.dropFirst(i + 1) {
                guard let ga = trimmed[a], let gb = trimmed[b] else { continue }
                let overlap = try engine.intersection(ga, gb)
                guard !overlap.polygons.isEmpty, try engine.planarArea(overlap) > 1 else { continue }
                contested.append((overlap, [a, b]))
                trimmed[a] = try engine.difference(ga, overlap)
                trimmed[b] = try engine.difference(gb, overlap)
            }
        }
        // Per actor: its interior areas and the polygons of its trimmed frontier, grouped into connected sets
        // (areas that overlap, transitively). Sets never overlap one another, so each is dissolved alone and
        // the results are only put together; sets are packed into jobs shared among the cores.
        var jobs: [(actor: String, pieces: [Piece])] = []
        let interiorByActor = Dictionary(grouping: pieces.indices.filter { !frontier[$0] }, by: { pieces[$0].actor })
        for actor in Set(pieces.map(\.actor)).sorted() {
            var own = (interiorByActor[actor] ?? []).map { pieces[$0] }
            for rings in trimmed[actor]?.polygons ?? [] {
                var piece = Piece(actor: actor)
                piece.shape = .polygon(rings)
                piece.setEnvelope(rings.first ?? [])
                own.append(piece)
            }
            let sets = Self.connectedSets(own).sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
            let binCount = max(1, min(sets.count, 4 * Self.workers))
            var bins = Array(repeating: [Piece](), count: binCount)
            for set in sets {
                // Largest first into the lightest bin: balanced jobs.
                let lightest = bins.indices.min { bins[$0].count < bins[$1].count }!
                bins[lightest] += set.map { own[$0] }
            }
            jobs += bins.filter { !$0.isEmpty }.map { (actor, $0) }
        }
        let engines = try [engine] + (1..<Self.workers).map { _ in try GeometryEngine() }
        let parts = try ParallelMap.map(jobs.count, workers: engines) { engine, k in try self.union(jobs[k].pieces, engine) }
        var polygons: [String: [[[Coordinate]]]] = [:]
        for (job, part) in zip(jobs, parts) { polygons[job.actor, default: []] += part.polygons }
        var unions: [String: GeoJSONGeometry] = [:]
        for (actor, list) in polygons where !list.isEmpty { unions[actor] = list.count == 1 ? .polygon(list[0]) : .multiPolygon(list) }
        return (unions, contested)
    }

    /// Which areas overlap an area of another actor.
    static func frontier(_ pieces: [Piece]) -> [Bool] {
        var out = Array(repeating: false, count: pieces.count)
        forEachPossibleOverlap(pieces) { i, j in
            if pieces[i].actor != pieces[j].actor { out[i] = true; out[j] = true }
        }
        return out
    }

    /// Indexes of `pieces` in sets that are connected by possible overlaps (union-find).
    static func connectedSets(_ pieces: [Piece]) -> [[Int]] {
        var parent = Array(pieces.indices)
        func root(_ a: Int) -> Int {
            var a = a
            while parent[a] != a { parent[a] = parent[parent[a]]; a = parent[a] }
            return a
        }
        forEachPossibleOverlap(pieces) { i, j in
            let (a, b) = (root(i), root(j))
            if a != b { parent[a] = b }
        }
        // In order of their first piece, so that output does not depend on hashing.
        return Dictionary(grouping: pieces.indices, by: root).values.sorted { $0[0] < $1[0] }
    }

    /// Every pair of pieces that may overlap (`Piece.mayOverlap`), found by a sweep along x over the envelopes.
    static func forEachPossibleOverlap(_ pieces: [Piece], _ body: (Int, Int) -> Void) {
        var active: [Int] = []
        for i in pieces.indices.sorted(by: { pieces[$0].minX < pieces[$1].minX }) {
            active.removeAll { pieces[$0].maxX < pieces[i].minX }
            for j in active where pieces[i].mayOverlap(pieces[j]) { body(i, j) }
            active.append(i)
        }
    }

    /// The union of the pieces (and `others`) in one GEOS pass.
    func union(_ pieces: [Piece], _ engine: GeometryEngine, with others: [GeoJSONGeometry] = []) throws -> GeoJSONGeometry {
        let discs = pieces.filter { $0.shape == nil }
        return try engine.unionOfDiscs(centers: discs.map(\.center), radii: discs.map(\.radius),
                                       with: pieces.compactMap(\.shape) + others)
    }
    /// A division's polygon, else a disc sized by population, in the projection's metres.
    func projectedArea(of place: Place, _ local: LocalProjection) throws -> GeoJSONGeometry {
        if place.kind.isAdministrative, let shape = try store.shape(placeID: place.id) { return try local.project(shape) }
        let p = try local.project(place.coordinate)
        return try engine.buffer(.point(Coordinate(longitude: p.x, latitude: p.y)), distance: Self.discRadius(population: place.population).meters)
    }
}

extension GeometryEngine {
    /// The geometry, repaired by GEOS when it is not valid.
    func makeValidIfNeeded(_ g: GeoJSONGeometry) throws -> GeoJSONGeometry {
        try isValid(g) ? g : makeValid(g)
    }
}
