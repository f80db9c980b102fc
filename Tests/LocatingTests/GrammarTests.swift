import Testing
import GeoCore
@testable import Locating

/// Every form of issue 4's grammar in English and French, alone and inside running text.
@Suite struct GrammarTests {
    let parser = RelativeExpressionParser()

    @Test(arguments: [
        // distance + direction
        ("80 km north of Raqqa", RelativeForm.distanceAndDirection, 80.0, CompassPoint.north, "Raqqa"),
        ("80km N of Raqqa", .distanceAndDirection, 80, .north, "Raqqa"),
        ("some 15 kilometres south-east of Aleppo", .distanceAndDirection, 15, .southEast, "Aleppo"),
        ("25 miles west of Homs", .distanceAndDirection, 25 * 1.609344, .west, "Homs"),
        ("fifteen km NNE of Aleppo", .distanceAndDirection, 15, .northNorthEast, "Aleppo"),
        ("about twenty-five kilometers to the southwest of Hama", .distanceAndDirection, 25, .southWest, "Hama"),
        ("20 to 30 km east of Deir ez-Zor", .distanceAndDirection, 25, .east, "Deir"),
        ("à 80 km au nord de Raqa", .distanceAndDirection, 80, .north, "Raqa"),
        ("à une quinzaine de kilomètres au sud d'Alep", .distanceAndDirection, 15, .south, "Alep"),
        ("80 km au nord-est de la ville d'Idleb", .distanceAndDirection, 80, .northEast, "Idleb"),
        ("à quinze kilomètres à l'ouest de Homs", .distanceAndDirection, 15, .west, "Homs"),
        ("entre 20 et 30 km au sud-ouest d'Alep", .distanceAndDirection, 25, .southWest, "Alep"),
        ("à environ 80 km au NO de Raqa", .distanceAndDirection, 80, .northWest, "Raqa"),
        ("à quatre-vingts kilomètres au nord de Raqa", .distanceAndDirection, 80, .north, "Raqa"),
        // distance only
        ("120 km from Homs", .distanceOnly, 120, nil, "Homs"),
        ("à 120 km de Homs", .distanceOnly, 120, nil, "Homs"),
        // direction only
        ("north-east of the city of Idlib", .directionOnly, nil, .northEast, "Idlib"),
        ("au nord-est de la ville d'Idleb", .directionOnly, nil, .northEast, "Idleb"),
        ("north of Aleppo", .directionOnly, nil, .north, "Aleppo"),
        ("au sud du village de Kafranbel", .directionOnly, nil, .south, "Kafranbel"),
        // countryside
        ("in the northern countryside of Hama", .countryside, nil, .north, "Hama"),
        ("in Hama's northern countryside", .countryside, nil, .north, "Hama"),
        ("dans la campagne nord de Hama", .countryside, nil, .north, "Hama"),
        ("dans le nord de la province de Hama", .countryside, nil, .north, "Hama"),
        ("dans l'est de la Syrie", .countryside, nil, .east, "la"),
        ("in eastern Aleppo", .countryside, nil, .east, "Aleppo"),
        ("southern Idlib", .countryside, nil, .south, "Idlib"),
        // proximity
        ("near Azaz", .proximity, nil, nil, "Azaz"),
        ("on the outskirts of Homs", .proximity, nil, nil, "Homs"),
        ("près de Ram-Hamdane", .proximity, nil, nil, "Ram-Hamdane"),
        ("aux abords de Homs", .proximity, nil, nil, "Homs"),
        ("à la périphérie de Homs", .proximity, nil, nil, "Homs"),
        ("les abords de Qomhana", .proximity, nil, nil, "Qomhana"),
        ("à quelques kilomètres de la ville de Hama", .proximity, nil, nil, "Hama"),
    ] as [(String, RelativeForm, Double?, CompassPoint?, String)])
    func parses(_ text: String, _ form: RelativeForm, _ km: Double?, _ direction: CompassPoint?, _ anchorStart: String) {
        let found = parser.expressions(in: text)
        #expect(found.count == 1, "\(text): \(found.map(\.text))")
        guard let e = found.first else { return }
        #expect(e.form == form, "\(text)")
        if let km { #expect(abs((e.distance?.kilometers ?? -1) - km) < 1e-9, "\(text)") } else { #expect(e.distance == nil, "\(text)") }
        #expect(e.direction == direction, "\(text)")
        let anchor = e.anchorBefore ? e.anchorWords.last?.text : e.anchorWords.first?.text
        #expect(anchor?.hasPrefix(anchorStart) == true || (e.anchorBefore && anchor == "Hama's"), "\(text): \(anchor ?? "-")")
    }

    /// The bands of `ReportedDistance` (README, "Relative locations"): by how round the number is, hedges
    /// +10 points, bounds one-sided, ranges ±15 % beyond their ends, at least ±1 km.
    @Test func reportersDistancesGetTheirBands() {
        func d(_ text: String) -> DistanceEstimate { parser.expressions(in: text)[0].distance! }
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }
        let some = d("some 15 kilometres south-east of Aleppo")                // a multiple of 5, hedged: ±30 %
        #expect(some.hedged && close(some.low, 10.5) && close(some.high, 19.5))
        let quinzaine = d("à une quinzaine de kilomètres au sud d'Alep")
        #expect(quinzaine.hedged && close(quinzaine.low, 10.5) && close(quinzaine.high, 19.5))
        let exact = d("à 80 km au nord de Raqa")                               // a multiple of 10: ±30 %
        #expect(!exact.hedged && close(exact.low, 56) && close(exact.high, 104))
        let plain = d("37 km north of Azaz")                                   // not a multiple of 5: ±15 %
        #expect(close(plain.low, 31.45) && close(plain.high, 42.55))
        let fine = d("2.5 km north of Azaz")                                   // at least ±1 km
        #expect(close(fine.low, 1.5) && close(fine.high, 3.5))
        let nearly = d("nearly 300 km east of Homs")                           // an upper bound
        #expect(close(nearly.low, 180) && close(nearly.high, 315))
        let over = d("plus de 30 km au nord de Homs")                          // a lower bound
        #expect(close(over.low, 30) && close(over.high, 45))
        let range = d("20 to 30 km east of Homs")
        #expect(close(range.low, 17) && close(range.high, 34.5) && range.kilometers == 25)
        // Units as printed.
        for typo in ["12 kilomtres north of Azaz", "à 12 kilomètre au nord d'Azaz", "12 kms north of Azaz", "12 klm north of Azaz", "12 km. north of Azaz"] {
            #expect(parser.expressions(in: typo).first?.distance?.kilometers == 12, "\(typo)")
        }
    }

