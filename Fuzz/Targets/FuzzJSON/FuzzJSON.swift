import FuzzSupport
import GeoCore

/// GeoCore's JSON reader on arbitrary bytes; what it reads, JSONWriter must write as JSON that reads again.
@_cdecl("FuzzJSON_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONReader.parse(bytes) else { return 0 }
    let again = try? JSONReader.parse(JSONWriter.string(value))
    precondition(again != nil, "JSON written by JSONWriter does not read back")
    return 0
}
