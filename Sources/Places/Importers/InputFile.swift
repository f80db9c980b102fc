import Foundation
import GeoCore

/// Reading an import file whole, with errors that name it.
enum InputFile {
    static func text(_ path: String) throws(GazetteerError) -> String {
        do { return try InputText.read(path) } catch {
            throw .badInput(file: path, line: 0, message: error.description)
        }
    }

    static func number(_ text: String?, field: String, file: String, line: Int) throws(GazetteerError) -> Double {
        guard let text, !text.isEmpty else { throw .badInput(file: file, line: line, message: "field '\(field)' is empty") }
        guard let v = DecimalNumber.parse(text) else {
            throw .badInput(file: file, line: line, message: "field '\(field)': '\(text)' is not a number")
        }
        return v
    }

    static func coordinate(lat: String?, lon: String?, file: String, line: Int, latField: String = "lat", lonField: String = "lon") throws(GazetteerError) -> Coordinate {
        let la = try number(lat, field: latField, file: file, line: line)
        let lo = try number(lon, field: lonField, file: file, line: line)
        guard (-90...90).contains(la) else { throw .badInput(file: file, line: line, message: "field '\(latField)': \(formatShortest(la)) is outside [-90, 90]") }
        guard (-180...180).contains(lo) else { throw .badInput(file: file, line: line, message: "field '\(lonField)': \(formatShortest(lo)) is outside [-180, 180]") }
        return Coordinate(longitude: lo, latitude: la)
    }

    /// A whole number within `range` (populations: 0…10¹⁰; ids: 0…2⁵³), empty for nil. Any text a file holds
    /// ("99999999999999999999", "1e300", "NaN") is a one-line error, never a trap.
    static func integer(_ text: String?, field: String, file: String, line: Int,
                        range: ClosedRange<Int> = 0...10_000_000_000) throws(GazetteerError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let v = Int(text) ?? DecimalNumber.parse(text).flatMap({ Int(exactly: $0) }) else {
            throw .badInput(file: file, line: line, message: "field '\(field)': '\(text)' is not a whole number")
        }
        guard range.contains(v) else {
            throw .badInput(file: file, line: line, message: "field '\(field)': \(v) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return v
    }

    /// The range of the numeric ids geomap reads (GeoNames, Who's On First): what a Double holds exactly.
    static let idRange = 0...(1 << 53)
}
