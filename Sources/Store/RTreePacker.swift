import Foundation
import GRDB
import GRDBSQLite
import EventStorage

/// Builds a whole SQLite R*Tree at once, packed by Sort-Tile-Recursive, by writing the module's shadow
/// tables (`%_node`, `%_rowid`, `%_parent`; the layout is SQLite's file format, see ext/rtree/rtree.c):
/// inserting a million points one by one costs the R*Tree module about 11 µs each, packing them well under 1.
/// The result is an ordinary R*Tree: the module queries and updates it, and `rtreecheck()` accepts it.
enum RTreePacker {
    struct Box {
        var minX: Float, maxX: Float, minY: Float, maxY: Float
        var centerX: Double { (Double(minX) + Double(maxX)) / 2 }
        var centerY: Double { (Double(minY) + Double(maxY)) / 2 }
        func union(_ o: Box) -> Box { Box(minX: min(minX, o.minX), maxX: max(maxX, o.maxX), minY: min(minY, o.minY), maxY: max(maxY, o.maxY)) }
    }

    /// The 32-bit floats the module itself would store: rounded outwards, so the box still holds the point.
    static func down(_ d: Double) -> Float { let f = Float(d); return Double(f) > d ? f.nextDown : f }
    static func up(_ d: Double) -> Float { let f = Float(d); return Double(f) < d ? f.nextUp : f }

    static let cellSize = 8 + 4 * 4

