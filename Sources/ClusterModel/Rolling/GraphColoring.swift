/// Greedy vertex colourings of a `NodeGraph`, reproducing htools' `Ganeti.HTools.Graph` exactly
/// (the same visiting order and tie-breaks, hence the same colours).
///
/// LF is Welsh & Powell (1967); DSatur is Brélaz (1979); Dcolor orders by coloured neighbours.
public enum GraphColoring {
    /// The colouring algorithms hroller compares, in htools' order.
    public enum Algorithm: String, CaseIterable, Sendable {
        /// Largest degree first.
        case largestFirst = "LF"
        /// Highest saturation (distinct neighbour colours) first.
        case dsatur = "Dsatur"
        /// Most coloured neighbours first.
        case dcolor = "Dcolor"

        /// The name htools prints in its statistics.
        public var name: String { rawValue }
    }

    /// Colours `graph` with `algorithm`; the result gives each vertex's colour, indexed by `vertex - lowerBound`.
    /// - Complexity: O(V log V + E) for LF, O(V · (V + E)) for the dynamic orders.
    public static func colour(_ graph: NodeGraph, with algorithm: Algorithm) -> [Int] {
        switch algorithm {
        case .largestFirst: return largestFirst(graph)
        case .dsatur: return dynamicOrder(graph) { colours, v in
            var seen = Set<Int>()
            for u in graph.neighbours(v) { if let c = colours[u - graph.lowerBound] { seen.insert(c) } }
            return (seen.count, graph.degree(v))
        }
        case .dcolor: return dynamicOrder(graph) { colours, v in
            let coloured = graph.neighbours(v).filter { colours[$0 - graph.lowerBound] != nil }.count
            return (coloured, graph.degree(v))
        }
        }
    }

    /// Vertices grouped by colour, colours ascending, vertices ascending within a colour (htools' `colorVertMap`).
    public static func classes(_ graph: NodeGraph, colours: [Int]) -> [[Int]] {
        var byColour: [Int: [Int]] = [:]
        for (offset, c) in colours.enumerated() { byColour[c, default: []].append(graph.lowerBound + offset) }
        return byColour.keys.sorted().map { byColour[$0] ?? [] }
    }

    /// The smallest colour no coloured neighbour of `vertex` has.
    static func firstFreeColour(_ graph: NodeGraph, _ colours: [Int?], _ vertex: Int) -> Int {
        var used = Set<Int>()
        for u in graph.neighbours(vertex) { if let c = colours[u - graph.lowerBound] { used.insert(c) } }
        var c = 0
        while used.contains(c) { c += 1 }
        return c
    }

    /// Colours vertices by degree: htools folds from the right over the ascending (stable) degree
    /// order, so the highest degree goes first and, among equals, the larger vertex.
    static func largestFirst(_ graph: NodeGraph) -> [Int] {
        let ascending = graph.vertices.enumerated()
            .sorted { (graph.degree($0.element), $0.offset) < (graph.degree($1.element), $1.offset) }
            .map(\.element)
        var colours = [Int?](repeating: nil, count: graph.adjacency.count)
        for v in ascending.reversed() { colours[v - graph.lowerBound] = firstFreeColour(graph, colours, v) }
        return colours.map { $0 ?? 0 }
    }

    /// Repeatedly colours the remaining vertex with the largest key; ties go to the last one in
    /// vertex order, as Haskell's `maximumBy` does.
    static func dynamicOrder(_ graph: NodeGraph, key: ([Int?], Int) -> (Int, Int)) -> [Int] {
        var colours = [Int?](repeating: nil, count: graph.adjacency.count)
        var remaining = graph.vertices
        while !remaining.isEmpty {
            var bestPosition = 0
            var bestKey = key(colours, remaining[0])
            for position in remaining.indices.dropFirst() {
                let k = key(colours, remaining[position])
                if !(bestKey > k) { bestKey = k; bestPosition = position }
            }
            let chosen = remaining.remove(at: bestPosition)
            colours[chosen - graph.lowerBound] = firstFreeColour(graph, colours, chosen)
        }
        return colours.map { $0 ?? 0 }
    }
}
