import Testing
@testable import GeoCore

@Suite struct CompassPointTests {
    @Test func sixteenPointsAre22Point5DegreesApart() {
        for p in CompassPoint.allCases {
            #expect(p.bearing.degrees == Double(p.rawValue) * 22.5)
            #expect(CompassPoint(nearest: p.bearing) == p)
        }
    }

    @Test func readsEnglishAndFrenchWordsAndAbbreviations() {
        let cases: [(String, CompassPoint)] = [
            ("north", .north), ("Nord", .north), ("N", .north),
            ("north-east", .northEast), ("northeast", .northEast), ("nord-est", .northEast), ("NE", .northEast),
            ("north-west", .northWest), ("nord-ouest", .northWest), ("NW", .northWest), ("NO", .northWest),
            ("sud ouest", .southWest), ("SO", .southWest), ("SSW", .southSouthWest), ("SSO", .southSouthWest),
            ("ouest", .west), ("O", .west), ("W", .west), ("west-north-west", .westNorthWest),
            ("est-sud-est", .eastSouthEast), ("NNE", .northNorthEast), ("northern", .north),
        ]
        for (word, expected) in cases {
            #expect(CompassPoint(word: word) == expected, "\(word)")
        }
        #expect(CompassPoint(word: "up") == nil)
        #expect(CompassPoint(word: "") == nil)
    }

    @Test func nearestPointBoundaries() {
        // 11.25° is half-way between N and NNE: ties go clockwise.
        #expect(Bearing(degrees: 11.24).compassPoint == .north)
        #expect(Bearing(degrees: 11.25).compassPoint == .northNorthEast)
        #expect(Bearing(degrees: 348.76).compassPoint == .north)
        #expect(Bearing(degrees: 237.356923).compassPoint == .westSouthWest)
    }

    @Test func bearingNormalisesAndMeasuresAngles() {
        #expect(Bearing(degrees: -122.643077).degrees == 237.356923)
        #expect(Bearing(degrees: 720).degrees == 0)
        #expect(Bearing(degrees: 350).angle(to: Bearing(degrees: 10)) == 20)
        #expect(Bearing(degrees: 45).reversed.degrees == 225)
    }
}
