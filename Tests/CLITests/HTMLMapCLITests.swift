import Foundation
import Testing

/// `geomap map --out FILE.html` opened in Debian's headless Chromium, driven over the DevTools protocol
/// (`scripts/browser_check.py`): offline, real clicks on the markers, the real slider.
@Suite struct HTMLMapCLITests {
    /// The driver `make run` and `make bench` also use.
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/browser_check.py").path

    /// What the driver saw: its results in step order, and every console message, exception, log entry and request.
    struct Visit {
        let results: [Any], console: [[String: Any]], exceptions: [Any], log: [[String: Any]], requests: [String], readyMs: Double?
    }

    static func visit(_ html: URL, _ steps: [[String: String]]) throws -> Visit {
        let python = try #require(GeomapProcess.onPath("python3"), "python3 is required")
        _ = try #require(GeomapProcess.onPath("chromium"), "chromium is required (Debian's chromium: scripts/setup.sh installs it; run make test)")
        let stepsFile = html.deletingLastPathComponent().appendingPathComponent("steps-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: steps).write(to: stepsFile)
        let r = try GeomapProcess.runTool(python, [driver, html.absoluteString, stepsFile.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "driver printed: \(r.stdout) \(r.stderr)")
        return Visit(results: json["results"] as? [Any] ?? [], console: json["console"] as? [[String: Any]] ?? [], exceptions: json["exceptions"] as? [Any] ?? [],
                     log: json["log"] as? [[String: Any]] ?? [], requests: json["requests"] as? [String] ?? [], readyMs: json["ready_ms"] as? Double)
    }

    /// No console error, no exception, no error in the browser's log (a blocked script or style, a refused
    /// request), and nothing fetched but the page itself and `data:` images.
    static func expectClean(_ v: Visit) {
        #expect(v.readyMs != nil, "the map never said it was drawn")
        #expect(v.console.filter { ["error", "assert"].contains($0["type"] as? String ?? "") }.isEmpty, "\(v.console)")
        #expect(v.exceptions.isEmpty, "\(v.exceptions)")
        #expect(v.log.filter { ($0["level"] as? String) == "error" }.isEmpty, "\(v.log)")
        #expect(v.requests.allSatisfy { $0.hasPrefix("file:") || $0.hasPrefix("data:") }, "\(v.requests)")
    }

    static func features(_ path: URL) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        return (json["features"] as? [[String: Any]] ?? []).map { $0["properties"] as? [String: Any] ?? [:] }
    }

    static let countIncidents = "document.querySelectorAll('path.geomap-incident').length"
    /// Moves the day slider as a user would (value, then an input event) until it shows `day`.
    static func slide(to day: String) -> String {
        """
        (() => { const s = document.getElementById('geomap-day'), o = document.querySelector('.geomap-time output');
          for (let v = 0; v <= Number(s.max); v++) { s.value = String(v); s.dispatchEvent(new Event('input')); if (o.textContent.endsWith('\(day)')) break; }
          return o.textContent; })()
        """
    }

    @Test func theSeedsMapOpensOfflineWithEveryIncidentItsEvidenceEveryTollAndADaySlider() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let html = dir.appendingPathComponent("seed.html")
        let r = try GeomapProcess.run(["map", QueryCLITests.seed, "--date", "2014-01-14", "--title", "Seed", "--out", html.path])
        #expect(r.status == 0, "\(r.stderr)")
        // The reference: the incidents layer `geomap build` writes for the same report.
        let build = try GeomapProcess.run(["build", QueryCLITests.seed, "--date", "2014-01-14", "--out", dir.appendingPathComponent("layers").path])
        #expect(build.status == 0, "\(build.stderr)")
        let incidents = try Self.features(dir.appendingPathComponent("layers/incidents.geojson"))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: html.path)[.size] as? Int)
        #expect(size < 3_000_000, "the seed's map is \(size) bytes")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("default-src 'none'") && page.contains("connect-src 'none'"), "no Content-Security-Policy forbidding requests")

        let before = "2014-01-12"
        let v = try Self.visit(html, [["eval": Self.countIncidents], ["click_each": "path.geomap-incident", "read": ".leaflet-popup-content"],
                                      ["eval": Self.slide(to: before)], ["eval": Self.countIncidents]])
        Self.expectClean(v)
        #expect(v.results.count == 4)
        #expect(v.results.first as? Int == incidents.count, "markers \(v.results.first ?? "none") vs \(incidents.count) features")
        // The car bomb: its evidence sentence and both sources' tolls (22 al-Khabar, 8 SOHR) in one popup.
        let popups = (v.results.count > 1 ? v.results[1] as? [Any] : nil)?.compactMap { $0 as? String } ?? []
        let carBomb = try #require(incidents.first { ($0["sub_type"] as? String) == "car_bomb" }, "no car bomb in the seed's layer")
        let evidence = try #require(carBomb["evidence"] as? String)
        #expect(evidence.count > 40, "evidence: \(evidence)")
        let popup = popups.first { $0.contains(evidence) }
        #expect(popup != nil, "no popup quotes the evidence: \(popups)")
        #expect(popup?.contains("22 killed, according to al-Khabar") == true && popup?.contains("8 killed, according to SOHR") == true, "\(popup ?? "")")
        #expect(popup?.contains("000_b936dedbd59c1222.txt") == true)
        // Before 13 January only what had happened by then is drawn.
        let expected = incidents.filter { ($0["event_date"] as? String).map { $0 <= before } ?? true }.count
        #expect(expected < incidents.count && expected > 0)
        if v.results.count == 4 {
            #expect((v.results[2] as? String)?.hasSuffix(before) == true, "\(v.results[2])")
            #expect(v.results[3] as? Int == expected, "after the slide: \(v.results[3]) markers, \(expected) expected")
        }
    }

    @Test func textFromAnEventFileIsShownAsTextAndNeverRuns() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let events = dir.appendingPathComponent("hostile.yaml")
        try """
            events:
              - {date: 2014-01-03, sub_type: shelling, location: Raqqa, fatalities: 3, source: "<b>SOHR</b>",
                 actors: ["<script>window.pwned = 1</script>", "Rebels"],
                 evidence: "<img src=x onerror=\\"window.pwned = 2\\"> shells fell on the market"}
            """.write(to: events, atomically: true, encoding: .utf8)
        let html = dir.appendingPathComponent("hostile.html")
        let r = try GeomapProcess.run(["map", events.path, "--title", "</title><script>window.pwned = 3</script>", "--out", html.path])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try Self.visit(html, [["click_each": "path.geomap-incident", "read": ".leaflet-popup-content"],
                                      ["eval": "typeof window.pwned"], ["eval": "document.querySelectorAll('script').length"],
                                      ["eval": "document.querySelectorAll('img[src=\"x\"], b').length"], ["eval": "document.title"]])
        Self.expectClean(v)
        let popups = (v.results.first as? [Any])?.compactMap { $0 as? String } ?? []
        #expect(popups.count == 1)
        #expect(popups.first?.contains("<script>window.pwned = 1</script>; Rebels") == true, "\(popups)")
        #expect(popups.first?.contains("<img src=x onerror=\"window.pwned = 2\"> shells fell on the market") == true, "\(popups)")
        #expect(popups.first?.contains("3 killed, according to <b>SOHR</b>") == true, "\(popups)")
        if v.results.count == 5 {
            #expect(v.results[1] as? String == "undefined", "a script from the data ran")
            #expect(v.results[2] as? Int == 4, "the page has \(v.results[2]) script elements (the data block and three scripts expected)")
            #expect(v.results[3] as? Int == 0, "markup from the data became elements")
            #expect(v.results[4] as? String == "</title><script>window.pwned = 3</script>")
        }
    }

    /// Above 1,500 incidents the map clusters them on a canvas: every one is on the map, the day slider still
    /// filters them, and nothing fails.
    @Test func manyIncidentsAreClusteredAndStillFollowTheDay() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let layers = dir.appendingPathComponent("layers")
        try FileManager.default.createDirectory(at: layers, withIntermediateDirectories: true)
        let n = 2_000
        // A grid over northern Syria (inputs, not expected coordinates); day k % 10 of January 2014.
        let features = (0..<n).map { k -> String in
            let lon = 36.0 + Double(k % 50) * 0.1, lat = 34.5 + Double(k / 50) * 0.05
            return #"{"type":"Feature","id":"grid.txt:E\#(k)","geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]},"properties":{"id":"grid.txt:E\#(k)","event_date":"2014-01-\#(String(format: "%02d", 1 + k % 10))","event_type":"Battles","sub_type":"clashes","actors":"A; B","fatalities_best":\#(k % 7),"fatality_claims":"\#(k % 7) (SOHR)","geo_precision":\#(1 + k % 3),"evidence":"clashes \#(k)"}}"#
        }
        try (#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}").write(to: layers.appendingPathComponent("incidents.geojson"), atomically: true, encoding: .utf8)
        let html = dir.appendingPathComponent("grid.html")
        let r = try GeomapProcess.run(["map", layers.path, "--out", html.path])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try Self.visit(html, [["eval": "window.geomap.clustered"], ["eval": "window.geomap.shownIncidents()"],
                                      ["eval": "document.querySelectorAll('.marker-cluster').length > 0"],
                                      ["eval": Self.slide(to: "2014-01-03")], ["eval": "window.geomap.shownIncidents()"]])
        Self.expectClean(v)
        if v.results.count == 5 {
            #expect(v.results[0] as? Bool == true && v.results[2] as? Bool == true, "not clustered: \(v.results)")
            #expect(v.results[1] as? Int == n)
            #expect(v.results[4] as? Int == (0..<n).filter { 1 + $0 % 10 <= 3 }.count, "\(v.results)")
        }
    }

    @Test func tilesAreTheOnlyRequestsAllowedAndBadTemplatesAreRefused() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let html = dir.appendingPathComponent("tiles.html")
        let r = try GeomapProcess.run(["map", QueryCLITests.seed, "--date", "2014-01-14", "--tiles", "https://{s}.tile.example.org/{z}/{x}/{y}.png", "--out", html.path])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("img-src data: https://*.tile.example.org;"), "the policy does not allow the tile server")
        #expect(page.contains("connect-src 'none'"))
        for (args, message) in [(["--tiles", "ftp://example.org/{z}/{x}/{y}.png", "--out", "m.html"], "--tiles must be an http(s) URL template"),
                                (["--tiles", "https://example.org/{z}/{x}.png", "--out", "m.html"], "--tiles must hold {z}, {x} and {y}"),
                                (["--tiles", "https://exa'mple.org/{z}/{x}/{y}.png", "--out", "m.html"], "may hold only letters"),
                                (["--tiles", "https://example.org/{z}/{x}/{y}.png", "--out", "m.svg"], "--tiles is for an HTML map")] {
            let bad = try GeomapProcess.run(["map", QueryCLITests.seed] + args, in: dir)
            #expect(bad.status == 64, "\(args): \(bad.stderr)")
            #expect(bad.stderr.contains(message) && bad.stderr.split(separator: "\n").count == 1, "\(bad.stderr)")
        }
    }
}
