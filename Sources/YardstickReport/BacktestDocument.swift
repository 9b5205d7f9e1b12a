import Yardstick

/// A backtest as a value: its sentences and tables already worded, and the calibration bins its chart draws.
/// ``BacktestRenderer`` lays it out.
public struct BacktestDocument: Sendable {
    public let language: ReportLanguage
    public let title: String
    public let method: [String]
    /// Scores, calibration and targets, in that order.
    public let tables: [BenchmarkDocument.Table]
    public let bins: [CalibrationBin]
    public let labels: ReportLabels

    /// Words `r`; computes nothing.
    public init(_ r: BacktestResult, labels l: ReportLabels, model: TrendModelKind?) {
        language = l.language
        labels = l
        title = l.backtestTitle
        method = l.backtestMethod(r, model: model)
        func fixed(_ x: Double, _ d: Int) -> String { NumberFormat.fixed(x, d) }
        func pct(_ x: Double) -> String { NumberFormat.percent(x, decimals: 0) }
        var scores: [[String]] = [
            [l.predictorName("yardstick"), NumberFormat.count(r.score.count), fixed(r.score.brier, 3), fixed(r.score.logScore, 3), "–", "–"],
            [l.predictorName("plain"), NumberFormat.count(r.plainScore.count), fixed(r.plainScore.brier, 3), fixed(r.plainScore.logScore, 3), "–", "–"],
            [l.predictorName("corrected"), NumberFormat.count(r.correctedScore.count), fixed(r.correctedScore.brier, 3), fixed(r.correctedScore.logScore, 3), "–", "–"],
            [l.predictorName("targets"), NumberFormat.count(r.targetRecordScore.count), fixed(r.targetRecordScore.brier, 3), fixed(r.targetRecordScore.logScore, 3), "–", "–"],
            [l.predictorName("base_rate"), NumberFormat.count(r.baseRate.count), fixed(r.baseRate.brier, 3), fixed(r.baseRate.logScore, 3), "–", "–"],
            [l.predictorName("pooled_base_rate"), NumberFormat.count(r.pooledRate.count), fixed(r.pooledRate.brier, 3), fixed(r.pooledRate.logScore, 3), "–", "–"],
        ]
        for m in r.methods {
            scores.append([l.predictorName(m.method.rawValue), NumberFormat.count(m.count), fixed(m.brier, 3), "–",
                           m.count > 0 ? pct(m.accuracy) : "–", fixed(m.modelBrier, 3)])
        }
        let bins = r.calibration.map { b in
            [l.binLabel(b), NumberFormat.count(b.count), fixed(b.meanProbability, 2), fixed(b.observed, 2),
             "\(fixed(b.band.lowerBound, 2))–\(fixed(b.band.upperBound, 2))", l.yesNo(b.inBand)]
        }
        let items = r.items.map { i in
            [l.regionName(i.target.region), l.indicatorName(i.indicator.id), String(i.target.period.year), l.statedTarget(i.before),
             NumberFormat.withUnit(NumberFormat.data(i.outcome.value, language: l.language, unit: i.target.unit), i.target.unit) + " " + l.status(i.met ? .met : .missed),
             i.probability.map(NumberFormat.probability) ?? "–", NumberFormat.probability(i.baseRate), l.status(i.status), i.basis.map { l.basisCell($0) } ?? l.basisCell(i.before)]
        }
        func table(_ title: String, _ header: [String], _ right: [Bool], _ rows: [[String]]) -> BenchmarkDocument.Table {
            .init(title: title, header: header, rightAligned: right, rows: rows, focus: rows.map { _ in false })
        }
        tables = [table(l.backtestScoresTitle, l.backtestScoreHeader, [false, true, true, true, true, true], scores),
                  table(l.backtestCalibrationTitle, l.backtestBinHeader, [false, true, true, true, true, false], bins),
                  table(l.backtestItemsTitle, l.backtestItemHeader, [false, false, true, false, true, true, true, false, false], items)]
        self.bins = r.calibration
    }
}
