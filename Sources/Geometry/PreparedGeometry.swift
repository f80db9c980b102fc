import CGEOS
import GeoCore

/// A geometry prepared by GEOS for repeated tests against many points or geometries
/// (for example: which of 100,000 incidents lie in a control zone). Owns its GEOS objects.
public final class PreparedGeometry {
    private let engine: GeometryEngine
    /// The geometry itself, held by GEOS: overlays with it need no crossing of the WKB bridge.
    let base: GEOSGeometryHandle
    let prepared: OpaquePointer
    private let sequence: OpaquePointer
    private let probe: OpaquePointer

    init(engine: GeometryEngine, base: GEOSGeometryHandle) throws(GeometryError) {
        self.engine = engine
        self.base = base
        let h = engine.context.handle
        guard let p = GEOSPrepare_r(h, base.pointer) else { throw engine.context.failure("prepare") }
        prepared = p
        // One reusable point: creating a GEOS point per test would dominate the cost.
        guard let seq = GEOSCoordSeq_create_r(h, 1, 2), let pt = GEOSGeom_createPoint_r(h, seq) else {
            GEOSPreparedGeom_destroy_r(h, p)
            throw engine.context.failure("create point")
        }
        probe = pt
        sequence = GEOSGeom_getCoordSeq_r(h, pt)!   // borrowed from the point
    }

    deinit {
        GEOSPreparedGeom_destroy_r(engine.context.handle, prepared)
        GEOSGeom_destroy_r(engine.context.handle, probe)
    }

    /// True when the point lies inside (not on the boundary of) the geometry.
    public func contains(_ c: Coordinate) -> Bool {
        set(c)
        return GEOSPreparedContains_r(engine.context.handle, prepared, probe) == 1
    }

    /// True when the point lies inside or on the boundary.
    public func covers(_ c: Coordinate) -> Bool {
        set(c)
        return GEOSPreparedCovers_r(engine.context.handle, prepared, probe) == 1
    }

    public func intersects(_ g: GeoJSONGeometry) throws(GeometryError) -> Bool {
        let other = try engine.handle(g)
        let r = GEOSPreparedIntersects_r(engine.context.handle, prepared, other.pointer)
        guard r != 2 else { throw engine.context.failure("prepared intersects") }
        return r == 1
    }

    public func contains(_ g: GeoJSONGeometry) throws(GeometryError) -> Bool {
        let other = try engine.handle(g)
        let r = GEOSPreparedContains_r(engine.context.handle, prepared, other.pointer)
        guard r != 2 else { throw engine.context.failure("prepared contains") }
        return r == 1
    }

    private func set(_ c: Coordinate) {
        let h = engine.context.handle
        GEOSCoordSeq_setX_r(h, sequence, 0, c.longitude)
        GEOSCoordSeq_setY_r(h, sequence, 0, c.latitude)
    }
}
