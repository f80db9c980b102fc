/// Whether two spelling forms (`NameKey.spellingForm`) are close enough to be one name written two ways:
/// an edit distance of at most a quarter of the longer form (0 for forms of up to 3 letters, 1 up to 7,
/// 2 up to 11, …), plus `slack` for misspellings. Forms outside ASCII (Arabic script) have no vowels to
/// differ in and are accepted by key equality alone.
public enum SpellingDistance {
    public static func allowed(_ a: [UInt8], _ b: [UInt8], slack: Int = 0) -> Int {
        max(a.count, b.count) / 4 + slack
    }

    public static func isClose(_ a: [UInt8], _ b: [UInt8], slack: Int = 0) -> Bool {
        if a == b { return true }
        if a.contains(where: { $0 >= 0x80 }) || b.contains(where: { $0 >= 0x80 }) { return true }
        let limit = allowed(a, b, slack: slack)
        if abs(a.count - b.count) > limit { return false }
        return levenshtein(a, b, limit: limit) <= limit
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit` (returns limit + 1 then).
    static func levenshtein(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
