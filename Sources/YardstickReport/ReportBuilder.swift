import Yardstick

/// Builds a ``ReportDocument`` from target assessments: chooses, orders and words them; computes nothing and
/// renders nothing.
///
/// ```swift
/// let index = PanelIndex(panel)
/// let assessments = GapAnalysis().assess(index, scope: Scope(regions: ["Zhuzhou"]))
/// let doc = ReportBuilder(language: .en).document(region: "Zhuzhou", assessments: assessments, index: index)
/// print(TextReport.render(doc, colour: false))
/// ```
public struct ReportBuilder: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) { self.language = language }

    /// The language a panel is written in: Chinese when most indicator names are.
    public static func language(of index: PanelIndex) -> ReportLanguage {
        language(ofIndicatorNames: index.indicatorIDs.map { index.indicator($0).name })
    }

    /// Chinese when most of the names are written in Chinese, English otherwise.
    public static func language(ofIndicatorNames names: [String]) -> ReportLanguage {
        let chinese = names.filter { $0.unicodeScalars.contains { TextTable.isWide($0) } }.count
        return chinese * 2 > names.count ? .zh : .en
    }

    /// Urgency order of findings: off track, at risk, missed, not assessable, on track, met.
    static let urgency: [TargetStatus] = [.offTrack, .atRisk, .missed, .notAssessable, .onTrack, .met]

    /// The report on `region`'s targets: `assessments` are those the scope chose; `index` gives names, sources and
    /// the size of the data.
    /// `peers`, when given, adds the region against its peers (``BenchmarkBuilder``).
    public func document(region: String, assessments: [TargetAssessment], index: PanelIndex,
                         peers: BenchmarkFindings? = nil, backtest: BacktestResult? = nil, model: TrendModelKind? = nil) -> ReportDocument {
        let l = ReportLabels(language: language, panel: index.panel)
        let zh = language == .zh
        // The report is about the latest targets; earlier ones (years already past) follow them.
        let latestYear = assessments.map { $0.target.period.year }.max() ?? 0
        let assessments = assessments.filter { $0.target.period.year == latestYear } + assessments.filter { $0.target.period.year != latestYear }
        let place = l.regionName(region)
        let title = zh ? "\(place) \(latestYear)年目标评估" : "\(place): targets for \(latestYear)"
        let counts = TargetStatus.allCases.map { s in (status: s, label: l.status(s), count: assessments.count { $0.status == s }) }
        let shown = counts.filter { $0.count > 0 }
        // Earlier years' targets are said in the headline, so that the title's year does not undersell the list.
        let ofLatest = assessments.count { $0.target.period.year == latestYear }, earlier = assessments.count - ofLatest
        let years = earlier == 0 ? "" : zh ? "（\(latestYear)年\(ofLatest)项，此前年份\(earlier)项）"
            : " (\(NumberFormat.count(ofLatest)) for \(latestYear), \(NumberFormat.count(earlier)) of earlier years)"
        let headline = zh
            ? "共\(assessments.count)项目标\(years)：" + shown.map { "\($0.label)\($0.count)项" }.joined(separator: "，") + "。"
            : "\(l.count(assessments.count, "target", "targets", zh: ""))\(years): " + shown.map { "\($0.count) \($0.label)" }.joined(separator: ", ") + "."
        let observations = index.panel.observations.count, regions = index.regions.count
        let subtitle = zh
            ? "数据：\(observations)条观测值，\(regions)个地区。由 Yardstick \(YardstickVersion.string) 生成。"
            : "Data: \(l.count(observations, "observation", "observations", zh: "")), \(l.count(regions, "region", "regions", zh: "")). Made with Yardstick \(YardstickVersion.string)."
        let ordered = assessments.enumerated().sorted { a, b in
            let ua = Self.urgency.firstIndex(of: a.element.status)!, ub = Self.urgency.firstIndex(of: b.element.status)!
            if ua != ub { return ua < ub }
            return (a.element.probability ?? 2, a.offset) < (b.element.probability ?? 2, b.offset)
        }.map(\.element)
        let sentences = FindingSentences(labels: l)
        // A target is named by its indicator, and by its year too where the report has several of the indicator's.
        var seen: [String: Int] = [:]
        for a in assessments { seen[a.indicator.id, default: 0] += 1 }
        func name(_ a: TargetAssessment) -> String {
            l.name(a.indicator) + (seen[a.indicator.id, default: 0] > 1 ? " (\(a.target.period))" : "")
        }
        return ReportDocument(
            language: language, title: title, subtitle: subtitle, headline: headline, counts: counts, labels: l,
            rows: assessments.map(l.row),
            findings: ordered.filter { $0.latest != nil || $0.observed != nil }.map {
                ReportDocument.Finding(text: sentences.sentence($0), status: $0.status)
            },
            charts: assessments.compactMap(sentences.chart),
            bars: assessments.filter { $0.latest != nil || $0.probability != nil }.map {
                ReportDocument.Bar(label: name($0), probability: $0.probability, status: $0.status, statusLabel: l.status($0.status))
            },
            caveats: caveats(assessments, sources: index.sources(region: region), labels: l, name: name),
            unassessed: unassessedGroups(assessments, labels: l, name: name),
            assessments: assessments, peers: peers.map { BenchmarkBuilder(labels: l).document($0) }, peerFindings: peers,
            backtest: backtest.map { BacktestDocument($0, labels: l, model: model) }, backtestResult: backtest)
    }

    /// The targets not assessed, grouped by reason in the order of ``UnassessedReason`` codes first met.
    func unassessedGroups(_ assessments: [TargetAssessment], labels l: ReportLabels,
                          name: (TargetAssessment) -> String) -> [(heading: String, items: [(name: String, remedy: String)])] {
        var order: [String] = [], groups: [String: (heading: String, items: [(name: String, remedy: String)])] = [:]
        for a in assessments {
            guard let r = a.unassessed else { continue }
            if groups[r.code] == nil { order.append(r.code); groups[r.code] = (l.reasonHeading(r), []) }
            groups[r.code]!.items.append((name(a), l.remedy(r, a)))
        }
        return order.map { groups[$0]! }
    }

    func caveats(_ assessments: [TargetAssessment], sources: [String], labels l: ReportLabels,
                 name: (TargetAssessment) -> String) -> [String] {
        let zh = language == .zh
        var out: [String] = []
        func list(_ xs: [TargetAssessment]) -> String { Array(Set(xs.map(name))).sorted().joined(separator: zh ? "、" : ", ") }
        let prelim = assessments.filter { $0.latest?.kind == .preliminary }
        if !prelim.isEmpty { out.append(l.pick("Preliminary values, not yet final: ", "预计值（尚非最终数据）：") + list(prelim)) }
        let bounds = assessments.filter { $0.latest?.kind == .lowerBound || $0.latest?.kind == .upperBound }
        if !bounds.isEmpty { out.append(l.pick("Known only as bounds (\"above 1200\"): ", "仅知上下限（如“突破1200”）：") + list(bounds)) }
        let derived = assessments.filter { $0.history.contains { $0.kind == .derived } }
        if !derived.isEmpty { out.append(l.pick("Earlier values derived from a level and its growth: ", "由当年值与增速推算的上年值：") + list(derived)) }
        let classes = assessments.filter { if case .referenceClass? = $0.basis { true } else { false } }
        if !classes.isEmpty {
            out.append(l.pick("Fewer than three values of their own, judged by a reference class (the year-over-year changes of peers, or of the region's indicators of the same kind): ",
                              "自身数值不足三个、依据参照组（同行地区或本地区同类指标的年度变动）判断：") + list(classes))
        }
        let censored = assessments.filter { $0.basis?.usesBounds == true }
        if !censored.isEmpty { out.append(l.pick("Bounds (\"more than N\") used as evidence in the trend: ", "趋势拟合中使用了界限（如“超过N”）：") + list(censored)) }
        if !sources.isEmpty {
            // Named publications first, then page addresses.
            let ordered = sources.sorted { ($0.hasPrefix("http") ? 1 : 0, $0) < ($1.hasPrefix("http") ? 1 : 0, $1) }
            out.append(l.pick("Sources (\(sources.count)): ", "数据来源（\(sources.count)个）：") + ordered.prefix(12).joined(separator: "; ")
                       + (sources.count > 12 ? l.pick("; …", "等") : ""))
        }
        return out
    }
}