    @Test func findsExpressionsInRunningTextWithCodePointOffsets() {
        // Sentences of the seed report (../shared/corpus/000_b936dedbd59c1222.txt), with an apostrophe and accents.
        let text = "rebelles d'Ahrar al-Cham, tombés dans un piège à Kantari, à 80 km au nord de Raqa, alors qu'ils fuyaient. "
            + "Un poste de contrôle rebelle près de Ram-Hamdane, au nord-est de la ville d'Idleb.Un des blessés"
        let found = parser.expressions(in: text)
        let scalars = Array(text.unicodeScalars)
        let texts = found.map { String(String.UnicodeScalarView(scalars[$0.span])) }
        #expect(texts.contains { $0.hasPrefix("à 80 km au nord de Raqa") })
        #expect(texts.contains { $0.hasPrefix("près de Ram-Hamdane") })
        #expect(texts.contains { $0.hasPrefix("au nord-est de la ville d'Idleb") })
        #expect(found.map(\.form).contains(.distanceAndDirection))
    }

    @Test func ellipticalExpressionsHaveNoAnchorWords() {
        for text in ["Markadé, à 35 km plus au sud, sur la route", "vers Kinsabba, à environ 7 km au nord, et vers Kabani"] {
            let found = parser.expressions(in: text).filter { $0.distance != nil }
            #expect(found.count == 1, "\(text)")
            #expect(found.first?.anchorWords.isEmpty == true)
            #expect(found.first?.form == .distanceAndDirection)
        }
    }

    @Test func numberWords() {
        #expect(NumberWords.value("quatre-vingt-dix") == 90)
        #expect(NumberWords.value("soixante-dix") == 70)
        #expect(NumberWords.value("vingt et un") == 21)
        #expect(NumberWords.value("twenty-five") == 25)
        #expect(NumberWords.value("two hundred") == 200)
        #expect(NumberWords.value("2,5") == 2.5)
        #expect(ReportedDistance.band(of: 120) == 0.30 && ReportedDistance.band(of: 15) == 0.20 && ReportedDistance.band(of: 37) == 0.15)
    }
}

@Suite struct FoldedTextTests {
    /// The table below U+3000 holds what the general fold computes, scalar for scalar.
    @Test func tableIsTheComputedFold() {
        for v in UInt32(0)..<UInt32(FoldedText.foldedBelow3000.count) {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(FoldedText.foldScalar(s) == FoldedText.computeFold(s), "U+\(String(v, radix: 16))")
        }
        let t = FoldedText(Array("À l’Ouest de Ḩamāh, الرقة".unicodeScalars))
        #expect(t.foldedText(0..<t.folded.count) == "a l'ouest de hamah, الرقة")
    }
}
