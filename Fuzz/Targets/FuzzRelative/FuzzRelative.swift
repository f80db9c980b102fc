import FuzzSupport
import Locating

/// The relative grammar on arbitrary text: every expression found, and the text located as one expression.
nonisolated(unsafe) let locator = try! Locator(gazetteer: FuzzSupport.gazetteer)
let parser = RelativeExpressionParser()

@_cdecl("FuzzRelative_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= 4096 else { return -1 }
    let text = FuzzSupport.text(data, size)
    _ = parser.expressions(in: text)
    _ = try? locator.locate(expression: text)
    _ = locator.locateAll(in: text)
    return 0
}
