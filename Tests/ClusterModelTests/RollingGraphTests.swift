import XCTest
@testable import ClusterModel

final class RollingGraphTests: XCTestCase {
    typealias N = SmallCluster.NodeSpec
    typealias I = SmallCluster.InstanceSpec

    func testBuildKeepsNewestEdgeFirstAndDuplicates() {
        let g = NodeGraph(lowerBound: 0, upperBound: 2, edges: [(0, 1), (1, 0), (0, 1), (1, 0), (0, 0)])
        XCTAssertEqual(g.neighbours(0), [0, 1, 1])
        XCTAssertEqual(g.neighbours(1), [0, 0])
        XCTAssertEqual(g.neighbours(2), [])
        XCTAssertEqual(g.degree(0), 3)   // loop and both duplicates count
    }

    func testOfflineMaintenanceGraphJoinsDRBDPairsOnly() {
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b"), N(name: "c")],
                                  instances: [I(name: "x", primary: 0, secondary: 1), I(name: "y", primary: 2, template: .plain)])
        let g = NodeGraph.offlineMaintenance(c, candidates: c.nodes.map(\.index))
        XCTAssertEqual(g?.adjacency, [[1], [0], []])
    }

    func testRebootGraphJoinsPrimariesSharingASecondary() {
        // x: a→c, y: b→c; a and b share secondary c, so a–b is an edge, plus loops a–a and b–b.
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b"), N(name: "c")],
                                  instances: [I(name: "x", primary: 0, secondary: 2), I(name: "y", primary: 1, secondary: 2)])
        let g = NodeGraph.rollingReboot(c, candidates: c.nodes.map(\.index))
        XCTAssertEqual(g.map { $0.vertices.map($0.degree) }, [3, 3, 2])
        XCTAssertEqual(g?.neighbours(0).sorted(), [0, 1, 2])
    }

    func testNonCandidatesInsideTheRangeAreIsolatedVertices() {
        let c = SmallCluster.make(nodes: [N(name: "a"), N(name: "b"), N(name: "c")],
                                  instances: [I(name: "x", primary: 0, secondary: 2)])
        let g = NodeGraph.offlineMaintenance(c, candidates: [NodeIndex(0), NodeIndex(2)])
        XCTAssertEqual(g?.lowerBound, 0)
        XCTAssertEqual(g?.upperBound, 2)
        XCTAssertEqual(g?.adjacency, [[2], [], [0]])
        XCTAssertNil(NodeGraph.rollingReboot(c, candidates: []))
    }

    func testPathIsTwoColouredByEveryAlgorithm() {
        let g = NodeGraph(lowerBound: 0, upperBound: 2, edges: [(0, 1), (1, 0), (1, 2), (2, 1)])
        for algorithm in GraphColoring.Algorithm.allCases {
            let classes = GraphColoring.classes(g, colours: GraphColoring.colour(g, with: algorithm))
            XCTAssertEqual(classes, [[1], [0, 2]], "\(algorithm)")
        }
    }

    func testLargestFirstBreaksDegreeTiesTowardsTheLargerVertex() {
        // Edge 0–1 only: both have degree 1; vertex 1 is coloured first and gets colour 0.
        let g = NodeGraph(lowerBound: 0, upperBound: 1, edges: [(0, 1), (1, 0)])
        XCTAssertEqual(GraphColoring.colour(g, with: .largestFirst), [1, 0])
        XCTAssertEqual(GraphColoring.colour(g, with: .dsatur), [1, 0])
    }

    func testColouringsAreProperOnRandomGraphs() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<50 {
            let n = Int.random(in: 1...12, using: &rng)
            var edges: [(Int, Int)] = []
            for _ in 0..<Int.random(in: 0...20, using: &rng) {
                let a = Int.random(in: 0..<n, using: &rng), b = Int.random(in: 0..<n, using: &rng)
                edges += [(a, b), (b, a)]
            }
            let g = NodeGraph(lowerBound: 0, upperBound: n - 1, edges: edges)
            for algorithm in GraphColoring.Algorithm.allCases {
                let colours = GraphColoring.colour(g, with: algorithm)
                for (a, b) in edges where a != b { XCTAssertNotEqual(colours[a], colours[b]) }
                // Greedy colours are contiguous from 0.
                XCTAssertEqual(Set(colours), Set(0..<(colours.max() ?? -1) + 1))
            }
        }
    }
}
