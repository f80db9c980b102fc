import Foundation
import GeoCore
import Places

/// What the fuzz targets share: the embedded gazetteer, opened once, and scratch files for readers that take
/// a path.
public enum FuzzSupport {
    /// The embedded gazetteer (`GEOMAP_GAZETTEER` or Gazetteer/build/gazetteer.sqlite beside the build).
    public static let gazetteer: Gazetteer = {
        do { return try Gazetteer(path: GazetteerLocation.defaultPath()) } catch {
            fatalError("fuzzing needs the gazetteer (make gazetteer): \(error)")
        }
    }()

    /// The input as text (invalid UTF-8 replaced, as a reader of bytes would have to).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// Writes the input to this process's scratch file with the given extension and returns its path.
    public static func scratch(_ data: UnsafePointer<UInt8>, _ size: Int, ext: String) -> String {
        let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(dir)/geomap-fuzz-\(getpid()).\(ext)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        var done = 0
        while done < size {
            let n = write(fd, data + done, size - done)
            precondition(n > 0, "cannot write \(path)")
            done += n
        }
        close(fd)
        return path
    }
}

/// libFuzzer's driver. SwiftPM links an executable's entry point as `<Module>_main`, so each target defines that
/// symbol and hands its test function to the driver (libFuzzer's own `main` is then not linked).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

extension FuzzSupport {
    /// The running target's test; the C callback libFuzzer calls cannot capture it.
    nonisolated(unsafe) static var test: (UnsafePointer<UInt8>, Int) -> Int32 = { _, _ in 0 }

    /// Runs libFuzzer's driver on `test`; what each target's `<Module>_main` returns.
    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                           _ test: @escaping (UnsafePointer<UInt8>, Int) -> Int32) -> Int32 {
        Self.test = test
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector) { data, size in
            guard let data else { return 0 }
            return FuzzSupport.test(data, size)
        }
    }
}
