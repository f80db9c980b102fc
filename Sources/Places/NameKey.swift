/// The transliteration-folding key: spellings of one Arabic name in Latin script, English or French, get the
/// same key. Built on `NameFolding.fold`, then:
/// - Arabic articles dropped when they are a word of their own (al-, el-, ad-, ar-, as-, ash-, at-, az-, an-,
///   ed-, es-, ez-, en-, ul-…): "ar-Raqqah" → "raqqah"; in Arabic script the prefix ال of each word.
/// - words joined: "Ram-Hamdane" = "Ram Hamdane" = "ramhamdane";
/// - French and English consonant spellings merged: ch → sh, dj → j, ph → f, q and c → k, ou → u, w → u;
/// - vowels (and y after a vowel) are one class, so Idleb = Idlib, Deir = Dayr, Zour = Zawr;
/// - doubled letters single: Azzaz = Azaz, Raqqa = Raqa, Maarrat = Maarat;
/// - a final -a, -ah, -e, -eh dropped: Hasaka = Hasakah = Hassaké, Hamdane = Hamdan (a final -i is kept:
///   Qantari is not Qantara).
/// The key is deliberately lossy; ranking prefers exact and alternate-name matches over key matches.
public enum NameKey {
    static let articles: Set<String> = [
        "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ad", "ed", "es", "ez", "en", "et", "ul", "ud", "ur",
        "us", "uz", "un", "ush", "esh", "ech", "ac", "ag",
    ]

    /// A fingerprint of the folding and key rules: the stable hash of the keys of fixed probe names. A stored
    /// index whose fingerprint differs was built by other rules and must be rebuilt, not trusted.
    public static let rulesFingerprint: UInt64 = {
        let probes = ["Ar-Raqqah", "A'zaz", "Maaret al-Noomane", "d'Idleb", "Deir ez-Zour", "Cheikh Maksoud",
                      "Djarablous", "Hassaké", "Râm Hamdâne", "الرقة", "أعزاز", "Øresund", "Suwayda", "Qamishli"]
        return StableHash.hash(probes.map {
            let f = NameFolding.fold($0)
            return f + "=" + key(folded: f) + "/" + spellingForm(folded: f)
        }.joined(separator: "|"), domain: 0x5EED)
    }()

    /// The key of any text (folded first).
    public static func key(_ text: String) -> String { key(folded: NameFolding.fold(text)) }

    /// The key of an already folded name.
    public static func key(folded: String) -> String { transliterationForm(folded, foldVowels: true) }

    /// The key's steps except the vowel class: consonant spellings merged, final -a/-ah dropped, doubled letters
    /// single, vowels kept. Two spellings with the same key are accepted as one name only when their spelling
    /// forms are close (`SpellingDistance`), so "Kantari" does not become "Kuntur" (same key, other vowels).
    public static func spellingForm(folded: String) -> String { transliterationForm(folded, foldVowels: false) }

    static func transliterationForm(_ folded: String, foldVowels: Bool) -> String {
        guard !folded.isEmpty else { return "" }
        let words = folded.split(separator: " ")
        if folded.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) {
            return words.map { w -> Substring in
                w.hasPrefix("\u{0627}\u{0644}") && w.unicodeScalars.count > 3 ? w.dropFirst(2) : w
            }.joined()
        }
        var kept = words.enumerated().filter { !(articles.contains(String($0.element)) && $0.offset < words.count - 1) }
            .map(\.element)
        if kept.isEmpty { kept = words }
        var s = Array(kept.joined().unicodeScalars)
        guard s.allSatisfy({ $0.isASCII }) else { return String(String.UnicodeScalarView(s)) }

        // Consonant spellings.
        var merged: [Unicode.Scalar] = []
        merged.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i], n: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            switch (c, n) {
            case ("c", "h"?): merged += ["s", "h"]; i += 2; continue
            case ("d", "j"?): merged.append("j"); i += 2; continue
            case ("p", "h"?): merged.append("f"); i += 2; continue
            case ("o", "u"?): merged.append("u"); i += 2; continue
            case ("q", _), ("c", _): merged.append("k")
            case ("w", _): merged.append("u")
            default: merged.append(c)
            }
            i += 1
        }
        s = merged

        // Final -a, -ah, -e, -eh (taa marbuta and its spellings) dropped before vowels are classed, so a final
        // -i (the nisba: Qantari "of Qantara") stays a different name.
        if s.count > 3, s.last == "h", let v = s.dropLast().last, v == "a" || v == "e" { s.removeLast() }
        while s.count > 2, let last = s.last, last == "a" || last == "e" { s.removeLast() }

        // Vowel class: a e i o u, and y after a vowel, become "a" (the spelling form keeps vowels; y after a vowel becomes i).
        var prevVowel = false
        for k in s.indices {
            let c = s[k]
            let vowel = "aeiou".unicodeScalars.contains(c) || (c == "y" && prevVowel)
            if vowel { s[k] = foldVowels ? "a" : (c == "y" ? "i" : c) }
            prevVowel = vowel
        }

        // Doubled letters.
        var single: [Unicode.Scalar] = []
        single.reserveCapacity(s.count)
        for c in s where single.last != c { single.append(c) }

        return String(String.UnicodeScalarView(single))
    }
}
