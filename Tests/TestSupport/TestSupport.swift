import Foundation
import GeoCore
import Places

/// Paths and shared fixtures of the test suites: the embedded default gazetteer (built by `make gazetteer`,
/// which `make test` runs first) and the shared data read in place from ../shared.
public enum TestData {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    public static let defaultGazetteerPath = packageRoot.appendingPathComponent(GazetteerLocation.relativePath).path
    public static let wofSyriaPath = shared.appendingPathComponent("data/whosonfirst-sy/wof_sy_places.csv").path
    public static let syriaFeaturesPath = shared.appendingPathComponent("data/syria-features/features.csv").path

    public static func temporaryFile(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// The default gazetteer, loaded once per test process.
    public static let defaultGazetteer: Result<Gazetteer, Error> = Result { try Gazetteer(path: defaultGazetteerPath) }

    /// The default gazetteer with ../shared/data/whosonfirst-sy and ../shared/data/syria-features imported (Ram
    /// Hamdan and the dev corpus's villages are only there), as `make run` builds it, built once per test
    /// process in a temporary file.
    public static let wofGazetteer: Result<Gazetteer, Error> = Result {
        let path = try temporaryFile("wof.sqlite")
        try GazetteerStore(path: defaultGazetteerPath).copy(to: path)
        let wof = try WhosOnFirstCSV.read(wofSyriaPath, country: "SY")
        _ = try GazetteerStore(path: path).write(wof.places, source: GazetteerSource(name: "wof", licence: WhosOnFirstCSV.licence, detail: "test"))
        let features = try FeaturesCSV.read(syriaFeaturesPath, country: "SY")
        _ = try GazetteerStore(path: path).write(features, source: GazetteerSource(name: "features", licence: FeaturesCSV.licence, detail: "test"))
        return try Gazetteer(path: path)
    }
}

extension TestData {
    /// Who's On First Syria localities (one word of letters, ≥ 6 long) whose name reads as that village alone in
    /// `wofGazetteer` (one reading, exact, in Syria), in a seeded random order: names from the data, not typed.
    /// Up to `n` villages of one governorate (the one most of `pool` drawn villages fall in), as the WOF
    /// gazetteer has them: (name, place).
    public static func villagesOfOneGovernorate(_ n: Int, pool: Int, seed: UInt64) throws -> [(String, Place)] {
        let g = try wofGazetteer.get()
        let all = try uniqueWOFVillages(pool, seed: seed).compactMap { v in try g.store.place(id: v.id).map { (v.name, $0) } }
        let byAdmin = Dictionary(grouping: all.filter { $0.1.admin1 != nil }, by: { $0.1.admin1! })
        return byAdmin.values.sorted { $0.count > $1.count }.first.map { Array($0.prefix(n)) } ?? []
    }

    public static func uniqueWOFVillages(_ n: Int, seed: UInt64) throws -> [(name: String, id: String)] {
        let g = try wofGazetteer.get()
        var it = CSVReader(text: try String(contentsOfFile: wofSyriaPath, encoding: .utf8)).makeIterator()
        let h = CSVHeader(it.next()?.fields ?? [])
        var rows: [(String, String)] = []
        while let r = it.next() {
            // Superseded records (is_current = 0) are not imported.
            guard h.value("placetype", in: r) == "locality", h.value("is_current", in: r) != "0", let name = h.value("name", in: r), name.allSatisfy(\.isLetter),
                  name.count >= 6, name.first?.isUppercase == true, let id = h.value("wof_id", in: r) else { continue }
            rows.append((name, "wof:" + id))
        }
        var rng = SplitMix64(seed: seed)
        rows.shuffle(using: &rng)
        return Array(rows.lazy.filter { row in
            let r = g.rank(row.0)
            return r.count == 1 && r[0].level == .exact && g.index.country(r[0].place) == "SY"
        }.prefix(n).map { (name: $0.0, id: $0.1) })
    }
}

/// Seeded generator so random tests repeat exactly.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo..<hi, using: &self) }
}

/// A throw-away PostgreSQL + PostGIS cluster for the tests that need a server (scripts/pg-cluster.sh):
/// started once per test process on a free loopback port, stopped and removed when the process exits,
/// whether the tests passed or not.
public enum PostgresTestCluster {
    nonisolated(unsafe) static var folder: String?

    public static let url: Result<String, Error> = Result {
        let port = try freePort()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-pg-\(ProcessInfo.processInfo.processIdentifier)").path
        let script = TestData.packageRoot.appendingPathComponent("scripts/pg-cluster.sh").path
        try run(script, ["start", dir, String(port)])
        folder = dir
        atexit {
            guard let dir = PostgresTestCluster.folder else { return }
            try? PostgresTestCluster.run(TestData.packageRoot.appendingPathComponent("scripts/pg-cluster.sh").path, ["stop", dir])
        }
        return "postgresql://postgres@127.0.0.1:\(port)/geomap?sslmode=disable"
    }

    public static var port: Int { Int(((try? url.get()) ?? "").split(separator: ":").last?.split(separator: "/").first ?? "") ?? 0 }

    static func run(_ tool: String, _ args: [String]) throws {
        // Messages go to a file, not a pipe: the server started by pg_ctl outlives the script and would keep
        // a pipe open, so reading it to its end would never finish.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-pg-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardOutput = FileHandle(forWritingAtPath: log.path)
        p.standardError = FileHandle(forWritingAtPath: log.path)
        try p.run()
        p.waitUntilExit()
        let message = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard p.terminationStatus == 0 else { throw ClusterError(message: "\(tool) \(args.first ?? ""): \(message)") }
    }

    /// A port nobody listens on right now (the kernel's pick for port 0).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw ClusterError(message: "no free port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    struct ClusterError: Error, CustomStringConvertible { let message: String; var description: String { message } }
}
