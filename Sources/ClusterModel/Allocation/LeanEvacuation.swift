/// One worker's scratch state for lean redundancy checks: emptying one node at a time (htools' `canEvacuateNode`)
/// on copies of the base values, undone after each node.
///
/// Targets are chosen as the reference does (exact in-order score recompute, lowest score, ties to the later
/// candidate), but a candidate whose lower bound from running sums exceeds the best exact score so far is never
/// recomputed. Feasibility-only steps (the last instance of a node) need no scores at all.
struct LeanEvacuation {
    private static let width = LeanRedundancy.width
    private let base: LeanRedundancy
    private var nodes: [LeanNode]
    private var rows: [Double]
    private var peers: [Int]
    private var touchedNodes: [Int] = []
    private var touchedPeers: [Int] = []
    /// Running sums, squares, magnitudes and member counts per component, of the group's members and of the scope.
    private var groupSums: [Double]
    private var scopeSums: [Double]
    /// Candidate rows and bounds of the current choice.
    private var candidateRows: [Double]
    private var candidates: [(node: Int, bound: Double, upper: Double)] = []
    private var drbd: [Int] = [], shared: [Int] = [], fixed: [Int] = []
    private var demands: [Int] = [], rooms: [Int] = []
    /// The source node's row after a removal, and saved rows of changed nodes.
    private var sourceRow = [Double](repeating: 0, count: LeanRedundancy.width)
    private var savedSource = [Double](repeating: 0, count: LeanRedundancy.width)
    private var savedTarget = [Double](repeating: 0, count: LeanRedundancy.width)
    private let tables = ComponentTables.shared

    init(_ base: LeanRedundancy) {
        self.base = base
        nodes = base.nodes
        rows = base.rows
        peers = base.peers
        groupSums = [Double](repeating: 0, count: 4 * LeanEvacuation.width)
        scopeSums = groupSums
        candidateRows = [Double](repeating: 0, count: max(1, base.n) * LeanEvacuation.width)
    }

    /// Whether all instances of node `x` could be moved or recreated elsewhere (htools' `canEvacuateNode`).
    mutating func canEvacuate(_ x: Int) -> GlobalRedundancy.Outcome {
        let primaries = base.primaries[x]
        if primaries.isEmpty { return .redundant }
        defer { restore() }
        drbd.removeAll(keepingCapacity: true)
        shared.removeAll(keepingCapacity: true)
        fixed.removeAll(keepingCapacity: true)
        // htools walks its newest-first list.
        for j in primaries.reversed() {
            switch base.instance(j).kind {
            case .failover: drbd.append(j)
            case .relocate: shared.append(j)
            case .recreate: fixed.append(j)
            }
        }
        for (k, j) in drbd.enumerated() {
            let s = base.instance(j).secondary
            if s >= 0 && !base.inScope[s] { return .missingNode(NodeIndex(s)) }
            let last = k == drbd.count - 1 && shared.isEmpty && fixed.isEmpty
            guard failover(j, primary: x, keep: !last) else { return .notRedundant }
        }
        if shared.isEmpty && fixed.isEmpty { return .redundant }
        let group = base.groupOf[x]
        let members = base.groupMembers[group]
        if !memoryCanSuffice(members, avoiding: x) { return .notRedundant }
        prepareSums(group: group)
        for (k, j) in shared.enumerated() {
            let last = k == shared.count - 1 && fixed.isEmpty
            guard relocate(j, from: x, members: members, keep: !last) else { return .notRedundant }
        }
        if fixed.isEmpty { return .redundant }
        // Largest memory first, ties in list order.
        let bySize = fixed.indices.sorted { a, b in
            let x = base.instance(fixed[a]).memory, y = base.instance(fixed[b]).memory
            return x != y ? x > y : a < b
        }
        let order = bySize.map { fixed[$0] }
        for (k, j) in order.enumerated() {
            guard recreate(j, avoiding: x, members: members, keep: k != order.count - 1) else { return .notRedundant }
        }
        return .redundant
    }

