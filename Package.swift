// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "geomap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "geomap", targets: ["geomap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // System libraries (Debian: libproj-dev, libgeos-dev; installed by scripts/setup.sh).
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-32", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),

        .target(name: "GeoCore"),
        // Regular expressions over Unicode scalars (PCRE2, JIT-compiled): the grammars of running text.
        .target(name: "Patterns", dependencies: ["CPCRE2"]),
        .target(name: "Geodesy", dependencies: ["GeoCore", "CPROJ"]),
        .target(name: "Geometry", dependencies: ["GeoCore", "Geodesy", "CGEOS"]),
        // Vector layers in and out through GDAL/OGR (GeoPackage, FlatGeobuf, Shapefile, KML, CSV, any OGR source).
        .target(name: "GDALFormats", dependencies: ["GeoCore", "Geometry", "CGDAL"]),
        // The gazetteer in code: name folding and keys, the compact name index, the SQLite store, importers.
        .target(
            name: "Places",
            dependencies: ["GeoCore", "Geodesy", "Geometry", .product(name: "GRDB", package: "GRDB.swift")],
            // Language data: the generic words of features ("dam", "barrage", "airbase", "Jabal").
            resources: [.copy("Lexicon")],
            // Name folding runs over 1.2 million names when the gazetteer is built: optimise it in debug builds too.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Relative locations: the EN/FR grammar of "80 km north of Raqqa" and the geodesic computation.
        .target(name: "Locating", dependencies: ["GeoCore", "Geodesy", "Geometry", "Places", "Patterns"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),

        // Geoparsing running text: candidate spans, cues, stop lists, document-level disambiguation.
        .target(name: "Geoparsing", dependencies: ["GeoCore", "Geodesy", "Places", "Locating", "Patterns"],
                resources: [.copy("Lexicon")],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),

        // The domain model: incidents, fatality claims, control claims, report days, statuses and date sources.
        // Storage, zones, export and maps build on it without linking the text stack.
        .target(name: "Incidents", dependencies: ["GeoCore"]),

        // Incidents and control claims from reports: lexicons (data files), fatalities, dates, locations;
        // analyst event files (YAML/JSON, ACLED CSV).
        .target(name: "Reports", dependencies: ["GeoCore", "Geodesy", "Places", "Locating", "Geoparsing", "Patterns", "Incidents",
                                                .product(name: "Yams", package: "Yams")],
                resources: [.copy("Lexicon")]),

        // Control zones per actor with GEOS (buffer or Voronoi, contested overlaps, as-of dates).
        .target(name: "Zones", dependencies: ["GeoCore", "Geodesy", "Geometry", "Places", "Incidents"]),
        // GIS layers: incidents, control zones, places, uncertainty as GeoJSON, GeoJSONSeq, ACLED-ordered CSV.
        .target(name: "Export", dependencies: ["GeoCore", "Places", "Incidents", "Zones", "GDALFormats"]),

        // The event store's contract: the `EventStore` protocol, its records and queries, one list of event
        // columns. Both stores implement it; neither links the other's database library.
        .target(name: "EventStorage", dependencies: ["GeoCore", "Geodesy", "Incidents"]),
        // The embedded event store: SQLite (GRDB) with an R*Tree, exact geodesic and GEOS filtering.
        .target(name: "Store", dependencies: ["GeoCore", "Geodesy", "Geometry", "Incidents", "EventStorage",
                                              .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),

        // The event store on PostgreSQL/PostGIS (postgres-nio), behind the same protocol as the embedded one.
        .target(name: "PostGISStore", dependencies: ["GeoCore", "Geodesy", "Incidents", "EventStorage", .product(name: "PostgresNIO", package: "postgres-nio"),
                                                     .product(name: "Logging", package: "swift-log")]),
        // Maps: projection from PROJ, basemap from the gazetteer, SVG written here, PNG by rsvg-convert.
        .target(name: "Cartography", dependencies: ["GeoCore", "Geodesy", "Geometry", "Places", "Incidents"],
                // The HTML map's script and style sheet (Leaflet itself is read from Debian's libjs-leaflet).
                resources: [.copy("Web")]),

        // What the commands run: the JSON/YAML of `extract` (one byte writer), the streamed extraction of large
        // files, and the build/ingest pipeline from inputs to layers and stores.
        .target(name: "Pipeline", dependencies: ["GeoCore", "Geodesy", "Places", "Locating", "Geoparsing", "Incidents", "Reports",
                                                 "Zones", "Export", "EventStorage", "Store", "GDALFormats", "Cartography",
                                                 .product(name: "Yams", package: "Yams")]),

        .executableTarget(
            name: "geomap",
            dependencies: [
                "GeoCore", "Geodesy", "Geometry", "Places", "Locating", "Geoparsing", "Incidents", "Reports", "Zones", "Export",
                "EventStorage", "Store", "PostGISStore", "Cartography", "Pipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) as the process's malloc: extraction allocates and frees millions
            // of small values on two worker threads; with glibc's malloc the same run takes ~5 % more CPU (issue 24).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // Benchmark driver used by `make bench` (bench/run.py runs it beside the Python peers).
        .executableTarget(name: "geomap-bench", dependencies: ["GeoCore", "Geodesy", "Geometry", "Places", "Geoparsing", "Incidents", "Reports", "Zones", "Export",
                                                                  "EventStorage", "Store", "PostGISStore", "Pipeline",
                                                                  .product(name: "GRDBSQLite", package: "GRDB.swift")],
                          linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),

        .target(name: "TestSupport", dependencies: ["GeoCore", "Places"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "TestSupport"]),
        .testTarget(name: "PatternsTests", dependencies: ["Patterns"]),
        .testTarget(name: "GeodesyTests", dependencies: ["GeoCore", "Geodesy", "TestSupport"]),
        .testTarget(name: "GeometryTests", dependencies: ["GeoCore", "Geodesy", "Geometry"]),
        .testTarget(name: "PlacesTests", dependencies: ["GeoCore", "Places", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Fixtures"]),
        .testTarget(name: "LocatingTests", dependencies: ["GeoCore", "Geodesy", "Geometry", "Places", "Locating", "Patterns", "TestSupport"]),
        .testTarget(name: "GeoparsingTests", dependencies: ["GeoCore", "Places", "Locating", "Geoparsing", "Geodesy", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["GeoCore", "Places", "Locating", "Geoparsing", "Incidents", "Reports", "Patterns", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ZonesTests", dependencies: ["GeoCore", "Geodesy", "Geometry", "Places", "Incidents", "Zones", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["GeoCore", "Geodesy", "Geometry", "Incidents", "EventStorage", "Store", "PostGISStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    // The brute-force scans (200 queries × 100,000 events per kind) need optimised code to stay quick.
                    swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .testTarget(name: "CartographyTests", dependencies: ["GeoCore", "Geodesy", "Places", "Cartography", "TestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["GeoCore", "Places", "Incidents", "Zones", "Export", "GDALFormats", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["GeoCore", "Places", "Geoparsing", "Incidents", "Reports", "Export", "EventStorage", "Store", "Pipeline", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["geomap", "GeoCore", "Places", "Incidents", "Reports", "TestSupport"],
                    exclude: ["qgis_load.py"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (`make fuzz`, scripts/fuzz.sh): only in the fuzzing build, which compiles everything with
// `-sanitize=fuzzer,address`; libFuzzer supplies `main`.
if Context.environment["GEOMAP_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["GeoCore", "Places"], path: "Fuzz/Support"))
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzRelative", ["Locating", "Places"]),
        ("FuzzReport", ["Reports", "Places", "Incidents"]),
        ("FuzzJSON", ["GeoCore"]),
        ("FuzzCSV", ["GeoCore"]),
        ("FuzzEventFile", ["Reports", "Locating", "Places"]),
        ("FuzzGeoJSON", ["GeoCore", "Pipeline"]),
        ("FuzzGazetteerImport", ["Places"]),
    ]
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies, path: "Fuzz/Targets/\(name)",
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
