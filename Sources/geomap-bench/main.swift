import Foundation
import GeoCore
import Geodesy

// Benchmark driver for `make bench` (bench/run.py): runs geomap's code on inputs written by the peer script,
// so both sides see the same numbers, times it, and writes its results back for a correctness comparison.
//
//   geomap-bench geodesic-direct  INPUT OUTPUT REPEATS   INPUT: n × (lat1, lon1, azi1, s12) float64
//   geomap-bench geodesic-inverse INPUT OUTPUT REPEATS   INPUT: n × (lat1, lon1, lat2, lon2) float64
// Prints one JSON line: {"case": ..., "n": ..., "best_seconds": ...}.

func readDoubles(_ path: String) -> [Double] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("geomap-bench: cannot read \(path)\n".utf8)); exit(1)
    }
    return data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
}

func writeDoubles(_ values: [Double], to path: String) {
    let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
    guard FileManager.default.createFile(atPath: path, contents: data) else {
        FileHandle.standardError.write(Data("geomap-bench: cannot write \(path)\n".utf8)); exit(1)
    }
}

func best(_ repeats: Int, _ body: () -> Void) -> Double {
    var bestTime = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        bestTime = min(bestTime, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return bestTime
}

let args = CommandLine.arguments
guard args.count == 5, let repeats = Int(args[4]) else {
    FileHandle.standardError.write(Data("usage: geomap-bench geodesic-direct|geodesic-inverse INPUT OUTPUT REPEATS\n".utf8)); exit(64)
}
let input = readDoubles(args[2])
let n = input.count / 4
var output = [Double](repeating: 0, count: n * 3)

let seconds: Double
switch args[1] {
case "geodesic-direct":
    seconds = best(repeats) {
        for k in 0..<n {
            let start = Coordinate(longitude: input[4 * k + 1], latitude: input[4 * k])
            let r = Geodesic.direct(from: start, distance: Distance(meters: input[4 * k + 3]),
                                    bearing: Bearing(degrees: input[4 * k + 2]))
            output[3 * k] = r.coordinate.latitude
            output[3 * k + 1] = r.coordinate.longitude
            output[3 * k + 2] = r.finalBearing.degrees
        }
    }
case "geodesic-inverse":
    seconds = best(repeats) {
        for k in 0..<n {
            let r = Geodesic.inverse(from: Coordinate(longitude: input[4 * k + 1], latitude: input[4 * k]),
                                     to: Coordinate(longitude: input[4 * k + 3], latitude: input[4 * k + 2]))
            output[3 * k] = r.distance.meters
            output[3 * k + 1] = r.initialBearing.degrees
            output[3 * k + 2] = r.finalBearing.degrees
        }
    }
default:
    FileHandle.standardError.write(Data("geomap-bench: unknown case \(args[1])\n".utf8)); exit(64)
}
writeDoubles(output, to: args[3])
print("{\"case\": \"\(args[1])\", \"n\": \(n), \"best_seconds\": \(seconds)}")