    /// A necessary condition for placing every shared and fixed instance of `x` on the other `members`; when it
    /// fails, some placement certainly finds no target.
    ///
    /// Each placement must leave its target some free memory, and targets only lose memory while `x` is emptied.
    /// So the instances of at least `s` MiB can only go to targets with room for `s` MiB now, and together they
    /// need no more than those targets' free memory less one MiB each, for every size `s`.
    private mutating func memoryCanSuffice(_ members: [Int], avoiding x: Int) -> Bool {
        demands.removeAll(keepingCapacity: true)
        rooms.removeAll(keepingCapacity: true)
        for k in 0..<(shared.count + fixed.count) {
            let i = base.instance(k < shared.count ? shared[k] : fixed[k - shared.count]).lean
            guard i.usesMemory else { continue }
            // A negative size would give its target room: the argument below needs rooms that only shrink.
            if i.memory < 0 { return true }
            if i.memory > 0 { demands.append(i.memory) }
        }
        if demands.isEmpty { return true }
        for t in members where t != x {
            let room = nodes[t].unallocatedMemory &- 1
            if room > 0 { rooms.append(room) }
        }
        demands.sort(by: >)
        rooms.sort(by: >)
        var demand = 0, supply = 0, r = 0
        for (k, m) in demands.enumerated() {
            let (d, overflow) = demand.addingReportingOverflow(m)
            if overflow { return true }
            demand = d
            // Check at the last instance of each size.
            if k + 1 < demands.count && demands[k + 1] == m { continue }
            while r < rooms.count && rooms[r] >= m {
                let (s, o) = supply.addingReportingOverflow(rooms[r])
                if o { return true }
                supply = s
                r += 1
            }
            if demand > supply { return false }
        }
        return true
    }

    private mutating func restore() {
        let w = LeanEvacuation.width
        for i in touchedNodes {
            nodes[i] = base.nodes[i]
            for c in 0..<w { rows[i * w + c] = base.rows[i * w + c] }
        }
        for k in touchedPeers { peers[k] = base.peers[k] }
        touchedNodes.removeAll(keepingCapacity: true)
        touchedPeers.removeAll(keepingCapacity: true)
    }

    private mutating func setNode(_ node: LeanNode) {
        let i = node.index.value
        nodes[i] = node
        touchedNodes.append(i)
        let c = base.conflicts[i]
        rows.withUnsafeMutableBufferPointer { node.writeScoreRow($0.baseAddress! + i * LeanEvacuation.width, conflicts: c) }
    }

    private mutating func setPeer(_ k: Int, _ value: Int) {
        peers[k] = value
        touchedPeers.append(k)
    }

    /// Forced failover of DRBD instance `j` to its secondary (htools' `move … Failover`).
    private mutating func failover(_ j: Int, primary p: Int, keep: Bool) -> Bool {
        let entry = base.instance(j)
        let s = entry.secondary
        guard s >= 0 else { return false }
        let i = entry.lean
        let n = base.n
        var newS = nodes[s]
        // htools' removeSec on the secondary, with the peer entry of the primary.
        let oldPeer = peers[s * n + p]
        let lowered = i.usesSecondaryMemory ? oldPeer &- i.memory : oldPeer
        let storedPeer = lowered > 0 ? lowered : 0
        var reserved = newS.reservedMemory
        if oldPeer >= reserved {
            reserved = 0
            for k in 0..<n {
                let v = k == p ? storedPeer : peers[s * n + k]
                if v > reserved { reserved = v }
            }
        }
        newS.removeSecondary(i, newReservedMemory: reserved)
        guard newS.addPrimary(i, force: true, desired: 0, tagClash: false) == nil else { return false }
        var newP = nodes[p]
        newP.removePrimary(i, desired: 0)
        let current = peers[p * n + s]
        guard newP.addSecondary(i, currentPeer: current, force: true, ignoreDisks: nodes[p].offline) == nil else {
            return false
        }
        if keep {
            setNode(newP)
            setNode(newS)
            setPeer(s * n + p, storedPeer)
            setPeer(p * n + s, current &+ (i.usesSecondaryMemory ? i.memory : 0))
        }
        return true
    }

