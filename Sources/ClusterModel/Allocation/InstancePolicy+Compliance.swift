extension InstancePolicy {
    /// Whether `instance` fits one of the policy's min/max ranges and uses an allowed template (htools' `instMatchesPolicy`).
    ///
    /// Returns nil when it complies, else the first failing resource, in htools' check order.
    public func violation(of instance: Instance, exclusiveStorage: Bool) -> FailMode? {
        if !minMaxSpecs.isEmpty {
            var result: FailMode? = .internal
            for range in minMaxSpecs.reversed() where result != nil {
                result = InstancePolicy.violation(of: instance, range, exclusiveStorage)
            }
            if let f = result { return f }
        }
        return diskTemplates.contains(instance.diskTemplate) ? nil : .disk
    }

    private static func violation(of instance: Instance, _ range: MinMaxSpec, _ exclusive: Bool) -> FailMode? {
        if let f = compare(instance, range.minimum, exclusive, failWhenBelow: true) { return f }
        return compare(instance, range.maximum, exclusive, failWhenBelow: false)
    }

    /// One side of htools' `instCompareISpec`: below the minimum, or above the maximum.
    private static func compare(_ i: Instance, _ spec: InstanceSpec, _ exclusive: Bool, failWhenBelow: Bool) -> FailMode? {
        func bad(_ value: Int, _ limit: Int) -> Bool { failWhenBelow ? value < limit : value > limit }
        if bad(i.memory, spec.memorySize) { return .memory }
        if i.disks.contains(where: { bad($0.size, spec.diskSize) }) { return .disk }
        if bad(i.vcpus, spec.cpuCount) { return .cpu }
        if exclusive {
            guard let total = i.totalSpindles else { return .spindles }
            if bad(total, spec.spindleUse) { return .spindles }
        } else if bad(i.spindleUse, spec.spindleUse) {
            return .spindles
        }
        if i.diskTemplate != .diskless && bad(i.disks.count, spec.diskCount) { return .diskCount }
        return nil
    }
}
