import ArgumentParser

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Spatial queries over stored events or an incidents layer: near, within, bbox.",
        discussion: """
        Source: --store FILE (the embedded SQLite store; default $GEOMAP_STORE, else geomap.sqlite here) or
        --layer incidents.geojson (read directly). Filters: --from/--to (event_date, inclusive), --type
        (event_type or sub_type), --actor, --min-fatalities (fatalities_best), --limit. Output: table (default
        on a terminal), json (default otherwise), geojson (a FeatureCollection keeping the layer's properties),
        csv. Stderr tells how many candidates were scanned and how many events returned.

        Examples:
          geomap query near Raqqa --radius 100km --layer Output/seed/incidents.geojson
          geomap query bbox 35.5,32.3,42.4,37.4 --from 2014-01-01 --to 2014-01-31 --store events.sqlite
          geomap query within zone:ISIL --layer Output/seed/incidents.geojson --format geojson
        """,
        subcommands: [QueryNearCommand.self, QueryWithinCommand.self, QueryBBoxCommand.self]
    )
}
