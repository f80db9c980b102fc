import Foundation
import GeoCore
import Geodesy
import GRDB

/// Records of one settlement, merged: two settlements of one country within `reach` of each other, one's main
/// name written as some name of the other. Who's On First holds several records of one village 1–2 km apart
/// (Haffe, Al haffah, Al Haffah near Latakia) and GeoNames and WOF hold the same town under two names (Kafr
/// Laha, "Houla"); left apart, one mention has two readings a few kilometres apart and the document's context
/// picks one by chance. Links are transitive: a chain of records each within `reach` of the next is one place.
///
/// The record kept is the most important (city before town, village, locality; then population, then a GeoNames
/// id, then the most names, then the oldest). It takes the others' names (their main names as alternates), their
/// ids (as `place_ids`, so `wof:…` still finds it) and a population where it had none; the others are deleted.
enum DuplicatePlaces {
    /// The largest distance between two records of one settlement.
    static let reach = Distance.kilometers(3)

    /// Kinds merged: settlements (divisions have their own twin rule; features are distinct by kind).
    static let kinds: [PlaceKind] = [.city, .town, .village, .locality]

    struct Record {
        let rowid: Int64
        let coordinate: Coordinate
        let kind: PlaceKind
        let country: String?
        let population: Int
        let hasGeoNamesID: Bool
        let name: String
    }

    /// Merges every group of duplicates in the store; returns how many records were merged away.
    static func merge(_ db: Database) throws -> Int {
        let records = try Row.fetchAll(db, sql: """
            SELECT rowid, lat, lon, kind, country, population, geonames_id IS NOT NULL, name FROM places
            WHERE kind IN (\(kinds.map { "'\($0.rawValue)'" }.joined(separator: ",")))
            """).map {
            Record(rowid: $0[0], coordinate: Coordinate(longitude: $0[2], latitude: $0[1]), kind: PlaceKind(rawValue: $0[3]) ?? .locality,
                   country: $0[4], population: $0[5], hasGeoNamesID: $0[6], name: $0[7])
        }
        let pairs = closePairs(records)
        guard !pairs.isEmpty else { return 0 }
        let involved = Set(pairs.flatMap { [$0.0, $0.1] })
        let names = try spellings(of: involved.map { records[$0].rowid }, db)
        var groups = UnionFind(count: records.count)
        for (a, b) in pairs where sameName(records[a], records[b], names) { groups.join(a, b) }
        var merged = 0
        for members in groups.sets() where members.count > 1 {
            let ordered = members.sorted { isBetter(records[$0], records[$1], names) }
            for victim in ordered.dropFirst() {
                try absorb(records[victim].rowid, into: records[ordered[0]].rowid, db)
                merged += 1
            }
        }
        return merged
    }

    /// Index pairs of records of one country within `reach`, found through a grid of cells about `reach` wide.
    static func closePairs(_ records: [Record]) -> [(Int, Int)] {
        let cell = reach.kilometers / 111.0
        struct Cell: Hashable { let x: Int, y: Int }
        func cellOf(_ c: Coordinate) -> Cell {
            // Coordinates are checked on import; the clamp keeps any value in Int's range.
            Cell(x: Int(max(-1e6, min(1e6, c.longitude * cos(c.latitude * .pi / 180) / cell)).rounded(.down)),
                 y: Int(max(-1e6, min(1e6, c.latitude / cell)).rounded(.down)))
        }
        var grid: [Cell: [Int]] = [:]
        for (k, r) in records.enumerated() { grid[cellOf(r.coordinate), default: []].append(k) }
        var out: [(Int, Int)] = []
        for (k, r) in records.enumerated() {
            let c = cellOf(r.coordinate)
            for dx in -1...1 {
                for dy in -1...1 {
                    for j in grid[Cell(x: c.x + dx, y: c.y + dy)] ?? [] where j > k && records[j].country == r.country
                        && Geodesic.distance(from: r.coordinate, to: records[j].coordinate) <= reach {
                        out.append((k, j))
                    }
                }
            }
        }
        return out
    }

    /// Each record's names as (folded without article, key, spelling form), by rowid.
    struct Spelling: Hashable { let folded: String, key: String, form: [UInt8] }

    static func spelling(_ name: String) -> Spelling {
        let folded = NameFolding.fold(name)
        let bare = NameFolding.withoutArticle(folded: folded) ?? folded
        return Spelling(folded: bare, key: NameKey.key(folded: bare), form: Array(NameKey.spellingForm(folded: bare).utf8))
    }

