/// Lowercase ASCII words looked for where a run of `[a-z0-9]` ends ("recaptured," holds "captured"): the
/// matches of the regular expression `(?:w1|w2|…)(?![a-z0-9])`, found by walking back from each run's end
/// through a trie of the reversed words instead of trying every word at every position.
public struct WordEndSuffixes: Sendable {
    /// Per node, its child for each letter a…z (0: none); node 0 is the root.
    private let children: [Int32]
    /// Whether a word ends at the node (read backwards: the word starts there).
    private let isWord: [Bool]

    /// The trie of `words`; nil when a word is empty or holds anything but the letters a…z.
    public init?(_ words: [String]) {
        var children = [Int32](repeating: 0, count: 26)
        var isWord = [false]
        for word in words {
            let letters = Array(word.utf8)
            guard !letters.isEmpty, letters.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
            var node = 0
            for c in letters.reversed() {
                let slot = node * 26 + Int(c - 0x61)
                if children[slot] == 0 {
                    children[slot] = Int32(isWord.count)
                    isWord.append(false)
                    children += [Int32](repeating: 0, count: 26)
                }
                node = Int(children[slot])
            }
            isWord[node] = true
        }
        self.children = children
        self.isWord = isWord
    }

    /// Whether one of the words ends `text` or ends before a code point other than a…z and 0…9.
    public func occurs(in text: [UInt32]) -> Bool {
        func isAlphanumeric(_ c: UInt32) -> Bool { (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) }
        for end in text.indices where isAlphanumeric(text[end]) && (end + 1 == text.count || !isAlphanumeric(text[end + 1])) {
            var node = 0, i = end
            while i >= 0, (0x61...0x7A).contains(text[i]) {
                node = Int(children[node * 26 + Int(text[i] - 0x61)])
                if node == 0 { break }
                if isWord[node] { return true }
                i -= 1
            }
        }
        return false
    }
}
