/// Whether two spelling forms (`NameKey.spellingForm`) of one consonant skeleton are one name written two ways:
/// an edit distance weighted by letter class, within an allowance that grows with the length of the longer form
/// (plus `slack` whole edits for misspellings). Costs, in tenths of an edit: a vowel (or y) for another 2
/// (Idleb/Idlib, Qaryatayn/Qariateine), a vowel added or dropped 4 (Kafr/Kafar, Hbeit/Hubayt: short vowels are
/// not written in Arabic), anything else 10, an opening vowel added or dropped 10 (it is written in Arabic, as
/// alif or ayn: Irak is not Raqqa) and a final -i added or dropped 10 (the nisba: Kantari "of Qantara" is not
/// Kuntur). Allowance by letters: up to 3 none (Homme is not Hama), 4 → 4, 5 → 5, 6 → 7, then one per
/// letter (Kfrnbuda = Kafr Nabudah, but Masaken is not Misqan). Weights and allowances were set on the pairs of
/// `TransliterationPairTests` (spellings of one Who's On First record, names of two records).
/// Forms outside ASCII (Arabic script) have no vowels to differ in and are accepted by key equality alone.
public enum SpellingDistance {
    static let vowelSwap = 2, vowelGap = 4, other = 10

    /// The allowance in tenths of an edit for forms of `letters` letters (the longer form's).
    static func allowance(letters n: Int) -> Int {
        n <= 3 ? 0 : n == 4 ? 4 : n == 5 ? 5 : n == 6 ? 7 : n
    }

    public static func isClose(_ a: [UInt8], _ b: [UInt8], slack: Int = 0) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in isClose(a, b, slack: slack) } }
    }

    /// The same for a form held in the name index (a slice of its spelling bytes).
    public static func isClose(_ a: [UInt8], _ b: ArraySlice<UInt8>, slack: Int = 0) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in isClose(a, b, slack: slack) } }
    }

    static func isClose(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, slack: Int) -> Bool {
        if a.elementsEqual(b) { return true }
        if a.contains(where: { $0 >= 0x80 }) || b.contains(where: { $0 >= 0x80 }) { return true }
        // The allowance of the longer form, plus `slack` whole edits.
        let limit = allowance(letters: max(a.count, b.count)) + slack * other
        // Each letter one form has more than the other costs at least a vowel gap.
        if abs(a.count - b.count) * vowelGap > limit { return false }
        return weighted(a, b, limit: limit) <= limit
    }

    static func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79 }

    /// Weighted Levenshtein distance in tenths, stopping early once every path exceeds `limit` (returns limit + 1).
    /// Two rows of the table and the gap costs of `b` on the stack: it runs for every key posting of every name
    /// looked up.
    ///
    /// Only a band of each row is filled: a path through cell (i, j) takes at least |i − j| gaps to reach it and
    /// |(a.count − i) − (b.count − j)| more to finish, each costing at least `vowelGap`, so cells where those cost
    /// more than `limit` lie on no path within it (they read as limit + 1). A distance within `limit` is exact.
    static func weighted(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        func gap(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
            guard isVowel(s[i]) else { return other }
            // An opening vowel is written in Arabic (alif, ayn): Irak is not Raqqa.
            if i == 0 { return other }
            return i == s.count - 1 && s[i] == 0x69 ? other : vowelGap
        }
        let beyond = limit + 1
        // The band: i − j within lo…hi, where |i − j| + |D − (i − j)| gaps (D = a.count − b.count) fit the limit.
        let d = a.count - b.count, gaps = max(0, limit) / vowelGap
        guard abs(d) <= gaps else { return beyond }
        let slack = (gaps - abs(d)) / 2
        let lo = min(0, d) - slack, hi = max(0, d) + slack
        // Two rows of the table and the gap cost of each letter of `b`, asked once per row otherwise.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (b.count + 1)) { rows in
            var prev = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
            var cur = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...(2 * b.count + 1)])
            let gapB = UnsafeMutableBufferPointer(rebasing: rows[(2 * b.count + 2)...])
            for j in 0..<b.count { gapB[j] = gap(b, j) }
            prev[0] = 0
            let firstEnd = min(b.count, -lo)
            for j in stride(from: 1, through: firstEnd, by: 1) { prev[j] = prev[j - 1] + gapB[j - 1] }
            if firstEnd < b.count { prev[firstEnd + 1] = beyond }
            for i in stride(from: 1, through: a.count, by: 1) {
                let x = a[i - 1], gapA = gap(a, i - 1), xVowel = isVowel(x)
                // This row's band (never empty: it holds i − lo ≥ 0, and i − hi ≤ b.count); the cells either side
                // of it read as beyond the limit.
                let from = max(0, i - hi), to = min(b.count, i - lo)
                var rowMin = beyond
                if from == 0 {
                    cur[0] = prev[0] + gapA
                    rowMin = cur[0]
                } else {
                    cur[from - 1] = beyond
                }
                for j in stride(from: max(1, from), through: to, by: 1) {
                    let y = b[j - 1]
                    let swap = x == y ? 0 : xVowel && isVowel(y) ? vowelSwap : other
                    cur[j] = min(prev[j] + gapA, cur[j - 1] + gapB[j - 1], prev[j - 1] + swap)
                    rowMin = min(rowMin, cur[j])
                }
                if to < b.count { cur[to + 1] = beyond }
                if rowMin > limit { return beyond }
                swap(&prev, &cur)
            }
            return prev[b.count]
        }
    }
}
