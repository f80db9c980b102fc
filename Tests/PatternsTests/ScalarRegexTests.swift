import Foundation
import Testing
@testable import Patterns

@Suite struct ScalarRegexTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// ICU's matches (UTF-16 ranges) as code-point ranges, for comparison.
    static func icu(_ pattern: String, _ text: String, range: Range<Int>? = nil, group: String? = nil) throws -> [Range<Int>?] {
        let re = try NSRegularExpression(pattern: pattern)
        let scalars = Array(text.unicodeScalars)
        var utf16At: [Int] = [0]
        for s in scalars { utf16At.append(utf16At.last! + String(s).utf16.count) }
        let r = range ?? 0..<scalars.count
        let ns = NSRange(location: utf16At[r.lowerBound], length: utf16At[r.upperBound] - utf16At[r.lowerBound])
        return re.matches(in: text, range: ns).map { m in
            let g = group.map { m.range(withName: $0) } ?? m.range
            guard g.location != NSNotFound else { return nil }
            let a = utf16At.firstIndex(of: g.location)!, b = utf16At.firstIndex(of: g.location + g.length)!
            return a..<b
        }
    }

    @Test func matchesAndNamedGroupsAgreeWithICU() throws {
        let pattern = #"(?<![a-z0-9])(?:a\s+)?(?<n>\d+(?:[.,]\d+)?)\s*(?<unit>km|miles?)(?![a-z])\s+(?:au\s+)?(?<dir>nord|sud)?"#
        let text = "à 80 km au nord de Raqa, 3,5 miles sud, 12km2, ٣ km, 🙂 45 km nord 🙂 x9 km; a 7 km"
            .lowercased()
        let re = try ScalarRegex(pattern)
        let found = re.matches(in: Self.scalars(text))
        #expect(found.count == 3)   // "80 km au nord", "3,5 miles sud", "45 km nord": the others lack white space after the unit
        #expect(found.map { Optional($0.range) } == (try Self.icu(pattern, text)))
        for name in ["n", "unit", "dir"] {
            #expect(found.map { $0.range(named: name) } == (try Self.icu(pattern, text, group: name)), "group \(name)")
        }
    }

    @Test func offsetsAreCodePointsBeyondTheBasicPlane() throws {
        let text = "🙂🙂 Raqqa"
        let m = try #require(try ScalarRegex("raqqa|Raqqa").firstMatch(in: Self.scalars(text)))
        #expect(m.range == 3..<8)   // two emoji are two code points (four UTF-16 units)
        #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[m.range])) == "Raqqa")
    }

    @Test func aRangeHasOpaqueBoundsAsNSRegularExpression() throws {
        // Inside "xkm north", a search from "km" sees no letter before it, as ICU's default bounds.
        let pattern = #"(?<![a-z])km(?![a-z])"#
        let text = "xkm north"
        let mine = Self.scalars(text).withUnsafeBufferPointer { (try? ScalarRegex(pattern))!.matches(in: $0, range: 1..<3) }
        #expect(mine.map { Optional($0.range) } == (try Self.icu(pattern, text, range: 1..<3)))
        #expect(mine.count == 1)
        #expect((try ScalarRegex(pattern)).matches(in: Self.scalars(text)).isEmpty)
    }

    @Test func unicodeClassesAgreeWithICU() throws {
        // \s, \d and \b over non-ASCII text: no-break space, Arabic-Indic digits, accented letters.
        let text = "12\u{00A0}km ١٢:٣٠ été 09:52 PM, Ḩamāh"
        for pattern in [#"\d+\s*km"#, #"\b\d{1,2}:\d{2}\b"#, #"\b\w+\b"#, #"[^\s,]+"#] {
            #expect((try ScalarRegex(pattern)).matches(in: Self.scalars(text)).map { Optional($0.range) } == (try Self.icu(pattern, text)), "\(pattern)")
        }
    }

    @Test func aBadPatternIsAnErrorNamingWhere() {
        #expect(throws: PatternError.self) { try ScalarRegex("(?<dir>north") }
        do { _ = try ScalarRegex("a(b") } catch {
            #expect(error.description.contains("offset 3"))
            #expect(error.description.contains("missing closing parenthesis"))
        }
    }
}

/// A search told where matches must start by finds the matches of the whole search that start by then.
@Suite struct ScalarRegexStartLimitTests {
    @Test func limitedSearchIsTheWholeSearchCutAtTheLimit() throws {
        let patterns = [#"(?<![a-z])\d+\s*km(?:\s+(?:north|south)\s+of\s+\w+)?"#, #"a+b?"#, #"(?<=x)y+|z"#]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        let alphabet = Array("ab xyz12 km north of Hama".unicodeScalars)
        var limitedSome = false
        for source in patterns {
            let limited = try ScalarRegex(source, limitsStart: true), plain = try ScalarRegex(source)
            for _ in 0..<2_000 {
                let text = (0..<next(60)).map { _ in alphabet[next(alphabet.count)].value }
                text.withUnsafeBufferPointer { b in
                    let lo = next(b.count + 1), hi = lo + next(b.count - lo + 1), limit = lo + next(hi - lo + 5) - 2
                    let all = plain.matches(in: b, range: lo..<hi)
                    let cut = limited.matches(in: b, range: lo..<hi, startingBy: limit)
                    #expect(cut.map(\.range) == all.filter { $0.range.lowerBound <= limit }.map(\.range), "/\(source)/ \(lo)..<\(hi) by \(limit)")
                    if cut.count < all.count { limitedSome = true }
                }
            }
        }
        #expect(limitedSome)
    }
}
