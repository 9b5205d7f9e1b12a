import Yardstick

/// Renders `trend --summary`, one row per series, as it is computed: ``head()`` once, ``rows(_:_:)`` for each
/// block of series, ``tail(missing:notTrendPoints:)`` once. Nothing is held between blocks, so memory does not grow
/// with the output.
///
/// - CSV: `region,indicator,model,n,first_year,last_year,sigma,r_squared,aicc,growth,growth_lower_95,
///   growth_upper_95,year,projection,lower_L,upper_L,…,` then each parameter the model(s) can have and its standard
///   error where it has one, then `warnings` (codes, `;`-separated) and `not_fitted` (the reason, in the report's
///   language). A series without a fit has an empty model and its reason.
/// - JSON: `{"model", "horizon", "levels", "series": [{"region", "indicator", "model", "n", "first_year",
///   "last_year", "parameters": {name: value}, "standard_errors": {name: se}, "sigma", "r_squared", "aicc",
///   "growth": {"rate", "lower", "upper"}, "projection": {"year", "mean", "intervals": {"80": [lo, hi]}},
///   "warnings": [{code, text, params}]}, or {"region", "indicator", "n", "model": null, "not_fitted": {code, text,
///   params}}], "skipped": {"missing", "not_trend_points"}}`.
/// - Text: one line per series in columns of fixed widths: region, indicator, model, n, years, growth with its 95%
///   interval (for a rate or share, the trend's change in its unit a year), the projection and its widest interval.
public struct TrendSummaryRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json, csv }

    let format: Format
    let model: TrendModelKind?
    let horizon: Int
    let levels: [Double]
    let labels: ReportLabels
    /// The parameter columns: every parameter the model (or, for `auto`, any candidate) reports, but the log-linear
    /// `growth_rate`, which is the `growth` column.
    let parameterNames: [String]
    let withErrors: Set<String> = ["intercept", "slope", "level", "curvature"]

    /// Indicator metadata by id: the text shows a level's growth as a rate and a rate's or share's trend as a change
    /// in its unit a year, as the `trend` table does.
    let indicators: [String: Indicator]

    public init(format: Format, model: TrendModelKind?, horizon: Int, levels: [Double], labels: ReportLabels,
                indicators: [String: Indicator] = [:]) {
        self.format = format
        self.indicators = indicators
        self.model = model
        self.horizon = horizon
        self.levels = levels
        self.labels = labels
        let all = ["intercept", "slope", "centre_year", "level", "curvature", "alpha", "beta", "phi", "initial_level",
                   "initial_trend", "final_level", "final_trend"]
        let models = model.map { [$0] } ?? TrendModelKind.allCases
        let names = Set(models.flatMap(Self.parameters(of:)))
        parameterNames = all.filter(names.contains)
    }

    static func parameters(of model: TrendModelKind) -> [String] {
        switch model {
        case .linear, .loglinear, .weighted: ["intercept", "slope"]
        case .quadratic: ["centre_year", "level", "slope", "curvature"]
        case .ses: ["alpha", "initial_level", "final_level"]
        case .holt: ["alpha", "beta", "initial_level", "initial_trend", "final_level", "final_trend"]
        case .damped: ["alpha", "beta", "phi", "initial_level", "initial_trend", "final_level", "final_trend"]
        }
    }

    private var levelNames: [String] { levels.map(NumberFormat.level) }

    /// What comes before the rows.
    public func head() -> String {
        switch format {
        case .csv:
            var columns: [String] = ["region", "indicator", "model", "n", "first_year", "last_year", "sigma", "r_squared", "aicc",
                                     "growth", "growth_lower_95", "growth_upper_95", "year", "projection"]
            for l in levelNames { columns += ["lower_" + l, "upper_" + l] }
            for name in parameterNames { columns += withErrors.contains(name) ? [name, name + "_se"] : [name] }
            columns += ["warnings", "not_fitted"]
            return columns.joined(separator: ",") + "\n"
        case .json:
            return "{\n  \"model\": \(JSONValue.string(model?.rawValue ?? "auto").rendered()),\n  \"horizon\": \(horizon),\n"
                + "  \"levels\": \(JSONValue.array(levels.map(JSONValue.number)).rendered()),\n  \"series\": ["
        case .text:
            let l = labels
            return Self.line([l.pick("region", "地区"), l.pick("indicator", "指标"), l.pick("model", "模型"), "n", l.pick("years", "年份"),
                              l.pick("trend a year (95% CI)", "年趋势（95%置信区间）"), l.pick("projection", "预测"),
                              l.pick("widest interval", "最宽区间")])
        }
    }

    /// The rows of `block`, one per series; `first` says whether any row came before (JSON's commas).
    public func rows(_ block: SeriesBlock, _ results: [Result<TrendSummary, TrendError>], first: Bool) -> String {
        var out = ""
        out.reserveCapacity(results.count * 200)
        for (j, r) in results.enumerated() {
            switch format {
            case .csv: csv(block, j, r, into: &out)
            case .json:
                out += (first && j == 0 ? "\n    " : ",\n    ") + json(block, j, r).rendered(indent: 2)
            case .text: text(block, j, r, into: &out)
            }
        }
        return out
    }

    /// The first rows written, from ``rows(_:_:first:)`` made with `first: false` (JSON's first row has no comma
    /// before it).
    public func firstRows(_ text: String) -> String {
        format == .json && text.hasPrefix(",") ? String(text.dropFirst()) : text
    }

    /// What comes after the rows: the counts of values not used (JSON only; the other formats have none).
    public func tail(missing: Int, notTrendPoints: Int, any: Bool) -> String {
        guard format == .json else { return "" }
        return (any ? "\n  ],\n" : "],\n") + "  \"skipped\": {\"missing\": \(missing), \"not_trend_points\": \(notTrendPoints)}\n}\n"
    }

    private static func number(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "" }
        return "\(v)"
    }

    private func csv(_ block: SeriesBlock, _ j: Int, _ r: Result<TrendSummary, TrendError>, into out: inout String) {
        out += CSVTable.escape(block.regions[j]); out += ","
        out += CSVTable.escape(block.indicators[j])
        @inline(__always) func cell(_ v: Double?) {
            out += ","
            if let v, v.isFinite { v.write(to: &out) }
        }
        switch r {
        case let .success(s):
            out += ","; out += s.model.rawValue
            out += ","; out += String(s.count)
            out += ","; out += String(s.firstYear)
            out += ","; out += String(s.lastYear)
            cell(s.sigma); cell(s.rSquared); cell(s.aicc)
            cell(s.growth?.rate); cell(s.growth?.interval?.lowerBound); cell(s.growth?.interval?.upperBound)
            out += ","; out += String(s.projection.year)
            cell(s.projection.mean)
            for i in s.projection.intervals { cell(i.lower); cell(i.upper) }
            for name in parameterNames {
                let p = s.parameters.first { $0.name == name }
                cell(p?.value)
                if withErrors.contains(name) { cell(p?.standardError) }
            }
            out += ","
            for (k, w) in s.warnings.enumerated() { if k > 0 { out += ";" }; out += w.code }
            out += ","
        case let .failure(e):
            let empty = 13 + 2 * levels.count + parameterNames.reduce(0) { $0 + (withErrors.contains($1) ? 2 : 1) } + 1
            out += String(repeating: ",", count: empty)
            out += CSVTable.escape(labels.trendError(e))
        }
        out += "\n"
    }

    private func json(_ block: SeriesBlock, _ j: Int, _ r: Result<TrendSummary, TrendError>) -> JSONValue {
        let head: [(String, JSONValue)] = [("region", .string(block.regions[j])), ("indicator", .string(block.indicators[j]))]
        switch r {
        case let .success(s):
            var growth: JSONValue = .null
            if let g = s.growth {
                growth = .object([("rate", .number(g.rate)), ("lower", .optional(g.interval?.lowerBound)),
                                  ("upper", .optional(g.interval?.upperBound))])
            }
            return .object(head + [
                ("model", .string(s.model.rawValue)), ("n", .integer(s.count)), ("first_year", .integer(s.firstYear)),
                ("last_year", .integer(s.lastYear)),
                ("parameters", .object(s.parameters.map { ($0.name, .number($0.value)) })),
                ("standard_errors", .object(s.parameters.compactMap { p in p.standardError.map { (p.name, .number($0)) } })),
                ("sigma", .number(s.sigma)), ("r_squared", .optional(s.rSquared)), ("aicc", .optional(s.aicc)), ("growth", growth),
                ("projection", .object([("year", .integer(s.projection.year)), ("mean", .number(s.projection.mean)),
                                        ("intervals", .object(s.projection.intervals.map {
                                            (NumberFormat.level($0.level), .array([.number($0.lower), .number($0.upper)]))
                                        }))])),
                ("warnings", .array(s.warnings.map { ReportLabels.coded($0.code, labels.trendWarning($0), labels.trendWarningParameters($0)) })),
            ])
        case let .failure(e):
            let n = block.years.indices.count { !block.values[$0, j].isNaN }
            return .object(head + [("n", .integer(n)), ("model", .null),
                                   ("not_fitted", ReportLabels.coded(e.code, labels.trendError(e), []))])
        }
    }

    private func text(_ block: SeriesBlock, _ j: Int, _ r: Result<TrendSummary, TrendError>, into out: inout String) {
        let l = labels
        var cells = [l.regionName(block.regions[j]), block.indicators[j]]
        switch r {
        case let .success(s):
            let kind = indicators[block.indicators[j]]?.kind ?? .level
            let growth: String
            if kind != .level && kind != .count, let slope = s.parameters.first(where: { $0.name == "slope" }) {
                growth = l.change(slope.value, growth: false, unit: indicators[block.indicators[j]]?.unit ?? "")
            } else {
                let interval = s.growth?.interval.map { " (\(NumberFormat.percent($0.lowerBound)) – \(NumberFormat.percent($0.upperBound)))" }
                growth = (s.growth.map { NumberFormat.percent($0.rate) } ?? "–") + (interval ?? "")
            }
            let widest = s.projection.intervals.max { $0.level < $1.level }
            cells += [s.model.rawValue, String(s.count), "\(s.firstYear)–\(s.lastYear)", growth,
                      "\(s.projection.year): \(NumberFormat.readable(s.projection.mean, language: l.language))",
                      widest.map { "\(NumberFormat.level($0.level))% \(NumberFormat.readable($0.lower, language: l.language)) – \(NumberFormat.readable($0.upper, language: l.language))" } ?? ""]
        case let .failure(e):
            cells += ["–", String(block.years.indices.count { !block.values[$0, j].isNaN }), "", l.trendError(e), "", ""]
        }
        out += Self.line(cells)
    }

    /// Text columns of fixed widths (wide characters counted twice), so that rows line up block after block.
    static let widths = [14, 22, 9, 4, 11, 30, 22, 0]

    static func line(_ cells: [String]) -> String {
        var s = ""
        for (k, c) in cells.enumerated() {
            s += c
            if k < cells.count - 1 { s += String(repeating: " ", count: max(1, widths[k] - TextTable.cellWidth(c) + 1)) }
        }
        while s.hasSuffix(" ") { s.removeLast() }
        return s + "\n"
    }
}
