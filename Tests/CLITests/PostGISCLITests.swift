import Foundation
import Testing
import TestSupport

/// `--store postgresql://…` with the same commands as the embedded store, on a throw-away PostGIS cluster.
@Suite struct PostGISCLITests {
    /// Four ingests at once into one PostGIS store, each file sharing 500 ids with the others: every event
    /// is stored once.
    @Test func fourConcurrentIngestsLoseAndDuplicateNothing() throws {
        // A database of its own: the library suites' synthetic events are spread over the whole globe.
        let url = try PostgresTestCluster.url.get().replacingOccurrences(of: "/geomap?", with: "/geomap_cli?")
        let dir = try GeomapProcess.temporaryFolder()
        var paths: [String] = []
        for part in 0..<4 {
            let ids = (0..<1500).map { "cli\(part):\($0)" } + (0..<500).map { "cli-shared:\($0)" }
            let features = ids.enumerated().map { k, id in
                "{\"type\":\"Feature\",\"id\":\"\(id)\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(40 + Double(k) / 10000),\(-60 - Double(part))]},\"properties\":{\"event_date\":\"2014-01-14\"}}"
            }
            let path = dir.appendingPathComponent("part\(part).geojson").path
            try ("{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n").write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let processes = try paths.map { path -> Process in
            let p = Process()
            p.executableURL = GeomapProcess.binary
            p.arguments = ["ingest", path, "--store", url]
            p.standardError = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        // The synthetic box (south of -59°) holds only these events.
        let r = try GeomapProcess.run(["query", "bbox", "39,-64,41,-59", "--store", url, "-f", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let ids = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(ids.count == 4 * 1500 + 500)
        #expect(Set(ids).count == ids.count)
    }

    @Test func aServerThatIsDownIsOneLineNamingHostAndPort() throws {
        let port = try PostgresTestCluster.freePort()
        let r = try GeomapProcess.run(["query", "near", "35.95283,39.00788", "--radius", "5km", "--store", "postgresql://ana:hunter2@127.0.0.1:\(port)/geomap"])
        #expect(r.status == 1)
        #expect(r.stderr == "geomap: error: cannot reach PostgreSQL at 127.0.0.1:\(port): connection refused\n")
        #expect(!r.stderr.contains("hunter2"))
    }
}
