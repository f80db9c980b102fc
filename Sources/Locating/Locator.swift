import Foundation
import GeoCore
import Geodesy
import Geometry
import Places

/// Locates relative expressions: resolves the anchor through the gazetteer and computes the point and the
/// uncertainty area with PROJ geodesics (GEOS for anchor areas and checks). The rules are in the README.
public final class Locator {
    public struct Options: Sendable {
        /// How far "north of X" and "the northern countryside of X" reach from X.
        public var directionReach = Distance.kilometers(30)
        /// Disc radius of "near X", "près de X".
        public var nearRadius = Distance.kilometers(10)
        /// Disc radius of "on the outskirts of X", "aux abords de X".
        public var outskirtsRadius = Distance.kilometers(5)
        /// How far from the line "near the Turkish border" reaches (`BorderBand`).
        public var borderReach = Distance.kilometers(20)
        public init() {}
    }

    /// Half the meridional circumference of WGS84, the longest geodesic from any point.
    public static let maximumDistance = Distance(meters: 20_003_931.4586)

    public let gazetteer: Gazetteer
    /// Changing them empties the caches of areas and checks computed with the old ones (the locator's areas are
    /// then its own, no longer shared: `AreaCache`).
    public var options = Options() { didSet { areas = AreaCache(limit: cacheLimit); checks.removeAll(); borderBands.removeAll() } }
    /// Entries the caches of areas and of named-place checks may each hold; 0 turns them off.
    public var cacheLimit = Locator.defaultCacheLimit {
        didSet { areas = AreaCache(limit: cacheLimit); checks.limit = cacheLimit; extents.limit = cacheLimit; namesakes.limit = cacheLimit }
    }
    public static let defaultCacheLimit = CacheBudget.standard.entries
    let engine: GeometryEngine
    public let parser = RelativeExpressionParser()
    /// Place records and anchor outlines read so far (this locator's, or those of the job's locators: `records`
    /// set to one cache for all).
    public var records: PlaceRecordCache
    /// A name's ranking without context as its owner already has it (the geoparser's, most names checked
    /// against an area having been read as mentions): the check then only scores it in its context. Nil, or an
    /// answer of nil: the name is ranked anew.
    public var rankingWithoutContext: ((String) -> [RankedPlace]?)?

    public init(gazetteer: Gazetteer) throws(LocatingError) {
        self.gazetteer = gazetteer
        records = PlaceRecordCache(store: gazetteer.store)
        do { engine = try GeometryEngine() } catch { throw .geometry(error) }
        landMask = LandMask(outlines: LandOutlines(store: gazetteer.store), engine: engine)
    }

    /// Land, to cut areas at the sea.
    let landMask: LandMask

    /// Uses `other`'s land outlines (locators of one job, same gazetteer): a country's outline one worker read
    /// and widened, the others need not.
    public func shareLand(with other: Locator) {
        landMask.outlines = other.landMask.outlines
    }

    /// The areas' sizes in km²: equal-area projections of the regions met, not a geodesic solution per edge.
    let areaMeasure = EqualAreaMeasure()

    /// Every expression in running text, located; expressions whose anchor is unknown are left out.
    public func locateAll(in text: String, context: ResolveContext = ResolveContext()) -> [RelativeLocation] {
        parser.expressions(in: text).compactMap { try? locate($0, context: context) }
    }

