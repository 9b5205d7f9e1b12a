import Yardstick

/// Renders target assessments (`yardstick gap`) as text, JSON or CSV.
public enum GapRenderer {
    /// `{"targets": [{region, indicator, name, target_period, comparator, target, target_high, unit, baseline_period,
    /// baseline, latest_period, latest, latest_kind, gap_abs, gap_rel, completion, required_growth, required_change,
    /// trend_growth {rate, lower, upper, unit}, projection {model, mean, intervals {"80": [lo, hi]}, logit_scale},
    /// probability, status, own_status, method_statuses {method: {label, status, value}}, ambition_percentile,
    /// ambition_seen {count, of}, track_record {met, missed, mean_miss}, observed {period, value, kind, margin},
    /// notes […]}]}`. Growth rates and probabilities are fractions; values keep the data's unit.
    public static func json(_ assessments: [TargetAssessment]) -> JSONValue {
        .object([("targets", .array(assessments.map(json)))])
    }

    static func json(_ a: TargetAssessment) -> JSONValue {
        func num(_ x: Double?) -> JSONValue { .optional(x) }
        let trend: JSONValue = a.trendGrowth.map { g in
            .object([("rate", .number(g.value)), ("lower", num(g.interval?.lowerBound)), ("upper", num(g.interval?.upperBound)),
                     ("unit", .string(g.isGrowthRate ? "fraction per year" : "\(a.indicator.unit) per year"))])
        } ?? .null
        let projection: JSONValue = a.projection.map { p in
            .object([("model", .string(p.model.rawValue)), ("mean", .number(p.mean)),
                     ("intervals", .object(p.intervals.map { (NumberFormat.level($0.level), .array([.number($0.lower), .number($0.upper)])) })),
                     ("logit_scale", .bool(p.logitScale))])
        } ?? .null
        let observed: JSONValue = a.observed.map { o in
            .object([("period", .string(String(o.year))), ("value", .number(o.value)), ("kind", .string(o.kind.rawValue)),
                     ("margin", num(a.observedMargin))])
        } ?? .null
        return .object([
            ("region", .string(a.target.region)), ("indicator", .string(a.indicator.id)), ("name", .string(a.indicator.name)),
            ("target_period", .string(a.target.period.description)), ("comparator", .string(a.target.qualifier.symbol)),
            ("target", num(a.targetValue)), ("target_high", num(a.targetHigh)), ("unit", .string(a.target.unit)),
            ("relative_to", { if case let .relative(to) = a.target.qualifier { .string(to) } else { .null } }()),
            ("baseline_period", a.baseline.map { .string(String($0.year)) } ?? .null), ("baseline", num(a.baseline?.value)),
            ("latest_period", a.latest.map { .string(String($0.year)) } ?? .null), ("latest", num(a.latest?.value)),
            ("latest_kind", a.latest.map { .string($0.kind.rawValue) } ?? .null),
            ("gap_abs", num(a.gapAbsolute)), ("gap_rel", num(a.gapRelative)), ("completion", num(a.completion)),
            ("required_growth", num(a.requiredGrowth)), ("required_change", num(a.requiredChange)),
            ("trend_growth", trend), ("projection", projection), ("probability", num(a.probability)),
            ("status", .string(a.status.rawValue)), ("own_status", .string(a.ownStatus.rawValue)),
            ("method_statuses", .object(a.methodStatuses.map { r in
                (r.method.rawValue, .object([("label", .string(r.label)), ("status", .string(r.status.rawValue)), ("value", num(r.value))]))
            })),
            ("ambition_percentile", num(a.ambitionPercentile)),
            ("ambition_seen", a.ambitionSeen.map { .object([("count", .integer($0.count)), ("of", .integer($0.of))]) } ?? .null),
            ("track_record", a.trackRecord.map { .object([("met", .integer($0.met)), ("missed", .integer($0.missed)), ("mean_miss", num($0.meanMiss))]) }
                ?? .object([("met", .integer(0)), ("missed", .integer(0)), ("mean_miss", .null)])),
            ("observed", observed),
            ("notes", .array(a.notes.map(JSONValue.string))),
        ])
    }

