import ClusterModel

/// hroller's texts: the `-v -v -v` graph dump, the `-v -v` colouring statistics and the group lines.
enum HrollerText {
    /// Haskell's `show` of the graph array: `array (lo,hi) [(v,[n,…]),…]`.
    static func graph(_ g: NodeGraph) -> String {
        let entries = g.vertices.map { v in
            "(\(v),[" + g.neighbours(v).map(String.init).joined(separator: ",") + "])"
        }
        return "array (\(g.lowerBound),\(g.upperBound)) [" + entries.joined(separator: ",") + "]"
    }

    /// The colouring summary: from fewest colours to most, each marked as a tie or a loss against
    /// the one before it (htools' `getStats`).
    static func statistics(_ colourings: [(algorithm: GraphColoring.Algorithm, classes: [[Int]])]) -> String {
        let bySize = colourings.enumerated().sorted { a, b in
            a.element.classes.count != b.element.classes.count
                ? a.element.classes.count > b.element.classes.count : a.offset < b.offset
        }.map(\.element)
        func describe(_ c: (algorithm: GraphColoring.Algorithm, classes: [[Int]])) -> String {
            c.algorithm.name + ": \(c.classes.count) (" + c.classes.map { String($0.count) }.joined(separator: ",") + ")"
        }
        var previous = 0
        var text = ""
        for c in bySize.reversed() {
            let size = c.classes.count
            if previous == 0 {
                text = describe(c)
            } else {
                text += (previous == size ? " TIE " : " LOOSE ") + describe(c)
            }
            previous = size
        }
        return text
    }

    /// A move line under `--print-moves`.
    static func move(_ m: RebootPlanner.InstanceRelocation) -> String {
        if let s = m.secondary { return "  \(m.instance) \(m.primary) \(s)" }
        return "  \(m.instance) \(m.primary)"
    }
}
