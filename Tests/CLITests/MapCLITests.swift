import Foundation
import Testing

@Suite struct MapCLITests {
    /// A PNG of the seed report, built on the fly: GDAL decodes it at the requested width.
    @Test func pngOfTheSeedHasTheRequestedWidth() throws {
        let dir = try GeomapProcess.temporaryFolder()
        let png = dir.appendingPathComponent("seed.png").path
        let r = try GeomapProcess.run(["map", QueryCLITests.seed, "--date", "2014-01-14", "--out", png, "--width", "900", "--title", "Seed"])
        #expect(r.status == 0, "\(r.stderr)")
        let gdalinfo = try #require(GeomapProcess.onPath("gdalinfo"), "gdalinfo (gdal-bin) is required: run make test")
        let info = try GeomapProcess.runTool(gdalinfo, [png])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Driver: PNG/Portable Network Graphics"))
        #expect(info.stdout.contains("Size is 900, "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["seed.png"])   // no temporary left
    }

    @Test func badArgumentsAreOneLineUsageErrors() throws {
        for (args, message) in [(["map", QueryCLITests.seed, "--out", "map.pdf"], "--out must end in .svg, .png or .html"),
                                (["map", QueryCLITests.seed, "--out", "m.svg", "--extent", "40,30,35,38"], "across the antimeridian"),
                                (["map", QueryCLITests.seed, "--out", "m.svg", "--width", "20"], "--width must be between")] {
            let r = try GeomapProcess.run(args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }
}
