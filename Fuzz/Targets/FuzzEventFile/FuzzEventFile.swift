import FuzzSupport
import Locating
import Reports

/// The analyst event readers (YAML, JSON, ACLED CSV) on arbitrary bytes; the first byte picks the format.
nonisolated(unsafe) let reader = EventFileReader(locator: try! Locator(gazetteer: FuzzSupport.gazetteer))

@_cdecl("FuzzEventFile_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1, size <= 65_536 else { return -1 }
    let ext = ["yaml", "json", "csv"][Int(data[0]) % 3]
    let path = FuzzSupport.scratch(data + 1, size - 1, ext: ext)
    _ = try? reader.read(path)
    return 0
}
