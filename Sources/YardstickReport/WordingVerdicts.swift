import Yardstick

/// The published methods' classes in their own words, English and Chinese side by side.
extension ReportLabels {
    /// A method's verdict: "moderate progress", "accelerate progress (current status index 0.42)".
    public func verdict(_ r: PresetResult) -> String {
        if r.verdict == .targetYearObserved { return pick("target year observed: ", "目标年份已有实际值：") + status(r.status) }
        var text = verdict(r.verdict)
        if let csi = r.currentStatusIndex {
            let shown = NumberFormat.fixed(csi, 2) == "-0.00" ? "0.00" : NumberFormat.fixed(csi, 2)
            text += pick(" (current status index \(shown))", "（现状指数\(shown)）")
        }
        return text
    }

    func verdict(_ v: PresetVerdict) -> String {
        switch v {
        case .targetReached: pick("target reached", "已达到目标")
        case .significantProgress: pick("significant progress", "显著进展")
        case .moderateProgress: pick("moderate progress", "中等进展")
        case .insufficientProgress: pick("insufficient progress", "进展不足")
        case .movementAway: pick("movement away from the target", "偏离目标")
        case .metOrAlmostMet: pick("target met or almost met", "已实现或接近实现")
        case .onTrack: pick("on track", "进展顺利")
        case .fairProgress: pick("fair progress, acceleration needed", "有一定进展，需加快")
        case .limitedProgress: pick("limited or no progress", "进展有限或停滞")
        case .deterioration: pick("deterioration", "倒退")
        case .maintainProgress: pick("maintain progress", "保持进展")
        case .accelerateProgress: pick("accelerate progress", "需加快进展")
        case .reverseTrend: pick("reverse trend", "需扭转趋势")
        case .maintainingAchievement: pick("on track or maintaining achievement", "进展顺利或保持成果")
        case .moderatelyImproving: pick("moderately improving", "温和改善")
        case .stagnating: pick("stagnating", "停滞")
        case .decreasing: pick("decreasing", "下降")
        case .sunTargetReached: pick("sun (target reached)", "晴（已达到目标）")
        case .sun: pick("sun", "晴")
        case .slightlyCloudy: pick("slightly cloudy", "少云")
        case .cloudy: pick("cloudy", "多云")
        case .thunderstorm: pick("thunderstorm", "雷雨")
        case .targetYearObserved: pick("target year observed", "目标年份已有实际值")
        case let .notAssessable(why): pick("not assessable (\(shortfall(why)))", "无法评估（\(shortfall(why))）")
        }
    }

    func shortfall(_ s: PresetShortfall) -> String {
        switch s {
        case .noHistory: pick("no history", "无历史数据")
        case .needsTwoValues: pick("needs two values", "需要两个数值")
        case .growthUndefined: pick("growth undefined for non-positive values", "非正值无法计算增长率")
        case .needsTrend: pick("needs a trend", "需要趋势")
        case .targetEqualsBaseline: pick("target equals the baseline", "目标等于基期值")
        case .noTimeLeft: pick("no time left to the target", "距目标年已无剩余时间")
        }
    }
}
