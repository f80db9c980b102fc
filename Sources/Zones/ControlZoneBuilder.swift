import Foundation
import GeoCore
import Geodesy
import Geometry
import Places
import Reports

/// An area an actor holds (or contests) as of a date.
public struct ControlZone: Sendable {
    public let actor: String
    public let status: String
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
    public let status: String
    public let date: ReportDay?
    public let source: String

    public init(actor: String, place: Place, status: String, date: ReportDay?, source: String) {
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
    public enum Mode: String, Sendable { case buffer, voronoi }

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

    public func build(_ claims: [ZoneClaim], asOf: ReportDay? = nil, mode: Mode = .buffer) throws -> [ControlZone] {
        let (current, day) = Self.inForce(claims, asOf: asOf)
        let held = current.filter { ["controls", "captured"].contains($0.status) }
        let contestedClaims = current.filter { ["contested", "besieged"].contains($0.status) }
        guard let box = BoundingBox(covering: current.map(\.place.coordinate)) else { return [] }
        // All metric work in one azimuthal equidistant projection centred on the claims: one PROJ transform
        // for thousands of discs, exact distances from the centre, < 0.1 % scale error across a country.
        let local = try LocalProjection(center: box.center)
        var areas: [String: [GeoJSONGeometry]] = [:]   // actor → projected areas
        var members: [String: [ZoneClaim]] = [:]
        switch mode {
        case .buffer:
            for (actor, group) in Dictionary(grouping: held, by: \.actor) {
                members[actor] = group
                var centers: [Coordinate] = [], radii: [Double] = []
                for c in group {
                    if c.place.kind.isAdministrative, let shape = try store.shape(placeID: c.place.id) {
                        areas[actor, default: []].append(try local.project(shape))
                    } else {
                        let p = try local.project(c.place.coordinate)
                        centers.append(Coordinate(longitude: p.x, latitude: p.y))
                        radii.append(Self.discRadius(population: c.place.population).meters)
                    }
                }
                if !centers.isEmpty { areas[actor, default: []].append(try engine.unionOfDiscs(centers: centers, radii: radii)) }
            }
        case .voronoi:
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
        }
        var unions: [String: GeoJSONGeometry] = [:]
        for (actor, list) in areas {
            // A single area is already a GEOS union (valid, dissolved): a second pass would redo the work.
            unions[actor] = list.count == 1 ? list[0] : try engine.makeValidIfNeeded(try engine.union(list))
        }
        // Overlaps between two actors become contested and are cut out of both.
        var contested: [(GeoJSONGeometry, [String])] = []
        let actors = unions.keys.sorted()
        for (i, a) in actors.enumerated() {
            for b in actors.dropFirst(i + 1) {
                // Envelopes first: the full intersects predicate on two country-sized unions costs as much as
                // the intersection itself, which OverlayNG already clips to the common envelope.
                guard let ga = unions[a], let gb = unions[b], let ea = BoundingBox(covering: ga.allCoordinates),
                      let eb = BoundingBox(covering: gb.allCoordinates), ea.overlapsPlanar(eb) else { continue }
                let overlap = try engine.intersection(ga, gb)
                guard !overlap.polygons.isEmpty, try engine.planarArea(overlap) > 1 else { continue }
                contested.append((overlap, [a, b]))
                unions[a] = try engine.difference(ga, overlap)
                unions[b] = try engine.difference(gb, overlap)
            }
        }
        var zones: [ControlZone] = []
        for actor in actors {
            guard let g = unions[actor], !g.polygons.isEmpty else { continue }
            zones.append(try zone(actor: actor, status: "controls", day: day, geometry: local.unproject(g), claims: members[actor] ?? []))
        }
        for (g, pair) in contested {
            let cs = pair.flatMap { members[$0] ?? [] }
            zones.append(try zone(actor: pair.joined(separator: " / "), status: "contested", day: day, geometry: local.unproject(g), claims: cs))
        }
        // Places explicitly claimed as contested or besieged.
        for (actor, group) in Dictionary(grouping: contestedClaims, by: \.actor).sorted(by: { $0.key < $1.key }) {
            let g = try engine.makeValidIfNeeded(try engine.union(group.map { try projectedArea(of: $0.place, local) }))
            zones.append(try zone(actor: actor, status: "contested", day: day, geometry: local.unproject(g), claims: group))
        }
        return zones
    }

    func zone(actor: String, status: String, day: ReportDay?, geometry: GeoJSONGeometry, claims: [ZoneClaim]) throws -> ControlZone {
        let polygonal: GeoJSONGeometry = {
            let ps = geometry.polygons
            return ps.count == 1 ? .polygon(ps[0]) : .multiPolygon(ps)
        }()
        return ControlZone(actor: actor, status: status, asOf: day, geometry: polygonal, areaKm2: Geodesic.area(of: polygonal) / 1e6,
                           places: Array(Set(claims.map(\.place.name))).sorted(), sources: Array(Set(claims.map(\.source))).sorted())
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
