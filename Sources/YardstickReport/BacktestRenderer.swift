import Foundation
import Yardstick

/// A backtest as JSON, CSV (one row per target), text, Markdown or one HTML page with its reliability diagram.
public enum BacktestRenderer {
    /// `{"pairs", "assessed", "not_assessed": {reason: N}, "brier", "log_score", "adjustment", "trend": {…},
    /// "corrected": {…}, "baselines": {"base_rate": {…}, "eurostat": {…}, …}, "calibration": [...], "items": [...]}`.
    public static func json(_ r: BacktestResult, labels l: ReportLabels) -> JSONValue {
        func score(_ s: ForecastScore) -> JSONValue {
            .object([("count", .integer(s.count)), ("brier", .number(s.brier)), ("log_score", .number(s.logScore)), ("clipped", .integer(s.clipped))])
        }
        var baselines: [(String, JSONValue)] = [("base_rate", score(r.baseRate)), ("pooled_base_rate", score(r.pooledRate))]
        for m in r.methods {
            baselines.append((m.method.rawValue, .object([("count", .integer(m.count)), ("brier", .number(m.brier)),
                                                         ("accuracy", .number(m.accuracy)), ("model_brier", .number(m.modelBrier))])))
        }
        let bins: [JSONValue] = r.calibration.map { b in
            .object([("low", .number(b.low)), ("high", .number(b.high)), ("count", .integer(b.count)),
                     ("mean_probability", .number(b.meanProbability)), ("observed", .number(b.observed)),
                     ("band", .array([.number(b.band.lowerBound), .number(b.band.upperBound)])), ("inside", .bool(b.inBand))])
        }
        let items: [JSONValue] = r.items.map { i in
            .object([("region", .string(i.target.region)), ("indicator", .string(i.indicator.id)), ("year", .integer(i.target.period.year)),
                     ("comparator", .string(i.target.qualifier.symbol)), ("target", .optional(i.before.targetValue)),
                     ("target_high", .optional(i.before.targetHigh)),
                     ("probability", .optional(i.probability)), ("outcome", .string(i.met ? "met" : "missed")),
                     ("outcome_value", .number(i.outcome.value)), ("outcome_kind", .string(i.outcome.kind.rawValue)),
                     ("status", .string(i.status.rawValue)), ("trend_probability", .optional(i.plainProbability)),
                     ("corrected_probability", .optional(i.correctedProbability)),
                     ("target_record_probability", .optional(i.targetRecordProbability)),
                     ("predictor", i.predictor.map { .string($0.rawValue) } ?? .null), ("base_rate", .number(i.baseRate)), ("pooled_base_rate", .number(i.pooledRate)),
                     ("earlier_targets", .integer(i.earlierTargets)), ("transform", .optional(i.transform)),
                     ("basis", i.basis.map { .string($0.code) } ?? .null),
                     ("unassessed", i.probability == nil ? .string(i.before.unassessed?.code ?? "no_probability") : .null)])
        }
        return .object([
            ("pairs", .integer(r.items.count)), ("assessed", .integer(r.assessed)),
            ("not_assessed", .object(r.notAssessed.map { ($0.code, .integer($0.count)) })),
            ("brier", .number(r.score.brier)), ("log_score", .number(r.score.logScore)),
            ("adjustment", .string(r.settings.adjustment.rawValue)), ("from", r.settings.from.map { .integer($0) } ?? .null),
            ("trend", score(r.plainScore)), ("corrected", score(r.correctedScore)), ("corrected_targets", .integer(r.corrected)),
            ("target_record", score(r.targetRecordScore)), ("target_record_targets", .integer(r.withTargetRecord)),
            ("baselines", .object(baselines)), ("calibration", .array(bins)), ("items", .array(items)),
        ])
    }

    /// One row per target.
    public static func csv(_ r: BacktestResult) -> String {
        var out = "region,indicator,year,comparator,target,target_high,probability,outcome,outcome_value,outcome_kind,status,trend_probability,corrected_probability,target_record_probability,predictor,base_rate,pooled_base_rate,earlier_targets,transform,basis,unassessed\n"
        func n(_ x: Double?) -> String { x.map { $0.isFinite ? "\($0)" : "" } ?? "" }
        for i in r.items {
            out += [CSVTable.escape(i.target.region), CSVTable.escape(i.indicator.id), String(i.target.period.year), i.target.qualifier.symbol,
                    n(i.before.targetValue), n(i.before.targetHigh), n(i.probability), i.met ? "met" : "missed", n(i.outcome.value),
                    i.outcome.kind.rawValue, i.status.rawValue, n(i.plainProbability), n(i.correctedProbability), n(i.targetRecordProbability), i.predictor?.rawValue ?? "", n(i.baseRate), n(i.pooledRate),
                    String(i.earlierTargets), n(i.transform), i.basis?.code ?? "",
                    i.probability == nil ? (i.before.unassessed?.code ?? "no_probability") : ""].joined(separator: ",") + "\n"
        }
        return out
    }

    public static func text(_ d: BacktestDocument) -> String {
        ([d.title] + textBody(d, tables: d.tables.count)).joined(separator: "\n") + "\n"
    }

    /// The method and the first `tables` tables, as lines (a report's backtest section shows two).
    static func textBody(_ d: BacktestDocument, tables: Int) -> [String] {
        d.method.map { "  " + $0 } + d.tables.prefix(tables).flatMap { BenchmarkRenderer.text($0, colour: false, marked: false) }
    }

    public static func markdown(_ d: BacktestDocument) -> String {
        (["# \(d.title)", ""] + markdownBody(d, level: 2, tables: d.tables.count)).joined(separator: "\n") + "\n"
    }

    /// The body with headings at `level`.
    static func markdownBody(_ d: BacktestDocument, level: Int, tables: Int) -> [String] {
        d.method.map { "- " + $0 } + d.tables.prefix(tables).flatMap { BenchmarkRenderer.markdown($0, level: level) }
    }
}