    /// The node size of the R*Tree `table` in bytes (the module's, from its root node).
    static func nodeSize(_ db: Database, table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT length(data) FROM \"\(table)_node\" WHERE nodeno = 1") ?? 1228
    }

    /// The packed tree, level by level from the leaves: pure computation, no database.
    struct Plan: Sendable {
        let nodeSize: Int
        fileprivate let levels: [[[(id: Int64, box: Box)]]]
    }

    /// Replaces the content of the two-dimensional R*Tree `table` with one entry per point.
    static func rebuild(_ db: Database, table: String, points: [(rowid: Int64, x: Double, y: Double)]) throws {
        try write(plan(points, nodeSize: try nodeSize(db, table: table)), to: db, table: table)
    }

    /// Sort-Tile-Recursive packing of the points into nodes of `nodeSize` bytes.
    static func plan(_ points: [(rowid: Int64, x: Double, y: Double)], nodeSize: Int) -> Plan {
        let capacity = (nodeSize - 4) / cellSize
        // Level 0: the points; each level above: packed groups of the level below.
        var entries: [(id: Int64, box: Box)] = points.map { p in
            (p.rowid, Box(minX: down(p.x), maxX: up(p.x), minY: down(p.y), maxY: up(p.y)))
        }
        var levels: [[[(id: Int64, box: Box)]]] = []   // levels[k] = nodes of level k, each a list of cells
        repeat {
            let nodes = pack(entries, capacity: capacity)
            levels.append(nodes)
            // Provisional ids for the parents' cells: the node's index in its level; renumbered below.
            entries = nodes.enumerated().map { (k, cells) in
                (Int64(k), cells.dropFirst().reduce(cells.first?.box ?? Box(minX: 0, maxX: 0, minY: 0, maxY: 0)) { $0.union($1.box) })
            }
        } while levels.last!.count > 1
        return Plan(nodeSize: nodeSize, levels: levels)
    }

    /// Replaces the content of the R*Tree `table` with the packed tree.
    static func write(_ plan: Plan, to db: Database, table: String) throws {
        let levels = plan.levels, nodeSize = plan.nodeSize
        // Node numbers: the root is 1, then level by level downwards.
        var first: [Int] = Array(repeating: 0, count: levels.count)
        var next = 1
        for level in stride(from: levels.count - 1, through: 0, by: -1) {
            first[level] = next
            next += levels[level].count
        }
        try db.execute(sql: "DELETE FROM \"\(table)_node\"; DELETE FROM \"\(table)_rowid\"; DELETE FROM \"\(table)_parent\"")
        let insertNode = try db.makeStatement(sql: "INSERT INTO \"\(table)_node\"(nodeno, data) VALUES (?, ?)")
        let insertParent = try db.makeStatement(sql: "INSERT INTO \"\(table)_parent\"(nodeno, parentnode) VALUES (?, ?)")
        let insertRowid = try db.makeStatement(sql: "INSERT INTO \"\(table)_rowid\"(rowid, nodeno) VALUES (?, ?)")
        let depth = levels.count - 1
        var blob = [UInt8](repeating: 0, count: nodeSize)
        var leafOf: [(rowid: Int64, node: Int64)] = []
        leafOf.reserveCapacity(levels[0].reduce(0) { $0 + $1.count })
        func insertPair(_ statement: Statement, _ a: Int64, _ b: Int64) throws {
            let s = statement.sqliteStatement
            sqlite3_reset(s)
            sqlite3_bind_int64(s, 1, a)
            sqlite3_bind_int64(s, 2, b)
            guard sqlite3_step(s) == SQLITE_DONE else {
                throw StoreError.database("packing \(table): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
        }
        for (level, nodes) in levels.enumerated() {
            for (k, cells) in nodes.enumerated() {
                let nodeno = Int64(first[level] + k)
                for i in blob.indices { blob[i] = 0 }
                if nodeno == 1 { put16(&blob, 0, depth) }
                put16(&blob, 2, cells.count)
                for (c, cell) in cells.enumerated() {
                    let at = 4 + c * cellSize
                    let child = level == 0 ? cell.id : Int64(first[level - 1]) + cell.id
                    put64(&blob, at, child)
                    putFloat(&blob, at + 8, cell.box.minX); putFloat(&blob, at + 12, cell.box.maxX)
                    putFloat(&blob, at + 16, cell.box.minY); putFloat(&blob, at + 20, cell.box.maxY)
                    if level == 0 { leafOf.append((cell.id, nodeno)) } else { try insertPair(insertParent, child, nodeno) }
                }
                try insertNode.execute(arguments: [nodeno, Data(blob)])
            }
        }
        // In rowid order the rowid table is appended to, not searched into.
        leafOf.sort { $0.rowid < $1.rowid }
        for (rowid, node) in leafOf { try insertPair(insertRowid, rowid, node) }
    }

    /// Sort-Tile-Recursive: sort by x into √(leaves) vertical slices, each slice by y, then cut into nodes.
    static func pack(_ entries: [(id: Int64, box: Box)], capacity: Int) -> [[(id: Int64, box: Box)]] {
        guard entries.count > capacity else { return [entries] }
        let nodeCount = (entries.count + capacity - 1) / capacity
        let slices = Int(Double(nodeCount).squareRoot().rounded(.up))
        let perSlice = slices * capacity
        let byX = entries.sorted { $0.box.centerX < $1.box.centerX }
        var nodes: [[(id: Int64, box: Box)]] = []
        nodes.reserveCapacity(nodeCount)
        var start = 0
        while start < byX.count {
            let slice = byX[start..<min(byX.count, start + perSlice)].sorted { $0.box.centerY < $1.box.centerY }
            var s = 0
            while s < slice.count {
                nodes.append(Array(slice[(slice.startIndex + s)..<(slice.startIndex + min(slice.count, s + capacity))]))
                s += capacity
            }
            start += perSlice
        }
        return nodes
    }

    static func put16(_ b: inout [UInt8], _ at: Int, _ v: Int) { b[at] = UInt8((v >> 8) & 0xFF); b[at + 1] = UInt8(v & 0xFF) }
    static func put64(_ b: inout [UInt8], _ at: Int, _ v: Int64) {
        let u = UInt64(bitPattern: v)
        for k in 0..<8 { b[at + k] = UInt8((u >> (56 - 8 * UInt64(k))) & 0xFF) }
    }
    static func putFloat(_ b: inout [UInt8], _ at: Int, _ f: Float) {
        let u = f.bitPattern
        for k in 0..<4 { b[at + k] = UInt8((u >> (24 - 8 * UInt32(k))) & 0xFF) }
    }
}
