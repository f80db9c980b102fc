import ArgumentParser
import EventStorage
import Foundation
import PostGISStore
import Store

/// `--store`: where events are kept. A path is the embedded SQLite store; `postgresql://…` a PostGIS server.
enum StoreOptions {
    static let help = "Event store: an SQLite file, or postgresql://USER@HOST:PORT/DB (default: $GEOMAP_STORE, else geomap.sqlite here)."

    static func open(_ location: String?, create: Bool) throws -> any EventStore {
        let target = location ?? SQLiteEventStore.defaultPath
        if PostgresLocation.isURL(target) { return try PostGISEventStore(url: target) }
        return try SQLiteEventStore(path: target, create: create)
    }
}
