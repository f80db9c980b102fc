import Foundation
import GeoCore
import Geodesy
import Geometry
import Places
import Incidents
import Zones
import Export
import EventStorage
import Store
import PostGISStore
import GRDBSQLite

// Benchmark driver for `make bench` (bench/run.py): runs geomap's code on inputs written by the peer script,
// so both sides see the same data, times it, and prints one JSON line per case.
//
//   geomap-bench geodesic-direct  INPUT OUTPUT REPEATS   INPUT: n × (lat1, lon1, azi1, s12) float64
//   geomap-bench geodesic-inverse INPUT OUTPUT REPEATS   INPUT: n × (lat1, lon1, lat2, lon2) float64
//   geomap-bench gazetteer-normalise DB QUERIES OUT_QUERIES OUT_NAMES   folds and keys for the dict peer
//   geomap-bench gazetteer DB QUERIES                    load, build, lookup and resolve timings

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("geomap-bench: \(message)\n".utf8))
    exit(1)
}

func readDoubles(_ path: String) -> [Double] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
}

func writeDoubles(_ values: [Double], to path: String) {
    let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
    guard FileManager.default.createFile(atPath: path, contents: data) else { fail("cannot write \(path)") }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(_ repeats: Int, _ body: () -> Void) -> Double {
    (0..<repeats).map { _ in seconds(body) }.min() ?? .infinity
}

/// Peak resident memory of this process (VmHWM), in MiB.
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return .nan }
    return kb / 1024
}

func lines(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
}

func geodesic(_ args: [String]) {
    guard args.count == 5, let repeats = Int(args[4]) else { fail("usage: geodesic-direct|geodesic-inverse INPUT OUTPUT REPEATS") }
    let input = readDoubles(args[2])
    let n = input.count / 4
    var output = [Double](repeating: 0, count: n * 3)
    let time: Double
    if args[1] == "geodesic-direct" {
        time = best(repeats) {
            for k in 0..<n {
                let start = Coordinate(longitude: input[4 * k + 1], latitude: input[4 * k])
                let r = Geodesic.direct(from: start, distance: Distance(meters: input[4 * k + 3]),
                                        bearing: Bearing(degrees: input[4 * k + 2]))
                output[3 * k] = r.coordinate.latitude
                output[3 * k + 1] = r.coordinate.longitude
                output[3 * k + 2] = r.finalBearing.degrees
            }
        }
    } else {
        time = best(repeats) {
            for k in 0..<n {
                let r = Geodesic.inverse(from: Coordinate(longitude: input[4 * k + 1], latitude: input[4 * k]),
                                         to: Coordinate(longitude: input[4 * k + 3], latitude: input[4 * k + 2]))
                output[3 * k] = r.distance.meters
                output[3 * k + 1] = r.initialBearing.degrees
                output[3 * k + 2] = r.finalBearing.degrees
            }
        }
    }
    writeDoubles(output, to: args[3])
    print("{\"case\": \"\(args[1])\", \"n\": \(n), \"best_seconds\": \(time)}")
}

/// Folds and keys of the queries and of every gazetteer name, so the Python dict peer looks up exactly the
/// normalised strings geomap uses (it does not pay for normalising; geomap's own figure does).
func gazetteerNormalise(_ args: [String]) {
    guard args.count == 6 else { fail("usage: gazetteer-normalise DB QUERIES OUT_QUERIES OUT_NAMES") }
    var q = ""
    for name in lines(args[3]) {
        let f = NameFolding.fold(name)
        q += f + "\t" + NameKey.key(folded: f) + "\n"
    }
    guard FileManager.default.createFile(atPath: args[4], contents: Data(q.utf8)) else { fail("cannot write \(args[4])") }
    guard let names = try? String(contentsOfFile: args[5] + ".raw", encoding: .utf8) else { fail("missing \(args[5]).raw") }
    var out = ""
    for row in names.split(separator: "\n") {
        let parts = row.split(separator: "\t", maxSplits: 1)
        guard parts.count == 2 else { continue }
        let f = NameFolding.fold(String(parts[1]))
        out += f + "\t" + NameKey.key(folded: f) + "\t" + parts[0] + "\n"
    }
    guard FileManager.default.createFile(atPath: args[5], contents: Data(out.utf8)) else { fail("cannot write \(args[5])") }
}