    /// Moves shared-storage instance `j` from `p` to the group member giving the best group score
    /// (htools' `evacOneNodeOnly` with `FailoverToAny`).
    private mutating func relocate(_ j: Int, from p: Int, members: [Int], keep: Bool) -> Bool {
        let i = base.instance(j).lean
        var oldAfter = nodes[p]
        oldAfter.removePrimary(i, desired: 0)
        let w = LeanEvacuation.width
        let conflicts = base.conflicts[p]
        sourceRow.withUnsafeMutableBufferPointer { oldAfter.writeScoreRow($0.baseAddress!, conflicts: conflicts) }
        collectCandidates(i, members: members, avoiding: p, checkPolicy: nil)
        if candidates.isEmpty { return false }
        guard keep else { return true }
        let t = choose(members, sourceNode: p, sourceRow: sourceRow, sums: groupSums)
        var target = nodes[t]
        guard target.addPrimary(i, force: true, desired: 0, tagClash: false) == nil else { return false }
        for c in 0..<w { savedSource[c] = rows[p * w + c]; savedTarget[c] = rows[t * w + c] }
        setNode(oldAfter)
        setNode(target)
        updateSums(node: p, old: savedSource)
        updateSums(node: t, old: savedTarget)
        return true
    }

    /// Places a copy of non-movable instance `j` on the group member (other than `x`) giving the best score of the
    /// checked list (htools' `recreate`).
    private mutating func recreate(_ j: Int, avoiding x: Int, members: [Int], keep: Bool) -> Bool {
        let i = base.instance(j).lean
        collectCandidates(i, members: members, avoiding: x, checkPolicy: j)
        if candidates.isEmpty { return false }
        guard keep else { return true }
        let t = choose(base.list, sourceNode: -1, sourceRow: [], sums: scopeSums)
        var target = nodes[t]
        guard target.addPrimary(i, force: true, desired: 0, tagClash: false) == nil else { return false }
        let w = LeanEvacuation.width
        for c in 0..<w { savedTarget[c] = rows[t * w + c] }
        setNode(target)
        updateSums(node: t, old: savedTarget)
        return true
    }

    /// The members (but `avoid`) that take instance `i` as forced primary, with their new rows in `candidateRows`.
    /// With `checkPolicy` (an instance index), members whose instance policy refuses that instance are skipped.
    private mutating func collectCandidates(_ i: LeanInstance, members: [Int], avoiding avoid: Int, checkPolicy: Int?) {
        candidates.removeAll(keepingCapacity: true)
        let w = LeanEvacuation.width
        let refused = checkPolicy.map { base.instance($0).refused } ?? 0
        for t in members where t != avoid {
            if refused != 0 && (refused >> UInt64(base.nodeClass[t])) & 1 == 1 { continue }
            guard nodes[t].primaryFailure(i, force: true, tagClash: false) == nil else { continue }
            let slot = candidates.count
            let c = base.conflicts[t]
            candidateRows.withUnsafeMutableBufferPointer {
                nodes[t].writeRowAfterAddingPrimary(i, desired: 0, conflicts: c, into: $0.baseAddress! + slot * w)
            }
            assert(nodes[t].rowShortcutMatches(i, force: true, desired: 0, conflicts: c))
            candidates.append((t, 0, 0))
        }
    }

    /// The candidate the reference would pick: lowest exact score over `members` with the source replaced by
    /// `sourceRow` (when `sourceNode` ≥ 0) and the candidate by its row; ties go to the later candidate.
    private mutating func choose(_ members: [Int], sourceNode: Int, sourceRow: [Double], sums: [Double]) -> Int {
        let chosen = prunedChoice(members, sourceNode: sourceNode, sourceRow: sourceRow, sums: sums)
        assert(chosen == scannedChoice(members, sourceNode: sourceNode, sourceRow: sourceRow),
               "pruned target choice differs from the plain scan")
        return chosen
    }

    /// The reference's plain scan: every candidate's exact score, the lowest winning, ties to the later one.
    private func scannedChoice(_ members: [Int], sourceNode: Int, sourceRow: [Double]) -> Int {
        let hasOnline = members.contains { !base.offline[$0] }
        var best: (score: Double, slot: Int)?
        for k in candidates.indices {
            let score = exactScore(members, hasOnline: hasOnline, slot: k, sourceNode: sourceNode, sourceRow: sourceRow)
            if let b = best, b.score < score { continue }
            best = (score, k)
        }
        return candidates[best!.slot].node
    }

