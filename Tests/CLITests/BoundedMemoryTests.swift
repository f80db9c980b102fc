import Foundation
import Testing
import TestSupport

/// Issue 23: every input path of `extract` has bounded memory (standard input, several files, YAML), and the
/// YAML event reader refuses alias bombs.
@Suite struct BoundedMemoryTests {
    /// Report-like lines naming places of the gazetteer (Raqqa, Idlib, Aleppo, Homs), numbers varying.
    static func report(lines: Int) -> String {
        let places = ["Raqqa", "Idlib", "Aleppo", "Homs", "Deir ez-Zor", "Hama"]
        var text = ""
        for k in 0..<lines {
            text += "On \(k % 28 + 1) January 2014, \(k % 90 + 2) people were killed by shelling in \(places[k % places.count]), "
            text += "\(k % 70 + 5) km north of \(places[(k + 2) % places.count]).\n"
            if k % 7 == 6 { text += "\n" }
        }
        return text
    }

    /// Runs geomap with `stdin` and returns its exit status, output and peak resident memory (VmHWM, read from
    /// /proc while it runs: the last reading before it exits).
    static func runMeasured(_ args: [String], stdin: Data) throws -> (status: Int32, stdout: Data, peakKB: Int) {
        let p = Process()
        p.executableURL = GeomapProcess.binary
        p.arguments = args
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        let pid = p.processIdentifier
        // Threads, not tasks: this test blocks its own thread while polling, and the tasks' pool may be busy.
        let box = DataBox()
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { box.data = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: done) { input.fileHandleForWriting.write(stdin); try? input.fileHandleForWriting.close() }
        var peak = 0
        while p.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                peak = max(peak, kb)
            }
            usleep(5_000)
        }
        p.waitUntilExit()
        done.wait()
        return (p.terminationStatus, box.data, peak)
    }

    final class DataBox: @unchecked Sendable { var data = Data() }

    /// Standard input is spooled and streamed: a 3 MB report costs well under what holding it costs (about
    /// 440 MB more than a one-line report, measured before the change; 17 MB after).
    @Test func extractFromStandardInputStreamsWithBoundedMemory() throws {
        let text = Data(Self.report(lines: 30_000).utf8)
        #expect(text.count > 2_500_000)
        let small = try Self.runMeasured(["extract", "-"], stdin: Data("Two people were killed in Raqqa on 3 January 2014.\n".utf8))
        #expect(small.status == 0)
        let large = try Self.runMeasured(["extract", "-", "--stream-above", "1000000"], stdin: text)
        #expect(large.status == 0)
        let doc = try JSONSerialization.jsonObject(with: large.stdout) as? [String: Any]
        #expect(doc?["source"] as? String == "-")
        #expect(((doc?["mentions"] as? [Any])?.count ?? 0) > 20_000)
        #expect(((doc?["events"] as? [Any])?.count ?? 0) > 1_000)
        #expect(large.peakKB - small.peakKB < 120_000, "peak \(large.peakKB) KB against \(small.peakKB) KB for one line")
    }

    /// Several inputs over the threshold in all are written one document at a time: the same documents as the
    /// in-memory run, compact.
    @Test func severalInputsAreWrittenOneDocumentAtATime() throws {
        let dir = try GeomapProcess.temporaryFolder()
        try Self.report(lines: 40).write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Self.report(lines: 60).write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let whole = try GeomapProcess.run(["extract", "a.txt", "b.txt"], in: dir)
        let streamed = try GeomapProcess.run(["extract", "a.txt", "b.txt", "--stream-above", "1000", "--chunk-bytes", "4096"], in: dir)
        #expect(whole.status == 0 && streamed.status == 0, "\(whole.stderr) \(streamed.stderr)")
        let a = try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [[String: Any]]
        let b = try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) as? [[String: Any]]
        #expect(a?.map { $0["source"] as? String } == ["a.txt", "b.txt"])
        #expect(b?.map { $0["source"] as? String } == ["a.txt", "b.txt"])
        // The same mentions; events are read chunk by chunk when streamed, so their count is not compared.
        for k in 0..<2 {
            #expect((a?[k]["mentions"] as? [Any])?.count == (b?[k]["mentions"] as? [Any])?.count)
            #expect(((b?[k]["events"] as? [Any])?.count ?? 0) > 0)
        }
        #expect(streamed.stdout.count < whole.stdout.count, "compact, not indented")
        let yaml = try GeomapProcess.run(["extract", "a.txt", "b.txt", "--format", "yaml", "--stream-above", "1000"], in: dir)
        #expect(yaml.status == 1 && yaml.stderr.contains("use --format json (streamed)"), "\(yaml.stderr)")
    }

    /// A few hundred bytes of nested YAML aliases stand for 387 million values: refused before anything walks them.
    @Test func yamlAliasBombsAreRefused() throws {
        let dir = try GeomapProcess.temporaryFolder()
        var lines = ["a0: &a0 [\(Array(repeating: "\"Raqqa\"", count: 9).joined(separator: ","))]"]
        for i in 1...8 { lines.append("a\(i): &a\(i) [\(Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ","))]") }
        lines += ["events:", "  - {date: \"2014-01-03\", sub_type: shelling, location: Raqqa, actors: *a8}"]
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("bomb.yaml"), atomically: true, encoding: .utf8)
        let r = try GeomapProcess.run(["extract", "bomb.yaml"], in: dir)
        HostileInputTests.expectOneLineError(r, mentioning: "its aliases (*name) stand for more than")
    }

    /// What Python's json.dump writes for characters beyond the BMP: escaped surrogate pairs, read as the character.
    @Test func escapedSurrogatePairsInJSONAreCharacters() throws {
        let dir = try GeomapProcess.temporaryFolder()
        try #"{"events": [{"date": "2014-01-03", "sub_type": "shelling", "location": "Raqqa", "notes": "rocket \ud83d\ude80 fired"}]}"#
            .write(to: dir.appendingPathComponent("py.json"), atomically: true, encoding: .utf8)
        let r = try GeomapProcess.run(["build", "py.json", "-o", "L"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let layer = try String(contentsOf: dir.appendingPathComponent("L/incidents.geojson"), encoding: .utf8)
        #expect(layer.contains("rocket \u{1F680} fired"), "\(layer.prefix(500))")
        try #"{"events": [{"date": "2014-01-03", "sub_type": "shelling", "location": "Raqqa", "notes": "lone \ud83d here"}]}"#
            .write(to: dir.appendingPathComponent("lone.json"), atomically: true, encoding: .utf8)
        HostileInputTests.expectOneLineError(try GeomapProcess.run(["build", "lone.json", "-o", "L"], in: dir), mentioning: "lone.json:1:")
    }
}
