import EventStorage
import Foundation
import GRDB

extension SQLiteEventStore {
    /// The tables a geomap store has; a file with other tables, or only some of these, is someone else's.
    static let storeTables: Set<String> = ["events", "events_rtree", "claims", "places", "zones"]

    /// How long a writer waits for another one's lock.
    static let busySeconds: TimeInterval = 60

    /// Switches the file to the WAL journal, waiting as for any lock: two ingests creating one store at once
    /// both ask for it, and SQLite turns one down with SQLITE_BUSY at once (its busy timeout does not cover a
    /// change of journal mode): that ingest failed with "database is locked".
    static func enterWAL(_ db: Database) throws {
        let deadline = Date().addingTimeInterval(busySeconds)
        while true {
            do {
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode?.lowercased() == "wal" else {
                    throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the journal stays '\(mode ?? "unknown")', not WAL")
                }
                return
            } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    /// Refuses, without writing a byte, a file that is not SQLite or an SQLite database that is not a geomap
    /// store (read-only, no journal change). An SQLite file without tables may become a store.
    static func checkOurs(_ path: String) throws(StoreError) {
        guard let h = FileHandle(forReadingAtPath: path) else { throw .unreadable("'\(path)' cannot be read (permissions?)") }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        try? h.close()
        guard head == Data("SQLite format 3\0".utf8) else { throw .notAStore(path, reason: "not an SQLite database") }
        let tables: [String]
        do {
            var config = Configuration()
            config.readonly = true
            // Another ingest may be creating the store this moment: wait for its lock as a writer would.
            config.busyMode = .timeout(busySeconds)
            tables = try DatabaseQueue(path: path, configuration: config).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_rtree_%'")
            }
        } catch {
            throw .notAStore(path, reason: "an SQLite database that cannot be read (\(error))")
        }
        guard !tables.isEmpty else { return }
        let found = Set(tables)
        guard storeTables.isSubset(of: found) else {
            throw .notAStore(path, reason: "an SQLite database without geomap's tables (it has \(tables.sorted().prefix(5).joined(separator: ", ")))")
        }
    }

    /// Records where a batch's input came from, inside the batch's transaction: refused if another ingest
    /// stored the name from another file since the name was chosen.
    static func record(_ origin: InputOrigin, of name: String, _ db: Database, store: String) throws {
        let now = try String.fetchOne(db, sql: "SELECT origin FROM inputs WHERE name = ?", arguments: [name])
        guard now == origin.seen || now == origin.path else { throw StoreError.inputRenamed(store, name, now) }
        try db.execute(sql: "INSERT OR REPLACE INTO inputs(name, origin) VALUES (?, ?)", arguments: [name, origin.path])
    }

    public func inputOrigins() throws(StoreError) -> [String: String] {
        do {
            return try queue.read { db in
                var out: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, origin FROM inputs") { out[row[0]] = row[1] }
                return out
            }
        } catch {
            throw .database("\(path): \(error)")
        }
    }
}
