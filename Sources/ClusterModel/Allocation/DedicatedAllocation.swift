/// Allocation on dedicated (exclusive-storage) clusters: placements are ranked by how many minimal policy
/// instances they make impossible, then by remaining disk (htools' `Dedicated`).
public enum DedicatedAllocation {
    /// The ranking metric: allocations lost per test instance, then free disk left (lexicographic; lower is better).
    public struct LostAllocations: Comparable, Sendable, CustomStringConvertible {
        /// Per test instance, how many fewer copies fit after the placement.
        public var lost: [Int]
        /// Free disk of the chosen nodes after the placement.
        public var freeDisk: Int

        /// Lexicographic order, as Haskell orders `([Int], Int)`.
        public static func < (a: LostAllocations, b: LostAllocations) -> Bool {
            if a.lost != b.lost { return a.lost.lexicographicallyPrecedes(b.lost) }
            return a.freeDisk < b.freeDisk
        }

        /// Haskell's `show`: `([1,0],2048)`.
        public var description: String {
            "([" + lost.map(String.init).joined(separator: ",") + "]," + String(freeDisk) + ")"
        }
    }

    /// Whether the group named `groupName` (or every allocable group when nil) has exclusive storage on all
    /// its nodes (htools' `isDedicated`).
    public static func isDedicated(_ cluster: Cluster, groupName: String?) -> Bool {
        let groups = Set(cluster.groups.filter { g in
            groupName.map { g.name == $0 } ?? (g.allocPolicy != .unallocable)
        }.map(\.index))
        return cluster.nodes.allSatisfy { $0.exclusiveStorage || !groups.contains($0.group) }
    }

    /// The minimal instances of each policy range, largest disk first (htools' `testInstances`).
    public static func testInstances(_ policy: InstancePolicy) -> [Instance] {
        let mins = policy.minMaxSpecs.map(\.minimum)
        let order = mins.indices.sorted { a, b in
            mins[a].diskSize != mins[b].diskSize ? mins[a].diskSize > mins[b].diskSize : a < b
        }
        return order.map { k in
            let s = mins[k]
            return Instance(name: "minimalspecinstance", memory: s.memorySize, disk: s.diskSize, disks: [],
                            vcpus: s.cpuCount, status: .running, tags: [], autoBalance: false,
                            primary: NodeIndex(-1), secondary: nil, diskTemplate: .plain,
                            spindleUse: s.spindleUse, forthcoming: false)
        }
    }

    /// For each test instance, one more than how many copies fit on `node` (htools' `allocationVector`).
    public static func allocationVector(_ tests: [Instance], _ node: Node) -> [Int] {
        tests.map { inst in
            var count = 1
            var n = node
            while case .success(let next) = n.addingPrimary(inst) { n = next; count += 1 }
            return count
        }
    }

    /// Places `instance` alone on `primary` (htools' dedicated `allocateOnSingle`).
    public static func allocateOnSingle(_ cluster: Cluster, instance: Instance, primary: NodeIndex,
                                        options: AllocationOptions) -> Result<Placement<LostAllocations>, FailMode> {
        let p = cluster[node: primary]
        let tests = testInstances(p.policy)
        if let f = p.policy.violation(of: instance, exclusiveStorage: p.exclusiveStorage) { return .failure(f) }
        let before = allocationVector(tests, p)
        let newP: Node
        switch p.addingPrimary(instance, force: options.ignoreSoftErrors) {
        case .failure(let f): return .failure(f)
        case .success(let n): newP = n
        }
        let after = allocationVector(tests, newP)
        var placed = instance
        placed.primary = primary
        placed.secondary = nil
        let metric = LostAllocations(lost: zip(before, after).map { $0 - $1 }, freeDisk: newP.freeDisk)
        return .success(Placement(instance: placed, nodes: [newP], metric: metric))
    }

