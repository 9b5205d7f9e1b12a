import Yardstick

/// Builds a ``ReportDocument`` from target assessments: chooses, orders and formats; computes nothing.
///
/// ```swift
/// let doc = ReportBuilder(language: .en).document(region: "Zhuzhou", assessments: GapAnalysis().assess(panel), panel: panel)
/// print(TextReport.render(doc, colour: false))
/// ```
public struct ReportBuilder: Sendable {
    public let language: ReportLanguage
    var labels: ReportLabels { ReportLabels(language: language) }
    /// The panel's indicator metadata, for the names of the series a relative target refers to.
    var indicators: [String: Indicator] = [:]

    public init(language: ReportLanguage) { self.language = language }

    /// The language a panel is written in: Chinese when most indicator names are.
    public static func language(of panel: Panel) -> ReportLanguage {
        let names = panel.indicatorIDs.map { panel.indicator($0).name }
        let chinese = names.filter { $0.unicodeScalars.contains { TextTable.isWide($0) } }.count
        return chinese * 2 > names.count ? .zh : .en
    }

    /// Urgency order of findings: off track, at risk, missed, not assessable, on track, met.
    static let urgency: [TargetStatus] = [.offTrack, .atRisk, .missed, .notAssessable, .onTrack, .met]

    public func document(region: String, assessments: [TargetAssessment], panel: Panel) -> ReportDocument {
        var builder = self
        builder.indicators = panel.indicators
        return builder.build(region: region, assessments: assessments, panel: panel)
    }

    private func build(region: String, assessments: [TargetAssessment], panel: Panel) -> ReportDocument {
        let l = labels
        // The report is about the latest targets; earlier ones (years already past) follow them.
        let latestYear = assessments.map { $0.target.period.year }.max() ?? 0
        let assessments = assessments.filter { $0.target.period.year == latestYear } + assessments.filter { $0.target.period.year != latestYear }
        let title = language == .zh ? "\(region) \(latestYear)年目标评估" : "\(region): targets for \(latestYear)"
        let counts = TargetStatus.allCases.map { s in (s, l.status(s), assessments.filter { $0.status == s }.count) }
        let parts = counts.filter { $0.2 > 0 }.map { "\($0.2) \($0.1)" }
        let headline = language == .zh
            ? "共\(assessments.count)项目标：" + counts.filter { $0.2 > 0 }.map { "\($0.1)\($0.2)项" }.joined(separator: "，") + "。"
            : "\(assessments.count) targets: " + parts.joined(separator: ", ") + "."
        let subtitle = language == .zh
            ? "数据：\(panel.observations.count)条观测值，\(panel.regions.count)个地区。由 Yardstick \(YardstickVersion.string) 生成。"
            : "Data: \(panel.observations.count) observations, \(panel.regions.count) region\(panel.regions.count == 1 ? "" : "s"). Made with Yardstick \(YardstickVersion.string)."
        let ordered = assessments.enumerated().sorted { a, b in
            let ua = Self.urgency.firstIndex(of: a.element.status)!, ub = Self.urgency.firstIndex(of: b.element.status)!
            if ua != ub { return ua < ub }
            return (a.element.probability ?? 2, a.offset) < (b.element.probability ?? 2, b.offset)
        }.map(\.element)
        return ReportDocument(
            language: language, title: title, subtitle: subtitle, headline: headline,
            counts: counts.map { (status: $0.0, label: $0.1, count: $0.2) }, labels: l,
            rows: assessments.map(row),
            findings: ordered.filter { $0.latest != nil || $0.observed != nil }.map { ReportDocument.Finding(text: sentence($0), status: $0.status) },
            charts: assessments.compactMap(chart),
            bars: assessments.filter { $0.latest != nil || $0.probability != nil }.map {
                ReportDocument.Bar(label: name($0), probability: $0.probability, status: $0.status, statusLabel: l.status($0.status))
            },
            caveats: caveats(assessments, panel: panel, region: region),
            assessments: assessments)
    }

    func name(_ a: TargetAssessment) -> String { name(a.indicator) }

    func name(_ i: Indicator) -> String { language == .en ? (i.englishName ?? i.name) : i.name }

    /// The target as the report states it, in the report's language: ``GapRenderer/statedTarget(_:)``, and for a
    /// relative target the name of the series it is relative to ("above GDP growth", "高于地区生产总值增长").
    func statedTarget(_ a: TargetAssessment) -> String {
        guard case let .relative(to) = a.target.qualifier else { return GapRenderer.statedTarget(a) }
        let parts = to.split(separator: ":", maxSplits: 1).map(String.init)
        let id = parts.last!, series = name(indicators[id] ?? Indicator(id: id))
        let other = parts.count == 2 ? (language == .zh ? parts[0] + series : "\(parts[0]) \(series)") : series
        return labels.relative(lower: a.indicator.direction == .lower) + other
    }

    /// A value with its unit: "7%", "445 列", "3.27% of GDP".
    func amount(_ x: Double, unit: String) -> String { NumberFormat.withUnit(NumberFormat.significant(x), unit) }

