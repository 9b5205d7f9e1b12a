import Yardstick

/// The sentences and labels of a backtest, in the report's language.
extension ReportLabels {
    var backtestTitle: String { pick("Backtest: probabilities of meeting targets against outcomes", "回测：目标实现概率与实际结果") }

    /// What was scored: pairs, assessed, years, the probabilities and the model.
    func backtestMethod(_ r: BacktestResult, model kind: TrendModelKind?) -> [String] {
        let model = kind.map(self.model) ?? pick("chosen by AICc", "按AICc自动选择")
        let years = r.items.map(\.target.period.year)
        let span = years.min().map { lo in lo == years.max()! ? "\(lo)" : "\(lo)\(pick("–", "—"))\(years.max()!)" } ?? "–"
        var lines = [pick("\(count(r.items.count, "target", "targets", zh: "")) with an outcome (\(span)), each assessed with only the observations before its year; \(NumberFormat.count(r.assessed)) given a probability.",
                          "有结果的目标\(r.items.count)项（\(span)年），每项只用其年份之前的观测值评估；其中\(r.assessed)项给出概率。")]
        let min = ForecastRecord.minimum
        switch r.settings.adjustment {
        case .none:
            lines.append(pick("Probabilities scored: the trend's (model: \(model)), as gap gives them; the other predictors stand in for it where they can (yardstick backtest --adjust record or targets scores them).",
                              "评分所用概率：趋势模型（\(model)）给出的概率，与目标评估相同；其他预测方法在可用处代替它（回测可改用它们评分）。"))
        case .record:
            lines.append(pick("Probabilities scored: the trend's (model: \(model)), corrected by the indicator's record of earlier forecasts where it has \(min) or more (\(count(r.corrected, "target", "targets", zh: ""))); the trend's otherwise.",
                              "评分所用概率：趋势模型（\(model)）的概率，指标有\(min)次以上既往预测时按其记录校正（\(r.corrected)项），否则用趋势概率。"))
        case .targets:
            lines.append(pick("Probabilities scored: from the record of the indicator's earlier targets against their outcomes where it has \(min) or more (\(count(r.withTargetRecord, "target", "targets", zh: ""))); the share of every earlier target met otherwise.",
                              "评分所用概率：指标有\(min)项以上既往目标时，按既往目标与结果的记录计算（\(r.withTargetRecord)项）；否则取此前全部目标的完成比例。"))
        }
        lines.append(pick("Brier score: mean of (p − outcome)², 0 perfect, 0.25 for p = ½ always; log score: mean of −ln p(outcome), p kept within [0.001, 0.999]; both lower is better. Base rate: the share of the indicator's earlier targets met, (m + ½)/(n + 1). A published method's verdict counts as a prediction of met when it is its on-track class.",
                          "布里尔分数：(p − 结果)²的均值，0为完美，恒取p = ½时为0.25；对数分数：结果所得概率的负对数均值，概率限于[0.001, 0.999]；两者越低越好。基准率：该指标此前目标的完成比例，(m + ½)/(n + 1)。已发布方法的判断为其“有望完成”类别时视为预测完成。"))
        if !r.notAssessed.isEmpty {
            let parts = r.notAssessed.map { pick("\(reason($0.reason, code: $0.code)) (\(NumberFormat.count($0.count)))", "\(reason($0.reason, code: $0.code))（\($0.count)项）") }
            lines.append(pick("Not assessed: ", "未评估：") + parts.joined(separator: pick("; ", "；")))
        }
        return lines
    }

    func reason(_ r: UnassessedReason?, code: String) -> String {
        if let r { return reasonHeading(r) }
        return pick("no probability (two values only, or a projection without spread)", "没有概率（仅两个数值，或预测没有离散度）")
    }

    var backtestScoresTitle: String { pick("Scores", "评分") }
    var backtestCalibrationTitle: String { pick("Calibration (probability bins; the band holds the share met nine times in ten if the probabilities are calibrated)", "校准（概率分组；若概率校准，完成比例十之有九落在区间内）") }
    var backtestItemsTitle: String { pick("Targets", "目标") }

    var backtestScoreHeader: [String] {
        [pick("predictor", "预测方法"), pick("targets", "目标数"), pick("Brier", "布里尔分数"), pick("log score", "对数分数"),
         pick("accuracy", "准确率"), pick("Yardstick's Brier on these", "同组Yardstick布里尔分数")]
    }

    func predictorName(_ key: String) -> String {
        switch key {
        case "yardstick": pick("Yardstick (scored)", "Yardstick（评分所用）")
        case "plain": pick("trend", "趋势")
        case "corrected": pick("trend corrected by its record", "按既往预测记录校正的趋势")
        case "targets": pick("record of earlier targets", "既往目标记录")
        case "base_rate": pick("base rate (the indicator's)", "基准率（本指标）")
        case "pooled_base_rate": pick("base rate (every indicator's)", "基准率（全部指标）")
        default: StatusMethod(rawValue: key).map(method) ?? key
        }
    }

    var backtestBinHeader: [String] {
        [pick("probability", "概率"), pick("targets", "目标数"), pick("mean probability", "平均概率"), pick("share met", "完成比例"),
         pick("90% band", "90%区间"), pick("inside", "是否在内")]
    }

    var backtestItemHeader: [String] {
        [pick("region", "地区"), pick("indicator", "指标"), pick("year", "年份"), pick("target", "目标"), pick("outcome", "结果"),
         pick("P(meet) before", "事前实现概率"), pick("base rate", "基准率"), pick("status before", "事前状态"), pick("basis", "依据")]
    }

    /// A calibration bin's probabilities, "0.1–0.2" (three significant digits for bins that are not tenths).
    func binLabel(_ b: CalibrationBin) -> String {
        let tenths = [b.low, b.high].allSatisfy { abs($0 * 10 - ($0 * 10).rounded()) < 1e-9 }
        func edge(_ x: Double) -> String { tenths ? NumberFormat.fixed(x, 1) : NumberFormat.significant(x, 3) }
        return edge(b.low) + "–" + edge(b.high)
    }

    func yesNo(_ b: Bool) -> String { b ? pick("yes", "是") : pick("no", "否") }
}
