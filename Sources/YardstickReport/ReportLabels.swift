import Yardstick

/// Every fixed word of a report, in English and Chinese.
public struct ReportLabels: Sendable {
    public let language: ReportLanguage

    func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    public var scorecard: String { pick("Scorecard", "目标进展一览") }
    public var findings: String { pick("Findings", "主要发现") }
    public var charts: String { pick("Indicators", "指标图示") }
    public var summary: String { pick("Probability of meeting each target", "各项目标实现概率") }
    public var caveats: String { pick("About the data", "数据说明") }
    public var columns: [String] {
        language == .zh ? ["指标", "最新值", "目标", "所需增速/年", "趋势增速/年", "实现概率", "状态"]
            : ["indicator", "latest", "target", "required/yr", "trend/yr", "P(meet)", "status"]
    }
    public var year: String { pick("year", "年份") }
    public var value: String { pick("value", "数值") }
    public var notAssessable: String { pick("n/a", "无法评估") }

    public func status(_ s: TargetStatus) -> String {
        switch s {
        case .met: pick("met", "已完成")
        case .missed: pick("missed", "未完成")
        case .onTrack: pick("on track", "有望完成")
        case .atRisk: pick("at risk", "存在风险")
        case .offTrack: pick("off track", "难以完成")
        case .notAssessable: pick("not assessable", "无法评估")
        }
    }

    /// Before the series a relative target is compared with.
    public func relative(lower: Bool) -> String { lower ? pick("below ", "低于") : pick("above ", "高于") }

    public func kind(_ k: PointKind) -> String {
        switch k {
        case .actual: pick("actual", "实际")
        case .preliminary: pick("preliminary", "预计")
        case .derived: pick("derived", "推算")
        case .lowerBound: pick("lower bound", "下限")
        case .upperBound: pick("upper bound", "上限")
        }
    }
}
