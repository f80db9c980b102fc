import CGEOS
import GeoCore

/// Planar geometry operations through GEOS's reentrant API. Values go in and out as `GeoJSONGeometry`,
/// bridged through WKB; the GEOS context and every GEOS geometry stay inside this type.
///
/// Operations are planar in whatever coordinates they get: for metres, project first with a
/// `LocalProjection` (see `MetricGeometry` for buffers, areas and Voronoi cells on lon/lat input).
/// Not Sendable: use one engine per task.
public final class GeometryEngine {
    let context: GEOSContext
    private let reader: OpaquePointer
    private let writer: OpaquePointer

    public init() throws(GeometryError) {
        context = try GEOSContext()
        guard let r = GEOSWKBReader_create_r(context.handle), let w = GEOSWKBWriter_create_r(context.handle) else {
            throw .contextUnavailable
        }
        reader = r
        writer = w
        GEOSWKBWriter_setOutputDimension_r(context.handle, w, 2)
    }

    /// The GEOS library's version, as it reports it ("3.11.1-CAPI-1.17.1").
    public static var geosVersion: String { String(cString: GEOSversion()) }

    deinit {
        GEOSWKBReader_destroy_r(context.handle, reader)
        GEOSWKBWriter_destroy_r(context.handle, writer)
    }

    // MARK: Bridge

