import ArgumentParser
import Foundation
import Store

/// `--store`: where events are kept. A path is the embedded SQLite store.
enum StoreOptions {
    static let help = "Event store: an SQLite file (default: $GEOMAP_STORE, else geomap.sqlite here)."

    static func open(_ location: String?, create: Bool) throws -> any EventStore {
        let target = location ?? SQLiteEventStore.defaultPath
        return try SQLiteEventStore(path: target, create: create)
    }
}
