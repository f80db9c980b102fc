import FuzzSupport
import Incidents
import Reports

/// `extract` on arbitrary bytes: the report reader (geoparser, event reader) on the text they decode to.
nonisolated(unsafe) let reader = try! ReportReader(gazetteer: FuzzSupport.gazetteer, workers: 1)

@_cdecl("FuzzReport_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= 16_384 else { return -1 }
    let text = FuzzSupport.text(data, size)
    let (day, source) = EventExtractor.reportDate(of: text, given: nil)
    _ = try? reader.read(text, reportDate: day, reportDateSource: source)
    return 0
}
