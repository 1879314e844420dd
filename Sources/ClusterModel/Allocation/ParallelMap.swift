/// Maps a function over an array, in parallel when a runner is given; results keep input order.
enum ParallelMap {
    /// `items.map(transform)`, split into chunks run by `runner` when it is set and the input is large enough.
    static func map<T, R>(_ items: [T], runner: ParallelRunner?, minimumPerJob: Int = 4,
                          _ transform: (T) -> R) -> [R] {
        guard let runner, runner.width > 1, items.count >= 2 * minimumPerJob else { return items.map(transform) }
        let jobs = min(runner.width * 4, items.count / minimumPerJob)
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            withoutActuallyEscaping(transform) { f in
                runner.run(jobs) { job in
                    let lo = items.count * job / jobs, hi = items.count * (job + 1) / jobs
                    for i in lo..<hi { out[i] = f(items[i]) }
                }
            }
        }
        return results.map { $0! }
    }
}