    /// Places `instance` on `primary` with `secondary` (htools' dedicated `allocateOnPair`).
    public static func allocateOnPair(_ cluster: Cluster, instance: Instance, primary: NodeIndex, secondary: NodeIndex,
                                      options: AllocationOptions) -> Result<Placement<LostAllocations>, FailMode> {
        let p = cluster[node: primary], s = cluster[node: secondary]
        let tests = testInstances(p.policy)
        var placed = instance
        placed.primary = primary
        placed.secondary = secondary
        if let f = p.policy.violation(of: instance, exclusiveStorage: p.exclusiveStorage) { return .failure(f) }
        let newP: Node, newS: Node
        switch p.addingPrimary(placed, force: options.ignoreSoftErrors) {
        case .failure(let f): return .failure(f)
        case .success(let n): newP = n
        }
        switch s.addingSecondary(placed, primary: primary) {
        case .failure(let f): return .failure(f)
        case .success(let n): newS = n
        }
        let lostP = zip(allocationVector(tests, p), allocationVector(tests, newP)).map { $0 - $1 }
        let lostS = zip(allocationVector(tests, s), allocationVector(tests, newS)).map { $0 - $1 }
        let metric = LostAllocations(lost: zip(lostP, lostS).map { $0 + $1 }, freeDisk: newP.freeDisk &+ newS.freeDisk)
        return .success(Placement(instance: placed, nodes: [newP, newS], metric: metric))
    }

    /// Allocates in one group (htools' dedicated `findAllocation`); the log lines carry the group prefix.
    public static func allocateInGroup(_ cluster: Cluster, group: GroupIndex, instance: Instance, requiredNodes: Int,
                                       options: AllocationOptions)
        -> Result<(AllocationSolution<LostAllocations>, [String]), AllocationError> {
        let g = cluster.groups[group.value]
        guard GroupAllocation.hasRequiredNetworks(g, instance) else {
            return .failure(AllocationError("The group \(g.name) is not connected to a network required by instance \(instance.name)"))
        }
        let members = cluster.nodes.filter { $0.group == group }.map(\.index)
        let targets: AllocationTargets
        switch AllocationTargets.generate(in: cluster, nodes: members, groups: cluster.groups,
                                          requiredNodes: requiredNodes, dropUnallocable: false, options: options) {
        case .failure(let e): return .failure(e)
        case .success(let t): targets = t
        }
        var sol = AllocationSolution<LostAllocations>()
        switch targets {
        case .pairs(let pairs):
            if pairs.isEmpty { return .failure(AllocationError("Not enough online nodes")) }
            for pair in pairs {
                var part = AllocationSolution<LostAllocations>()
                for s in pair.secondaries {
                    part.record(allocateOnPair(cluster, instance: instance, primary: pair.primary, secondary: s, options: options))
                }
                sol.absorb(part)
            }
        case .singles(let nodes):
            if nodes.isEmpty { return .failure(AllocationError("No online nodes")) }
            for n in nodes { sol.record(allocateOnSingle(cluster, instance: instance, primary: n, options: options)) }
        }
        let annotated = sol.annotated { $0.description }
        return .success((annotated, GroupAllocation.describe(g, .success(annotated))))
    }

    /// Allocates in the best group (htools' `findMGAllocation`), logging the choice first.
    public static func allocateInBestGroup(_ cluster: Cluster, instance: Instance, requiredNodes: Int,
                                           options: AllocationOptions) -> Result<AllocationSolution<LostAllocations>, AllocationError> {
        var results: [(GroupIndex, Result<AllocationSolution<LostAllocations>, AllocationError>)] = []
        for slice in cluster.splitByGroup() {
            results.append((slice.group, allocateInGroup(cluster, group: slice.group, instance: instance,
                                                         requiredNodes: requiredNodes, options: options).map(\.0)))
        }
        let messages = results.flatMap { GroupAllocation.describe(cluster.groups[$0.0.value], $0.1) }
        let good = GroupAllocation.sortByPolicyAndScore(cluster, GroupAllocation.filterUsable(cluster, results))
        guard let first = good.first else { return .failure(AllocationError(messages.joined(separator: ", "))) }
        var s = first.1
        s.log = ["Selected group: " + cluster.groups[first.0.value].name] + messages
        return .success(s)
    }
}
