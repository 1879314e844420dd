/// Filling a cluster with identical instances until one no longer fits (htools' `iterateAlloc`).
public enum IterativeAllocation {
    /// Places copies of `instance` (named `new-N`) one by one, each at the best target, until none fits or
    /// `limit` copies are placed (htools' `iterateAllocSmallStep`). DRBD instances skip the global N+1 check.
    ///
    /// - Returns: the progress; its failures are those of the attempt that stopped the run.
    public static func smallSteps(_ start: AllocationProgress, instance: Instance, targets: AllocationTargets,
                                  limit: Int?, options: AllocationOptions) -> Result<AllocationProgress, AllocationError> {
        var unused: AllocationProgress?
        return smallSteps(start, instance: instance, targets: targets, limit: limit, options: options,
                          prefix: nil, prefixResult: &unused)
    }

    /// `smallSteps`, also returning in `prefixResult` what the same run with limit `prefix` would have returned
    /// (the run is deterministic: a shorter limit gives a prefix of the same placements).
    static func smallSteps(_ start: AllocationProgress, instance: Instance, targets: AllocationTargets,
                           limit: Int?, options: AllocationOptions, prefix: Int?,
                           prefixResult: inout AllocationProgress?,
                           cancel: StopSignal? = nil) -> Result<AllocationProgress, AllocationError> {
        var progress = start
        var limit = limit
        var opts = options
        if instance.diskTemplate == .drbd { opts.capacityChecks = false }
        // With checks, the run keeps the lean redundancy form in step with the placements and the progress gets it
        // back at the end; without, the progress keeps the old form, caught up when a check needs it.
        let run = AllocationRunState(hint: progress.hint)
        if opts.capacityChecks, let l = progress.currentLean() {
            run.keep(leanBase: l, instances: progress.cluster.instances.count)
            progress.lean = nil
        }
        func finish(_ p: AllocationProgress) -> AllocationProgress {
            guard opts.capacityChecks else { return p }
            var p = p
            let count = p.cluster.instances.count
            p.lean = run.takeLeanBase(instances: count).map { ($0, count) }
            return p
        }
        while true {
            if cancel?.isSet == true { return .failure(AllocationError("cancelled")) }
            // The name (`new-N`) plays no part in the search: it is given to the placed instance only.
            var next = instance
            next.index = InstanceIndex(progress.cluster.instances.count)
            // The cache shares the cluster's storage: it must be gone before the placement is applied.
            let attempt: Result<AllocationSolution<Double>, AllocationError> = {
                let cache = SearchCache(progress.cluster, scope: nil, run: run)
                if let failures = AllocationSearch.quickFailures(cache, instance: next, targets: targets, options: opts,
                                                                 throughPairs: true)?.failures {
                    var s = AllocationSolution<Double>()
                    s.failures = failures
                    return .success(s)
                }
                return AllocationSearch.tryAllocation(cache, instance: next, targets: targets, options: opts, annotate: false)
            }()
            let solution: AllocationSolution<Double>
            switch attempt {
            case .failure(let e): return .failure(e)
            case .success(let s): solution = s
            }
            guard var best = solution.best, limit != 0 else {
                let result = finish(progress.stopped(with: solution.failures))
                if prefix != nil && prefixResult == nil { prefixResult = result }
                return .success(result)
            }
            if let p = prefix, prefixResult == nil, progress.allocated.count - start.allocated.count == p {
                // Here a run limited to `p` placements stops, with this attempt's failures.
                var result = progress.stopped(with: solution.failures)
                if opts.capacityChecks {
                    let count = result.cluster.instances.count
                    result.lean = run.leanBase(instances: count).map { ($0, count) }
                }
                prefixResult = result
            }
            best.instance.name = "new-\(progress.allocated.count)"
            best.instance.alias = best.instance.name
            let before = progress.cluster.instances.count
            progress.cluster.apply(best)
            run.advance(best, from: before)
            progress.redundancyVerdict = nil
            progress.allocated.append(progress.cluster.instances[progress.cluster.instances.count - 1])
            if let l = limit { limit = l - 1 }
        }
    }

