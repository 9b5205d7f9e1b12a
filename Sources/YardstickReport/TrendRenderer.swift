import Yardstick

/// Renders the outcomes of a `trend` run as text, JSON or CSV.
public enum TrendRenderer {
    /// `{"series": [{region, indicator, model, parameters {…}, sigma, n, aicc, growth {rate, lower, upper},
    /// fitted [{year, value}], forecast [{year, mean, intervals {"80": [lo, hi], …}}], warnings […]}],
    /// "not_fitted": [{region, indicator, points, reason}], "skipped": {"missing": N, "not_trend_points": N}}`.
    /// Warnings and reasons are `{code, text, params}` objects, worded by `labels`.
    public static func json(_ outcomes: [TrendOutcome], missing: Int = 0, notTrendPoints: Int = 0,
                            labels: ReportLabels = ReportLabels(language: .en)) -> JSONValue {
        var fitted: [JSONValue] = [], failed: [JSONValue] = []
        for o in outcomes {
            switch o.result {
            case let .success(p): fitted.append(json(p, labels: labels))
            case let .failure(e):
                failed.append(.object([("region", .string(o.series.region)), ("indicator", .string(o.series.indicator)),
                                       ("points", .integer(o.series.count)), ("reason", .string(labels.trendError(e))),
                                       ("code", .string(e.code))]))
            }
        }
        return .object([("series", .array(fitted)), ("not_fitted", .array(failed)),
                        ("skipped", .object([("missing", .integer(missing)), ("not_trend_points", .integer(notTrendPoints))]))])
    }

    static func json(_ p: SeriesForecast, labels: ReportLabels) -> JSONValue {
        let f = p.fit
        var growth: JSONValue = .null
        if let g = f.growth {
            growth = .object([("rate", .number(g.rate)), ("lower", .optional(g.interval?.lowerBound)),
                              ("upper", .optional(g.interval?.upperBound))])
        }
        return .object([
            ("region", .string(p.series.region)), ("indicator", .string(p.series.indicator)),
            ("model", .string(f.model.rawValue)),
            ("parameters", .object(f.parameters.map { ($0.name, .number($0.value)) })),
            ("sigma", .number(f.sigma)), ("n", .integer(f.observationCount)), ("aicc", .optional(f.aicc)),
            ("growth", growth),
            ("fitted", .array(zip(f.years, f.fitted).map { .object([("year", .integer($0)), ("value", .number($1))]) })),
            ("forecast", .array(p.points.map { point in
                .object([("year", .integer(point.year)), ("mean", .number(point.mean)),
                         ("intervals", .object(point.intervals.map {
                             (NumberFormat.level($0.level), .array([.number($0.lower), .number($0.upper)]))
                         }))])
            })),
            ("warnings", .array(f.warnings.map { ReportLabels.coded($0.code, labels.trendWarning($0), labels.trendWarningParameters($0)) })),
        ])
    }