func gazetteerCase(_ args: [String]) {
    guard args.count == 4 else { fail("usage: gazetteer DB QUERIES") }
    let queries = lines(args[3])
    var gazetteer: Gazetteer!
    let load = seconds { do { gazetteer = try Gazetteer(path: args[2]) } catch { fail("\(error)") } }
    let index = gazetteer.index
    var rebuilt: NameIndex!
    let build = seconds { do { rebuilt = try gazetteer.store.buildIndex() } catch { fail("\(error)") } }
    precondition(rebuilt.entryCount == index.entryCount, "rebuilt index differs from the stored one")

    // Exact-or-key lookup: fold, look up the fold; on a miss, key and look up the key (no ranking).
    var lookupHits = 0
    let lookup = best(3) {
        var hits = 0
        for name in queries {
            let f = NameFolding.fold(name)
            if index.contains(folded: f) || index.contains(key: NameKey.key(folded: f)) { hits += 1 }
        }
        lookupHits = hits
    }
    // Full resolution as `geomap resolve` ranks (without reading records from SQLite).
    var resolved = 0
    let resolve = seconds {
        resolved = queries.reduce(0) { $0 + (gazetteer.rank($1).isEmpty ? 0 : 1) }
    }
    print("""
        {"case": "gazetteer", "queries": \(queries.count), "places": \(index.placeCount), "entries": \(index.entryCount), \
        "load_seconds": \(load), "build_seconds": \(build), "lookup_seconds": \(lookup), "lookup_hits": \(lookupHits), \
        "resolve_seconds": \(resolve), "resolved": \(resolved), "peak_mib": \(peakMemoryMiB())}
        """)
}

/// Zones from N claimed localities of the gazetteer (seeded choice, three actors), both modes. Writes the
/// localities (lon, lat, radius m, actor) for the shapely peer.
func zonesCase(_ args: [String]) {
    guard args.count == 6, let n = Int(args[3]) else { fail("usage: zones DB N OUT_TSV COUNTRY") }
    let store: GazetteerStore
    do { store = try GazetteerStore(path: args[2]) } catch { fail("\(error)") }
    let gazetteer: Gazetteer
    do { gazetteer = try Gazetteer(path: args[2]) } catch { fail("\(error)") }
    let index = gazetteer.index
    let rows = Array((0..<index.placeCount).filter { index.country($0) == args[5] && !index.kind($0).isAdministrative }.prefix(n))
    let places: [Int64: Place]
    do { places = try store.places(rowids: rows.map { index.rowids[$0] }) } catch { fail("\(error)") }
    let actors = ["ISIL", "FSA", "Syrian government forces"]
    var claims: [ZoneClaim] = []
    var tsv = ""
    // Actors hold contiguous territory, as they do: the western, middle and eastern thirds by longitude.
    let ordered = rows.sorted { index.longitudes[$0] < index.longitudes[$1] }
    for (k, r) in ordered.enumerated() {
        guard let p = places[index.rowids[r]] else { continue }
        let actor = actors[min(2, k * 3 / max(1, ordered.count))]
        claims.append(ZoneClaim(actor: actor, place: p, status: .controls, date: ReportDay(iso: "2014-01-14"), source: "bench"))
        tsv += "\(p.coordinate.longitude)\t\(p.coordinate.latitude)\t\(ControlZoneBuilder.discRadius(population: p.population).meters)\t\(actor)\n"
    }
    guard FileManager.default.createFile(atPath: args[4], contents: Data(tsv.utf8)) else { fail("cannot write \(args[4])") }
    do {
        let builder = try ControlZoneBuilder(store: store)
        var zonesBuffer = 0, zonesVoronoi = 0
        let buffer = try seconds { zonesBuffer = try builder.build(claims, mode: .buffer).count }
        let voronoi = try seconds { zonesVoronoi = try builder.build(claims, mode: .voronoi).count }
        // Exactly the peer's work: project, buffer each point (16 segments a quadrant), union per actor.
        let engine = try GeometryEngine()
        let discsOnly = try seconds {
            let local = try LocalProjection(center: BoundingBox(covering: claims.map(\.place.coordinate))!.center)
            for (_, group) in Dictionary(grouping: claims, by: \.actor) {
                let centers = try group.map { c -> Coordinate in
                    let p = try local.project(c.place.coordinate)
                    return Coordinate(longitude: p.x, latitude: p.y)
                }
                _ = try engine.unionOfDiscs(centers: centers, radii: group.map { ControlZoneBuilder.discRadius(population: $0.place.population).meters })
            }
        }
        print("{\"case\": \"zones\", \"n\": \(claims.count), \"buffer_seconds\": \(buffer), \"discs_union_seconds\": \(discsOnly), \"voronoi_seconds\": \(voronoi), \"buffer_zones\": \(zonesBuffer), \"voronoi_zones\": \(zonesVoronoi), \"geos\": \"\(GeometryEngine.geosVersion.split(separator: "-")[0])\"}")
    } catch { fail("\(error)") }
}

