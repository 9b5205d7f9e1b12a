import Foundation
import Yardstick

/// What an assessment rests on, and what is missing when there is nothing to rest on: short forms for tables,
/// sentences for notes, and groups for the report's list of targets not assessed.
extension ReportLabels {
    /// The table's basis cell: "own, 9 values", "peers, 40 changes", or what is missing ("missing: a value").
    public func basisCell(_ a: TargetAssessment) -> String {
        if let b = a.basis { return basisCell(b) }
        return missingCell(a)
    }

    /// The table's cell of a basis.
    public func basisCell(_ b: AssessmentBasis) -> String {
        switch b {
        case .observed: return pick("outcome", "已有结果")
        case let .ownHistory(n): return pick("own, \(count(n, "value", "values", zh: ""))", "自身\(n)个值")
        case let .censored(n, k): return pick("own \(n) + \(count(k, "bound", "bounds", zh: ""))", "自身\(n)个值+\(k)个界限")
        case let .boundsAsValues(n, k, lower):
            return pick("\(n) + \(count(k, "bound", "bounds", zh: "")) as values", "\(n)个值+\(k)个界限作值") + (lower ? pick(", lower est.", "，偏低估计") : "")
        case let .referenceClass(c):
            return c.source == .peerRegions ? pick("peers, \(count(c.changes, "change", "changes", zh: ""))", "同行\(c.changes)个变动")
                : pick("same kind, \(count(c.changes, "change", "changes", zh: ""))", "同类指标\(c.changes)个变动")
        case let .targetRecord(r): return pick("target record, \(count(r.count, "target", "targets", zh: ""))", "既往目标\(r.count)项")
        case let .earlierTargets(_, n): return pick("all earlier targets, \(n)", "此前全部目标\(n)项")
        }
    }

    /// The table's cell of an assessment without a basis: what is missing.
    func missingCell(_ a: TargetAssessment) -> String {
        guard let r = a.unassessed else { return "–" }
        switch r {
        case .noActualValue: return pick("missing: a value", "缺实际值")
        case let .tooFewPoints(n, _, _, _), let .referenceClassOff(n): return pick("missing: history (\(count(n, "value", "values", zh: "")))", "缺历史（\(n)个值）")
        case .relativeTooShort: return pick("missing: history", "缺历史")
        case .relativeWithoutSeries: return pick("missing: other series", "缺对比序列")
        case .outcomeIsBound: return pick("outcome a bound", "结果仅知界限")
        case .trendFailed: return pick("no trend", "无法拟合")
        }
    }

    /// The basis as a sentence.
    public func basis(_ b: AssessmentBasis, indicator: Indicator) -> String {
        switch b {
        case .observed:
            return pick("the target year is observed", "目标年份已有实际值")
        case let .ownHistory(n):
            return pick("judged from its own history of \(count(n, "value", "values", zh: ""))", "依据自身\(n)个历史值判断")
        case let .censored(n, k):
            return pick("judged from its own \(count(n, "value", "values", zh: "")) and \(count(k, "bound", "bounds", zh: "")) (\"more than\", \"less than\") entering the fit as censored observations",
                        "依据自身\(n)个值及\(k)个界限（“超过”“低于”）按删失观测拟合判断")
        case let .boundsAsValues(n, k, lower):
            return pick("judged from \(count(n, "value", "values", zh: "")) and \(count(k, "bound", "bounds", zh: "")) taken as values (too few values for a censored fit)",
                        "依据\(n)个值及\(k)个按数值处理的界限判断（数值太少，无法做删失拟合）")
                + (lower ? pick("; the bounds are lower bounds, so the projection and the probability are lower estimates",
                                "；界限均为下限，预测值和概率偏低") : "")
        case let .referenceClass(c):
            let what = c.source == .peerRegions
                ? pick("\(name(indicator)) in \(count(c.members, "peer region", "peer regions", zh: ""))", "\(c.members)个同行地区的\(name(indicator))")
                : pick("\(count(c.members, "other indicator", "other indicators", zh: "")) of the same kind in the region", "本地区\(c.members)个同类指标")
            let mean = classChange(c.meanChange, c, indicator), sd = classChange(c.standardDeviation, c, indicator, signed: false)
            return pick("fewer than three values of its own: judged by the reference class of \(count(c.changes, "year-over-year change", "year-over-year changes", zh: "")) of \(what), \(c.years.lowerBound)–\(c.years.upperBound) (mean \(mean), standard deviation \(sd) a year)",
                        "自身数值不足三个：依据参照组判断，即\(what)\(c.years.lowerBound)—\(c.years.upperBound)年的\(c.changes)个年度变动（均值\(mean)，标准差\(sd)）")
        case let .targetRecord(r):
            let sign = r.mean >= 0 ? "+" : ""
            let margin = r.logScale ? sign + NumberFormat.percent(exp(r.mean) - 1, decimals: 1)
                : indicator.unit.hasPrefix("%") ? sign + NumberFormat.fixed(r.mean, 2) + percentagePoints
                : sign + number(r.mean) + (indicator.unit.isEmpty ? "" : " " + indicator.unit)
            return pick("judged by the record of the indicator's \(count(r.count, "earlier target", "earlier targets", zh: "")) against their outcomes, \(r.years.lowerBound)–\(r.years.upperBound) (outcome against target: \(margin) on average)",
                        "依据该指标\(r.years.lowerBound)—\(r.years.upperBound)年\(r.count)项既往目标与实际结果的记录判断（实际与目标之差平均为\(margin)）")
        case let .earlierTargets(met, n):
            return pick("judged by the share of every earlier target met (\(met) of \(n)): the indicator has fewer than \(TargetRecord.minimum) earlier targets of its own",
                        "依据此前全部目标的完成比例判断（\(n)项中完成\(met)项）：该指标自身既往目标不足\(TargetRecord.minimum)项")
        }
    }