    /// One row per fitted or projected year: `region,indicator,model,year,type,value,lower_L,upper_L,…`.
    public static func csv(_ outcomes: [TrendOutcome]) -> String {
        let levels = outcomes.compactMap { try? $0.result.get().levels }.first ?? []
        var lines = [(["region", "indicator", "model", "year", "type", "value"]
            + levels.flatMap { ["lower_\(NumberFormat.level($0))", "upper_\(NumberFormat.level($0))"] }).joined(separator: ",")]
        for o in outcomes {
            guard case let .success(p) = o.result else { continue }
            let head = [CSVTable.escape(p.series.region), CSVTable.escape(p.series.indicator), p.fit.model.rawValue]
            for (year, v) in zip(p.fit.years, p.fit.fitted) {
                lines.append((head + [String(year), "fitted", "\(v)"] + levels.flatMap { _ in ["", ""] }).joined(separator: ","))
            }
            for point in p.points {
                lines.append((head + [String(point.year), "forecast", "\(point.mean)"]
                    + point.intervals.flatMap { ["\($0.lower)", "\($0.upper)"] }).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `indicators` (metadata by id) decides how growth is shown: a growth rate for levels and counts, a change in
    /// the indicator's unit a year (percentage points for rates and shares) otherwise. Model names are the
    /// `--model` values.
    public static func text(_ outcomes: [TrendOutcome], missing: Int = 0, notTrendPoints: Int = 0,
                            indicators: [String: Indicator] = [:], labels l: ReportLabels = ReportLabels(language: .en)) -> String {
        var blocks: [String] = []
        for o in outcomes {
            guard case let .success(p) = o.result else { continue }
            let f = p.fit
            var head = "\(l.regionName(p.series.region)) · \(p.series.indicator): \(f.model.rawValue), n = \(f.observationCount)"
            if let a = f.aicc { head += ", AICc \(NumberFormat.significant(a, 5))" }
            var lines = [head]
            // Numbers a reader takes in (``NumberFormat/readable(_:language:digits:)``): four significant digits,
            // magnitude words for large values; the JSON and CSV keep every digit.
            func n(_ x: Double) -> String { NumberFormat.readable(x, language: l.language) }
            lines.append("  " + f.parameters.map { "\($0.name) \(n($0.value))" }.joined(separator: ", ") + ", σ \(n(f.sigma))")
            let kind = indicators[p.series.indicator]?.kind ?? .level
            if kind != .level && kind != .count, let slope = f.parameter("slope") {
                let change = l.change(slope, growth: false, unit: indicators[p.series.indicator]?.unit ?? "")
                lines.append("  " + l.pick("change \(change) a year (slope of the trend)", "每年变动\(change)（趋势斜率）"))
            } else if let g = f.growth {
                var s = "  " + l.pick("annual growth ", "年均增长") + NumberFormat.percent(g.rate)
                if let i = g.interval {
                    let lo = NumberFormat.percent(i.lowerBound), hi = NumberFormat.percent(i.upperBound)
                    s += l.pick(" (95% CI \(lo) to \(hi))", "（95%置信区间\(lo)至\(hi)）")
                }
                lines.append(s)
            }
            var table = TextTable(header: [l.year, l.pick("forecast", "预测值")] + p.levels.map { l.pick("\(NumberFormat.level($0))% interval", "\(NumberFormat.level($0))%区间") },
                                  alignments: [.right, .right] + p.levels.map { _ in .right })
            for point in p.points {
                table.append([String(point.year), n(point.mean)] + point.intervals.map { "\(n($0.lower)) – \(n($0.upper))" })
            }
            lines.append(table.rendered().split(whereSeparator: \.isNewline).map { "  " + $0 }.joined(separator: "\n"))
            for w in f.warnings { lines.append("  " + l.pick("warning: ", "注意：") + l.trendWarning(w)) }
            blocks.append(lines.joined(separator: "\n"))
        }
        var failed: [String] = [], shortNote: String?
        for o in outcomes {
            guard case let .failure(e) = o.result else { continue }
            let name = "  \(l.regionName(o.series.region)) · \(o.series.indicator) (" + l.count(o.series.count, "point", "points", zh: "个点") + ")"
            if case let .tooShortForAnyModel(_, needs) = e {
                failed.append(name)
                shortNote = l.pick("too few points for any model; points needed: ", "点数不足以拟合任何模型；所需点数：") + needs
                    .sorted { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }
                    .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: l.pick(", ", "、"))
            } else {
                failed.append(name + ": " + l.trendError(e))
            }
        }
        if !failed.isEmpty {
            blocks.append(l.pick("Not fitted (\(failed.count))", "未拟合（\(failed.count)个）") + (shortNote.map { l.pick(", ", "，") + $0 } ?? "")
                          + l.pick(":", "：") + "\n" + failed.joined(separator: "\n"))
        }
        if missing + notTrendPoints > 0 {
            blocks.append(l.pick("Rows not used as trend points: \(l.count(missing, "missing value", "missing values", zh: "")), "
                                     + "\(l.count(notTrendPoints, "target or bound", "targets or bounds", zh: "")).",
                                 "未作为趋势点的行：缺失值\(missing)个，目标或上下限\(notTrendPoints)个。"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}

import Foundation