    private mutating func prunedChoice(_ members: [Int], sourceNode: Int, sourceRow: [Double], sums: [Double]) -> Int {
        let hasOnline = members.contains { !base.offline[$0] }
        // Without usable bounds, the plain scan (also right for NaN scores).
        guard hasOnline, computeBounds(sourceNode: sourceNode, sourceRow: sourceRow, sums: sums) else {
            return scannedChoice(members, sourceNode: sourceNode, sourceRow: sourceRow)
        }
        // A candidate whose upper bound is below every other lower bound wins outright (no tie is possible).
        var top = 0
        for k in candidates.indices where candidates[k].upper < candidates[top].upper { top = k }
        if !candidates.indices.contains(where: { $0 != top && candidates[$0].bound <= candidates[top].upper }) {
            return candidates[top].node
        }
        var best: (score: Double, slot: Int)?
        let order = candidates.indices.sorted { candidates[$0].bound < candidates[$1].bound }
        for k in order {
            if let b = best, candidates[k].bound > b.score { break }
            let score = exactScore(members, hasOnline: true, slot: k, sourceNode: sourceNode, sourceRow: sourceRow)
            if score.isNaN { return scannedChoice(members, sourceNode: sourceNode, sourceRow: sourceRow) }
            if let b = best, b.score < score || (b.score == score && b.slot > k) { continue }
            best = (score, k)
        }
        return candidates[best!.slot].node
    }

    /// htools' full score (`compCV`) of `members` with the candidate in `slot` (and the source) replaced, summed in
    /// htools' order.
    private func exactScore(_ members: [Int], hasOnline: Bool, slot: Int, sourceNode: Int, sourceRow: [Double]) -> Double {
        guard hasOnline else { return 0 }
        let w = LeanEvacuation.width
        let target = candidates[slot].node
        let t = tables
        return rows.withUnsafeBufferPointer { vals in
            candidateRows.withUnsafeBufferPointer { cand in
                sourceRow.withUnsafeBufferPointer { src in
                    members.withUnsafeBufferPointer { ms in
                        base.offline.withUnsafeBufferPointer { off in
                            let targetRow = cand.baseAddress! + slot * w
                            @inline(__always) func value(_ m: Int, _ c: Int) -> Double {
                                m == target ? targetRow[c] : m == sourceNode ? src[c] : vals[m * w + c]
                            }
                            var total = 0.0
                            for c in 0..<w {
                                let wantOffline = !t.online[c]
                                let result: Double
                                switch t.aggregation[c] {
                                case .sum:
                                    var s = 0.0
                                    for m in ms where off[m] == wantOffline { s = s + value(m, c) }
                                    result = s
                                case .standardDeviation:
                                    var cnt = 0.0, s = 0.0
                                    for m in ms where off[m] == wantOffline {
                                        cnt = cnt + 1
                                        s = s + value(m, c)
                                    }
                                    let mean = s / cnt
                                    var nvar = 0.0
                                    for m in ms where off[m] == wantOffline {
                                        let d = value(m, c) - mean
                                        nvar = nvar + d * d
                                    }
                                    result = (nvar / cnt).squareRoot()
                                case .spread:
                                    result = 0
                                }
                                total = total + t.weightList[c] * result
                            }
                            return total
                        }
                    }
                }
            }
        }
    }

    /// Running sums, squares and magnitudes of `members`' rows per component.
    /// The running sums of the group's and the scope's rows: the base's, corrected for the nodes changed so far.
    private mutating func prepareSums(group: Int) {
        let w = LeanEvacuation.width
        groupSums = base.groupSums[group]
        scopeSums = base.scopeSums
        for (k, i) in touchedNodes.enumerated() where base.inScope[i] && !touchedNodes[..<k].contains(i) {
            let inGroup = base.groupOf[i] == group
            for c in 0..<w where base.offline[i] != tables.online[c] {
                let o = base.rows[i * w + c], v = rows[i * w + c]
                scopeSums[c] += v - o; scopeSums[w + c] += v * v - o * o; scopeSums[2 * w + c] += abs(v)
                if inGroup {
                    groupSums[c] += v - o; groupSums[w + c] += v * v - o * o; groupSums[2 * w + c] += abs(v)
                }
            }
        }
    }

    /// Folds a changed row of `node` (a member of both sets) into the running sums.
    private mutating func updateSums(node: Int, old: [Double]) {
        let w = LeanEvacuation.width
        for c in 0..<w where base.offline[node] != tables.online[c] {
            let v = rows[node * w + c], o = old[c]
            groupSums[c] += v - o
            groupSums[w + c] += v * v - o * o
            groupSums[2 * w + c] += abs(v)
            scopeSums[c] += v - o
            scopeSums[w + c] += v * v - o * o
            scopeSums[2 * w + c] += abs(v)
        }
    }