    func row(_ a: TargetAssessment) -> ReportDocument.Row {
        let growth = a.requiredGrowth != nil
        let required = GapRenderer.change(growth ? a.requiredGrowth : a.requiredChange, growth: growth, unit: a.indicator.unit)
        let trend = a.trendGrowth.map { GapRenderer.change($0.value, growth: $0.isGrowthRate, unit: a.indicator.unit) } ?? "–"
        return ReportDocument.Row(
            indicator: name(a), latest: latestText(a), target: statedTarget(a) + " (\(a.target.period))",
            required: required, trend: trend, probability: a.probability.map { NumberFormat.percent($0, decimals: 0) } ?? "–",
            status: a.status, statusLabel: labels.status(a.status))
    }

    func latestText(_ a: TargetAssessment) -> String {
        guard let p = a.latest else { return "–" }
        let v = NumberFormat.significant(p.value)
        switch p.kind {
        case .actual: return "\(v) (\(p.year))"
        case .preliminary: return "\(v) (\(p.year), \(labels.kind(.preliminary)))"
        case .derived: return "\(v) (\(p.year), \(labels.kind(.derived)))"
        case .lowerBound: return "> \(v) (\(p.year))"
        case .upperBound: return "< \(v) (\(p.year))"
        }
    }

    /// "High-tech enterprises: above 1200 in 2023; the 2024 target of above 1500 needs 25.0% growth in one year; …"
    func sentence(_ a: TargetAssessment) -> String {
        let zh = language == .zh
        let unit = a.indicator.unit
        var clauses: [String] = []
        if let o = a.observed, let margin = a.observedMargin {
            let met = a.status == .met
            let m = NumberFormat.significant(abs(margin), 3) + (unit.hasPrefix("%") ? (zh ? "个百分点" : " pp") : " " + unit)
            clauses.append(zh ? "\(o.year)年目标\(statedTarget(a))\(met ? "已完成" : "未完成")（实际\(amount(o.value, unit: unit))，\(met ? "超出" : "相差")\(m)）"
                              : "the \(o.year) target of \(statedTarget(a)) was \(met ? "met" : "missed") (actual \(amount(o.value, unit: unit)), \(met ? "by" : "short by") \(m))")
            if let p = a.probability {
                clauses.append(zh ? "按此前的历史，实现概率约为\(NumberFormat.percent(p, decimals: 0))" : "the history before gave it a probability of about \(NumberFormat.percent(p, decimals: 0))")
            }
        } else {
            if let l = a.latest {
                let v = latestPhrase(l, unit: unit)
                clauses.append(zh ? "\(l.year)年\(v)" : "\(v) in \(l.year)")
            }
            let h = a.latest.map { a.target.period.year - $0.year } ?? 0
            let span = zh ? (h == 1 ? "一年内" : "\(h)年间每年") : (h == 1 ? "in one year" : "a year for \(h) years")
            let alreadyMet = (a.gapAbsolute ?? 0) * (a.indicator.direction == .lower ? -1 : 1) < 0 && a.target.qualifier != .approximately
            if alreadyMet {
                clauses.append(zh ? "已达到\(a.target.period)年目标\(statedTarget(a))" : "already beyond the \(a.target.period) target of \(statedTarget(a))")
            } else if let g = a.requiredGrowth {
                clauses.append(zh ? "\(a.target.period)年目标\(statedTarget(a))需\(span)增长\(NumberFormat.percent(g, decimals: 1))"
                                  : "the \(a.target.period) target of \(statedTarget(a)) needs \(NumberFormat.percent(g, decimals: 1)) growth \(span)")
            } else if let c = a.requiredChange {
                let ch = zh ? GapRenderer.change(c, growth: false, unit: unit).replacingOccurrences(of: " pp", with: "个百分点") : GapRenderer.change(c, growth: false, unit: unit)
                clauses.append(zh ? "\(a.target.period)年目标\(statedTarget(a))需年均变动\(ch)"
                                  : "the \(a.target.period) target of \(statedTarget(a)) needs \(ch) a year")
            } else {
                clauses.append(zh ? "\(a.target.period)年目标为\(statedTarget(a))" : "the \(a.target.period) target is \(statedTarget(a))")
            }
            if let t = a.trendGrowth, let first = a.history.first, let last = a.history.last {
                var value = GapRenderer.change(t.value, growth: t.isGrowthRate, unit: unit)
                if zh { value = value.replacingOccurrences(of: " pp", with: "个百分点") }
                clauses.append(zh ? "\(first.year)—\(last.year)年趋势约为每年\(value)" : "the \(first.year)–\(last.year) trend delivers about \(value) a year")
            }
            if let p = a.probability {
                clauses.append(zh ? "实现概率约\(NumberFormat.percent(p, decimals: 0))" : "probability of meeting it about \(NumberFormat.percent(p, decimals: 0))")
            } else if a.history.count < 3 {
                clauses.append(zh ? "历史数据不足，无法给出概率" : "too short a history for a probability")
            }
        }
        return name(a) + (zh ? "：" : ": ") + clauses.joined(separator: zh ? "；" : "; ") + (zh ? "。" : ".")
    }

