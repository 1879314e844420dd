/// Recomputes per-node memory bookkeeping and reports inconsistent nodes (htools' `updateMissing`).
///
/// Returns the warnings in htools' order (last node first) and updates `cluster` in place.
public func reconcileNodeResources(_ cluster: inout Cluster) -> [String] {
    var messages: [String] = []
    for n in cluster.nodes.indices {
        var node = cluster.nodes[n]
        var imem = 0
        var idsk = 0
        for i in node.primaries {
            let inst = cluster.instances[i.value]
            if inst.usesMemory { imem &+= inst.memory }
            idsk &+= inst.disk
        }
        for i in node.secondaries { idsk &+= cluster.instances[i.value].disk }
        node.instanceMemory = imem
        node.missingMemory = node.computedMissingMemory
        node.freeMemoryRatio = Double(node.unallocatedMemory) / node.totalMemory
        let deltaMemory = node.missingMemory
        let deltaDisk = Node.truncateToInt(node.totalDisk) &- node.freeDisk &- idsk
        if deltaMemory > 512 || deltaDisk > 1024 {
            messages.insert("node \(node.name) is missing \(deltaMemory) MB ram and \(floorDiv(deltaDisk, 1024)) GB disk", at: 0)
        }
        cluster.nodes[n] = node
    }
    return messages
}

/// Integer division rounding towards negative infinity (Haskell's `div`).
public func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
}