    /// Lower and upper bounds on `exactScore` for every candidate (rounding margins as `ScoreEvaluator.cannotBeat`),
    /// from the running sums with the source and the candidate replaced. Components no candidate changes are
    /// bounded once. False when a bound is not finite.
    private mutating func computeBounds(sourceNode: Int, sourceRow: [Double], sums: [Double]) -> Bool {
        let w = LeanEvacuation.width
        let t = tables
        return sourceRow.withUnsafeBufferPointer { src in
            rows.withUnsafeBufferPointer { rows in
                candidateRows.withUnsafeBufferPointer { cand in
                    base.offline.withUnsafeBufferPointer { offline in
                      withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * w) { s0 in
                      withUnsafeTemporaryAllocation(of: Bool.self, capacity: w) { varying in
                        // Sums, squares and magnitudes with the source replaced.
                        varying.initialize(repeating: false)
                        s0.initialize(repeating: 0)
                        for c in 0..<w {
                            var s = sums[c], q = sums[w + c], m = sums[2 * w + c]
                            if sourceNode >= 0 && offline[sourceNode] != t.online[c] {
                                let old = rows[sourceNode * w + c], new = src[c]
                                s += new - old; q += new * new - old * old; m += abs(new)
                            }
                            s0[c] = s; s0[w + c] = q; s0[2 * w + c] = m
                        }
                        for k in candidates.indices {
                            let node = candidates[k].node
                            for c in 0..<w where !(cand[k * w + c] == rows[node * w + c]) { varying[c] = true }
                        }
                        @inline(__always) func part(_ c: Int, _ s: Double, _ q: Double, _ m: Double) -> (Double, Double) {
                            ScoreBounds.part(t.aggregation[c], sum: s, squares: q, magnitude: m, count: sums[3 * w + c])
                        }
                        var constLow = 0.0, constHigh = 0.0, constMagnitude = 0.0
                        for c in 0..<w where !varying[c] {
                            let (lo, hi) = part(c, s0[c], s0[w + c], s0[2 * w + c])
                            let wt = t.weightList[c]
                            constLow += wt * lo; constHigh += wt * hi
                            constMagnitude += max(abs(wt * lo), abs(wt * hi))
                        }
                        // Lower bounds for all; the upper bound only for the lowest lower bound (the only
                        // candidate that can win outright, see `prunedChoice`).
                        @inline(__always) func bounds(_ k: Int, upper: Bool) -> (Double, Double) {
                            let node = candidates[k].node
                            var low = constLow, high = constHigh, magnitude = constMagnitude
                            for c in 0..<w where varying[c] {
                                var s = s0[c], q = s0[w + c], m = s0[2 * w + c]
                                if offline[node] != t.online[c] {
                                    let old = rows[node * w + c], new = cand[k * w + c]
                                    s += new - old; q += new * new - old * old; m += abs(new)
                                }
                                let wt = t.weightList[c]
                                if upper {
                                    let (lo, hi) = part(c, s, q, m)
                                    low += wt * lo; high += wt * hi
                                    magnitude += max(abs(wt * lo), abs(wt * hi))
                                } else {
                                    let lo = ScoreBounds.lowPart(t.aggregation[c], sum: s, squares: q, magnitude: m,
                                                                 count: sums[3 * w + c])
                                    low += wt * lo
                                    // (The upper part differs by rounding margins only: a little extra covers it.)
                                    magnitude += abs(wt * lo) * (1 + 1e-6) + 1e-300
                                }
                            }
                            return ScoreBounds.total(low: low, high: high, magnitude: magnitude)
                        }
                        var top = -1
                        for k in candidates.indices {
                            let lb = bounds(k, upper: false).0
                            guard lb.isFinite else { return false }
                            candidates[k].bound = lb
                            candidates[k].upper = .infinity
                            if top < 0 || lb < candidates[top].bound { top = k }
                        }
                        if top >= 0 {
                            let (lb, ub) = bounds(top, upper: true)
                            guard lb.isFinite && ub.isFinite else { return false }
                            candidates[top].upper = ub
                        }
                        return true
                      }
                      }
                    }
                }
            }
        }
    }
}
