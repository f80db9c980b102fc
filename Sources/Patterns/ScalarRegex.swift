import CPCRE2

/// A regular expression matched over Unicode scalars with PCRE2 (its 32-bit library, JIT-compiled), so every
/// offset is a code point: the unit of the JSON of `geomap extract` and of Python's `str`.
///
/// Perl syntax and semantics, as ICU's (`NSRegularExpression`) for what geomap's grammars use: named groups,
/// look-around, classes, greedy and lazy quantifiers. `\s`, `\d` and `\b` are Unicode-aware (`PCRE2_UCP`).
/// A search in a range sees nothing outside it, as `NSRegularExpression` with its default opaque bounds:
/// a look-behind at the range's start sees the start of a text.
///
/// Sendable: a compiled pattern is read-only and PCRE2 documents it as usable by several threads at once;
/// each search allocates its own match data.
public final class ScalarRegex: @unchecked Sendable {
    public let pattern: String
    private let code: OpaquePointer
    private let groupNumbers: [String: Int]
    /// Whether a search may be told where its matches must start by (`matches(in:range:startingBy:)`).
    public let limitsStart: Bool

    /// Compiles `pattern`; a pattern PCRE2 refuses throws with PCRE2's message and the offset it points at.
    /// `limitsStart`: searches may bound where a match starts (PCRE2's offset limit, which must be asked for
    /// when the pattern is compiled).
    public init(_ pattern: String, limitsStart: Bool = false) throws(PatternError) {
        self.pattern = pattern
        self.limitsStart = limitsStart
        let units = pattern.unicodeScalars.map(\.value)
        var error: Int32 = 0
        var offset = 0
        let options = PCRE2_UTF | PCRE2_UCP | (limitsStart ? PCRE2_USE_OFFSET_LIMIT : 0)
        let compiled = units.withUnsafeBufferPointer {
            pcre2_compile_32($0.baseAddress, $0.count, options, &error, &offset, nil)
        }
        guard let compiled else {
            throw .invalidPattern(pattern, offset: offset, reason: Self.message(error))
        }
        code = compiled
        // Without a JIT (a platform PCRE2 lacks it for) the interpreter gives the same matches, slower.
        _ = pcre2_jit_compile_32(compiled, PCRE2_JIT_COMPLETE)
        var numbers: [String: Int] = [:]
        for name in Self.groupNames(in: pattern) {
            let n = Array(name.unicodeScalars.map(\.value)) + [0]
            let k = n.withUnsafeBufferPointer { pcre2_substring_number_from_name_32(compiled, $0.baseAddress) }
            if k > 0 { numbers[name] = Int(k) }
        }
        groupNumbers = numbers
    }

    deinit {
        pcre2_code_free_32(code)
    }

    /// Every non-overlapping match in `range` of `text`, left to right (as `NSRegularExpression.matches`).
    public func matches(in text: UnsafeBufferPointer<UInt32>, range: Range<Int>) -> [ScalarMatch] {
        search(text, range, all: true)
    }

    /// Every non-overlapping match in `range` of `text` that starts at or before `limit` (an offset in `text`);
    /// a match may end past it. The search stops trying at `limit` instead of at every later position. The
    /// pattern must have been compiled with `limitsStart`.
    public func matches(in text: UnsafeBufferPointer<UInt32>, range: Range<Int>, startingBy limit: Int) -> [ScalarMatch] {
        precondition(limitsStart, "/\(pattern)/ was not compiled to limit where a match starts")
        guard limit >= range.lowerBound else { return [] }
        return search(text, range, all: true, startLimit: min(limit, range.upperBound) - range.lowerBound)
    }

    /// The first match in `range` of `text`, if any.
    public func firstMatch(in text: UnsafeBufferPointer<UInt32>, range: Range<Int>) -> ScalarMatch? {
        search(text, range, all: false).first
    }

    /// Every match in a whole array of scalar values.
    public func matches(in text: [UInt32]) -> [ScalarMatch] {
        text.withUnsafeBufferPointer { matches(in: $0, range: 0..<$0.count) }
    }

    /// The first match in a whole array of scalar values.
    public func firstMatch(in text: [UInt32]) -> ScalarMatch? {
        text.withUnsafeBufferPointer { firstMatch(in: $0, range: 0..<$0.count) }
    }