    static func spellings(of rowids: [Int64], _ db: Database) throws -> [Int64: [Spelling]] {
        var out: [Int64: [Spelling]] = [:]
        for chunk in stride(from: 0, to: rowids.count, by: 500).map({ rowids[$0..<min($0 + 500, rowids.count)] }) {
            let rows = try Row.fetchAll(db, sql: "SELECT place_rowid, name FROM place_names WHERE place_rowid IN (\(chunk.map(String.init).joined(separator: ",")))")
            for r in rows { out[r[0], default: []].append(spelling(r[1])) }
        }
        return out
    }

    /// One's main name is written as a name of the other: the same folded name (without article), or the same
    /// key spelled closely (`SpellingDistance`, Latin script only).
    static func sameName(_ a: Record, _ b: Record, _ names: [Int64: [Spelling]]) -> Bool {
        func written(_ main: String, in other: Int64) -> Bool {
            let m = spelling(main)
            guard !m.key.isEmpty else { return false }
            return (names[other] ?? []).contains { n in
                n.folded == m.folded || (n.key == m.key && m.form.allSatisfy { $0 < 0x80 } && n.form.allSatisfy { $0 < 0x80 }
                                         && SpellingDistance.isClose(m.form, n.form))
            }
        }
        return written(a.name, in: b.rowid) || written(b.name, in: a.rowid)
    }

    static func isBetter(_ a: Record, _ b: Record, _ names: [Int64: [Spelling]]) -> Bool {
        let rank: (PlaceKind) -> Int = { kinds.firstIndex(of: $0) ?? kinds.count }
        if rank(a.kind) != rank(b.kind) { return rank(a.kind) < rank(b.kind) }
        if a.population != b.population { return a.population > b.population }
        if a.hasGeoNamesID != b.hasGeoNamesID { return a.hasGeoNamesID }
        let na = names[a.rowid]?.count ?? 0, nb = names[b.rowid]?.count ?? 0
        if na != nb { return na > nb }
        return a.rowid < b.rowid
    }

    /// Moves a record's names and ids onto `keeper` and deletes it.
    static func absorb(_ victim: Int64, into keeper: Int64, _ db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO place_names(place_rowid, name, origin, lang)
              SELECT ?, name, CASE origin WHEN 'primary' THEN 'alternate' ELSE origin END, lang FROM place_names WHERE place_rowid = ?
            """, arguments: [keeper, victim])
        try db.execute(sql: "INSERT OR IGNORE INTO place_ids(id, place_rowid) SELECT id, ? FROM places WHERE rowid = ?", arguments: [keeper, victim])
        try db.execute(sql: "UPDATE OR IGNORE place_ids SET place_rowid = ? WHERE place_rowid = ?", arguments: [keeper, victim])
        try db.execute(sql: """
            UPDATE places SET population = CASE WHEN population = 0 THEN (SELECT population FROM places WHERE rowid = ?) ELSE population END,
              admin1 = COALESCE(admin1, (SELECT admin1 FROM places WHERE rowid = ?)),
              geonames_id = COALESCE(geonames_id, (SELECT geonames_id FROM places WHERE rowid = ?)) WHERE rowid = ?
            """, arguments: [victim, victim, victim, keeper])
        try db.execute(sql: "DELETE FROM place_names WHERE place_rowid = ?", arguments: [victim])
        try db.execute(sql: "DELETE FROM place_ids WHERE place_rowid = ?", arguments: [victim])
        try db.execute(sql: "DELETE FROM shapes WHERE place_rowid = ?", arguments: [victim])
        try db.execute(sql: "DELETE FROM places WHERE rowid = ?", arguments: [victim])
    }
}

/// Disjoint sets of indexes, joined by pairs.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var r = x
        while parent[r] != r { r = parent[r] }
        var y = x
        while parent[y] != r { let next = parent[y]; parent[y] = r; y = next }
        return r
    }

    mutating func join(_ a: Int, _ b: Int) { parent[find(a)] = find(b) }

    /// The sets with their members, those of one element included.
    mutating func sets() -> [[Int]] {
        var out: [Int: [Int]] = [:]
        for x in parent.indices { out[find(x), default: []].append(x) }
        return Array(out.values)
    }
}
