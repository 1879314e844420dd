import XCTest
@testable import ClusterModel

/// The balancer's lean candidate evaluation must agree bit for bit with the full node operations.
final class LeanEvaluationTests: XCTestCase {
    func testLeanMovesMatchFullMoves() {
        var compared = 0, accepted = 0
        for seed in 1...40 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed)
            let members = cluster.nodes.map(\.index)
            let evaluator = ScoreEvaluator(nodes: cluster.nodes, members: members)
            let context = LeanContext(nodes: cluster.nodes)
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 3 * ScoreEvaluator.rowWidth)
            defer { scratch.deallocate() }
            for inst in cluster.instances {
                let victim = LeanVictim(inst)
                var changed = LeanChanges(placeholder: context.moves.lean[inst.primary.value])
                for move in RandomCluster.candidateMoves(inst, nodeCount: cluster.nodes.count) {
                    for force in [false, true] {
                        // Moves htools only generates for mirrored instances; keep to those shapes.
                        if inst.secondary == nil, case .failoverToAny = move {} else if inst.secondary == nil { continue }
                        let full = MoveApplication.apply(move, to: inst, nodes: cluster.nodes, force: force)
                        let ok = context.moves.evaluate(move, victim: victim, force: force, into: &changed)
                        compared += 1
                        switch full {
                        case .failure:
                            XCTAssertFalse(ok, "seed \(seed) \(inst.name) \(move): lean accepted a refused move")
                        case .success(let applied):
                            XCTAssertTrue(ok, "seed \(seed) \(inst.name) \(move): lean refused an accepted move")
                            guard ok else { continue }
                            accepted += 1
                            let rows = withUnsafeMutablePointer(to: &changed) {
                                context.rows($0, victim: victim, evaluator: evaluator, scratch: scratch)
                            }
                            let exactLean = evaluator.exactScore(rows)
                            let exactFull = evaluator.exactScore(replacing: applied.changedNodes)
                            var after = cluster.nodes
                            for (i, n) in applied.changedNodes { after[i.value] = n }
                            let recomputed = ClusterStatistics(nodes: after).score
                            XCTAssertEqual(exactLean.bitPattern, exactFull.bitPattern, "seed \(seed) \(inst.name) \(move)")
                            XCTAssertEqual(exactFull.bitPattern, recomputed.bitPattern, "seed \(seed) \(inst.name) \(move)")
                            XCTAssertFalse(evaluator.cannotBeat(rows, best: exactLean.nextUp),
                                           "pruning bound above the exact score: seed \(seed) \(inst.name) \(move)")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(accepted, 1000, "too few accepted moves to be meaningful (\(accepted) of \(compared))")
    }

    func testKindCountMatchesTheKinds() {
        XCTAssertEqual(LeanVictimMoves.Kind.count, LeanVictimMoves.Kind.allCases.count)
    }

    func testPreparedVictimScoringMatchesFullMoves() {
        var accepted = 0, typicalSeen = 0
        for seed in 300...340 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed, locationTags: false)
            let members = cluster.nodes.map(\.index)
            let evaluator = ScoreEvaluator(nodes: cluster.nodes, members: members)
            let context = LeanContext(nodes: cluster.nodes)
            XCTAssertFalse(context.moves.anyLocation)
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: LeanVictimMoves.scratchSize)
            let stats = UnsafeMutablePointer<Double>.allocate(capacity: VictimBounds.statsWidth)
            stats.initialize(repeating: 0, count: VictimBounds.statsWidth)
            defer { scratch.deallocate(); stats.deallocate() }
            for inst in cluster.instances where inst.secondary != nil {
                for (force, typical) in [(false, false), (true, false), (false, true), (true, true)] {
                    guard let prepared = LeanVictimMoves(victim: LeanVictim(inst), context: context, evaluator: evaluator,
                                                         force: force, scratch: scratch, statistics: true,
                                                         typicalRows: typical) else {
                        XCTFail("not prepared"); continue
                    }
                    for move in RandomCluster.candidateMoves(inst, nodeCount: cluster.nodes.count) {
                        if case .failover = move { continue }
                        if case .failoverToAny = move { continue }
                        let full = MoveApplication.apply(move, to: inst, nodes: cluster.nodes, force: force)
                        let lean = prepared.candidate(move, context: context)
                        switch full {
                        case .failure:
                            XCTAssertNil(lean, "seed \(seed) \(inst.name) \(move): prepared path accepted a refused move")
                        case .success(let applied):
                            accepted += 1
                            let exact = evaluator.exactScore(replacing: applied.changedNodes)
                            guard let (rows, kind) = lean else { XCTFail("seed \(seed) \(inst.name) \(move): refused"); continue }
                            if kind != kind.move { typicalSeen += 1 }
                            XCTAssertEqual(evaluator.exactScore(rows).bitPattern, exact.bitPattern, "seed \(seed) \(inst.name) \(move)")
                            XCTAssertFalse(prepared.cannotBeat(rows, kind: kind, best: exact.nextUp, evaluator: evaluator), "seed \(seed) \(move): pruned")
                            let bound = prepared.boundAndStatistics(rows, kind: kind, into: stats, evaluator: evaluator)
                            XCTAssertLessThanOrEqual(bound, exact, "seed \(seed) \(inst.name) \(move): bound above the score")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(accepted, 1000)
        XCTAssertGreaterThan(typicalSeen, 100, "the typical kinds were hardly exercised")
    }
}