    /// The same result as `smallSteps`, computed faster when capacity checks are on: big steps without the
    /// global N+1 check, kept when the result is redundant, else retried smaller (htools' `iterateAlloc`).
    public static func allocate(_ start: AllocationProgress, instance: Instance, targets: AllocationTargets,
                                limit: Int?, options: AllocationOptions) -> Result<AllocationProgress, AllocationError> {
        guard options.capacityChecks else {
            return smallSteps(start, instance: instance, targets: targets, limit: limit, options: options)
        }
        var relaxed = options
        relaxed.capacityChecks = false
        var progress = start
        var limit = limit
        var huge = true
        // The relaxed run of 10 steps after a failed big step is a prefix of that big step's run.
        var shortRun: AllocationProgress?
        // The checked run from `progress`, computed alongside the big step (see `speculate`).
        var speculative: (from: Int, result: Result<AllocationProgress, AllocationError>)?
        while true {
            // htools divides by the instance's memory here.
            if huge && instance.memory == 0 { return .failure(AllocationError("divide by zero", uncaught: true)) }
            let step = huge ? guessStepSize(progress.cluster, instance) : 10
            let stepLimit = limit.map { min(step, $0) } ?? step
            let remaining = limit.map { max(0, $0 - step) }
            var attempt: AllocationProgress
            // (DRBD runs skip the checks, so their fallback is no cheaper to foresee than to run.)
            if huge, instance.diskTemplate != .drbd, let runner = options.parallelism, runner.width > 1 {
                let prefix = limit.map { min(10, $0) } ?? 10
                switch speculate(progress, instance: instance, targets: targets, stepLimit: stepLimit, prefix: prefix,
                                 limit: limit, options: options, runner: runner) {
                case .failure(let e): return .failure(e)
                case .success(let outcome):
                    attempt = outcome.attempt
                    shortRun = outcome.prefix
                    speculative = outcome.checked.map { (progress.allocated.count, $0) }
                }
            } else if !huge, let known = shortRun {
                attempt = known
            } else {
                var prefixResult: AllocationProgress?
                let prefix = huge ? (limit.map { min(10, $0) } ?? 10) : nil
                switch smallSteps(progress, instance: instance, targets: targets, limit: stepLimit, options: relaxed,
                                  prefix: prefix, prefixResult: &prefixResult) {
                case .failure(let e): return .failure(e)
                case .success(let a): attempt = a
                }
                shortRun = prefixResult
            }
            if attempt.isRedundant(options) {
                if remaining == 0 || attempt.allocated.count == progress.allocated.count { return .success(attempt) }
                progress = attempt
                limit = remaining
                shortRun = nil
                continue
            }
            if huge {
                huge = false
                continue
            }
            if let known = speculative, known.from == progress.allocated.count { return known.result }
            return smallSteps(progress, instance: instance, targets: targets, limit: limit, options: options)
        }
    }

    /// A big step's relaxed run (with its 10-step prefix and both redundancy verdicts, as `allocate` needs them)
    /// on one thread, and on another the checked run from `progress` that `allocate` falls back to when neither
    /// is redundant. The checked run stops early once it is not needed; its result is returned only when it is.
    /// Results are those of the sequential order: the threads share no mutable state (the checked run gets its
    /// own copy of the failure hint, which only orders the checks).
    private static func speculate(_ progress: AllocationProgress, instance: Instance, targets: AllocationTargets,
                                  stepLimit: Int, prefix: Int, limit: Int?, options: AllocationOptions,
                                  runner: ParallelRunner)
        -> Result<(attempt: AllocationProgress, prefix: AllocationProgress?,
                   checked: Result<AllocationProgress, AllocationError>?), AllocationError> {
        var sequential = options
        sequential.parallelism = nil
        var relaxed = sequential
        relaxed.capacityChecks = false
        var own = progress
        own.hint = RedundancyHint(copying: progress.hint)
        let stop = StopSignal()
        var first: Result<(AllocationProgress, AllocationProgress?, Bool), AllocationError>?
        var checked: Result<AllocationProgress, AllocationError>?
        runner.run(2) { job in
            if job == 0 {
                var prefixResult: AllocationProgress?
                switch smallSteps(progress, instance: instance, targets: targets, limit: stepLimit, options: relaxed,
                                  prefix: prefix, prefixResult: &prefixResult) {
                case .failure(let e):
                    first = .failure(e)
                case .success(var attempt):
                    var needChecked = false
                    if !attempt.isRedundant(sequential) {
                        if var short = prefixResult {
                            needChecked = !short.isRedundant(sequential)
                            prefixResult = short
                        }
                    }
                    first = .success((attempt, prefixResult, needChecked))
                }
                if case .success(let f) = first, f.2 { return }
                stop.set()
            } else {
                var unused: AllocationProgress?
                checked = smallSteps(own, instance: instance, targets: targets, limit: limit, options: sequential,
                                     prefix: nil, prefixResult: &unused, cancel: stop)
            }
        }
        switch first! {
        case .failure(let e): return .failure(e)
        case .success(let (attempt, short, needChecked)):
            return .success((attempt, short, needChecked ? checked : nil))
        }
    }

    /// A step size near the remaining capacity, at least 20 (htools' `guessBigstepSize`).
    static func guessStepSize(_ cluster: Cluster, _ instance: Instance) -> Int {
        var available = 0
        for n in cluster.nodes { available &+= n.availableMemory }
        let guess = floorDiv(available, instance.memory) - cluster.nodes.count
        return guess < 20 ? 20 : guess
    }
}
