extension Panel {
    /// The panel as it stood when the targets of `year` were set: every observation of an earlier year, and the
    /// targets of `year` itself (set together, so a target may refer to another). Nothing of `year` or later that
    /// is a result, and no later target, is kept: what a backtest assesses a target with.
    ///
    /// - Complexity: O(n) for the n observations.
    func asOf(targetsOf year: Int) -> Panel {
        var p = self
        let t = table
        var kept: [Int] = []
        kept.reserveCapacity(t.records.count)
        for i in 0..<t.records.count {
            let r = t.records[i]
            if r.year < year || (r.year == year && t.attributes[id: r.attributes].kind == .target) { kept.append(i) }
        }
        p.table = t.gathering(kept)
        return p
    }
}
