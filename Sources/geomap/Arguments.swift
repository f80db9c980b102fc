import ArgumentParser
import GeoCore

/// A LAT,LON argument; negative values work as `-- -33.9,18.4` or `--from=-33.9,18.4`-style quoting.
struct LatLonArgument: ExpressibleByArgument {
    let coordinate: Coordinate

    init?(argument: String) {
        guard let c = try? Coordinate(parsingLatLon: argument) else { return nil }
        coordinate = c
    }

    /// The coordinate or a usage error naming the value and what is wrong with it.
    static func parse(_ text: String) throws -> Coordinate {
        do { return try Coordinate(parsingLatLon: text) } catch { throw ValidationError(error.description) }
    }
}

/// A bearing written as degrees ("45", "237.5") or a compass word in English or French ("north-east", "NE", "nord-est").
enum BearingArgument {
    static func parse(_ text: String) throws -> Bearing {
        if let d = DecimalNumber.parse(text) {
            guard (-360...360).contains(d) else { throw ValidationError("invalid bearing '\(text)': degrees must be within [-360, 360]") }
            return Bearing(degrees: d)
        }
        if let p = CompassPoint(word: text) { return p.bearing }
        throw ValidationError("invalid bearing '\(text)': expected degrees clockwise from north or a compass point (N, NE, north-east, nord-est, …)")
    }
}

/// An ISO 3166-1 alpha-2 country code ("SY", "sy"), upper-cased; anything else is refused with the value.
struct CountryCode: ExpressibleByArgument {
    let code: String
    init?(argument: String) { guard argument.count == 2, argument.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }; code = argument.uppercased() }
}

enum DistanceArgument {
    static func parse(_ text: String) throws -> Distance {
        do { return try Distance(parsing: text) } catch { throw ValidationError(error.description) }
    }
}
