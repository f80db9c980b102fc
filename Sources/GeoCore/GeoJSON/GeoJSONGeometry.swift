/// An RFC 7946 geometry. Positions are 2-D `Coordinate`s (an altitude in input is read and dropped:
/// geomap's layers are 2-D). Polygons hold linear rings, the first the exterior, each closed.
public indirect enum GeoJSONGeometry: Hashable, Sendable {
    case point(Coordinate)
    case multiPoint([Coordinate])
    case lineString([Coordinate])
    case multiLineString([[Coordinate]])
    case polygon([[Coordinate]])
    case multiPolygon([[[Coordinate]]])
    case geometryCollection([GeoJSONGeometry])

    /// The GeoJSON `type` member.
    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .multiPoint: return "MultiPoint"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }

    /// Every position, in order.
    public var allCoordinates: [Coordinate] {
        switch self {
        case .point(let c): return [c]
        case .multiPoint(let cs), .lineString(let cs): return cs
        case .multiLineString(let ls), .polygon(let ls): return ls.flatMap { $0 }
        case .multiPolygon(let ps): return ps.flatMap { $0.flatMap { $0 } }
        case .geometryCollection(let gs): return gs.flatMap(\.allCoordinates)
        }
    }

    public var boundingBox: BoundingBox? { BoundingBox(covering: allCoordinates) }

    /// The geometry with every position passed through `transform`.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> GeoJSONGeometry {
        switch self {
        case .point(let c): return .point(try transform(c))
        case .multiPoint(let cs): return .multiPoint(try cs.map(transform))
        case .lineString(let cs): return .lineString(try cs.map(transform))
        case .multiLineString(let ls): return .multiLineString(try ls.map { try $0.map(transform) })
        case .polygon(let rs): return .polygon(try rs.map { try $0.map(transform) })
        case .multiPolygon(let ps): return .multiPolygon(try ps.map { try $0.map { try $0.map(transform) } })
        case .geometryCollection(let gs): return .geometryCollection(try gs.map { try $0.mapCoordinates(transform) })
        }
    }

    /// Polygons of a Polygon or MultiPolygon (each as its rings); empty for other types.
    public var polygons: [[[Coordinate]]] {
        switch self {
        case .polygon(let rs): return [rs]
        case .multiPolygon(let ps): return ps
        case .geometryCollection(let gs): return gs.flatMap(\.polygons)
        default: return []
        }
    }
}

// MARK: Reading

extension GeoJSONGeometry {
    /// Reads a geometry object; `path` names where it sits, for error messages.
    public init(json: JSONValue, path: String = "") throws(GeoJSONError) {
        guard let obj = json.objectValue else {
            throw GeoJSONError(at: path, "a geometry must be an object, found \(json.kindName)")
        }
        guard let type = obj["type"]?.stringValue else {
            throw GeoJSONError(at: path, "a geometry needs a string member \"type\"")
        }
        func coords() throws(GeoJSONError) -> JSONValue {
            guard let c = obj["coordinates"] else {
                throw GeoJSONError(at: path, "\(type) needs a \"coordinates\" member")
            }
            return c
        }
        let cp = path.isEmpty ? "coordinates" : "\(path).coordinates"
        switch type {
        case "Point": self = .point(try Self.position(try coords(), cp))
        case "MultiPoint": self = .multiPoint(try Self.positions(try coords(), cp, minimum: 0))
        case "LineString": self = .lineString(try Self.positions(try coords(), cp, minimum: 2))
        case "MultiLineString":
            self = .multiLineString(try Self.list(try coords(), cp) { v, p throws(GeoJSONError) in try Self.positions(v, p, minimum: 2) })
        case "Polygon": self = .polygon(try Self.rings(try coords(), cp))
        case "MultiPolygon":
            self = .multiPolygon(try Self.list(try coords(), cp) { v, p throws(GeoJSONError) in try Self.rings(v, p) })
        case "GeometryCollection":
            guard let gs = obj["geometries"]?.arrayValue else {
                throw GeoJSONError(at: path, "GeometryCollection needs a \"geometries\" array")
            }
            var out: [GeoJSONGeometry] = []
            for (k, g) in gs.enumerated() {
                out.append(try GeoJSONGeometry(json: g, path: "\(path.isEmpty ? "" : path + ".")geometries[\(k)]"))
            }
            self = .geometryCollection(out)
        default:
            throw GeoJSONError(at: path, "unknown geometry type \"\(type)\"")
        }
    }

    static func list<T>(_ v: JSONValue, _ path: String, _ item: (JSONValue, String) throws(GeoJSONError) -> T) throws(GeoJSONError) -> [T] {
        guard let a = v.arrayValue else { throw GeoJSONError(at: path, "expected an array, found \(v.kindName)") }
        var out: [T] = []
        out.reserveCapacity(a.count)
        for (k, x) in a.enumerated() { out.append(try item(x, "\(path)[\(k)]")) }
        return out
    }

