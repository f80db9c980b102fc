import Testing
import GeoCore
import TestSupport

@Suite struct WordTableTests {
    /// Words of a small alphabet (so that many collide and many are missing), some not ASCII, some canonically
    /// equal to others with other bytes ("é" composed and decomposed).
    static func word(_ rng: inout SplitMix64) -> String {
        let letters = ["a", "b", "e", "k", "é", "e\u{301}", "ا", "1"]
        return (0..<Int(rng.uniform(1, 5))).map { _ in letters[Int(rng.uniform(0, Double(letters.count) - 0.001))] }.joined()
    }

    @Test(arguments: [false, true])
    func answersAsADictionary(nonASCIIKeys: Bool) {
        var rng = SplitMix64(seed: nonASCIIKeys ? 11 : 10)
        var pairs: [(String, Int)] = []
        while pairs.count < 300 {
            let w = Self.word(&rng)
            if nonASCIIKeys || w.utf8.allSatisfy({ $0 < 0x80 }) { pairs.append((w, pairs.count)) }
        }
        let table = WordTable(pairs)
        var dictionary: [String: Int] = [:]
        for (w, v) in pairs { dictionary[w] = v }
        #expect(table.count == dictionary.count)
        var hits = 0
        for _ in 0..<5000 {
            let w = Self.word(&rng)
            #expect(table[w] == dictionary[w], "\(w.unicodeScalars.map { String($0.value, radix: 16) })")
            let inText = "x \(w) y"
            #expect(table[inText.dropFirst(2).dropLast(2)] == dictionary[w])
            if dictionary[w] != nil { hits += 1 }
        }
        #expect(hits > 500)
        let set = WordSet(pairs.map(\.0))
        #expect(set.contains(pairs[7].0) && !set.contains("zzz") && set.count == dictionary.count)
    }

    /// A word that is not ASCII can equal an ASCII key only through NFC's singletons (Kelvin sign → "K",
    /// Greek question mark → ";", varia → "`"): with such keys the table still answers as a dictionary.
    @Test func canonicalSingletonsFindTheirASCIIKeys() {
        let table: WordTable<Int> = ["K": 1, "a;b": 2, "x`": 3, "plain": 4]
        #expect(table["\u{212A}"] == 1 && table["a\u{037E}b"] == 2 && table["x\u{1FEF}"] == 3 && table["plain"] == 4)
        #expect(table["\u{212A}" as Substring] == 1 && table["k"] == nil && table["pla"] == nil)
        let lower: WordSet = ["k", "plain"]
        #expect(lower.contains("k") && !lower.contains("\u{212A}") && !lower.contains("plains"))
    }
}
