import CPROJ
import Foundation
import GeoCore

/// A point in a projected or other CRS, in that CRS's axis units (metres for the local projections).
public struct ProjectedPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A transformation between two CRSs (`proj_create_crs_to_crs`), normalised for visualisation so that
/// geographic CRSs take and give longitude first, whatever their official axis order (EPSG:4326 is lat/lon).
/// Owns its `PJ` and its context.
public final class CoordinateTransform {
    public let source: String
    public let target: String
    private let context: ProjContext
    private let pj: OpaquePointer

    /// - Parameters: `source`, `target`: anything PROJ accepts: "EPSG:4326", "EPSG:32637", a PROJ string, WKT.
    public init(from source: String, to target: String) throws(ProjError) {
        self.source = source
        self.target = target
        context = try ProjContext()
        context.reset()
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw .invalidDefinition("\(source) → \(target)", reason: context.lastError(fallback: "no such CRS"))
        }
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            let reason = context.lastError(fallback: "cannot normalise axis order")
            proj_destroy(raw)
            throw .invalidDefinition("\(source) → \(target)", reason: reason)
        }
        proj_destroy(raw)
        pj = normalized
    }

    /// A transformation given as one PROJ operation (`proj_create`), e.g. a pipeline from degrees: no CRS look-up
    /// in PROJ's database, which costs more than the transformation itself for a local projection made per area.
    /// `source` and `target` name the two sides for messages.
    public init(operation: String, source: String, target: String) throws(ProjError) {
        self.source = source
        self.target = target
        context = try ProjContext()
        context.reset()
        guard let raw = proj_create(context.handle, operation) else {
            throw .invalidDefinition(operation, reason: context.lastError(fallback: "not a PROJ operation"))
        }
        pj = raw
    }

    deinit {
        proj_destroy(pj)
    }

    /// Transforms one point source → target (`inverse: true` for target → source).
    public func transform(_ p: ProjectedPoint, inverse: Bool = false) throws(ProjError) -> ProjectedPoint {
        proj_errno_reset(pj)
        let input = proj_coord(p.x, p.y, 0, 0)
        let out = proj_trans(pj, inverse ? PJ_INV : PJ_FWD, input)
        let x = out.xy.x, y = out.xy.y
        if proj_errno(pj) != 0 || !x.isFinite || !y.isFinite || x == .greatestFiniteMagnitude {
            let code = proj_errno(pj)
            let reason = code != 0 ? proj_context_errno_string(context.handle, code).map { String(cString: $0) } ?? "error \(code)"
                : "point outside the CRS's domain"
            proj_errno_reset(pj)
            throw .transformFailed(x: p.x, y: p.y, reason: reason)
        }
        return ProjectedPoint(x: x, y: y)
    }

    /// Transforms many points in place in one call (`proj_trans_generic`); throws on the first that fails.
    public func transform(xs: inout [Double], ys: inout [Double], inverse: Bool = false) throws(ProjError) {
        precondition(xs.count == ys.count, "xs and ys must have the same count")
        let n = xs.count
        guard n > 0 else { return }
        proj_errno_reset(pj)
        let stride = MemoryLayout<Double>.stride
        xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                _ = proj_trans_generic(pj, inverse ? PJ_INV : PJ_FWD,
                                       xb.baseAddress, stride, n,
                                       yb.baseAddress, stride, n,
                                       nil, 0, 0, nil, 0, 0)
            }
        }
        for k in 0..<n where !xs[k].isFinite || !ys[k].isFinite || xs[k] == .greatestFiniteMagnitude {
            throw .transformFailed(x: xs[k], y: ys[k], reason: "point \(k) is outside the CRS's domain")
        }
    }
}