    /// A class's mean or spread in its measure: percentage points (rates), growth as a percent (the mean of a log
    /// growth class), the log growth's spread, or the unit.
    func classChange(_ x: Double, _ c: ReferenceClass, _ indicator: Indicator, signed: Bool = true) -> String {
        if c.logGrowth { return signed ? NumberFormat.percent(x, decimals: 1) : number(x) + pick(" (log)", "（对数）") }
        let sign = signed && x >= 0 ? "+" : ""
        let unit = indicator.unit.hasPrefix("%") ? percentagePoints : indicator.unit.isEmpty ? "" : " " + indicator.unit
        return sign + number(x) + unit
    }

    /// The group heading of a reason (one line of the list of targets not assessed).
    public func reasonHeading(_ r: UnassessedReason) -> String {
        switch r {
        case .noActualValue: pick("no value before the target year", "目标年份之前没有实际值")
        case .tooFewPoints: pick("fewer than three values, and no reference class large enough", "数值不足三个，且没有足够大的参照组")
        case .referenceClassOff: pick("fewer than three values (reference classes switched off)", "数值不足三个（已关闭参照组）")
        case .relativeTooShort: pick("a relative target whose own series is too short for a projection", "相对目标自身序列太短，无法预测")
        case .relativeWithoutSeries: pick("a relative target whose other series is absent", "相对目标所比较的序列缺失")
        case .outcomeIsBound: pick("the outcome is known only as a bound that does not settle it", "结果仅知界限，无法判断")
        case .trendFailed: pick("no trend could be fitted (see the notes)", "无法拟合趋势（见说明）")
        }
    }

    /// What data would make the target assessable.
    public func remedy(_ r: UnassessedReason, _ a: TargetAssessment) -> String {
        let i = name(a.indicator)
        switch r {
        case let .noActualValue(year):
            return pick("a value of \(i) for a year before \(year)", "\(i)在\(year)年以前的实际值")
        case let .tooFewPoints(n, peers, kind, minimum):
            return pick("\(count(3 - n, "more year", "more years", zh: "")) of \(i), or \(minimum) year-over-year changes of it in peer regions (now \(peers); the region's indicators of the same kind give \(kind))",
                        "再有\(3 - n)年的\(i)数据，或同行地区该指标至少\(minimum)个年度变动（现有\(peers)个；本地区同类指标有\(kind)个）")
        case let .referenceClassOff(n):
            return pick("\(count(3 - n, "more year", "more years", zh: "")) of \(i), or reference classes (drop --no-reference-class)",
                        "再有\(3 - n)年的\(i)数据，或启用参照组（去掉 --no-reference-class）")
        case let .relativeTooShort(n):
            return pick("\(count(max(1, 3 - n), "more year", "more years", zh: "")) of \(i)", "再有\(max(1, 3 - n))年的\(i)数据")
        case let .relativeWithoutSeries(region, indicator):
            let s = seriesName(region: region, indicator: indicator, home: a.target.region)
            return pick("a history of \(s), or its target for \(a.target.period.year)", "\(s)的历史数据或其\(a.target.period.year)年目标")
        case let .outcomeIsBound(year):
            return pick("the exact value of \(year)", "\(year)年的确切数值")
        case .trendFailed:
            return pick("values a trend can be fitted to", "可拟合趋势的数据")
        }
    }

    /// The parameters of a basis or a reason for machine output.
    public func parameters(_ b: AssessmentBasis) -> [(String, JSONValue)] {
        switch b {
        case .observed: []
        case let .ownHistory(n): [("points", .integer(n))]
        case let .censored(n, k): [("points", .integer(n)), ("bounds", .integer(k))]
        case let .boundsAsValues(n, k, lower): [("points", .integer(n)), ("bounds", .integer(k)), ("lower_estimate", .bool(lower))]
        case let .referenceClass(c):
            [("source", .string(c.source.rawValue)), ("changes", .integer(c.changes)), ("members", .integer(c.members)),
             ("measure", .string(c.logGrowth ? "log_growth" : "difference")), ("mean", .number(c.mean)),
             ("sd", .number(c.standardDeviation)), ("first_year", .integer(c.years.lowerBound)), ("last_year", .integer(c.years.upperBound))]
        case let .targetRecord(r):
            [("targets", .integer(r.count)), ("measure", .string(r.logScale ? "log_ratio" : "difference")), ("mean", .number(r.mean)),
             ("sd", .number(r.spread)), ("first_year", .integer(r.years.lowerBound)), ("last_year", .integer(r.years.upperBound))]
        case let .earlierTargets(met, n): [("met", .integer(met)), ("targets", .integer(n))]
        }
    }

    public func parameters(_ r: UnassessedReason) -> [(String, JSONValue)] {
        switch r {
        case let .noActualValue(year): [("year", .integer(year))]
        case let .tooFewPoints(n, peers, kind, minimum):
            [("points", .integer(n)), ("peer_changes", .integer(peers)), ("kind_changes", .integer(kind)), ("minimum", .integer(minimum))]
        case let .referenceClassOff(n), let .relativeTooShort(n): [("points", .integer(n))]
        case let .relativeWithoutSeries(region, indicator): [("region", .string(region)), ("indicator", .string(indicator))]
        case let .outcomeIsBound(year): [("year", .integer(year))]
        case .trendFailed: []
        }
    }
}
