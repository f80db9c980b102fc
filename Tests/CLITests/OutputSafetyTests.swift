import Foundation
import Testing
import TestSupport

/// Issue 23: D4 (same file names), D7 (`--out` onto `-`, links, FIFOs) and temporaries of interrupted runs.
@Suite struct OutputSafetyTests {
    /// Raqqa and Idlib, both in the gazetteer (GeoNames 172955 and 169389).
    static let raqqaReport = "Two people were killed in Raqqa on 3 January 2014.\n"
    static let idlibReport = "Five people were killed in Idlib on 4 January 2014.\n"

    @Test func twoInputsOfOneFileNameKeepTheirEventsApart() throws {
        let dir = try GeomapProcess.temporaryFolder()
        for (folder, text) in [("a", Self.raqqaReport), ("b", Self.idlibReport)] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
            try text.write(to: dir.appendingPathComponent("\(folder)/report.txt"), atomically: true, encoding: .utf8)
        }
        let store = dir.appendingPathComponent("s.sqlite").path
        let first = try GeomapProcess.run(["ingest", "a/report.txt", "--store", store], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try GeomapProcess.run(["ingest", "b/report.txt", "--store", store], in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("1 events added, 0 updated"), "\(second.stderr)")
        #expect(second.stderr.contains("its events are named b/report.txt:ID"), "\(second.stderr)")
        #expect(second.stderr.contains("2 events stored"), "\(second.stderr)")
        // Stable across runs: both again update their own events.
        let again = try GeomapProcess.run(["ingest", "a/report.txt", "b/report.txt", "--store", store], in: dir)
        #expect(again.stderr.contains("0 events added, 2 updated"), "\(again.stderr)")
        #expect(again.stderr.contains("2 events stored"), "\(again.stderr)")
        // A build of both names them by their folders, the same way each time.
        let build = try GeomapProcess.run(["build", "a/report.txt", "b/report.txt", "-o", "L"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let layer = try String(contentsOf: dir.appendingPathComponent("L/incidents.geojson"), encoding: .utf8)
        #expect(layer.contains("\"id\":\"a/report.txt:E1\"") && layer.contains("\"id\":\"b/report.txt:E1\""), "\(layer.prefix(400))")
    }

    @Test func dashIsStandardOutputNotAFile() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let r = try GeomapProcess.run(["destination", "35.9,39.0", "10km", "north", "--format", "json", "-o", "-"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"lat\""), "\(r.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let build = try GeomapProcess.run(["build", "x.txt", "-o", "-"], in: dir)
        #expect(build.status == 64 && build.stderr.contains("'-' (standard output) cannot hold them"), "\(build.stderr)")
    }

    @Test func aLinkIsFollowedAndKept() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let link = dir.appendingPathComponent("latest.json"), target = dir.appendingPathComponent("dated.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "dated.json")
        let r = try GeomapProcess.run(["destination", "35.9,39.0", "10km", "north", "--format", "json", "-o", link.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "dated.json")
        #expect(try String(contentsOf: target, encoding: .utf8).contains("\"lat\""))
    }

    @Test func aNamedPipeIsWrittenThroughNotReplaced() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let fifo = dir.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let box = ResultBox()
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            box.value = String(decoding: FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        }
        let r = try GeomapProcess.run(["destination", "35.9,39.0", "10km", "north", "--format", "json", "-o", fifo])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(box.value.contains("\"lat\""), "\(box.value)")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.fifo"])
    }

    final class ResultBox: @unchecked Sendable { var value = "" }

    /// A long report, so that a build is still running when it is interrupted.
    static func longReport(in dir: URL) throws -> URL {
        var text = ""
        for k in 0..<8_000 { text += "On \(k % 28 + 1) January 2014, \(k % 90 + 2) people were killed in Raqqa and \(k % 7 + 1) near Idlib.\n" }
        let file = dir.appendingPathComponent("long.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func anInterruptedBuildLeavesNoTemporaryAndTheOldLayers() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let report = try Self.longReport(in: dir)
        let layers = dir.appendingPathComponent("L")
        try FileManager.default.createDirectory(at: layers, withIntermediateDirectories: true)
        let old = Data("{\"type\":\"FeatureCollection\",\"features\":[]}\n".utf8)
        try old.write(to: layers.appendingPathComponent("incidents.geojson"))
        let p = Process()
        p.executableURL = GeomapProcess.binary
        p.arguments = ["build", report.path, "-o", layers.path]
        p.standardError = FileHandle.nullDevice
        try p.run()
        let temporary = layers.appendingPathComponent(".incidents.geojson.\(p.processIdentifier).tmp").path
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: temporary), p.isRunning, Date() < deadline { usleep(1000) }
        #expect(p.isRunning, "the build ended before it could be interrupted")
        p.terminate()   // SIGTERM
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: layers.path) == ["incidents.geojson"])
        #expect(try Data(contentsOf: layers.appendingPathComponent("incidents.geojson")) == old)
    }

    /// A process killed outright (SIGKILL) cannot clean up: its temporary is garbage for the next run; one of a
    /// process still running is left alone.
    @Test func aTemporaryOfADeadProcessIsRemovedByTheNextRun() throws {
        let dir = try GeomapProcess.temporaryFolder()
        try Self.raqqaReport.write(to: dir.appendingPathComponent("r.txt"), atomically: true, encoding: .utf8)
        let layers = dir.appendingPathComponent("L")
        try FileManager.default.createDirectory(at: layers, withIntermediateDirectories: true)
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = ".incidents.geojson.\(gone.processIdentifier).tmp", live = ".incidents.geojson.\(getpid()).tmp"
        for name in [stale, live] { try Data(count: 1 << 16).write(to: layers.appendingPathComponent(name)) }
        let r = try GeomapProcess.run(["build", "r.txt", "-o", "L"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: layers.path)
        #expect(!left.contains(stale) && left.contains(live), "\(left)")
        // The same for a gazetteer import killed while making a new file: the retry is not blocked.
        let staleGazetteer = dir.appendingPathComponent(".g.sqlite.\(gone.processIdentifier).tmp")
        try Data(count: 1 << 16).write(to: staleGazetteer)
        let places = dir.appendingPathComponent("places.csv")
        try "name,lat,lon\nTest village,35.9,39.0\n".write(to: places, atomically: true, encoding: .utf8)
        let imported = try GeomapProcess.run(["gazetteer", "import", places.path, "--format", "csv", "--empty", "--into", "g.sqlite"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: staleGazetteer.path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.sqlite").path))
    }
}
