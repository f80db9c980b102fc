import Foundation
import GeoCore

/// PNG from SVG through `rsvg-convert` (librsvg, Debian's librsvg2-bin), written atomically.
public enum PNGRasterizer {
    public static func write(svg: String, to path: String, width: Int) throws(MapError) {
        // Beside the target when it is a file (so a full disk shows before the old map is touched), else in
        // the temporary folder; the PNG then replaces the target as any output does (`AtomicFile`).
        let folder: String
        if case .file(let target) = try? OutputTarget.resolve(path) { folder = (target as NSString).deletingLastPathComponent }
        else { folder = FileManager.default.temporaryDirectory.path }
        let base = (folder as NSString).appendingPathComponent((path as NSString).lastPathComponent)
        let tempSVG = TemporaryFiles.path(for: base + ".svg"), tempPNG = TemporaryFiles.path(for: base + ".png")
        let slots = [TemporaryFiles.register(tempSVG), TemporaryFiles.register(tempPNG)]
        defer { unlink(tempSVG); unlink(tempPNG); slots.forEach(TemporaryFiles.forget) }
        do { try AtomicFile.write(svg, to: tempSVG) } catch { throw .rasterizer("\(error)") }
        guard let tool = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .rasterizer("rsvg-convert is missing (apt-get install librsvg2-bin; make run and make test install it)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["--width", String(width), "--keep-aspect-ratio", "--format", "png", "--output", tempPNG, tempSVG]
        let err = Pipe()
        p.standardError = err
        do { try p.run() } catch { throw .rasterizer("\(tool): \(error)") }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw .rasterizer("rsvg-convert failed: \(message.split(separator: "\n").first.map(String.init) ?? "exit \(p.terminationStatus)")")
        }
        guard let png = FileManager.default.contents(atPath: tempPNG) else { throw .rasterizer("rsvg-convert wrote no PNG") }
        do { try AtomicFile.write(png, to: path) } catch { throw .rasterizer("\(error)") }
    }
}
