import Yardstick

/// A finding in a plain sentence and a chart's data, for one assessment, in the report's language.
struct FindingSentences {
    let labels: ReportLabels

    /// "High-tech enterprises: above 1200 家 in 2023; the 2024 target of > 1500 家 needs 25.0% growth in one year; …"
    func sentence(_ a: TargetAssessment) -> String {
        let l = labels, zh = l.language == .zh
        let unit = a.indicator.unit, target = l.statedTarget(a), period = a.target.period
        var clauses: [String] = []
        if let o = a.observed, let margin = a.observedMargin {
            let met = a.status == .met
            let m = NumberFormat.readable(abs(margin), language: l.language, digits: 3) + (unit.hasPrefix("%") ? l.percentagePoints : " " + unit)
            clauses.append(zh ? "\(o.year)年目标\(target)\(met ? "已完成" : "未完成")（实际\(l.amount(o.value, unit: unit))，\(met ? "超出" : "相差")\(m)）"
                              : "the \(o.year) target of \(target) was \(met ? "met" : "missed") (actual \(l.amount(o.value, unit: unit)), \(met ? "by" : "short by") \(m))")
            if let p = a.probability {
                let pct = NumberFormat.probability(p)
                clauses.append(l.pick("the history before gave it a probability of about \(pct)", "按此前的历史，实现概率约为\(pct)"))
            }
        } else {
            if let latest = a.latest {
                let v = phrase(latest, unit: unit)
                clauses.append(l.pick("\(v) in \(latest.year)", "\(latest.year)年\(v)"))
            }
            let h = a.latest.map { period.year - $0.year } ?? 0
            let span = h == 1 ? l.pick("in one year", "一年内") : l.pick("a year for \(h) years", "\(h)年间每年")
            if a.alreadyMet {
                clauses.append(l.pick("already beyond the \(period) target of \(target)", "已达到\(period)年目标\(target)"))
            } else if let g = a.requiredGrowth {
                let pct = NumberFormat.percent(g, decimals: 1)
                clauses.append(l.pick("the \(period) target of \(target) needs \(pct) growth \(span)", "\(period)年目标\(target)需\(span)增长\(pct)"))
            } else if let c = a.requiredChange {
                let ch = l.change(c, growth: false, unit: unit)
                clauses.append(l.pick("the \(period) target of \(target) needs \(ch) a year", "\(period)年目标\(target)需年均变动\(ch)"))
            } else {
                clauses.append(l.pick("the \(period) target is \(target)", "\(period)年目标为\(target)"))
            }
            if case let .referenceClass(c)? = a.basis {
                clauses.append(l.basis(.referenceClass(c), indicator: a.indicator))
            } else if let t = a.trendGrowth, let first = (a.history + a.bounds).map(\.year).min(), let last = (a.history + a.bounds).map(\.year).max() {
                let value = l.change(t.value, growth: t.isGrowthRate, unit: unit)
                clauses.append(l.pick("the \(first)–\(last) trend delivers about \(value) a year", "\(first)—\(last)年趋势约为每年\(value)"))
            }
            if let p = a.probability {
                let pct = NumberFormat.probability(p)
                clauses.append(l.pick("probability of meeting it about \(pct)", "实现概率约\(pct)"))
                if let b = a.basis, b.usesBounds { clauses.append(l.basis(b, indicator: a.indicator)) }
            } else if let r = a.unassessed {
                clauses.append(l.pick("not assessable: ", "无法评估：") + l.reasonHeading(r))
            }
        }
        return l.name(a.indicator) + l.pick(": ", "：") + clauses.joined(separator: l.pick("; ", "；")) + l.pick(".", "。")
    }

    /// A latest value as a sentence says it: "5.5% (preliminary)", "above 1200 家".
    func phrase(_ p: HistoryPoint, unit: String) -> String {
        let v = labels.amount(p.value, unit: unit)
        switch p.kind {
        case .actual: return v
        case .preliminary: return labels.pick("\(v) (preliminary)", "预计\(v)")
        case .derived: return labels.pick("\(v) (derived)", "\(v)（推算）")
        case .lowerBound: return labels.pick("above \(v)", "超过\(v)")
        case .upperBound: return labels.pick("below \(v)", "低于\(v)")
        }
    }

    func chart(_ a: TargetAssessment) -> ReportDocument.Chart? {
        guard !a.history.isEmpty || a.latest != nil else { return nil }
        let l = labels
        var history = a.history.map { ReportDocument.Chart.Point(year: $0.year, value: $0.value, kind: $0.kind.rawValue) }
        if let latest = a.latest, latest.kind == .lowerBound || latest.kind == .upperBound {
            history.append(.init(year: latest.year, value: latest.value, kind: latest.kind.rawValue))
        }
        for b in a.bounds where !history.contains(where: { $0.year == b.year }) {
            history.append(.init(year: b.year, value: b.value, kind: b.kind.rawValue))
        }
        if let o = a.observed { history.append(.init(year: o.year, value: o.value, kind: o.kind.rawValue)) }
        history.sort { $0.year < $1.year }
        let (low, high): (Double?, Double?) = a.targetValue.map { ($0, a.targetHigh ?? $0) } ?? (nil, nil)
        let projected = a.path?.projected.map { ReportDocument.Chart.Band(year: $0.year, mean: $0.value, intervals: $0.bands.sorted { $0.level > $1.level }) } ?? []
        let name = l.name(a.indicator), target = l.statedTarget(a), period = a.target.period
        let description = l.pick("\(name): \(l.count(history.count, "value", "values", zh: "")) on record", "\(name)历史值\(history.count)个")
            + (projected.isEmpty ? "" : l.pick(", trend projected to \(period)", "，趋势预测至\(period)年"))
            + l.pick("; target \(target); status: \(l.status(a.status)).", "；目标\(target)；状态：\(l.status(a.status))。")
        return ReportDocument.Chart(
            id: "\(a.indicator.id)-\(period)", title: name + " (\(period))", description: description,
            unit: a.indicator.unit, history: history,
            fitted: a.path?.fitted.map { .init(year: $0.year, value: $0.value, kind: "fitted") } ?? [],
            projected: projected, targetYear: period.year, targetLow: low, targetHigh: high,
            targetLabel: target, status: a.status,
            table: history.map { p in
                (String(p.year), NumberFormat.data(p.value, language: l.language, unit: a.indicator.unit) + (p.kind == "actual" ? "" : " (\(l.kind(PointKind(rawValue: p.kind) ?? .actual)))"))
            })
    }
}