    func handle(_ g: GeoJSONGeometry) throws(GeometryError) -> GEOSGeometryHandle {
        let wkb = WKB.encode(g)
        let p = wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(context.handle, reader, $0.baseAddress, $0.count) }
        guard let p else { throw context.failure("reading \(g.typeName)") }
        return GEOSGeometryHandle(context: context, taking: p)
    }

    func value(_ pointer: OpaquePointer) throws(GeometryError) -> GeoJSONGeometry {
        var size = 0
        guard let buf = GEOSWKBWriter_write_r(context.handle, writer, pointer, &size) else {
            throw context.failure("writing WKB")
        }
        defer { GEOSFree_r(context.handle, buf) }
        return try WKB.decode(UnsafeBufferPointer(start: buf, count: size))
    }

    /// Runs a GEOS operation that returns a new geometry, owning and converting its result.
    func produce(_ name: String, _ op: () -> OpaquePointer?) throws(GeometryError) -> GeoJSONGeometry {
        guard let p = op() else { throw context.failure(name) }
        let owned = GEOSGeometryHandle(context: context, taking: p)
        return try value(owned.pointer)
    }

    // MARK: Operations

    /// The area within `distance` of the geometry (planar units), with `quadrantSegments` per quarter circle.
    public func buffer(_ g: GeoJSONGeometry, distance: Double, quadrantSegments: Int32 = 16) throws(GeometryError) -> GeoJSONGeometry {
        let h = try handle(g)
        return try produce("buffer") { GEOSBuffer_r(context.handle, h.pointer, distance, quadrantSegments) }
    }

    /// The geometry with vertices closer than `tolerance` (planar units) to the simplified line dropped,
    /// rings kept valid and apart (GEOS's topology-preserving simplifier): a basemap small enough to send.
    public func simplified(_ g: GeoJSONGeometry, tolerance: Double) throws(GeometryError) -> GeoJSONGeometry {
        let h = try handle(g)
        return try produce("simplify") { GEOSTopologyPreserveSimplify_r(context.handle, h.pointer, tolerance) }
    }

    /// The union of discs (planar units), built and dissolved inside GEOS: one crossing of the WKB bridge for
    /// thousands of discs instead of two per disc.
    /// `others` (polygons) join the same union.
    public func unionOfDiscs(centers: [Coordinate], radii: [Double], quadrantSegments: Int32 = 16,
                             with others: [GeoJSONGeometry] = []) throws(GeometryError) -> GeoJSONGeometry {
        precondition(centers.count == radii.count, "one radius per centre")
        guard !centers.isEmpty || !others.isEmpty else { return .geometryCollection([]) }
        let h = context.handle
        var discs: [OpaquePointer?] = []
        discs.reserveCapacity(centers.count + others.count)
        // Until the collection takes them, the discs are ours: every way out before that destroys them.
        var handedOver = false
        defer { if !handedOver { for d in discs { GEOSGeom_destroy_r(h, d) } } }
        for g in others {
            let wkb = WKB.encode(g)
            let p = wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(h, reader, $0.baseAddress, $0.count) }
            guard let p else { throw context.failure("reading \(g.typeName)") }
            discs.append(p)
        }
        for (c, r) in zip(centers, radii) {
            guard let seq = GEOSCoordSeq_create_r(h, 1, 2) else { throw context.failure("point") }
            GEOSCoordSeq_setX_r(h, seq, 0, c.longitude)
            GEOSCoordSeq_setY_r(h, seq, 0, c.latitude)
            // The point takes the sequence only when it is made.
            guard let pt = GEOSGeom_createPoint_r(h, seq) else {
                GEOSCoordSeq_destroy_r(h, seq)
                throw context.failure("point")
            }
            let disc = GEOSBuffer_r(h, pt, r, quadrantSegments)
            GEOSGeom_destroy_r(h, pt)
            guard let disc else { throw context.failure("buffer") }
            discs.append(disc)
        }
        handedOver = true
        return try unaryUnion(taking: discs)
    }

    /// The union of geometries GEOS made, dissolved; takes them (a collection holds them, else they are destroyed
    /// here).
    private func unaryUnion(taking parts: [OpaquePointer?]) throws(GeometryError) -> GeoJSONGeometry {
        let h = context.handle
        var parts = parts
        let collection = parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(h, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), $0.baseAddress, UInt32($0.count))
        }
        guard let collection else {
            for p in parts { GEOSGeom_destroy_r(h, p) }
            throw context.failure("collection")
        }
        let owned = GEOSGeometryHandle(context: context, taking: collection)
        return try produce("union") { GEOSUnaryUnion_r(h, owned.pointer) }
    }

    /// The union of all geometries, dissolved into as few polygons as possible (`GEOSUnaryUnion`).
    public func union(_ geometries: [GeoJSONGeometry]) throws(GeometryError) -> GeoJSONGeometry {
        guard !geometries.isEmpty else { return .geometryCollection([]) }
        let collection = try handle(.geometryCollection(geometries))
        return try produce("union") { GEOSUnaryUnion_r(context.handle, collection.pointer) }
    }

    public func intersection(_ a: GeoJSONGeometry, _ b: GeoJSONGeometry) throws(GeometryError) -> GeoJSONGeometry {
        let ha = try handle(a), hb = try handle(b)
        return try produce("intersection") { GEOSIntersection_r(context.handle, ha.pointer, hb.pointer) }
    }

    /// The part of `a` within any of `parts` (the union of its intersections with each it meets), nil when it
    /// meets none. The parts stay in GEOS (a country's outline is thousands of vertices, and converting it for
    /// every overlay cost more than the overlay); `a` crosses the bridge once.
    public func intersection(_ a: GeoJSONGeometry, withEachOf parts: [PreparedGeometry]) throws(GeometryError) -> GeoJSONGeometry? {
        let h = context.handle
        let ha = try handle(a)
        // The pieces are ours until `unaryUnion` takes them: every way out before that destroys them.
        var pieces: [OpaquePointer?] = []
        var handedOver = false
        defer { if !handedOver { for p in pieces { GEOSGeom_destroy_r(h, p) } } }
        for part in parts {
            let meets = GEOSPreparedIntersects_r(h, part.prepared, ha.pointer)
            guard meets != 2 else { throw context.failure("prepared intersects") }
            guard meets == 1 else { continue }
            guard let p = GEOSIntersection_r(h, ha.pointer, part.base.pointer) else { throw context.failure("intersection") }
            pieces.append(p)
        }
        guard let first = pieces.first else { return nil }
        if pieces.count == 1 { return try value(first!) }
        handedOver = true
        return try unaryUnion(taking: pieces)
    }

    /// The part of `a` outside `b`.
    public func difference(_ a: GeoJSONGeometry, _ b: GeoJSONGeometry) throws(GeometryError) -> GeoJSONGeometry {
        let ha = try handle(a), hb = try handle(b)
        return try produce("difference") { GEOSDifference_r(context.handle, ha.pointer, hb.pointer) }
    }

    /// Planar area in squared coordinate units.
    public func planarArea(_ g: GeoJSONGeometry) throws(GeometryError) -> Double {
        let h = try handle(g)
        var area = 0.0
        guard GEOSArea_r(context.handle, h.pointer, &area) == 1 else { throw context.failure("area") }
        return area
    }

    public func intersects(_ a: GeoJSONGeometry, _ b: GeoJSONGeometry) throws(GeometryError) -> Bool {
        let ha = try handle(a), hb = try handle(b)
        let r = GEOSIntersects_r(context.handle, ha.pointer, hb.pointer)
        guard r != 2 else { throw context.failure("intersects") }
        return r == 1
    }

    /// A point guaranteed to lie inside a polygon (a label point; the centroid may fall outside).
    public func pointOnSurface(_ g: GeoJSONGeometry) throws(GeometryError) -> Coordinate {
        let h = try handle(g)
        let p = try produce("point on surface") { GEOSPointOnSurface_r(context.handle, h.pointer) }
        guard case .point(let c) = p else { throw .operationFailed("point on surface", reason: "empty geometry") }
        return c
    }

    /// The centroid of a polygon (GEOS: area-weighted, planar in lon/lat; it may lie outside a crescent).
    public func centroid(_ g: GeoJSONGeometry) throws(GeometryError) -> Coordinate {
        let h = try handle(g)
        let p = try produce("centroid") { GEOSGetCentroid_r(context.handle, h.pointer) }
        guard case .point(let c) = p else { throw .operationFailed("centroid", reason: "empty geometry") }
        return c
    }

    // MARK: Validity

    /// Whether GEOS finds the geometry valid (OGC simple features), and if not why
    /// (e.g. "Self-intersection[36.5 35.2]").
    public func validity(_ g: GeoJSONGeometry) throws(GeometryError) -> (isValid: Bool, reason: String) {
        let h = try handle(g)
        let r = GEOSisValid_r(context.handle, h.pointer)
        guard r != 2 else { throw context.failure("validity check") }
        if r == 1 { return (true, "Valid Geometry") }
        guard let reason = GEOSisValidReason_r(context.handle, h.pointer) else { return (false, "invalid") }
        defer { GEOSFree_r(context.handle, reason) }
        return (false, String(cString: reason))
    }

    public func isValid(_ g: GeoJSONGeometry) throws(GeometryError) -> Bool { try validity(g).isValid }

    /// A valid geometry covering the same points (`GEOSMakeValid`: self-intersections split, rings fixed).
    public func makeValid(_ g: GeoJSONGeometry) throws(GeometryError) -> GeoJSONGeometry {
        let h = try handle(g)
        return try produce("make-valid") { GEOSMakeValid_r(context.handle, h.pointer) }
    }

    // MARK: Prepared

    /// A geometry prepared for many containment and intersection tests (indexes its edges once).
    public func prepare(_ g: GeoJSONGeometry) throws(GeometryError) -> PreparedGeometry {
        try PreparedGeometry(engine: self, base: handle(g))
    }

    // MARK: Voronoi

    /// The Voronoi cell of each site, in the order of `sites`, each clipped separately to `area`
    /// (clipping the whole diagram at once would dissolve the cells into one polygon).
    /// Sites at the same position share one cell. Planar: give projected coordinates.
    public func voronoiCells(sites: [Coordinate], clippedTo area: GeoJSONGeometry) throws(GeometryError) -> [GeoJSONGeometry] {
        guard !sites.isEmpty else { return [] }
        let clip = try handle(area)
        if Set(sites).count == 1 { return Array(repeating: try value(clip.pointer), count: sites.count) }
        let points = try handle(.multiPoint(sites))
        guard let raw = GEOSVoronoiDiagram_r(context.handle, points.pointer, clip.pointer, 0, 0) else {
            throw context.failure("Voronoi diagram")
        }
        let diagram = GEOSGeometryHandle(context: context, taking: raw)
        let n = GEOSGetNumGeometries_r(context.handle, diagram.pointer)
        // GEOS 3.11 does not keep input order: find each site's cell by containment, testing only the sites
        // inside the cell's envelope (sites sorted by x, a binary search for the envelope's x range).
        var cellOfSite = [Int?](repeating: nil, count: sites.count)
        let byX = sites.indices.sorted { sites[$0].longitude < sites[$1].longitude }
        let xs = byX.map { sites[$0].longitude }
        func lowerBound(_ x: Double) -> Int {
            var lo = 0, hi = xs.count
            while lo < hi { let mid = (lo + hi) / 2; if xs[mid] < x { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        for k in 0..<n {
            guard let cell = GEOSGetGeometryN_r(context.handle, diagram.pointer, k) else { continue }  // borrowed
            var xmin = 0.0, xmax = 0.0, ymin = 0.0, ymax = 0.0
            GEOSGeom_getXMin_r(context.handle, cell, &xmin); GEOSGeom_getXMax_r(context.handle, cell, &xmax)
            GEOSGeom_getYMin_r(context.handle, cell, &ymin); GEOSGeom_getYMax_r(context.handle, cell, &ymax)
            guard let prepared = GEOSPrepare_r(context.handle, cell) else { throw context.failure("prepare") }
            defer { GEOSPreparedGeom_destroy_r(context.handle, prepared) }
            var j = lowerBound(xmin)
            while j < xs.count, xs[j] <= xmax {
                let s = byX[j]
                j += 1
                guard cellOfSite[s] == nil, sites[s].latitude >= ymin, sites[s].latitude <= ymax else { continue }
                let pt = try handle(.point(sites[s]))
                if GEOSPreparedCovers_r(context.handle, prepared, pt.pointer) == 1 { cellOfSite[s] = Int(k) }
            }
        }
        var clipped: [Int: GeoJSONGeometry] = [:]
        var out: [GeoJSONGeometry] = []
        for (s, cellIndex) in cellOfSite.enumerated() {
            guard let k = cellIndex else {
                throw .operationFailed("Voronoi diagram", reason: "no cell holds site \(s) \(sites[s])")
            }
            if let done = clipped[k] { out.append(done); continue }
            guard let cell = GEOSGetGeometryN_r(context.handle, diagram.pointer, Int32(k)) else {
                throw context.failure("Voronoi cell")
            }
            let piece = try produce("Voronoi clip") { GEOSIntersection_r(context.handle, cell, clip.pointer) }
            clipped[k] = piece
            out.append(piece)
        }
        return out
    }
}
