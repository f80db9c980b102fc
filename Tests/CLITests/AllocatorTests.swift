import Foundation
import Testing

/// The geomap executable allocates through jemalloc (linked in Package.swift, installed by scripts/setup.sh):
/// extraction makes and frees millions of small values on its worker threads, and glibc's malloc costs about
/// 5 % more of its run (issue 24). A build that lost the link would still run, only slower: this test notices.
@Suite struct AllocatorTests {
    @Test func geomapRunsOnJemalloc() throws {
        let p = Process()
        p.executableURL = GeomapProcess.binary
        p.arguments = ["extract", "-"]
        // jemalloc prints its statistics at exit when asked to; glibc's malloc ignores the variable.
        p.environment = ProcessInfo.processInfo.environment.merging(["MALLOC_CONF": "stats_print:true"]) { $1 }
        // The statistics run to more than a pipe holds: they go to a file, read once geomap has exited.
        let folder = try GeomapProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let errorsFile = folder.appendingPathComponent("stderr.txt")
        #expect(FileManager.default.createFile(atPath: errorsFile.path, contents: nil))
        let errors = try FileHandle(forWritingTo: errorsFile)
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = errors
        try p.run()
        input.fileHandleForWriting.write(Data("Clashes were reported in Aleppo.\n".utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try errors.close()
        let err = try String(contentsOf: errorsFile, encoding: .utf8)
        #expect(p.terminationStatus == 0)
        #expect(String(decoding: out, as: UTF8.self).contains("Aleppo"))
        #expect(err.contains("jemalloc statistics"), "no jemalloc statistics on stderr: \(err.prefix(200))")
    }
}
