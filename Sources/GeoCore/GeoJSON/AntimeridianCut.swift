/// Cutting of lines and polygons that cross the antimeridian (RFC 7946 §3.1.9).
///
/// A step of more than 180° in longitude between consecutive positions is read as crossing 180° the short
/// way (as the RFC and most GIS tools do), and so is a longitude written past ±180. Polygons are clipped
/// ring by ring against each 360°-wide band (Sutherland–Hodgman against a half-plane); this is exact for
/// the polygons geomap draws (discs and regions lying on one meridian band each side) and for any polygon
/// whose parts each side of 180° are connected.
extension GeoJSONGeometry {
    public func cutAtAntimeridian() -> GeoJSONGeometry {
        switch self {
        case .point(let c): return .point(c.wrapped)
        case .multiPoint(let cs): return .multiPoint(cs.map(\.wrapped))
        case .lineString(let cs):
            let parts = AntimeridianCut.cutLine(cs)
            return parts.count == 1 ? .lineString(parts[0]) : .multiLineString(parts)
        case .multiLineString(let ls): return .multiLineString(ls.flatMap(AntimeridianCut.cutLine))
        case .polygon(let rs):
            let parts = AntimeridianCut.cutPolygon(rs)
            return parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts)
        case .multiPolygon(let ps): return .multiPolygon(ps.flatMap(AntimeridianCut.cutPolygon))
        case .geometryCollection(let gs): return .geometryCollection(gs.map { $0.cutAtAntimeridian() })
        }
    }

    /// True when some line or ring steps across 180° or a longitude lies past ±180.
    public var crossesAntimeridian: Bool {
        switch self {
        case .point, .multiPoint: return false
        case .lineString(let cs): return AntimeridianCut.crosses(cs)
        case .multiLineString(let ls), .polygon(let ls): return ls.contains(where: AntimeridianCut.crosses)
        case .multiPolygon(let ps): return ps.contains { $0.contains(where: AntimeridianCut.crosses) }
        case .geometryCollection(let gs): return gs.contains(where: \.crossesAntimeridian)
        }
    }
}

enum AntimeridianCut {
    static func crosses(_ cs: [Coordinate]) -> Bool {
        let u = unwrapped(cs)
        return u.contains { $0.longitude < -180 || $0.longitude > 180 }
    }

    /// Longitudes made continuous (steps never over 180°), starting from the first position wrapped.
    static func unwrapped(_ cs: [Coordinate], startNear reference: Double? = nil) -> [Coordinate] {
        guard var prev = cs.first else { return [] }
        var lon = prev.longitude
        if lon > 180 || lon < -180 { lon = Coordinate.wrapLongitude(lon) }
        if let r = reference {
            while lon - r > 180 { lon -= 360 }
            while r - lon > 180 { lon += 360 }
        }
        var out = [Coordinate(longitude: lon, latitude: prev.latitude)]
        out.reserveCapacity(cs.count)
        for c in cs.dropFirst() {
            var d = c.longitude - prev.longitude
            if d > 180 { d -= 360 } else if d < -180 { d += 360 }
            lon += d
            out.append(Coordinate(longitude: lon, latitude: c.latitude))
            prev = c
        }
        return out
    }

    /// The band index of a longitude: 0 for [-180, 180], 1 for (180, 540], -1 for [-540, -180).
    static func band(_ lon: Double) -> Int { Int(((lon + 180) / 360).rounded(.down)) }

    static func cutLine(_ cs: [Coordinate]) -> [[Coordinate]] {
        let u = unwrapped(cs)
        guard u.contains(where: { $0.longitude < -180 || $0.longitude > 180 }) else { return [cs.map(\.wrapped)] }
        var parts: [[Coordinate]] = []
        var current: [Coordinate] = [u[0]]
        for k in 1..<u.count {
            let a = u[k - 1], b = u[k]
            let ba = band(a.longitude), bb = band(b.longitude)
            if ba != bb {
                // The meridian crossed: 180 + 360·n between the two bands.
                let edge = Double(max(ba, bb)) * 360 - 180
                let t = (edge - a.longitude) / (b.longitude - a.longitude)
                let lat = a.latitude + t * (b.latitude - a.latitude)
                current.append(Coordinate(longitude: edge, latitude: lat))
                parts.append(current)
                current = [Coordinate(longitude: edge, latitude: lat), b]
            } else {
                current.append(b)
            }
        }
        parts.append(current)
        return parts.map { part in
            // Shift each part into [-180, 180] keeping its end on the meridian at +180 or -180.
            let mid = part.map(\.longitude).reduce(0, +) / Double(part.count)
            let shift = Double(band(mid)) * 360
            return part.map { Coordinate(longitude: $0.longitude - shift, latitude: $0.latitude) }
        }.filter { $0.count >= 2 }
    }

    static func cutPolygon(_ rings: [[Coordinate]]) -> [[[Coordinate]]] {
        guard let exterior = rings.first else { return [] }
        let ext = unwrapped(exterior)
        guard ext.contains(where: { $0.longitude < -180 || $0.longitude > 180 }) else {
            return [rings.map { $0.map(\.wrapped) }]
        }
        let center = (ext.map(\.longitude).min()! + ext.map(\.longitude).max()!) / 2
        let holes = rings.dropFirst().map { unwrapped($0, startNear: center) }
        var pieces: [[[Coordinate]]] = []
        for b in -1...1 {
            let lo = Double(b) * 360 - 180, hi = Double(b) * 360 + 180
            let shift = Double(b) * 360
            guard let outer = clip(ext, lo: lo, hi: hi) else { continue }
            var piece = [outer.map { Coordinate(longitude: $0.longitude - shift, latitude: $0.latitude) }]
            for h in holes {
                if let hole = clip(h, lo: lo, hi: hi) {
                    piece.append(hole.map { Coordinate(longitude: $0.longitude - shift, latitude: $0.latitude) })
                }
            }
            pieces.append(piece)
        }
        return pieces
    }

    /// The part of a ring between longitudes `lo` and `hi`, closed; nil when less than a triangle remains.
    static func clip(_ ring: [Coordinate], lo: Double, hi: Double) -> [Coordinate]? {
        var pts = ring
        if pts.first == pts.last { pts.removeLast() }
        pts = clipHalfPlane(pts, keep: { $0.longitude >= lo }, edge: lo)
        pts = clipHalfPlane(pts, keep: { $0.longitude <= hi }, edge: hi)
        // Drop consecutive duplicates made by vertices lying on the edge.
        var out: [Coordinate] = []
        for p in pts where out.last != p { out.append(p) }
        if out.count > 1, out.first == out.last { out.removeLast() }
        guard out.count >= 3, abs(RingWinding.signedArea2(out + [out[0]])) > 1e-18 else { return nil }
        return out + [out[0]]
    }

    static func clipHalfPlane(_ pts: [Coordinate], keep: (Coordinate) -> Bool, edge: Double) -> [Coordinate] {
        guard !pts.isEmpty else { return [] }
        var out: [Coordinate] = []
        var prev = pts[pts.count - 1]
        for cur in pts {
            let cin = keep(cur), pin = keep(prev)
            if cin != pin {
                let t = (edge - prev.longitude) / (cur.longitude - prev.longitude)
                out.append(Coordinate(longitude: edge, latitude: prev.latitude + t * (cur.latitude - prev.latitude)))
            }
            if cin { out.append(cur) }
            prev = cur
        }
        return out
    }
}
