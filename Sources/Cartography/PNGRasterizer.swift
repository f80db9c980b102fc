import Foundation
import GeoCore

/// PNG from SVG through `rsvg-convert` (librsvg, Debian's librsvg2-bin), written atomically.
public enum PNGRasterizer {
    public static func write(svg: String, to path: String, width: Int) throws(MapError) {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        let tempSVG = (dir as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).svg")
        let tempPNG = tempSVG + ".png"
        defer { unlink(tempSVG); unlink(tempPNG) }
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
        guard rename(tempPNG, path) == 0 else { throw .rasterizer("\(path): \(String(cString: strerror(errno)))") }
    }
}
