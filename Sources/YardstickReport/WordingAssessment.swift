import Yardstick

/// How an assessment reads in a table: the target as stated, the latest value with its kind, the changes a year,
/// and one scorecard row. Shared by the report and the `gap` table.
extension ReportLabels {
    /// The target as stated: "≥ 10%", "≈ 7%", "4.5–5%", and for a relative target the series it follows in the
    /// report's language ("above GDP growth", "低于湖南省城镇调查失业率").
    public func statedTarget(_ a: TargetAssessment) -> String {
        func withUnit(_ v: String) -> String { NumberFormat.withUnit(v, a.target.unit) }
        let v = a.targetValue.map { NumberFormat.data($0, language: language, unit: a.target.unit) } ?? ""
        switch a.target.qualifier {
        case .exact: return withUnit(v)
        case .approximately: return "≈ " + withUnit(v)
        case .atLeast: return "≥ " + withUnit(v)
        case .moreThan: return "> " + withUnit(v)
        case .atMost: return "≤ " + withUnit(v)
        case .lessThan: return "< " + withUnit(v)
        case let .range(h): return withUnit("\(v)–\(NumberFormat.data(h, language: language, unit: a.target.unit))")
        case let .relative(to):
            let parts = to.split(separator: ":", maxSplits: 1).map(String.init)
            let series = parts.count == 2
                ? seriesName(region: parts[0], indicator: parts[1], home: a.target.region)
                : indicatorName(parts[0])
            return relative(lower: a.indicator.direction == .lower) + series
        }
    }

    /// The latest value with its kind: "> 1200 (2023)" for a lower bound, "445 (2023, preliminary)".
    public func latest(_ a: TargetAssessment) -> String {
        guard let p = a.latest else { return "–" }
        let v = NumberFormat.data(p.value, language: language, unit: a.indicator.unit)
        switch p.kind {
        case .actual: return "\(v) (\(p.year))"
        case .preliminary, .derived: return "\(v) (\(p.year), \(kind(p.kind)))"
        case .lowerBound: return "> \(v) (\(p.year))"
        case .upperBound: return "< \(v) (\(p.year))"
        }
    }

    /// A value with its unit: "7%", "445 列", "3.27% of GDP".
    func amount(_ x: Double, unit: String) -> String { NumberFormat.withUnit(NumberFormat.data(x, language: language, unit: unit), unit) }

    /// The percentage-point unit: "pp" or "个百分点".
    var percentagePoints: String { pick(" pp", "个百分点") }

    /// A change a year: a growth rate ("12.4%") or a change in the unit ("+1.50 pp", "+1.50个百分点", "-3 位").
    /// Percentage points always with two decimals, so that a column's changes read alike (+0.09 beside +1.50).
    func change(_ value: Double?, growth: Bool, unit: String) -> String {
        guard let value, value.isFinite else { return "–" }
        if growth { return NumberFormat.percent(value, decimals: 1) }
        let points = unit.hasPrefix("%")
        let u = points ? percentagePoints : unit.isEmpty ? "" : " " + unit
        var text = points ? NumberFormat.fixed(value, 2) : NumberFormat.readable(value, language: language, digits: 3)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }          // -0.001 pp reads 0.00, not -0.00
        let zero = Double(text) == 0                                             // and 0.001 pp reads 0.00, not +0.00
        return (value >= 0 && !zero && !text.hasPrefix("-") ? "+" : "") + text + u
    }

    /// The scorecard row of an assessment.
    func row(_ a: TargetAssessment) -> ReportDocument.Row {
        let growth = a.requiredGrowth != nil
        let required = change(growth ? a.requiredGrowth : a.requiredChange, growth: growth, unit: a.indicator.unit)
        let trend = a.trendGrowth.map { change($0.value, growth: $0.isGrowthRate, unit: a.indicator.unit) } ?? "–"
        return ReportDocument.Row(
            region: regionName(a.target.region), indicator: name(a.indicator), latest: latest(a),
            target: statedTarget(a) + " (\(a.target.period))", required: required, trend: trend,
            probability: a.probability.map(NumberFormat.probability) ?? "–", basis: basisCell(a),
            status: a.status, statusLabel: status(a.status))
    }
}
