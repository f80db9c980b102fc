import Foundation

/// The source names of inputs, which prefix their event ids (`SOURCE:ID`): the file name, or as many of its
/// folders as make it unique (`a/report.txt`, `b/report.txt`) when another input of the same command, or one
/// a store already holds from another file, has that name. An input a store holds keeps the name it was
/// stored under, so ids stay stable across runs and a re-ingest updates its events.
public struct InputNaming {
    /// One input's name; `collision` says why it is longer than the file name, for the user.
    public struct Name: Equatable {
        public let name: String
        /// The file's path with links resolved: what the store records as the input's origin.
        public let origin: String
        /// What the store held under `name` when it was chosen (nil: nothing).
        public let storedOrigin: String?
        public let collision: String?
    }

    /// `stored`: name → origin, as the store holds them. A stored origin that no longer exists is a file that
    /// moved or was renamed: its name goes to the input of that name.
    public static func names(for inputs: [String], stored: [String: String] = [:],
                             exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> [Name] {
        let origins = inputs.map { $0 == "-" ? "-" : origin(of: $0) }
        // Names come from the paths as given (a link keeps its own name); identity from the origins.
        let paths = inputs.map { $0 == "-" ? "-" : URL(fileURLWithPath: $0).standardizedFileURL.path }
        var storedName: [String: String] = [:]
        for (name, origin) in stored.sorted(by: { $0.key < $1.key }) where storedName[origin] == nil { storedName[origin] = name }
        var taken: [String: String] = [:]   // name → origin, as chosen in this command
        var chosen = [String?](repeating: nil, count: inputs.count)
        for (k, origin) in origins.enumerated() {
            if let name = storedName[origin] ?? taken.first(where: { $0.value == origin })?.key {
                chosen[k] = name
                taken[name] = origin
            }
        }
        let fromStore = chosen.map { $0 != nil }
        var out: [Name] = []
        for (k, origin) in origins.enumerated() {
            if let name = chosen[k] {
                out.append(Name(name: name, origin: origin, storedOrigin: stored[name], collision: nil))
                continue
            }
            let parts = origin == "-" ? ["-"] : components(paths[k])
            var depth = 1
            var reason: String?
            while depth < parts.count {
                let candidate = suffix(parts, depth)
                if let other = taken[candidate], other != origin {
                    reason = "\(other) has the same name"
                } else if let other = stored[candidate], other != origin, exists(other) {
                    reason = "the store holds an input of that name from \(other)"
                } else if let other = origins.indices.first(where: { $0 != k && !fromStore[$0] && origins[$0] != origin
                                                                     && suffix(components(paths[$0]), depth) == candidate }) {
                    reason = "\(origins[other]) has the same name"
                } else {
                    break
                }
                depth += 1
            }
            let name = suffix(parts, depth)
            chosen[k] = name
            taken[name] = origin
            out.append(Name(name: name, origin: origin, storedOrigin: stored[name],
                            collision: reason.map { "\(inputs[k]): its events are named \(name):ID (\($0))" }))
        }
        return out
    }

    /// The input's absolute path with `.`, `..` and links resolved.
    public static func origin(of input: String) -> String {
        URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func components(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }

    static func suffix(_ parts: [String], _ depth: Int) -> String {
        parts.suffix(max(1, depth)).joined(separator: "/")
    }
}
