import Foundation
import Testing
@testable import Pipeline

/// Issue 23, D4: two inputs of one file name never share event ids, and a stored input keeps its name.
@Suite struct InputNamingTests {
    func names(_ inputs: [String], stored: [String: String] = [:], existing: Set<String> = []) -> [String] {
        InputNaming.names(for: inputs, stored: stored, exists: { existing.contains($0) }).map(\.name)
    }

    @Test func aFileNameAloneWhenUnique() {
        #expect(names(["/r/a/report.txt", "/r/b/other.txt"]) == ["report.txt", "other.txt"])
        #expect(names(["/r/a/report.txt", "/r/a/report.txt"]) == ["report.txt", "report.txt"])
    }

    @Test func sameFileNamesInOtherFoldersGetTheirFolders() {
        #expect(names(["/r/a/report.txt", "/r/b/report.txt"]) == ["a/report.txt", "b/report.txt"])
        #expect(names(["/x/a/report.txt", "/y/a/report.txt", "/y/b/z.txt"]) == ["x/a/report.txt", "y/a/report.txt", "z.txt"])
        let named = InputNaming.names(for: ["/r/a/report.txt", "/r/b/report.txt"], exists: { _ in true })
        #expect(named.allSatisfy { $0.collision?.contains("has the same name") == true })
    }

    @Test func aStoredInputKeepsItsNameAndANewcomerGetsALongerOne() {
        let stored = ["report.txt": "/r/a/report.txt"]
        #expect(names(["/r/a/report.txt", "/r/b/report.txt"], stored: stored, existing: ["/r/a/report.txt"]) == ["report.txt", "b/report.txt"])
        #expect(names(["/r/b/report.txt"], stored: stored, existing: ["/r/a/report.txt"]) == ["b/report.txt"])
        let named = InputNaming.names(for: ["/r/b/report.txt"], stored: stored, exists: { $0 == "/r/a/report.txt" })
        #expect(named[0].collision?.contains("the store holds an input of that name from /r/a/report.txt") == true)
        #expect(named[0].storedOrigin == nil)
    }

    @Test func aMovedFileTakesItsNameOver() {
        let named = InputNaming.names(for: ["/r/new/report.txt"], stored: ["report.txt": "/r/old/report.txt"], exists: { _ in false })
        #expect(named.map(\.name) == ["report.txt"])
        #expect(named[0].storedOrigin == "/r/old/report.txt" && named[0].collision == nil)
    }

    @Test func relativePathsAndLinksResolveToOneOrigin() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("naming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a"), withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("a/report.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.txt"), withDestinationURL: file)
        let viaDots = dir.appendingPathComponent("a/../a/report.txt").path
        #expect(InputNaming.origin(of: viaDots) == InputNaming.origin(of: file.path))
        #expect(InputNaming.origin(of: dir.appendingPathComponent("link.txt").path) == InputNaming.origin(of: file.path))
    }
}
