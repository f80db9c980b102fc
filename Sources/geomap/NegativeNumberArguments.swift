/// ArgumentParser reads "-33.9,18.4" as a cluster of short options. Coordinates, bounding boxes and bearings
/// south or west of zero start with a minus, so such tokens get a Unicode minus sign (U+2212), which
/// geomap's parsers read as "-".
enum NegativeNumberArguments {
    static let unicodeMinus: Character = "\u{2212}"

    static func protect(_ arguments: [String]) -> [String] {
        var afterTerminator = false
        return arguments.map { token in
            if token == "--" { afterTerminator = true }
            guard !afterTerminator, token.count > 1, token.first == "-",
                  let second = token.dropFirst().first, second.isNumber || second == "."
            else { return token }
            return String(unicodeMinus) + token.dropFirst()
        }
    }
}
