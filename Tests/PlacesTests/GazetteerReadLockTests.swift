import Foundation
import Testing
import GRDB
import Places
import TestSupport

/// An open gazetteer keeps SQLite's shared lock from its first read until it is closed: its records are read
/// without a lock taken and dropped per statement, and nothing rewrites the file under a running extraction.
@Suite struct GazetteerReadLockTests {
    @Test func aGazetteerHoldsItsReadLockUntilClosed() throws {
        let path = try TestData.temporaryFile("held.sqlite")
        try TestData.defaultGazetteer.get().store.copy(to: path)
        func writerGetsTheLock() throws -> Bool {
            var config = Configuration()
            config.busyMode = .immediateError
            let writer = try DatabaseQueue(path: path, configuration: config)
            do {
                try writer.inDatabase { db in
                    try db.execute(sql: "BEGIN EXCLUSIVE")
                    try db.execute(sql: "COMMIT")
                }
                return true
            } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY {
                return false
            }
        }
        #expect(try writerGetsTheLock())
        do {
            let gazetteer = try Gazetteer(path: path)
            let aleppo = try #require(gazetteer.rank("Aleppo").first)
            #expect(try !gazetteer.store.places(rowids: [gazetteer.index.rowids[aleppo.place]]).isEmpty)
            #expect(try !writerGetsTheLock())
        }
        // Closed: the lock is gone.
        #expect(try writerGetsTheLock())
    }
}