    /// Numbers written in exponent form, not-a-number or infinity, or counted in millions and more, before a unit.
    nonisolated(unsafe) static let unreadableDistance = try! Regex(
        #"(?i)(?:\d[\d.,]*e[+-]?\d+|\bnan|\binf(?:inity)?|\b(?:millions?|billions?|milliards?|trillions?)(?:\s+(?:of|de|d'))?)\s*(?:km|kms|kilom\w*|miles?|mi|metres?|meters?|m)\b"#)

    /// Locates a whole expression, optionally preceded by the name of the place it describes
    /// ("Kantari, 80 km north of Raqa"): that name is then checked against the area.
    public func locate(expression text: String, context: ResolveContext = ResolveContext()) throws(LocatingError) -> RelativeLocation {
        // "1e308 km", "NaN km", "a billion miles": a distance the grammar cannot read is an error, not a name
        // before a direction-only "north of X".
        if let m = text.firstMatch(of: Self.unreadableDistance) { throw .unreadableDistance(String(text[m.range]), expression: text) }
        let found = parser.expressions(in: text)
        guard let e = found.first else { throw .noExpression(text) }
        if e.negative { throw .negativeDistance(text) }
        let scalars = Array(text.unicodeScalars)
        let before = String(String.UnicodeScalarView(scalars[..<e.span.lowerBound]))
            .trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-–—\t\n"))
        var named = before
        for lead in ["at ", "in ", "à ", "a ", "dans "] where named.lowercased().hasPrefix(lead) { named = String(named.dropFirst(lead.count)) }
        return try locate(e, context: context, namedPlace: named.isEmpty ? nil : named)
    }

    /// Locates a parsed expression. `anchor` overrides the anchor resolution when the caller has already
    /// resolved the anchor's name (the geoparser, which disambiguates a document as a whole).
    public func locate(_ e: RelativeExpression, context: ResolveContext = ResolveContext(), namedPlace: String? = nil,
                       anchor resolved: (text: String, place: Place, range: Range<Int>)? = nil) throws(LocatingError) -> RelativeLocation {
        if e.negative { throw .negativeDistance(e.text) }
        if let d = e.distance, d.kilometers * 1000 > Self.maximumDistance.meters { throw .distanceTooLarge(e.text, kilometers: d.kilometers) }
        let anchorText: String, named: Place, anchorRange: Range<Int>
        if let resolved {
            (anchorText, named, anchorRange) = (resolved.text, resolved.place, resolved.range)
        } else {
            (anchorText, named, anchorRange) = try resolveAnchor(e, context: context)
        }
        // The span runs to the anchor's last word; an anchor outside the phrase (elliptical "à 35 km plus au sud",
        // anaphoric "the city") leaves the phrase's own span.
        let span: Range<Int>
        if e.anchorBefore, anchorRange.lowerBound <= e.span.lowerBound {
            span = anchorRange.lowerBound..<e.span.upperBound
        } else if anchorRange.lowerBound >= e.span.lowerBound {
            span = e.span.lowerBound..<max(e.span.lowerBound, anchorRange.upperBound)
        } else {
            span = e.span
        }
        // "In the south of Idlib", "the northern countryside of Aleppo": the governorate of the city's name.
        let anchor = e.form == .countryside ? try namesakes.value(for: named.id + "|" + anchorText) { () throws(LocatingError) in
            try namesakeGovernorate(of: named, as: anchorText)
        } ?? named : named
        // "Near the Iraqi border" in a report on Syria lies on the Syrian side.
        let side = e.form == .border ? borderSide(e, neighbour: anchor, context: context) : nil
        let key = AreaKey(anchorID: side.map { anchor.id + "|" + $0 } ?? anchor.id, form: e.form, distance: e.distance,
                          direction: e.direction, outskirts: e.outskirts, part: e.readsAsPart)
        let located = e.form == .border ? try borderArea(neighbour: anchor, side: side) : try area(of: e, around: anchor, key: key)
        let precision = anchor.kind.isAdministrative || e.form == .distanceOnly ? 3 : 2
        let check = try namedPlace.map { name throws(LocatingError) in
            try checks.value(for: CheckKey(name: name, area: key, context: context)) { () throws(LocatingError) in
                try checkNamedPlace(name, area: located.area, box: located.box, point: located.point, context: context)
            }
        }
        return RelativeLocation(expression: e, anchorText: anchorText, anchor: anchor, span: span, point: located.point, bearing: located.bearing,
                                uncertainty: located.area, uncertaintyJSON: located.areaJSON, uncertaintyRadius: located.radius, areaKm2: located.areaKm2,
                                geoPrecision: precision, namedPlace: check)
    }

    /// The point and area an expression gives around an anchor: all that depends on the anchor and on what the
    /// phrase says (form, distance, direction), not on where the phrase stands.
    struct LocatedArea: Sendable {
        let point: Coordinate
        let bearing: Bearing?
        let area: GeoJSONGeometry
        let areaJSON: [UInt8]
        let radius: Distance
        let areaKm2: Double
        /// The area's box, for the named-place checks made against it (one per name the area is asked about).
        let box: BoundingBox?
    }

    struct AreaKey: Hashable, Sendable {
        let anchorID: String
        let form: RelativeForm
        let distance: DistanceEstimate?
        let direction: CompassPoint?
        let outskirts: Bool
        /// The area is a part of the anchor's outline (`RelativeExpression.readsAsPart`).
        let part: Bool
    }

    /// Areas computed so far, by this locator or by those it shares them with (`AreaCache`).
    public var areas = AreaCache(limit: Locator.defaultCacheLimit)

    /// Named-place checks made so far: a name checked against an area in a context.
    private var checks = BoundedCache<CheckKey, NamedPlaceCheck>(limit: Locator.defaultCacheLimit)

    struct CheckKey: Hashable {
        let name: String
        let area: AreaKey
        let context: ResolveContext
    }

    func area(of e: RelativeExpression, around anchor: Place, key: AreaKey) throws(LocatingError) -> LocatedArea {
        try areas.entries.value(for: key) { () throws(LocatingError) in try computeArea(of: e, around: anchor) }
    }

    func computeArea(of e: RelativeExpression, around anchor: Place) throws(LocatingError) -> LocatedArea {
        let center = anchor.coordinate
        let anchorShape: GeoJSONGeometry?
        if anchor.kind.isAdministrative {
            do { anchorShape = try records.shape(placeID: anchor.id) } catch { throw .gazetteer(error) }
        } else {
            anchorShape = nil
        }

        var point = center
        var bearing: Bearing?
        var area: GeoJSONGeometry
        // While the area is a sector, disc or ring about the anchor as built, its farthest vertex from the anchor
        // lies on its outer arc: at the outer distance, to the nanometre of the geodesic solutions.
        var outerDistance: Distance?
        // Whether the area is still a sector as `UncertaintyArea.sector` built it and that is valid
        // (`isValidAsBuilt`); GEOS checks the others.
        var validAsBuilt = false
        func sector(_ c: Coordinate, _ inner: Distance, _ outer: Distance, bearing: Double, halfWidth: Double) -> GeoJSONGeometry {
            validAsBuilt = UncertaintyArea.isValidAsBuilt(center: c, inner: inner, outer: outer, halfWidth: halfWidth)
            return UncertaintyArea.sector(center: c, inner: inner, outer: outer, bearing: bearing, halfWidth: halfWidth)
        }
        let halfWidth = e.bearingHalfWidth ?? 180
        let azimuth = e.direction?.bearing.degrees ?? 0
        switch e.form {
        case .distanceAndDirection:
            let d = e.distance!
            point = Geodesic.destination(from: center, distance: .kilometers(d.kilometers), bearing: Bearing(degrees: azimuth))
            bearing = Bearing(degrees: azimuth)
            area = sector(center, .kilometers(d.low), .kilometers(d.high), bearing: azimuth, halfWidth: halfWidth)
        case .distanceOnly:
            let d = e.distance!
            area = sector(center, .kilometers(d.low), .kilometers(d.high), bearing: 0, halfWidth: 180)
            outerDistance = .kilometers(d.high)
        case .directionOnly, .countryside:
            bearing = Bearing(degrees: azimuth)
            // A part of an area ("in the north of Hama province") is the half or so of it that lies that way from
            // its middle: the centroid of its outline when it lies inside, else the anchor's point.
            let isPart = e.readsAsPart
            let width = isPart && anchorShape != nil ? Self.partHalfWidth(e.direction) : halfWidth
            var center = center
            if isPart, let shape = anchorShape {
                do {
                    let c = try engine.centroid(shape)
                    if try engine.prepare(shape).covers(c) { center = c }
                } catch { throw .geometry(error) }
            }
            // Bounded whatever a caller set: the sector never reaches past the far side of the earth.
            var reach = min(options.directionReach, Distance.halfCircumference)
            if let shape = anchorShape {
                reach = max(reach, center == anchor.coordinate ? extent(of: anchor, shape: shape)
                                                               : extent(of: anchor, shape: shape, key: "centroid:" + anchor.id, around: center))
            }
            // "East of <city>" may name a town 150 km east: the sector reaches the city's governorate's far edge and
            // is clipped to the governorate (GBIF: a heading alone extends to the nearest constraining boundary).
            let governorate = e.form == .directionOnly && [.city, .town].contains(anchor.kind) ? try governorateShape(of: anchor) : nil
            if let shape = governorate { reach = max(reach, extent(of: anchor, shape: shape, key: "governorate:" + anchor.id)) }
            area = sector(center, .meters(0), reach, bearing: azimuth, halfWidth: width)
            outerDistance = reach
            if let shape = governorate {
                // The near sector stays whole (a city's governorate may be the city alone: Damascus).
                let near = UncertaintyArea.sector(center: center, inner: .meters(0), outer: min(options.directionReach, Distance.halfCircumference),
                                                  bearing: azimuth, halfWidth: width)
                do {
                    let clipped = try engine.intersection(area, shape)
                    area = Self.hasArea(clipped) ? try engine.union([near, clipped]) : near
                    outerDistance = nil
                    validAsBuilt = false
                } catch { throw .geometry(error) }
            }
            // "In the north of Hama province": the part of the province that lies that way; likewise French "à l'est
            // de la Syrie" with a country or governorate (a part of it; of a settlement, "à l'est de X" lies outside).
            if isPart, let shape = anchorShape {
                do {
                    area = try engine.intersection(area, shape)
                    // The point is in the part: GEOS's point on surface (its centroid may lie outside a crescent).
                    if Self.hasArea(area) { point = try engine.pointOnSurface(area) }
                } catch { throw .geometry(error) }
                outerDistance = nil
                validAsBuilt = false
            }
        case .border:
            return try borderArea(neighbour: anchor, side: nil)
        case .proximity:
            let radius = e.outskirts ? options.outskirtsRadius : options.nearRadius
            area = sector(center, .meters(0), radius, bearing: 0, halfWidth: 180)
            outerDistance = radius
        }
        // An anchor that is an area (a governorate, a country) widens distance forms by its own extent; a feature
        // (a point in the gazetteer) by the half-size of its kind.
        if e.form == .distanceAndDirection || e.form == .distanceOnly || e.form == .proximity {
            let widen = anchorShape.map { extent(of: anchor, shape: $0) } ?? Self.featureHalfSize[anchor.kind]
            if let widen, widen.meters > 0 {
                do { area = try engine.buffer(area, by: widen) } catch { throw .geometry(error) }
                outerDistance = nil
                validAsBuilt = false
            }
        }
        // On land: a place a report locates is not at sea ("10 km west of Latakia").
        if e.form != .border, let land = try landMask.clip(area) { area = land; outerDistance = nil; validAsBuilt = false }
        do {
            if !validAsBuilt, try !engine.isValid(area) { area = try engine.makeValid(area); outerDistance = nil }
        } catch { throw .geometry(error) }

        let radius: Distance
        if point == center, let outer = outerDistance { radius = outer } else { radius = UncertaintyArea.radius(of: area, around: point) }
        var json = OutputBuffer(capacity: 4096)
        JSONBytes.appendGeometry(area, to: &json)
        return LocatedArea(point: point, bearing: bearing, area: area, areaJSON: json.bytes, radius: radius,
                           areaKm2: areaMeasure.area(of: area) / 1e6, box: area.boundingBox)
    }

    /// How far a feature of each kind reaches from its point in the gazetteer: "25 km south of the dam" is
    /// measured from the dam's wall, "4 km from the airbase" from its fence. Half the size of Syria's larger
    /// ones (Tabqa dam's wall 4.5 km, Kuweires's and T4's runways 3 km, Lake Assad 80 km long, the Jabal
    /// al-Akrad and Qalamoun ranges 30–60 km across); a river, hundreds of kilometres long, is not widened.
    static let featureHalfSize: [PlaceKind: Distance] = [
        .airbase: .kilometers(2), .airport: .kilometers(2), .base: .kilometers(1.5), .prison: .kilometers(0.5),
        .dam: .kilometers(2.5), .borderCrossing: .kilometers(1), .oilField: .kilometers(8), .site: .kilometers(1),
        .lake: .kilometers(20), .mountain: .kilometers(15), .area: .kilometers(15),
    ]

    /// Whether a GEOS result is a polygon with a ring at all (an empty intersection has none): cheaper than
    /// its geodesic area.
    static func hasArea(_ g: GeoJSONGeometry) -> Bool {
        switch g {
        case .polygon(let rings): return (rings.first?.count ?? 0) >= 4
        case .multiPolygon(let polygons): return polygons.contains { ($0.first?.count ?? 0) >= 4 }
        case .geometryCollection(let members): return members.contains(where: hasArea)
        default: return false
        }
    }

    /// The half-width of "the north of <area>": ±90° for a cardinal word (the half that lies north of its point),
    /// ±67.5° for an intercardinal one, ±45° for the sixteen points; calibrated by `scripts/calibrate_relative.py`.
    static func partHalfWidth(_ d: CompassPoint?) -> Double {
        guard let d else { return 180 }
        return d.rawValue % 4 == 0 ? 90 : d.rawValue % 2 == 0 ? 67.5 : 45
    }

    /// Governorates that share a city's name, by city and name as written (`namesakeGovernorate`).
    private var namesakes = BoundedCache<String, Place?>(limit: Locator.defaultCacheLimit)

    /// Border bands by pair of countries (`borderArea`).
    var borderBands: [String: LocatedArea] = [:]
    /// Countries and capitals by ISO code (`country(iso:)`, `capital(of:)`).
    var countryPlaces: [String: Place?] = [:]

    /// How far an area anchor's outline reaches from its point: a property of the anchor, measured once.
    private var extents = BoundedCache<String, Distance>(limit: Locator.defaultCacheLimit)

    func extent(of anchor: Place, shape: GeoJSONGeometry, key: String? = nil, around: Coordinate? = nil) -> Distance {
        extents.value(for: key ?? anchor.id) { UncertaintyArea.radius(of: shape, around: around ?? anchor.coordinate) }
    }

    /// Resolves a place named next to the expression, preferring candidates inside the area.
    func checkNamedPlace(_ name: String, area: GeoJSONGeometry, box: BoundingBox?, point: Coordinate, context: ResolveContext) throws(LocatingError) -> NamedPlaceCheck {
        let plain = rankingWithoutContext?(name)
        let ranked = (plain.map { gazetteer.rank(name, context: context, reusing: $0) } ?? gazetteer.rank(name, context: context))
            .filter { $0.level <= .key }.prefix(20)
        // Namesakes are mostly far away: outside the area's box none is covered, and GEOS is asked only when one
        // lies inside it.
        let coordinates = ranked.map { gazetteer.index.coordinate($0.place) }
        let inBox = coordinates.map { box?.containsPlanar($0) == true }
        var prepared: PreparedGeometry?
        if inBox.contains(true) {
            do { prepared = try engine.prepare(area) } catch { throw .geometry(error) }
        }
        // Coverage is decided on the index's coordinates (the records' own); only the places kept are read: the
        // one inside and the first rejected ones, as many as a check reports.
        var insideRow: Int64?
        var rejectedRows: [Int64] = []
        for (k, r) in ranked.enumerated() {
            let covered = inBox[k] && prepared?.covers(coordinates[k]) == true
            if insideRow == nil, covered {
                insideRow = gazetteer.index.rowids[r.place]
            } else if !covered, rejectedRows.count < NamedPlaceCheck.rejectedShown {
                rejectedRows.append(gazetteer.index.rowids[r.place])
            }
        }
        let found: [Int64: Place]
        do { found = try records.places(rejectedRows + (insideRow.map { [$0] } ?? [])) } catch { throw .gazetteer(error) }
        let inside = insideRow.flatMap { found[$0] }
        let rejected = rejectedRows.compactMap { found[$0] }
        return NamedPlaceCheck(text: name, place: inside, distanceFromPoint: inside.map { Geodesic.distance(from: point, to: $0.coordinate) },
                               rejected: rejected)
    }
}
