import FuzzSupport
import Places

/// The gazetteer importers (Who's On First CSV, GeoNames TSV, plain CSV) on arbitrary bytes; the first byte
/// picks the importer.
@_cdecl("FuzzGazetteerImport_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1, size <= 65_536 else { return -1 }
    switch Int(data[0]) % 3 {
    case 0: _ = try? WhosOnFirstCSV.read(FuzzSupport.scratch(data + 1, size - 1, ext: "csv"), country: nil)
    case 1: _ = try? GeoNamesTSV.read(FuzzSupport.scratch(data + 1, size - 1, ext: "txt"))
    default: _ = try? PlainCSV.read(FuzzSupport.scratch(data + 1, size - 1, ext: "csv"))
    }
    return 0
}