    func latestPhrase(_ p: HistoryPoint, unit: String) -> String {
        let v = amount(p.value, unit: unit)
        let zh = language == .zh
        switch p.kind {
        case .actual: return v
        case .preliminary: return zh ? "预计\(v)" : "\(v) (preliminary)"
        case .derived: return zh ? "\(v)（推算）" : "\(v) (derived)"
        case .lowerBound: return zh ? "超过\(v)" : "above \(v)"
        case .upperBound: return zh ? "低于\(v)" : "below \(v)"
        }
    }

    func chart(_ a: TargetAssessment) -> ReportDocument.Chart? {
        guard !a.history.isEmpty || a.latest != nil else { return nil }
        var history = a.history.map { ReportDocument.Chart.Point(year: $0.year, value: $0.value, kind: $0.kind.rawValue) }
        if let l = a.latest, l.kind == .lowerBound || l.kind == .upperBound {
            history.append(.init(year: l.year, value: l.value, kind: l.kind.rawValue))
        }
        if let o = a.observed { history.append(.init(year: o.year, value: o.value, kind: o.kind.rawValue)) }
        let (low, high): (Double?, Double?) = {
            guard let t = a.targetValue else { return (nil, nil) }
            return (t, a.targetHigh ?? t)
        }()
        let projected = a.path?.projected.map { ReportDocument.Chart.Band(year: $0.year, mean: $0.value, intervals: $0.bands.sorted { $0.level > $1.level }) } ?? []
        let zh = language == .zh
        let description = (zh ? "\(name(a))历史值\(history.count)个" : "\(name(a)): \(history.count) value\(history.count == 1 ? "" : "s") on record")
            + (projected.isEmpty ? "" : (zh ? "，趋势预测至\(a.target.period)年" : ", trend projected to \(a.target.period)"))
            + (zh ? "；目标\(statedTarget(a))；状态：\(labels.status(a.status))。" : "; target \(statedTarget(a)); status: \(labels.status(a.status)).")
        return ReportDocument.Chart(
            id: "\(a.indicator.id)-\(a.target.period)", title: name(a) + " (\(a.target.period))", description: description,
            unit: a.indicator.unit, history: history.sorted { $0.year < $1.year },
            fitted: a.path?.fitted.map { .init(year: $0.year, value: $0.value, kind: "fitted") } ?? [],
            projected: projected, targetYear: a.target.period.year, targetLow: low, targetHigh: high,
            targetLabel: statedTarget(a), status: a.status,
            table: history.sorted { $0.year < $1.year }.map { (String($0.year), NumberFormat.significant($0.value) + ($0.kind == "actual" ? "" : " (\(labels.kind(PointKind(rawValue: $0.kind) ?? .actual)))")) })
    }

    func caveats(_ assessments: [TargetAssessment], panel: Panel, region: String) -> [String] {
        let zh = language == .zh
        var out: [String] = []
        func list(_ xs: [TargetAssessment]) -> String { Array(Set(xs.map(name))).sorted().joined(separator: zh ? "、" : ", ") }
        let prelim = assessments.filter { $0.latest?.kind == .preliminary }
        if !prelim.isEmpty { out.append((zh ? "预计值（尚非最终数据）：" : "Preliminary (预计) values, not yet final: ") + list(prelim)) }
        let bounds = assessments.filter { $0.latest?.kind == .lowerBound || $0.latest?.kind == .upperBound }
        if !bounds.isEmpty { out.append((zh ? "仅知上下限（如“突破1200”）：" : "Known only as bounds (\"above 1200\"): ") + list(bounds)) }
        let derived = assessments.filter { $0.history.contains { $0.kind == .derived } }
        if !derived.isEmpty { out.append((zh ? "由当年值与增速推算的上年值：" : "Earlier values derived from a level and its growth: ") + list(derived)) }
        let short = assessments.filter { $0.history.count < 3 && $0.latest != nil }
        if !short.isEmpty { out.append((zh ? "历史数据少于3个，无法给出概率：" : "Fewer than three values on record, so no probability: ") + list(short)) }
        let none = assessments.filter { $0.latest == nil && $0.observed == nil }
        if !none.isEmpty { out.append((zh ? "数据中没有实际值的目标：" : "Targets with no actual value in the data: ") + list(none)) }
        let sources = Set(panel.observations.filter { $0.region == region }.map(\.source).filter { !$0.isEmpty })
        if !sources.isEmpty {
            // Named publications first, then page addresses.
            let ordered = sources.sorted { ($0.hasPrefix("http") ? 1 : 0, $0) < ($1.hasPrefix("http") ? 1 : 0, $1) }
            out.append((zh ? "数据来源（\(sources.count)个）：" : "Sources (\(sources.count)): ") + ordered.prefix(12).joined(separator: "; ")
                       + (sources.count > 12 ? (zh ? "等" : "; …") : ""))
        }
        return out
    }
}
