/// Filling a cluster with ever smaller instances: allocate one size until it no longer fits, then shrink the
/// resource that failed most and continue (htools' `tieredAlloc`).
public enum TieredAllocation {
    /// Runs htools' tiered allocation of `instance` from `start`.
    ///
    /// htools recurses once per shrink step (thousands of levels for large disks); this keeps the same
    /// evaluation order with an explicit stack: a deeper level's result is kept only if it placed more instances,
    /// otherwise the level tries its "big steps" (shrinking other resources until something fits).
    public static func allocate(_ start: AllocationProgress, instance: Instance, targets: AllocationTargets,
                                limit: Int?, options: AllocationOptions) -> Result<AllocationProgress, AllocationError> {
        var stack: [Frame] = []
        var task: Task? = Task(progress: start, limit: limit, instance: instance)
        var returned: Result<AllocationProgress, AllocationError> = .success(start)
        var cache: SearchCache?
        while true {
            if let t = task {
                task = nil
                let level: Level
                switch IterativeAllocation.allocate(t.progress, instance: t.instance, targets: targets,
                                                    limit: t.limit, options: options) {
                case .failure(let e):
                    returned = .failure(e)
                    continue
                case .success(let r):
                    let count = r.allocated.count
                    if let l = t.limit, l <= count {
                        returned = .success(r)
                        continue
                    }
                    level = Level(result: r, instance: t.instance, newLimit: t.limit.map { $0 - count },
                                  sortedFailures: r.failures.collapsed.enumerated().sorted { a, b in
                                      a.element.count != b.element.count ? a.element.count < b.element.count : a.offset < b.offset
                                  }.map(\.element.mode))
                }
                switch level.instance.shrunk(by: level.sortedFailures[level.sortedFailures.count - 1]) {
                case .success(let smaller):
                    stack.append(Frame(level: level, awaitingBigStep: false))
                    task = Task(progress: level.result, limit: level.newLimit, instance: smaller)
                case .failure:
                    (task, returned) = bigStep(level, &stack, &cache, targets: targets, options: options)
                }
                continue
            }
            guard let frame = stack.popLast() else { return returned }
            if frame.awaitingBigStep { continue }
            if case .success(let deeper) = returned,
               deeper.cluster.instances.count > frame.level.result.cluster.instances.count {
                continue
            }
            (task, returned) = bigStep(frame.level, &stack, &cache, targets: targets, options: options)
        }
    }

    /// Folds `allocate` over several starting instances, as hspace does for multiple policy ranges (`combineTiered`).
    public static func allocate(_ start: AllocationProgress, instances: [Instance], targets: AllocationTargets,
                                limit: Int?, options: AllocationOptions) -> Result<AllocationProgress, AllocationError> {
        var progress = start
        for inst in instances {
            let count = progress.allocated.count
            if let l = limit, l <= count { continue }
            switch allocate(progress, instance: inst, targets: targets, limit: limit.map { $0 - count }, options: options) {
            case .failure(let e): return .failure(e)
            case .success(let p): progress = p
            }
        }
        return .success(progress)
    }

    private struct Task {
        var progress: AllocationProgress
        var limit: Int?
        var instance: Instance
    }

    private struct Level {
        var result: AllocationProgress
        var instance: Instance
        var newLimit: Int?
        /// Failure modes by ascending count (ties in htools' order).
        var sortedFailures: [FailMode]
    }

    private struct Frame {
        var level: Level
        var awaitingBigStep: Bool
    }

    /// The level's big step: the first failure mode (most frequent first) whose shrinking alone makes the
    /// instance fit again starts a new tiered run; without one, the level's own result stands.
    private static func bigStep(_ level: Level, _ stack: inout [Frame], _ cache: inout SearchCache?,
                                targets: AllocationTargets,
                                options: AllocationOptions) -> (Task?, Result<AllocationProgress, AllocationError>) {
        if !(cache?.describes(level.result.cluster, scope: nil) ?? false) {
            let run = AllocationRunState(hint: level.result.hint)
            var result = level.result
            if let l = result.currentLean() { run.keep(leanBase: l, instances: result.cluster.instances.count) }
            cache = SearchCache(level.result.cluster, scope: nil, run: run)
        }
        for mode in level.sortedFailures.reversed() {
            if let smaller = shrinkingSuffices(level, mode, cache!, targets: targets, options: options) {
                stack.append(Frame(level: level, awaitingBigStep: true))
                return (Task(progress: level.result, limit: level.newLimit, instance: smaller), .success(level.result))
            }
        }
        return (nil, .success(level.result))
    }

    /// The first instance, shrinking only `mode`, that can be placed, as long as every attempt before it failed
    /// at least once for `mode` (htools' `sufficesShrinking`).
    private static func shrinkingSuffices(_ level: Level, _ mode: FailMode, _ cache: SearchCache,
                                          targets: AllocationTargets, options: AllocationOptions) -> Instance? {
        let cluster = level.result.cluster
        var probe = level.instance
        probe.index = InstanceIndex(cluster.instances.count)
        while true {
            // Most attempts fail at every primary: their failures come from plain values, without a search.
            let failures: FailureCounts
            if let quick = AllocationSearch.quickFailures(cache, instance: probe, targets: targets, options: options,
                                                          throughPairs: true) {
                failures = quick.failures
                // The next shrinks that cannot change these refusals repeat this attempt: take them at once.
                if quick.atPrimaries && failures.contains(mode) {
                    probe.shrink(by: mode, steps: AllocationSearch.unchangedShrinkSteps(cache, instance: probe,
                                                                                        targets: targets, mode: mode))
                }
            } else {
                let solution = (try? AllocationSearch.tryAllocation(cache, instance: probe, targets: targets,
                                                                    options: options, annotate: false).get())
                    ?? AllocationSolution()
                if solution.best != nil {
                    probe.index = level.instance.index
                    return probe
                }
                failures = solution.failures
            }
            if !failures.contains(mode) { return nil }
            if probe.shrink(by: mode) != nil { return nil }
        }
    }
}
