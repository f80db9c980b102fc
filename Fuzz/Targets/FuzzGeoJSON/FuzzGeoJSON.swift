import FuzzSupport
import GeoCore
import Pipeline

/// The GeoJSON reader behind `check` and `query --layer`, and `check` itself (GEOS validity, overlaps).
@_cdecl("FuzzGeoJSON_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= 65_536 else { return -1 }
    _ = try? GeoJSONFeatureCollection(text: FuzzSupport.text(data, size))
    _ = try? GeoJSONCheck(path: FuzzSupport.scratch(data, size, ext: "geojson"))
    return 0
}
