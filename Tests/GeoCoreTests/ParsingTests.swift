import Foundation
import Testing
import Synchronization
@testable import GeoCore

@Suite struct ParsingTests {
    @Test func latLonIsLatitudeFirst() throws {
        let c = try Coordinate(parsingLatLon: "35.95283,39.00788")
        #expect(c.latitude == 35.95283)
        #expect(c.longitude == 39.00788)
        #expect(try Coordinate(parsingLatLon: " -33.9 , 18.4 ").latitude == -33.9)
        #expect(try Coordinate(parsingLatLon: "\u{2212}33.9,18.4").latitude == -33.9)
    }

    @Test func badCoordinatesNameTheValue() {
        #expect(throws: CoordinateError.latitudeOutOfRange(95, "95,0")) { try Coordinate(parsingLatLon: "95,0") }
        #expect(throws: CoordinateError.longitudeOutOfRange(181, "0,181")) { try Coordinate(parsingLatLon: "0,181") }
        #expect(throws: CoordinateError.malformed("abc")) { try Coordinate(parsingLatLon: "abc") }
        #expect(throws: CoordinateError.malformed("1,2,3")) { try Coordinate(parsingLatLon: "1,2,3") }
        #expect(throws: CoordinateError.malformed("nan,0")) { try Coordinate(parsingLatLon: "nan,0") }
        #expect(CoordinateError.latitudeOutOfRange(95, "95,0").description.contains("'95,0'"))
    }

    @Test func distancesNeedAUnit() throws {
        #expect(try Distance(parsing: "50km").meters == 50_000)
        #expect(try Distance(parsing: "2.5 mi").meters == 2.5 * 1609.344)
        #expect(try Distance(parsing: "800m").meters == 800)
        #expect(try Distance(parsing: "3 nmi").meters == 3 * 1852)
        #expect(try Distance(parsing: "15 kilomètres").kilometers == 15)
        #expect(throws: DistanceError.missingUnit("50")) { try Distance(parsing: "50") }
        #expect(throws: DistanceError.negative("-5km")) { try Distance(parsing: "-5km") }
        #expect(throws: DistanceError.unknownUnit("furlongs", "5 furlongs")) { try Distance(parsing: "5 furlongs") }
        #expect(throws: DistanceError.malformed("km")) { try Distance(parsing: "km") }
    }

    @Test func unitConversions() {
        let d = Distance(25, .miles)
        #expect(abs(d.kilometers - 40.2336) < 1e-9)
        #expect(abs(d.value(in: .nauticalMiles) - 40233.6 / 1852) < 1e-9)
        #expect(DistanceUnit(spelling: "Kilometres") == .kilometers)
    }

    @Test func boundingBoxes() throws {
        let box = try BoundingBox(parsing: "35.5,32.3,42.4,37.3")
        #expect(box.contains(Coordinate(longitude: 39.00788, latitude: 35.95283)))
        #expect(!box.contains(Coordinate(longitude: 30, latitude: 35)))
        let across = try BoundingBox(parsing: "170,-20,-170,-10")
        #expect(across.crossesAntimeridian)
        #expect(across.contains(Coordinate(longitude: 179.5, latitude: -15)))
        #expect(across.contains(Coordinate(longitude: -179.5, latitude: -15)))
        #expect(!across.contains(Coordinate(longitude: 0, latitude: -15)))
        #expect(across.splitAtAntimeridian.count == 2)
        #expect(throws: BoundingBoxError.southAboveNorth("0,10,1,5")) { try BoundingBox(parsing: "0,10,1,5") }
        #expect(throws: BoundingBoxError.malformed("0,1,2")) { try BoundingBox(parsing: "0,1,2") }
    }
}

@Suite struct StringFromScalarsTests {
    @Test(arguments: ["", "Raqqa", "à 80 km au nord de Raqa", "الرقة", "Ḩamāh 🙂 d’Idleb", "\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"])
    func sameAsTheScalarView(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars[...]) == text)
        #expect(Array(String(scalars: scalars[...]).utf8) == Array(text.utf8))
        if scalars.count > 2 { #expect(String(scalars: scalars[1..<(scalars.count - 1)]) == String(String.UnicodeScalarView(scalars[1..<(scalars.count - 1)]))) }
    }
}

@Suite struct BoundedCacheTests {
    @Test func computesOnceThenAnswersFromTheCache() {
        var cache = BoundedCache<String, Int>(limit: 10)
        var calls = 0
        for _ in 0..<3 { #expect(cache.value(for: "Raqqa") { calls += 1; return 172955 } == 172955) }
        #expect(calls == 1)
    }

    @Test func neverHoldsMoreThanItsLimitAndZeroTurnsItOff() {
        var cache = BoundedCache<Int, Int>(limit: 100)
        for k in 0..<1_000 { _ = cache.value(for: k) { k * 2 } }
        #expect(cache.count <= 100 && cache.count > 0)
        var off = BoundedCache<Int, Int>(limit: 0)
        var calls = 0
        for _ in 0..<3 { _ = off.value(for: 1) { calls += 1; return 1 } }
        #expect(calls == 3 && off.count == 0)
    }

    @Test func anErrorIsNotStored() {
        struct Failure: Error {}
        var cache = BoundedCache<Int, Int>(limit: 10)
        #expect(throws: Failure.self) { try cache.value(for: 1) { () throws(Failure) -> Int in throw Failure() } }
        #expect(cache.count == 0)
    }
}

@Suite struct SharedCacheTests {
    /// Two threads asking for the same keys: every answer is the computed value, and what one thread stored the
    /// other finds (a second pass computes nothing).
    @Test func workersFindWhatAnotherComputed() {
        let cache = SharedCache<Int, Int>(limit: 1_000)
        let calls = Mutex(0)
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for k in 0..<500 {
                let v = cache.value(for: k) { calls.withLock { $0 += 1 }; return k * 7 }
                if v != k * 7 { wrong.withLock { $0 += 1 } }
            }
        }
        #expect(wrong.withLock { $0 } == 0 && cache.count == 500)
        let before = calls.withLock { $0 }
        #expect(before >= 500 && before <= 1_000)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for k in 0..<500 { _ = cache.value(for: k) { calls.withLock { $0 += 1 }; return -1 } }
        }
        #expect(calls.withLock { $0 } == before)
    }

    @Test func neverHoldsMoreThanItsLimitAndZeroKeepsNothing() {
        let cache = SharedCache<Int, Int>(limit: 100)
        for k in 0..<1_000 { _ = cache.value(for: k) { k } }
        #expect(cache.count <= 100 && cache.count > 0)
        let off = SharedCache<Int, Int>(limit: 0)
        var calls = 0
        for _ in 0..<3 { _ = off.value(for: 1) { calls += 1; return 1 } }
        #expect(calls == 3 && off.count == 0)
    }
}