    /// The target as the report states it: "≥ 10 %", "≈ 7 %", "4.5–5 %", "> gdp_growth".
    public static func statedTarget(_ a: TargetAssessment) -> String {
        func withUnit(_ v: String) -> String { NumberFormat.withUnit(v, a.target.unit) }
        let v = a.targetValue.map { NumberFormat.significant($0) } ?? ""
        switch a.target.qualifier {
        case .exact: return withUnit(v)
        case .approximately: return "≈ " + withUnit(v)
        case .atLeast: return "≥ " + withUnit(v)
        case .moreThan: return "> " + withUnit(v)
        case .atMost: return "≤ " + withUnit(v)
        case .lessThan: return "< " + withUnit(v)
        case let .range(h): return withUnit("\(v)–\(NumberFormat.significant(h))")
        case let .relative(to): return (a.indicator.direction == .lower ? "below " : "above ") + to
        }
    }

    /// A value with its kind's mark: "> 1200 (2023)" for a lower bound, "445 (2023, preliminary)".
    public static func latestText(_ a: TargetAssessment) -> String { ReportBuilder(language: .en).latestText(a) }

    static func change(_ value: Double?, growth: Bool, unit: String) -> String {
        guard let value else { return "–" }
        let u = unit.hasPrefix("%") ? "pp" : unit
        return growth ? NumberFormat.percent(value, decimals: 1) : (value >= 0 ? "+" : "") + NumberFormat.significant(value, 3) + " " + u
    }

    public static func text(_ assessments: [TargetAssessment], method: StatusMethod = .own) -> String {
        var table = TextTable(header: ["indicator", "latest", "target", "required/yr", "trend/yr", "P(meet)", "status"],
                              alignments: [.left, .right, .right, .right, .right, .right, .left])
        for a in assessments {
            let growth = a.requiredGrowth != nil
            let required = change(growth ? a.requiredGrowth : a.requiredChange, growth: growth, unit: a.indicator.unit)
            let trend = a.trendGrowth.map { change($0.value, growth: $0.isGrowthRate, unit: a.indicator.unit) } ?? "–"
            table.append([a.indicator.name == a.indicator.id ? a.indicator.id : a.indicator.name, latestText(a),
                          statedTarget(a) + " (\(a.target.period))", required, trend,
                          a.probability.map { NumberFormat.percent($0, decimals: 0) } ?? "–",
                          a.status.rawValue.replacingOccurrences(of: "_", with: " ")])
        }
        var lines = [table.rendered(), ""]
        if method != .own { lines.append("status by the \(method.rawValue) method") }
        for a in assessments where !a.notes.isEmpty {
            lines.append("\(a.indicator.id) \(a.target.period): " + a.notes.joined(separator: "; "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per target with the main numbers and every method's label.
    public static func csv(_ assessments: [TargetAssessment]) -> String {
        var lines = [(["region", "indicator", "target_period", "comparator", "target", "target_high", "unit", "latest_period", "latest",
                       "latest_kind", "gap_abs", "gap_rel", "completion", "required_growth", "required_change", "trend_growth",
                       "projection", "probability", "status"] + StatusMethod.allCases.dropFirst().map(\.rawValue)).joined(separator: ",")]
        func n(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        for a in assessments {
            var row = [a.target.region, a.indicator.id, a.target.period.description, a.target.qualifier.symbol, n(a.targetValue),
                       n(a.targetHigh), a.target.unit, a.latest.map { String($0.year) } ?? "", n(a.latest?.value),
                       a.latest?.kind.rawValue ?? "", n(a.gapAbsolute), n(a.gapRelative), n(a.completion), n(a.requiredGrowth),
                       n(a.requiredChange), n(a.trendGrowth?.value), n(a.projection?.mean), n(a.probability), a.status.rawValue]
            row += a.methodStatuses.map(\.label)
            lines.append(row.map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
