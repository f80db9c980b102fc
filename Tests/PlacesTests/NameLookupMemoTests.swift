import Foundation
import Testing
import Places
import TestSupport

@Suite struct NameLookupMemoTests {
    /// The memo answers what the index answers, asked in any order and again, full or evicting, or off.
    @Test(arguments: [1 << 15, 4, 0])
    func answersAreTheIndexs(slots: Int) throws {
        let index = try DefaultGazetteer.get().index
        let seed = try String(contentsOf: TestData.shared.appendingPathComponent("corpus/000_b936dedbd59c1222.txt"), encoding: .utf8)
        let words = NameFolding.fold(seed).split(separator: " ").map(String.init)
        var memo = NameLookupMemo(slots: slots)
        var found = 0
        for round in 0..<2 {
            for (k, w) in words.enumerated() {
                let pair = k + 1 < words.count ? w + " " + words[k + 1] : w
                for text in [w, pair] {
                    let folded = memo.contains(folded: text, in: index), key = memo.contains(key: NameKey.key(folded: text), in: index)
                    #expect(folded == index.contains(folded: text) && key == index.contains(key: NameKey.key(folded: text)), "\(text), round \(round)")
                    if folded { found += 1 }
                }
            }
        }
        #expect(found > 50)   // Raqqa, Idleb, Homs, Alep… and the stop words that are also names
    }
}
