import Yardstick

/// A benchmark as a value: its tables already worded by one number policy, and the numbers the rank-interval
/// chart needs. ``BenchmarkRenderer`` lays it out as text, Markdown or HTML.
public struct BenchmarkDocument: Sendable {
    /// A titled table; `focus` marks the rows about the focal region.
    public struct Table: Sendable {
        public let title: String
        public let header: [String]
        public let rightAligned: [Bool]
        public let rows: [[String]]
        public let focus: [Bool]
    }

    /// One region's rank and its 5–95% interval over the draws, for the chart.
    public struct Interval: Sendable {
        public let label: String
        public let nominal: Int
        public let median: Int, low: Int, high: Int
        public let focus: Bool
    }

    public let language: ReportLanguage
    public let title: String
    /// What was compared and how, in sentences.
    public let method: [String]
    public let tables: [Table]
    public let intervals: [Interval]
    /// The number of regions ranked (the chart's scale).
    public let ranked: Int
    /// Findings in sentences: convergence, rank histories.
    public let findings: [String]
    /// What to know: regions screened out, values imputed, outliers treated, indicators without spread.
    public let notes: [String]
    public let labels: ReportLabels
}

/// Builds a ``BenchmarkDocument`` from benchmark findings: chooses, orders and words; computes nothing.
public struct BenchmarkBuilder: Sendable {
    public let labels: ReportLabels

    public init(labels: ReportLabels) { self.labels = labels }

    /// - Parameter regions: the regions shown (nil: every region ranked).
    public func document(_ f: BenchmarkFindings, regions shown: [String]? = nil) -> BenchmarkDocument {
        let l = labels, c = f.composite
        let place = f.focus.map(l.regionName)
        let when = f.latest ? l.pick("latest values up to \(f.year)", "截至\(f.year)年的最新值") : l.pick("\(f.year)", "\(f.year)年")
        let title = place.map { l.pick("\($0) against its peers, \(when)", "\($0)与同行比较（\(when)）") }
            ?? l.pick("Regions compared, \(when)", "地区比较（\(when)）")
        var method = [l.compositeMethod(f)]
        if f.indicatorsChosenByData { method.append(l.indicatorChoice(f)) }
        if let u = f.uncertainty { method.append(l.uncertaintyMethod(u)) }
        if let s = f.sensitivity { method.append(l.sensitivityMethod(s)) }
        let rows = shown ?? c.regions
        let order = c.regions.indices.filter { rows.contains(c.regions[$0]) }.sorted { (c.ranks[$0] ?? .max, $0) < (c.ranks[$1] ?? .max, $1) }
        var tables: [BenchmarkDocument.Table] = [ranking(f, order: order)]
        if let focus = f.focus, let i = f.peers.regions.firstIndex(of: focus) { tables.append(indicatorsOf(f, row: i)) }
        else { tables.append(indicatorRanks(f, order: order.map { c.regions[$0] })) }
        if let s = f.sensitivity { tables.append(sensitivity(s, focus: f.focus, order: order.map { c.regions[$0] })) }
        let intervals: [BenchmarkDocument.Interval] = f.uncertainty.map { u in
            order.compactMap { i -> BenchmarkDocument.Interval? in
                guard let k = u.regions.firstIndex(of: c.regions[i]), let n = u.nominalRanks[k], let m = u.medianRanks[k],
                      let lo = u.lowRanks[k], let hi = u.highRanks[k] else { return nil }
                return .init(label: l.regionName(c.regions[i]), nominal: n, median: m, low: lo, high: hi, focus: c.regions[i] == f.focus)
            }
        } ?? []
        var findings = f.convergence.map(l.convergence)
        findings += f.rankHistories.map(l.rankHistory)
        return BenchmarkDocument(language: l.language, title: title, method: method, tables: tables, intervals: intervals,
                                 ranked: c.ranks.compactMap { $0 }.count, findings: findings, notes: c.notes.map(l.compositeNote),
                                 labels: l)
    }

    func ranking(_ f: BenchmarkFindings, order: [Int]) -> BenchmarkDocument.Table {
        let l = labels, c = f.composite, u = f.uncertainty
        // The scores of the index's groups (its pillars), where it has groups.
        let s = f.specification.structure
        let pillars = s.nodes[s.root].children.filter { !s.nodes[$0].isLeaf }.map { s.nodes[$0].id }
        var header = [l.pick("rank", "排名"), l.pick("region", "地区"), l.pick("score", "得分")] + pillars.map(l.indicatorName)
        if u != nil { header += [l.pick("median rank", "排名中位数"), l.pick("5–95% rank", "排名5–95%")] }
        let rows = order.map { i -> [String] in
            var row = [c.ranks[i].map(String.init) ?? "–", l.regionName(c.regions[i]), NumberFormat.fixed(c.scores[i], 1)]
            row += pillars.map { NumberFormat.fixed(c.groupScores[$0]?[i] ?? .nan, 1) }
            if let u, let k = u.regions.firstIndex(of: c.regions[i]) {
                row += [u.medianRanks[k].map(String.init) ?? "–",
                        u.lowRanks[k].flatMap { lo in u.highRanks[k].map { "\(lo)–\($0)" } } ?? "–"]
            }
            return row
        }
        return .init(title: l.pick("Composite ranking", "综合排名"), header: header, rightAligned: header.indices.map { $0 != 1 },
                     rows: rows, focus: order.map { c.regions[$0] == f.focus })
    }

