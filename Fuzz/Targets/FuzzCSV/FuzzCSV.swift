import FuzzSupport
import GeoCore

/// GeoCore's CSV reader on arbitrary text: every record, with a line number that never goes back.
@_cdecl("FuzzCSV_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = FuzzSupport.text(data, size)
    var last = 0
    for record in CSVReader(text: text) {
        precondition(record.line >= last, "CSV line numbers went back")
        last = record.line
    }
    for _ in CSVReader(text: text, separator: "\t") {}
    return 0
}
