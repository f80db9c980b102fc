import Yams

/// A bound on the nodes of a composed YAML document, aliases counted as what they stand for. libyaml shares an
/// anchored node between its aliases, but whatever walks the tree (the event reader, a list of actors) visits
/// every copy: a few hundred bytes of nested aliases stand for billions of nodes ("billion laughs").
enum YAMLNodeBudget {
    /// Nodes allowed: more than a document without aliases can hold (every node takes at least two bytes of
    /// text, "1,"), so only alias expansion reaches it.
    static func limit(forBytes bytes: Int) -> Int { bytes + 10_000 }

    /// The number of nodes, counting stopped (nil) past `limit`; iterative, so deep nesting cannot overflow the stack.
    static func count(_ root: Node, limit: Int) -> Int? {
        var stack: [Node] = [root]
        var n = 0
        while let node = stack.popLast() {
            n += 1
            if n > limit { return nil }
            switch node {
            case .scalar: break
            case .sequence(let s): stack.append(contentsOf: s)
            case .mapping(let m):
                for (k, v) in m { stack.append(k); stack.append(v) }
            case .alias: break
            }
        }
        return n
    }
}