/// Seeded, so the CSV for the ogr2ogr peer and geomap's incidents are the same rows.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The k-th synthetic incident of the export benchmark, from a generator that has produced the k before it.
func syntheticIncident(_ k: Int, _ rng: inout SplitMix64) -> Incident {
    let types = ["air_strike", "shelling", "clashes", "car_bomb"]
    let lon = Double.random(in: 35.7...42.3, using: &rng), lat = Double.random(in: 32.3...37.3, using: &rng)
    let deaths = Int.random(in: 0...40, using: &rng)
    return Incident(id: "S\(k)", date: ReportDay(year: 2014, month: 1 + k % 12, day: 1 + k % 28), dateSource: .given, timePrecision: 1,
                    eventType: "Explosions/Remote violence", subEventType: "", subType: types[k % 4], actors: ["ISIL"],
                    locationText: nil, placeID: nil, admin1: nil, point: Coordinate(longitude: lon, latitude: lat), geoPrecision: 1,
                    claims: [FatalityClaim(source: "SOHR", count: deaths)], evidence: 0..<0)
}

/// The benchmark's rows as CSV for the ogr2ogr peer (written as a stream).
func exportCSVCase(_ args: [String]) {
    guard args.count == 4 || args.count == 5, let n = Int(args[2]) else { fail("usage: export-csv N CSV [full]") }
    // full: every column of geomap's incidents layer, so that ogr2ogr writes what geomap writes.
    let full = args.count == 5 && args[4] == "full"
    do {
        let file = try AtomicFileWriter(path: args[3])
        try file.append(full ? IncidentColumn.allCases.map(\.name).joined(separator: ",") + ",lon,lat\n" : "id,event_date,sub_type,actors,fatalities,lon,lat\n")
        var rng = SplitMix64(state: 7946)
        for k in 0..<n {
            let e = syntheticIncident(k, &rng)
            if full {
                let id = "bench:" + e.id
                try file.append("\(id),\(e.date!.description),\(e.eventType),\(e.subType),ISIL,,,\(e.geoPrecision!),\(e.fatalitiesLow!),\(e.fatalitiesBest!),\(e.fatalitiesHigh!),\(e.fatalityClaimsText),\(e.sourcesText),,,\(e.point!.longitude),\(e.point!.latitude)\n")
            } else {
                try file.append("\(e.id),\(e.date!.description),\(e.subType),ISIL,\(e.fatalitiesBest!),\(e.point!.longitude),\(e.point!.latitude)\n")
            }
        }
        try file.commit()
    } catch { fail("\(error)") }
}

/// Export of N synthetic incidents through the layer writer `geomap build` uses, generated one at a time
/// (so peak memory shows whether the writer's memory grows with the number of features).
func exportCase(_ args: [String]) {
    guard args.count == 5, let n = Int(args[2]), let format = LayerWriter.Format(rawValue: args[4]) else {
        fail("usage: export N OUT_DIR geojson|geojsonseq|gpkg|fgb|kml|shp")
    }
    do {
        var rng = SplitMix64(state: 7946)
        let baseline = peakMemoryMiB()
        var count = 0
        let time = try seconds {
            let writer = try LayerWriter(folder: args[3], format: format,
                                         metadata: LayerMetadata(sources: ["bench"], gazetteer: "none", version: GeomapVersion.current))
            var batch: [Incident] = []
            batch.reserveCapacity(1000)
            for k in 0..<n {
                batch.append(syntheticIncident(k, &rng))
                if batch.count == 1000 || k == n - 1 {
                    try writer.add(incidents: batch, source: "bench")
                    batch.removeAll(keepingCapacity: true)
                }
            }
            _ = try writer.finish(LayerSet())
            count = writer.incidentCount
        }
        print("{\"case\": \"export\", \"n\": \(count), \"format\": \"\(format.rawValue)\", \"seconds\": \(time), \"peak_mib\": \(peakMemoryMiB()), \"baseline_mib\": \(baseline)}")
    } catch { fail("\(error)") }
}

/// The event store: N synthetic events over a Syria-sized box ingested into an SQLite store (timed), then
/// Q `near` queries of 25 km and Q bbox queries of the same area (latencies). Writes the events and the
/// queries as CSV for the SpatiaLite peer.
let args = CommandLine.arguments
switch args.count > 1 ? args[1] : "" {
case "geodesic-direct", "geodesic-inverse": geodesic(args)
case "gazetteer-normalise": gazetteerNormalise(args)
case "gazetteer": gazetteerCase(args)
case "zones": zonesCase(args)
case "timeline": timelineCase(args)
case "export": exportCase(args)
case "export-csv": exportCSVCase(args)
case "store": storeCase(args)
default: fail("usage: geomap-bench geodesic-direct|geodesic-inverse|gazetteer-normalise|gazetteer …")
}