    static func position(_ v: JSONValue, _ path: String) throws(GeoJSONError) -> Coordinate {
        guard let a = v.arrayValue, (2...3).contains(a.count) else {
            throw GeoJSONError(at: path, "a position must be an array of 2 or 3 numbers [lon, lat(, alt)]")
        }
        guard let lon = a[0].numberValue, let lat = a[1].numberValue else {
            throw GeoJSONError(at: path, "a position must hold numbers, found \(a[0].kindName) and \(a[1].kindName)")
        }
        if a.count == 3, a[2].numberValue == nil { throw GeoJSONError(at: path, "altitude must be a number") }
        guard (-90...90).contains(lat) else {
            throw GeoJSONError(at: path, "latitude \(formatShortest(lat)) is outside [-90, 90] (positions are [lon, lat])")
        }
        // Longitudes past ±180 are kept: they mark a geometry drawn across the antimeridian, cut on output.
        guard (-540...540).contains(lon) else { throw GeoJSONError(at: path, "longitude \(formatShortest(lon)) is out of range") }
        return Coordinate(longitude: lon, latitude: lat)
    }

    static func positions(_ v: JSONValue, _ path: String, minimum: Int) throws(GeoJSONError) -> [Coordinate] {
        let cs = try list(v, path) { x, p throws(GeoJSONError) in try position(x, p) }
        guard cs.count >= minimum else { throw GeoJSONError(at: path, "needs at least \(minimum) positions, found \(cs.count)") }
        return cs
    }

    static func rings(_ v: JSONValue, _ path: String) throws(GeoJSONError) -> [[Coordinate]] {
        let rings = try list(v, path) { x, p throws(GeoJSONError) in
            let ring = try positions(x, p, minimum: 4)
            guard ring.first == ring.last else {
                throw GeoJSONError(at: p, "a linear ring must be closed (first and last positions equal)")
            }
            return ring
        }
        guard !rings.isEmpty else { throw GeoJSONError(at: path, "a polygon needs an exterior ring") }
        return rings
    }
}

// MARK: Writing

extension GeoJSONGeometry {
    /// The RFC 7946 form written by geomap: antimeridian-crossing lines and polygons cut in two,
    /// exterior rings counter-clockwise and holes clockwise, positions rounded to 6 decimals (about 0.1 m).
    public var rfc7946Normalized: GeoJSONGeometry {
        let cut = cutAtAntimeridian()
        let wound = cut.withRFC7946Winding()
        return wound.mapCoordinates {
            Coordinate(longitude: roundTo($0.longitude, decimals: 6), latitude: roundTo($0.latitude, decimals: 6))
        }
    }

    /// The JSON of this geometry as written, after `rfc7946Normalized`.
    public var jsonValue: JSONValue { rfc7946Normalized.rawJSONValue }

    /// The JSON of this geometry exactly as stored (no normalisation).
    public var rawJSONValue: JSONValue {
        func pos(_ c: Coordinate) -> JSONValue { .array([.number(c.longitude), .number(c.latitude)]) }
        func line(_ cs: [Coordinate]) -> JSONValue { .array(cs.map(pos)) }
        func poly(_ rs: [[Coordinate]]) -> JSONValue { .array(rs.map(line)) }
        var obj: JSONObject = ["type": .string(typeName)]
        switch self {
        case .point(let c): obj["coordinates"] = pos(c)
        case .multiPoint(let cs), .lineString(let cs): obj["coordinates"] = line(cs)
        case .multiLineString(let ls): obj["coordinates"] = .array(ls.map(line))
        case .polygon(let rs): obj["coordinates"] = poly(rs)
        case .multiPolygon(let ps): obj["coordinates"] = .array(ps.map(poly))
        case .geometryCollection(let gs): obj["geometries"] = .array(gs.map(\.rawJSONValue))
        }
        return .object(obj)
    }
}

