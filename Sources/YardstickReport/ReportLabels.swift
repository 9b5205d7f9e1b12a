import Yardstick

/// Every word of Yardstick's output, in English and Chinese: fixed labels here; the sentences for notes,
/// verdicts, warnings and trend errors in the `Wording…` files. The one place where values become sentences.
///
/// With a panel, names come from its metadata: an indicator by its name in the report's language, a region by
/// its name (`株洲市` / `Zhuzhou`); ids stand in where no name is given.
public struct ReportLabels: Sendable {
    public let language: ReportLanguage
    /// Indicator metadata and region names, by id.
    let indicators: [String: Indicator]
    let regionNames: [String: RegionNames]

    public init(language: ReportLanguage, panel: Panel? = nil) {
        self.language = language
        indicators = panel?.indicators ?? [:]
        regionNames = panel?.regionNames ?? [:]
    }

    var zh: Bool { language == .zh }

    func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// An indicator's name in the report's language (the source's name when no English one is given).
    public func name(_ i: Indicator) -> String { zh ? i.name : (i.englishName ?? i.name) }

    /// An indicator's name by id.
    public func indicatorName(_ id: String) -> String { name(indicators[id] ?? Indicator(id: id)) }

    /// A region's name in the report's language (its id when the metadata gives none).
    public func regionName(_ id: String) -> String {
        let n = regionNames[id]
        return (zh ? n?.name ?? n?.englishName : n?.englishName ?? n?.name) ?? id
    }

    /// Another region's series: "湖南省城镇调查失业率", "Hunan urban unemployment rate"; the indicator alone when the
    /// region is `home`.
    func seriesName(region: String, indicator: String, home: String) -> String {
        let i = indicatorName(indicator)
        guard region != home else { return i }
        guard zh else { return "\(regionName(region)) \(i.prefix(1).lowercased() + i.dropFirst())" }
        // Chinese names join directly (湖南省城镇调查失业率); ids or Latin names keep a space between them.
        let r = regionName(region)
        let joins = r.unicodeScalars.last.map(TextTable.isWide) == true && i.unicodeScalars.first.map(TextTable.isWide) == true
        return joins ? r + i : r + " " + i
    }

    public var scorecard: String { pick("Scorecard", "目标进展一览") }
    public var findings: String { pick("Findings", "主要发现") }
    public var charts: String { pick("Indicators", "指标图示") }
    public var summary: String { pick("Probability of meeting each target", "各项目标实现概率") }
    public var caveats: String { pick("About the data", "数据说明") }
    /// Why a report covers the region it covers, when the data has targets for several.
    public func regionChosen(_ region: String, targets: Int, regions: Int) -> String {
        pick("the report covers \(regionName(region)), the region with the most targets (\(targets)) of the \(regions) with targets; give --region for another",
             "报告针对\(regionName(region))：在有目标的\(regions)个地区中其目标最多（\(targets)项）；可用 --region 指定其他地区")
    }

    public var unassessedTitle: String { pick("Not assessed: what is missing", "无法评估的目标：缺少什么") }
    /// The heading of a peer comparison's own notes (how regions were scored), apart from the data's.
    public var comparisonNotes: String { pick("About the comparison", "比较说明") }
    public var peers: String { pick("Against its peers", "同行比较") }
    public var rankHistories: String { pick("Rankings and convergence", "排名与收敛") }
    public var notes: String { pick("Notes", "说明") }
    /// Scorecard columns; with `region`, a region column first.
    public func columns(region: Bool = false) -> [String] {
        (region ? [pick("region", "地区")] : [])
            + (zh ? ["指标", "最新值", "目标", "所需增速/年", "趋势增速/年", "实现概率", "依据", "状态"]
                  : ["indicator", "latest", "target", "required/yr", "trend/yr", "P(meet)", "basis", "status"])
    }
    public var columns: [String] { columns() }
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

    /// Which way is better.
    public func direction(_ d: Direction) -> String {
        switch d {
        case .higher: pick("higher", "越高越好")
        case .lower: pick("lower", "越低越好")
        case .target: pick("on target", "越接近目标越好")
        }
    }

    /// A trend model's name.
    public func model(_ m: TrendModelKind) -> String {
        switch m {
        case .linear: pick("linear", "线性")
        case .loglinear: pick("log-linear", "对数线性")
        case .quadratic: pick("quadratic", "二次")
        case .weighted: pick("weighted linear", "加权线性")
        case .ses: pick("simple exponential smoothing", "简单指数平滑")
        case .holt: pick("Holt's linear trend", "线性趋势指数平滑")
        case .damped: pick("damped trend", "阻尼趋势指数平滑")
        }
    }

    /// The name of a status method.
    public func method(_ m: StatusMethod) -> String {
        switch m {
        case .own: pick("Yardstick's own classes", "Yardstick自身分类")
        case .eurostat: pick("the Eurostat method", "欧盟统计局方法")
        case .unsd: pick("the UNSD method", "联合国统计司方法")
        case .escap: pick("the ESCAP method", "亚太经社会方法")
        case .sdr: pick("the SDR method", "可持续发展报告方法")
        case .destatis: pick("the Destatis method", "德国联邦统计局方法")
        }
    }

    /// "1 value", "2 values"; "1个数值".
    func count(_ n: Int, _ one: String, _ many: String, zh unit: String) -> String {
        zh ? "\(n)\(unit)" : "\(NumberFormat.count(n)) \(n == 1 ? one : many)"
    }

    /// A number as notes write it: ``NumberFormat/readable(_:language:digits:)``, four significant digits.
    func number(_ x: Double) -> String { NumberFormat.readable(x, language: language) }
}