    private func search(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, all: Bool, startLimit: Int? = nil) -> [ScalarMatch] {
        precondition(range.lowerBound >= 0 && range.upperBound <= text.count, "range outside the text")
        guard let data = pcre2_match_data_create_from_pattern_32(code, nil) else { return [] }
        defer { pcre2_match_data_free_32(data) }
        var context: OpaquePointer?
        if let startLimit {
            context = pcre2_match_context_create_32(nil)
            guard context != nil else { return [] }
            pcre2_set_offset_limit_32(context, startLimit)
        }
        defer { if let context { pcre2_match_context_free_32(context) } }
        // The subject starts at the range: nothing before or after it can be seen (opaque bounds).
        let subject = text.baseAddress.map { $0 + range.lowerBound }
        let length = range.count
        var out: [ScalarMatch] = []
        var start = 0
        while start <= length {
            var rc = pcre2_match_32(code, subject, length, start, PCRE2_NO_UTF_CHECK, data, context)
            if rc < PCRE2_ERROR_NOMATCH {
                // The JIT's stack is small; the interpreter keeps its backtracking on the heap.
                rc = pcre2_match_32(code, subject, length, start, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, data, context)
            }
            if rc == PCRE2_ERROR_NOMATCH { break }
            precondition(rc > 0, "PCRE2 could not run /\(pattern)/: \(Self.message(rc))")
            let ovector = pcre2_get_ovector_pointer_32(data)!
            let count = Int(pcre2_get_ovector_count_32(data))
            var groups: [Range<Int>?] = []
            groups.reserveCapacity(count)
            for g in 0..<count {
                // PCRE2_UNSET is (size_t)-1, which Swift sees as -1.
                let a = ovector[2 * g], b = ovector[2 * g + 1]
                groups.append(g < Int(rc) && a != -1 ? (range.lowerBound + a)..<(range.lowerBound + b) : nil)
            }
            let whole = groups[0]!
            out.append(ScalarMatch(groups: groups, numbers: groupNumbers))
            guard all else { break }
            // After an empty match, move on by one scalar so the search ends.
            start = whole.isEmpty ? whole.upperBound - range.lowerBound + 1 : whole.upperBound - range.lowerBound
        }
        return out
    }

    /// Names of the pattern's named groups, `(?<name>…)` (not look-behinds `(?<=`, `(?<!`).
    static func groupNames(in pattern: String) -> [String] {
        let s = Array(pattern.unicodeScalars)
        var names: [String] = []
        var i = 0
        while i + 3 < s.count {
            if s[i] == "\\" { i += 2; continue }
            if s[i] == "(", s[i + 1] == "?", s[i + 2] == "<", s[i + 3] != "=", s[i + 3] != "!" {
                var j = i + 3
                var name = String.UnicodeScalarView()
                while j < s.count, s[j] != ">" { name.append(s[j]); j += 1 }
                names.append(String(name))
                i = j
            }
            i += 1
        }
        return names
    }

    static func message(_ code: Int32) -> String {
        var buffer = [UInt32](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_32(code, $0.baseAddress, $0.count) }
        guard n > 0 else { return "PCRE2 error \(code)" }
        return String(String.UnicodeScalarView(buffer.prefix(Int(n)).compactMap(Unicode.Scalar.init)))
    }
}

/// One match: the whole match and each capture group as code-point ranges of the text searched.
public struct ScalarMatch: Sendable {
    /// Group 0 is the whole match; nil for a group that took no part in it.
    public let groups: [Range<Int>?]
    let numbers: [String: Int]

    public var range: Range<Int> { groups[0]! }

    /// The range of a named group, nil when the group did not take part in the match.
    public func range(named name: String) -> Range<Int>? {
        guard let k = numbers[name], k < groups.count else { return nil }
        return groups[k]
    }
}

/// A pattern PCRE2 could not compile.
public enum PatternError: Error, CustomStringConvertible, Sendable {
    case invalidPattern(String, offset: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidPattern(let p, let offset, let reason): return "invalid pattern at offset \(offset) (\(reason)): \(p)"
        }
    }
}
