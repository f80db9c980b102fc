import GeoCore
import Geometry

/// Which cells of a regular grid of `size` degrees lie wholly inside one polygon, learnt as they are asked (one
/// GEOS test per cell, once): a box covered by inside cells lies inside the polygon, which is what a contains
/// test of a shape in that box would find, at a fraction of its cost. Dense over the polygon's box: Syria holds
/// some 4,000 cells, Turkey 18,000 (a byte each); a polygon whose box would need more than `maximumCells` has
/// no grid.
struct InteriorCells {
    static let size: Degrees = 0.1
    static let maximumCells = 2_000_000

    private enum State: UInt8 { case unknown, inside, notInside }
    /// Column and row of the grid's south-west cell, in whole cells from (0°, 0°).
    private let firstColumn: Int, firstRow: Int
    private let columns: Int, rows: Int
    private var states: [State]

    init?(box: BoundingBox) {
        guard box.west >= -180, box.east <= 180, box.south >= -90, box.north <= 90, box.west <= box.east else { return nil }
        firstColumn = Self.cell(box.west)
        firstRow = Self.cell(box.south)
        columns = Self.cell(box.east) - firstColumn + 1
        rows = Self.cell(box.north) - firstRow + 1
        guard columns * rows <= Self.maximumCells else { return nil }
        states = Array(repeating: .unknown, count: columns * rows)
    }

    /// Whether every cell over `box` lies inside the polygon `prepared` holds; false when `box` covers more than
    /// `cellsAsked` cells or reaches outside the grid.
    mutating func cover(_ box: BoundingBox, of prepared: PreparedGeometry, cellsAsked: Int) throws(GeometryError) -> Bool {
        guard box.west >= -180, box.east <= 180, box.south >= -90, box.north <= 90 else { return false }
        let x0 = Self.cell(box.west) - firstColumn, x1 = Self.cell(box.east) - firstColumn
        let y0 = Self.cell(box.south) - firstRow, y1 = Self.cell(box.north) - firstRow
        guard x0 >= 0, y0 >= 0, x1 < columns, y1 < rows, x0 <= x1, y0 <= y1, (x1 - x0 + 1) * (y1 - y0 + 1) <= cellsAsked else { return false }
        for y in y0...y1 {
            for x in x0...x1 where try !isInside(column: x, row: y, of: prepared) { return false }
        }
        return true
    }

    /// Whether the polygon covers `point`: from its cell when that lies inside, else from GEOS.
    mutating func covers(_ point: Coordinate, of prepared: PreparedGeometry) throws(GeometryError) -> Bool {
        guard point.longitude >= -180, point.longitude <= 180, point.latitude >= -90, point.latitude <= 90 else { return prepared.covers(point) }
        let x = Self.cell(point.longitude) - firstColumn, y = Self.cell(point.latitude) - firstRow
        guard x >= 0, y >= 0, x < columns, y < rows else { return prepared.covers(point) }
        return try isInside(column: x, row: y, of: prepared) || prepared.covers(point)
    }

    /// The cell number of a longitude or latitude (callers check it lies within ±180°).
    private static func cell(_ degrees: Degrees) -> Int { Int((degrees / size).rounded(.down)) }

    private mutating func isInside(column x: Int, row y: Int, of prepared: PreparedGeometry) throws(GeometryError) -> Bool {
        let k = y * columns + x
        if states[k] == .unknown {
            let w = Double(x + firstColumn) * Self.size, s = Double(y + firstRow) * Self.size
            let cell = BoundingBox(west: w, south: s, east: w + Self.size, north: s + Self.size)
            states[k] = try prepared.contains(cell.polygon) ? .inside : .notInside
        }
        return states[k] == .inside
    }
}