extension GeoJSONGeometry: Codable {
    public init(from decoder: Decoder) throws {
        let v = try JSONValue(from: decoder)
        do { self = try GeoJSONGeometry(json: v) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws { try jsonValue.encode(to: encoder) }
}

extension JSONBytes {
    /// A geometry as compact JSON, the bytes `appendValue(geometry.jsonValue)` writes (RFC 7946 form: cut at
    /// the antimeridian, wound, six decimals) without building the `JSONValue` tree: an uncertainty area
    /// has hundreds of positions, each of which would be an array of its own.
    public static func appendGeometry(_ geometry: GeoJSONGeometry, to out: inout OutputBuffer) {
        if case .polygon(let rings) = geometry, rings.allSatisfy(isFarFromAntimeridian) {
            appendPolygonInPlace(rings, to: &out)
        } else {
            appendRaw(geometry.rfc7946Normalized, to: &out)
        }
    }

    /// Longitudes within ±179° and no step between neighbours over 180°: the antimeridian cut keeps such a
    /// ring as it is (wrapped), which `appendPolygonInPlace` relies on.
    static func isFarFromAntimeridian(_ ring: [Coordinate]) -> Bool {
        var previous: Double?
        for c in ring {
            guard abs(c.longitude) <= 179 else { return false }
            if let p = previous, abs(c.longitude - p) > 180 { return false }
            previous = c.longitude
        }
        return true
    }

    /// A polygon that needs no cut, written as `rfc7946Normalized` would give it (wrapped, exterior
    /// counter-clockwise and holes clockwise by `RingWinding`'s rule, six decimals) without copying its rings:
    /// the uncertainty area of every relative mention goes through here.
    static func appendPolygonInPlace(_ rings: [[Coordinate]], to out: inout OutputBuffer) {
        out.append(contentsOf: "{\"type\":\"Polygon\",\"coordinates\":[")
        for (r, ring) in rings.enumerated() {
            if r > 0 { out.append(0x2C) }
            // RingWinding.signedArea2 of the wrapped ring, term for term.
            var area = 0.0
            if ring.count >= 3 {
                for k in 0..<(ring.count - 1) {
                    let a = ring[k].wrapped, b = ring[k + 1].wrapped
                    area += (a.longitude * b.latitude) - (b.longitude * a.latitude)
                }
                if ring.first!.wrapped != ring.last!.wrapped {
                    let a = ring.last!.wrapped, b = ring.first!.wrapped
                    area += (a.longitude * b.latitude) - (b.longitude * a.latitude)
                }
            }
            let reverse = !(area == 0 || (area > 0) == (r == 0))
            out.append(0x5B)
            for k in 0..<ring.count {
                let c = ring[reverse ? ring.count - 1 - k : k].wrapped
                if k > 0 { out.append(0x2C) }
                // appendDecimal rounds as roundTo does and writes the same text as appendNumber of the rounded
                // value (both come down to the same count of millionths), without rounding twice.
                out.append(0x5B)
                appendDecimal(c.longitude, maxDecimals: 6, to: &out)
                out.append(0x2C)
                appendDecimal(c.latitude, maxDecimals: 6, to: &out)
                out.append(0x5D)
            }
            out.append(0x5D)
        }
        out.append(contentsOf: "]}")
    }

    private static func appendRaw(_ g: GeoJSONGeometry, to out: inout OutputBuffer) {
        func pos(_ c: Coordinate, _ out: inout OutputBuffer) {
            out.append(0x5B)
            appendNumber(c.longitude, to: &out)
            out.append(0x2C)
            appendNumber(c.latitude, to: &out)
            out.append(0x5D)
        }
        func line(_ cs: [Coordinate], _ out: inout OutputBuffer) {
            out.append(0x5B)
            for (k, c) in cs.enumerated() {
                if k > 0 { out.append(0x2C) }
                pos(c, &out)
            }
            out.append(0x5D)
        }
        func poly(_ rs: [[Coordinate]], _ out: inout OutputBuffer) {
            out.append(0x5B)
            for (k, r) in rs.enumerated() {
                if k > 0 { out.append(0x2C) }
                line(r, &out)
            }
            out.append(0x5D)
        }
        out.append(contentsOf: "{\"type\":")
        appendString(g.typeName, to: &out)
        out.append(contentsOf: g.isCollection ? ",\"geometries\":[" : ",\"coordinates\":")
        switch g {
        case .point(let c): pos(c, &out)
        case .multiPoint(let cs), .lineString(let cs): line(cs, &out)
        case .multiLineString(let ls):
            out.append(0x5B)
            for (k, l) in ls.enumerated() { if k > 0 { out.append(0x2C) }; line(l, &out) }
            out.append(0x5D)
        case .polygon(let rs): poly(rs, &out)
        case .multiPolygon(let ps):
            out.append(0x5B)
            for (k, p) in ps.enumerated() { if k > 0 { out.append(0x2C) }; poly(p, &out) }
            out.append(0x5D)
        case .geometryCollection(let gs):
            for (k, member) in gs.enumerated() { if k > 0 { out.append(0x2C) }; appendRaw(member, to: &out) }
            out.append(0x5D)
        }
        out.append(0x7D)
    }
}

extension GeoJSONGeometry {
    var isCollection: Bool {
        if case .geometryCollection = self { return true }
        return false
    }
}
