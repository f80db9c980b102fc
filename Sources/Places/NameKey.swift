import GeoCore
/// The transliteration-folding key: spellings of one Arabic name in Latin script, English or French, get the
/// same key. Built on `NameFolding.fold`, then:
/// - Arabic articles dropped when they are a word of their own (al-, el-, ad-, ar-, as-, ash-, at-, az-, an-,
///   ed-, es-, ez-, en-, ul-…): "ar-Raqqah" → "raqqah"; in Arabic script the prefix ال of each word.
/// - words joined: "Ram-Hamdane" = "Ram Hamdane" = "ramhamdane";
/// - French and English consonant spellings merged: ch → sh, dj → j, ph → f, q and c → k, ou → u, w → u;
/// - a final -a, -ah, -e, -eh dropped: Hasaka = Hasakah = Hassaké, Hamdane = Hamdan;
/// - then the consonant skeleton: vowels, y and w dropped (Arabic writes no short vowels, and y/w are read as
///   vowels as often as consonants), so Idleb = Idlib, Deir = Dayr = Dair, Kafr = Kfar = Kefr, Tal = Tell =
///   Tall, Aïn = Ayn, Hbeit = Hubayt, Kfrnbuda = Kafr Nabudah;
/// - doubled letters single: Azzaz = Azaz, Raqqa = Raqa, Maarrat = Maarat.
/// The key is deliberately lossy: two spellings of one key are one name only when their spelling forms (vowels
/// kept) are close by `SpellingDistance`'s class-weighted distance, and ranking prefers exact and alternate-name
/// matches over key matches.
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
        var text = folded
        if let fast = text.withUTF8({ asciiForm($0, foldVowels: foldVowels) }) { return fast }
        return generalForm(folded, foldVowels: foldVowels)
    }

    /// The general path, on Unicode scalars (Arabic script, other scripts, and the reference for `asciiForm`).
    static func generalForm(_ folded: String, foldVowels: Bool) -> String {
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
            case ("w", _) where merged.isEmpty && n.map({ "aeiou".unicodeScalars.contains($0) }) == true: merged.append("w")
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

        // The key is the consonant skeleton: vowels, y and w (semivowels written as vowels as often as not:
        // Qaryatayn = Qariateine) dropped. The spelling form keeps vowels; y after a vowel becomes i.
        var prevVowel = false
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(s.count)
        for (k, c) in s.enumerated() {
            let vowel = "aeiou".unicodeScalars.contains(c) || (c == "y" && prevVowel)
            // A y or w opening the name before a vowel is a consonant (Yabroud, Walid, al-Waer).
            let opening = k == 0 && (c == "y" || c == "w") && s.count > 1 && "aeiou".unicodeScalars.contains(s[1])
            if foldVowels {
                if opening || (!vowel && c != "y") { letters.append(c) }
            } else {
                letters.append(vowel && c == "y" ? Unicode.Scalar("i") : c)
            }
            prevVowel = vowel
        }
        s = letters

        // Doubled letters.
        var single: [Unicode.Scalar] = []
        single.reserveCapacity(s.count)
        for c in s where single.last != c { single.append(c) }

        return String(String.UnicodeScalarView(single))
    }

    /// Article words as packed bytes (the same set as `articles`), for the ASCII fast path.
    static let packedArticles: Set<UInt32> = Set(articles.map { $0.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } })

    /// The same steps as the general path, on ASCII bytes without intermediate arrays: most names analysts
    /// type, and most of the gazetteer, are ASCII once folded. Nil for other text.
    static func asciiForm(_ b: UnsafeBufferPointer<UInt8>, foldVowels: Bool) -> String? {
        let n = b.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 1) { s -> String? in
            // Words, dropping articles that are not the last word.
            var len = 0
            var i = 0
            while i < n {
                while i < n, b[i] == 0x20 { i += 1 }
                let start = i
                var packed: UInt32 = 0
                while i < n, b[i] != 0x20 {
                    if b[i] >= 0x80 { return nil }
                    if i - start < 4 { packed = packed << 8 | UInt32(b[i]) }
                    i += 1
                }
                let wordLen = i - start
                guard wordLen > 0 else { continue }
                var rest = i
                while rest < n, b[rest] == 0x20 { rest += 1 }
                let isLast = rest >= n
                if !isLast, wordLen <= 3, packedArticles.contains(packed) { continue }
                for k in start..<i { s[len] = b[k]; len += 1 }
            }
            // Consonant spellings, in place (never longer than the input).
            var m = 0
            i = 0
            while i < len {
                let c = s[i], next: UInt8 = i + 1 < len ? s[i + 1] : 0
                switch (c, next) {
                case (0x63, 0x68): s[m] = 0x73; s[m + 1] = 0x68; m += 2; i += 2; continue   // ch → sh
                case (0x64, 0x6A): s[m] = 0x6A; m += 1; i += 2; continue                    // dj → j
                case (0x70, 0x68): s[m] = 0x66; m += 1; i += 2; continue                    // ph → f
                case (0x6F, 0x75): s[m] = 0x75; m += 1; i += 2; continue                    // ou → u
                case (0x71, _), (0x63, _): s[m] = 0x6B                                      // q, c → k
                case (0x77, _) where m == 0 && (next == 0x61 || next == 0x65 || next == 0x69 || next == 0x6F || next == 0x75):
                    s[m] = 0x77                                                             // w opening the name
                case (0x77, _): s[m] = 0x75                                                 // w → u
                default: s[m] = c
                }
                m += 1
                i += 1
            }
            len = m
            // Final -a, -ah, -e, -eh.
            if len > 3, s[len - 1] == 0x68, s[len - 2] == 0x61 || s[len - 2] == 0x65 { len -= 1 }
            while len > 2, s[len - 1] == 0x61 || s[len - 1] == 0x65 { len -= 1 }
            // Skeleton (key) or spelling form, in place.
            var prevVowel = false
            var kept = 0
            for k in 0..<len {
                let c = s[k]
                let vowel = c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || (c == 0x79 && prevVowel)
                let opening = k == 0 && (c == 0x79 || c == 0x77) && len > 1
                    && (s[1] == 0x61 || s[1] == 0x65 || s[1] == 0x69 || s[1] == 0x6F || s[1] == 0x75)
                if foldVowels {
                    if opening || (!vowel && c != 0x79) { s[kept] = c; kept += 1 }
                } else {
                    s[kept] = vowel && c == 0x79 ? 0x69 : c
                    kept += 1
                }
                prevVowel = vowel
            }
            len = kept
            // Doubled letters.
            var out = 0
            for k in 0..<len where out == 0 || s[out - 1] != s[k] {
                s[out] = s[k]
                out += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: s[0..<out]), as: UTF8.self)
        }
    }
}
