/// `--target-record` for `gap` and `report`: each probability the trend gave replaced by the one the record of the
/// indicator's earlier targets gives (``TargetRecord``), or, while the indicator has fewer than
/// ``TargetRecord/minimum`` earlier targets, by the share of every earlier target met ((m + ½)/(n + 1)). "Earlier"
/// means a target of an earlier year whose outcome the data holds, decided as the gap analysis decides it; the
/// record is read from the whole panel, whatever the scope.
///
/// - Complexity: one gap analysis of every target (the outcomes), then O(r) per assessment for the r earlier
///   targets of its indicator.
enum TargetRecordAdjustment {
    static func apply(_ assessments: inout [TargetAssessment], index: PanelIndex, settings: GapSettings) {
        var plain = settings
        plain.targetRecord = false
        plain.keepsPaths = false
        let decided = GapAnalysis(settings: plain).assess(index)
            .filter { $0.observed != nil && ($0.ownStatus == .met || $0.ownStatus == .missed) }
            .sorted { $0.target.period.year < $1.target.period.year }
        var byIndicator: [String: [(year: Int, margin: Double?)]] = [:]
        for a in decided {
            byIndicator[a.indicator.id, default: []].append((a.target.period.year,
                                                             TargetRecord.margin(of: a.target, indicator: a.indicator, outcome: a.observed!.value)))
        }
        let years = decided.map(\.target.period.year)
        let metSoFar = decided.reduce(into: [0]) { $0.append($0.last! + ($1.ownStatus == .met ? 1 : 0)) }
        for k in assessments.indices where assessments[k].probability != nil {
            let a = assessments[k], year = a.target.period.year
            guard let r = TargetRecord.reference(a.target),
                  let c = Comparison(qualifier: a.target.qualifier, value: a.target.value, indicator: a.indicator, settings: settings) else { continue }
            let earlier = (byIndicator[a.indicator.id] ?? []).prefix { $0.year < year }.filter { $0.margin != nil }
            let p: Double, basis: AssessmentBasis
            if let record = TargetRecord(margins: earlier.map { $0.margin! }, years: earlier.map(\.year), logScale: TargetRecord.logScale(a.indicator)),
               let q = record.probability(c, reference: r) {
                p = q
                basis = .targetRecord(record)
            } else {
                let n = years.partitioningIndex { $0 >= year }
                p = IndicatorRecord(met: metSoFar[n], outcomes: n).baseRate
                basis = .earlierTargets(met: metSoFar[n], of: n)
            }
            assessments[k].probability = p
            if a.observed == nil {
                assessments[k].ownStatus = settings.ownStatus(p)
                if settings.method == .own { assessments[k].status = assessments[k].ownStatus }
                assessments[k].basis = basis
            }
        }
    }
}

extension Array {
    /// The first index whose element satisfies `p`, for a `p` that is false and then true along the array.
    func partitioningIndex(where p: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if p(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
