/// A GDAL/OGR failure on a file: the file and GDAL's own message (`CPLGetLastErrorMsg`), ready for one line.
public struct GDALError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let message: String

    public init(file: String, message: String) { self.file = file; self.message = message }

    public var description: String { "\(file): \(message)" }
}
