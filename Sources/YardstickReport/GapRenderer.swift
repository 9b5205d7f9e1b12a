import Yardstick

/// Renders target assessments (`yardstick gap`) as text, JSON or CSV, worded by `labels` (English or Chinese).
public enum GapRenderer {
    /// `{"targets": [{region, indicator, name, target_period, comparator, target, target_high, unit, baseline_period,
    /// baseline, latest_period, latest, latest_kind, gap_abs, gap_rel, completion, already_met, required_growth,
    /// required_change, trend_growth {rate, lower, upper, unit}, projection {model, mean, intervals {"80": [lo, hi]},
    /// logit_scale}, probability, status, own_status, method_statuses {method: {code, label, status, value}},
    /// ambition_percentile, ambition_seen {count, of}, track_record {met, missed, mean_miss}, observed {period, value,
    /// kind, margin}, basis {code, text, params}, unassessed {code, text, remedy, params}, notes [{code, text,
    /// params}]}]}`. Growth rates and probabilities are fractions; values keep the
    /// data's unit; `label` and `text` are in the labels' language, `code` and `params` are the same in every language.
    public static func json(_ assessments: [TargetAssessment], labels: ReportLabels) -> JSONValue {
        .object([("targets", .array(assessments.map { json($0, labels: labels) }))])
    }