    /// The focal region on each indicator.
    func indicatorsOf(_ f: BenchmarkFindings, row i: Int) -> BenchmarkDocument.Table {
        let l = labels, p = f.peers
        let header = [l.pick("indicator", "指标"), l.pick("value", "数值"), l.pick("rank", "排名"), l.pick("percentile", "百分位"),
                      "z", l.pick("behind the frontier", "距前沿"), l.pick("vs median", "较中位数")]
            + (f.rankChanges != nil ? [l.pick("rank change since \(f.since!)", "\(f.since!)年以来排名变化")] : [])
        let rows = p.indicators.indices.map { j -> [String] in
            let cell = p.cells[i][j], unit = l.indicators[p.indicators[j]]?.unit ?? ""
            func signed(_ x: Double?) -> String { x.map { ($0 > 0 ? "+" : "") + NumberFormat.readable($0, language: l.language, digits: 3) } ?? "–" }
            let value: String = cell.value.isNaN ? "–" : l.amount(cell.value, unit: unit) + (cell.year.map { " (\($0))" } ?? "")
            let rank: String = cell.rank.map { "\($0)/\(cell.of)" } ?? "–"
            let percentile: String = cell.percentile.map { NumberFormat.fixed($0, 0) } ?? "–"
            let z: String = cell.z.map { NumberFormat.fixed($0, 2) } ?? "–"
            let behind: String = cell.behindFrontier.map { NumberFormat.readable($0, language: l.language, digits: 3) } ?? "–"
            var row: [String] = [l.indicatorName(p.indicators[j]), value, rank, percentile, z, behind, signed(cell.versusMedian)]
            if let changes = f.rankChanges { row.append(l.rankChange(changes[i][j])) }
            return row
        }
        return .init(title: l.pick("\(l.regionName(p.regions[i])) on each indicator", "\(l.regionName(p.regions[i]))各项指标"),
                     header: header, rightAligned: header.indices.map { $0 > 0 }, rows: rows, focus: rows.map { _ in false })
    }

    /// Every region's rank on each indicator.
    func indicatorRanks(_ f: BenchmarkFindings, order: [String]) -> BenchmarkDocument.Table {
        let l = labels, p = f.peers
        let shown = Array(p.indicators.indices.prefix(10))
        let rows = order.compactMap { r -> [String]? in
            guard let i = p.regions.firstIndex(of: r) else { return nil }
            return [l.regionName(r)] + shown.map { j in p.cells[i][j].rank.map(String.init) ?? "–" }
        }
        let header = [l.pick("region", "地区")] + shown.map { l.indicatorName(p.indicators[$0]) }
        let title = p.indicators.count > shown.count
            ? l.pick("Rank on each indicator (the first \(shown.count) of \(p.indicators.count); all in JSON and CSV)",
                     "各指标排名（\(p.indicators.count)个指标中的前\(shown.count)个；全部见JSON与CSV）")
            : l.pick("Rank on each indicator", "各指标排名")
        return .init(title: title, header: header, rightAligned: header.indices.map { $0 > 0 }, rows: rows, focus: order.map { $0 == f.focus })
    }

    /// The total sensitivity index of the rank to each input, with its 95% margin, for the focal region or the
    /// regions shown; the eight inputs with the largest mean index (all in JSON).
    func sensitivity(_ s: SensitivityResult, focus: String?, order: [String]) -> BenchmarkDocument.Table {
        let l = labels
        let regions = (focus.map { [$0] } ?? order).filter { s.regions.contains($0) }
        let rows = regions.map { s.regions.firstIndex(of: $0)! }
        func mean(_ q: Int) -> Double { rows.map { s.rankTotal[$0, q] }.filter { !$0.isNaN }.reduce(0, +) / Double(max(1, rows.count)) }
        let inputs = Array(s.inputs.indices.sorted { (mean($0), -$0) > (mean($1), -$1) }.prefix(8))
        let header = [l.pick("region", "地区")] + inputs.map { l.sensitivityInput(s.inputs[$0]) }
        let table = zip(regions, rows).map { r, i in
            [l.regionName(r)] + inputs.map { q in
                s.rankTotal[i, q].isNaN ? "–" : NumberFormat.fixed(s.rankTotal[i, q], 2) + " ±" + NumberFormat.fixed(1.96 * s.rankTotalError[i, q], 2)
            }
        }
        let more = s.inputs.count > inputs.count ? l.pick("; the \(inputs.count) largest of \(s.inputs.count) inputs", "；\(s.inputs.count)个输入中最大的\(inputs.count)个") : ""
        return .init(title: l.pick("Which assumption moves the rank: total sensitivity indices with 95% margins (share of the rank's variance, interactions included\(more))",
                                   "何种假设影响排名：总敏感度指数及95%误差范围（排名方差中所占份额，含交互作用\(more)）"),
                     header: header, rightAligned: header.indices.map { $0 > 0 }, rows: table, focus: regions.map { $0 == focus })
    }
}