    static func json(_ a: TargetAssessment, labels l: ReportLabels) -> JSONValue {
        func num(_ x: Double?) -> JSONValue { .optional(x) }
        let trend: JSONValue = a.trendGrowth.map { g in
            .object([("rate", .number(g.value)), ("lower", num(g.interval?.lowerBound)), ("upper", num(g.interval?.upperBound)),
                     ("unit", .string(g.isGrowthRate ? "fraction per year"
                                        : a.indicator.unit.hasPrefix("%") ? "percentage points per year" : "\(a.indicator.unit) per year"))])
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
        let basis: JSONValue = a.basis.map { ReportLabels.coded($0.code, l.basis($0, indicator: a.indicator), l.parameters($0)) } ?? .null
        let unassessed: JSONValue = a.unassessed.map { r in
            .object([("code", .string(r.code)), ("text", .string(l.reasonHeading(r))), ("remedy", .string(l.remedy(r, a))),
                     ("params", .object(l.parameters(r)))])
        } ?? .null
        return .object([
            ("region", .string(a.target.region)), ("indicator", .string(a.indicator.id)), ("name", .string(l.name(a.indicator))),
            ("target_period", .string(a.target.period.description)), ("comparator", .string(a.target.qualifier.symbol)),
            ("target", num(a.targetValue)), ("target_high", num(a.targetHigh)), ("unit", .string(a.target.unit)),
            ("relative_to", { if case let .relative(to) = a.target.qualifier { .string(to) } else { .null } }()),
            ("stretch", .bool(a.target.stretch)),
            ("baseline_period", a.baseline.map { .string(String($0.year)) } ?? .null), ("baseline", num(a.baseline?.value)),
            ("latest_period", a.latest.map { .string(String($0.year)) } ?? .null), ("latest", num(a.latest?.value)),
            ("latest_kind", a.latest.map { .string($0.kind.rawValue) } ?? .null),
            ("gap_abs", num(a.gapAbsolute)), ("gap_rel", num(a.gapRelative)), ("completion", num(a.completion)),
            ("already_met", .bool(a.alreadyMet)),
            ("required_growth", num(a.requiredGrowth)), ("required_change", num(a.requiredChange)),
            ("trend_growth", trend), ("projection", projection), ("probability", num(a.probability)),
            ("status", .string(a.status.rawValue)), ("own_status", .string(a.ownStatus.rawValue)),
            ("method_statuses", .object(a.methodStatuses.map { r in
                (r.method.rawValue, .object([("code", .string(r.verdict.code)), ("label", .string(l.verdict(r))),
                                             ("status", .string(r.status.rawValue)), ("value", num(r.value))]))
            })),
            ("ambition_percentile", num(a.ambitionPercentile)),
            ("ambition_seen", a.ambitionSeen.map { .object([("count", .integer($0.count)), ("of", .integer($0.of))]) } ?? .null),
            ("track_record", a.trackRecord.map { .object([("met", .integer($0.met)), ("missed", .integer($0.missed)), ("mean_miss", num($0.meanMiss))]) }
                ?? .object([("met", .integer(0)), ("missed", .integer(0)), ("mean_miss", .null)])),
            ("observed", observed),
            ("basis", basis), ("unassessed", unassessed),
            ("notes", .array(a.notes.map { ReportLabels.coded($0.code, l.note($0, home: a.target.region), l.parameters($0)) })),
        ])
    }

    /// The scorecard as a table (a region column when the targets come from more than one region), then the notes
    /// of each target.
    public static func text(_ assessments: [TargetAssessment], labels l: ReportLabels, method: StatusMethod = .own) -> String {
        let rows = assessments.map(l.row)
        let regions = Set(rows.map(\.region)).count > 1
        var table = TextTable(header: l.columns(region: regions),
                              alignments: (regions ? [.left] : []) + [.left, .right, .right, .right, .right, .right, .left, .left])
        for r in rows {
            table.append((regions ? [r.region] : []) + [r.indicator, r.latest, r.target, r.required, r.trend, r.probability, r.basis, r.statusLabel])
        }
        var lines = [table.rendered(), ""]
        if method != .own { lines.append(l.pick("status by \(l.method(method))", "状态按\(l.method(method))")) }
        for (a, r) in zip(assessments, rows) {
            // The basis is said where it is not the plain one (own history, or the outcome).
            let basis = a.basis.flatMap { b in b.isPlain ? nil : l.basis(b, indicator: a.indicator) }
            let sentences = a.notes.map { l.note($0, home: a.target.region) } + (basis.map { [$0] } ?? [])
            guard !sentences.isEmpty else { continue }
            let head = (regions ? r.region + " · " : "") + "\(r.indicator) \(a.target.period)" + l.pick(": ", "：")
            lines.append(head + sentences.joined(separator: l.pick("; ", "；")))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per target with the main numbers and every method's verdict (code and label).
    public static func csv(_ assessments: [TargetAssessment], labels: ReportLabels) -> String {
        csvPieces(assessments, labels: labels).joined()
    }

    /// ``csv(_:labels:)`` in pieces that end with a line end, to be written one after another: a large table is never
    /// one string (on 100 000 targets, copying the pieces into one cost 6% of `gap`).
    public static func csvPieces(_ assessments: [TargetAssessment], labels l: ReportLabels) -> [String] {
        let methods = StatusMethod.allCases.dropFirst()
        let header = (["region", "indicator", "target_period", "comparator", "target", "target_high", "unit", "latest_period", "latest",
                       "latest_kind", "gap_abs", "gap_rel", "completion", "required_growth", "required_change", "trend_growth",
                       "projection", "probability", "status", "basis", "unassessed"] + methods.flatMap { [$0.rawValue, $0.rawValue + "_label"] }).joined(separator: ",") + "\n"
        // Rows in chunks on every core, in order; each row written straight into its chunk's text.
        return [header] + ParallelText.chunks(assessments.count) { range in
            var out = ""
            out.reserveCapacity(range.count * 256)
            func text(_ s: String, first: Bool = false) {
                if !first { out += "," }
                out += CSVTable.escape(s)
            }
            func number(_ x: Double?) {
                out += ","
                if let x, x.isFinite { x.write(to: &out) }
            }
            for i in range {
                let a = assessments[i]
                text(a.target.region, first: true); text(a.indicator.id); text(a.target.period.description)
                text(a.target.qualifier.symbol); number(a.targetValue); number(a.targetHigh); text(a.target.unit)
                text(a.latest.map { String($0.year) } ?? ""); number(a.latest?.value); text(a.latest?.kind.rawValue ?? "")
                number(a.gapAbsolute); number(a.gapRelative); number(a.completion); number(a.requiredGrowth)
                number(a.requiredChange); number(a.trendGrowth?.value); number(a.projection?.mean); number(a.probability)
                text(a.status.rawValue); text(a.basis?.code ?? ""); text(a.unassessed?.code ?? "")
                for m in a.methodStatuses { text(m.verdict.code); text(l.verdict(m)) }
                out += "\n"
            }
            return out
        }
    }
}
