import Yardstick

/// The sentences of benchmark analyses, English and Chinese side by side.
extension ReportLabels {
    public func normalisation(_ n: Normalisation) -> String {
        switch n {
        case .minMax: pick("min-max 0–100", "最小—最大值法（0—100）")
        case .zScore: pick("z-scores", "标准分数")
        case .goalposts: pick("goalposts 0–100", "阈值法（0—100）")
        case .target: pick("distance to the target", "距目标法")
        case .distanceToMaximum: pick("distance to the leader", "距领先者法")
        case .rank: pick("ranks", "排名法")
        case .percentRank: pick("percent ranks", "百分位排名法")
        }
    }

    public func aggregation(_ a: Aggregation) -> String {
        switch a {
        case .arithmetic: pick("arithmetic mean", "算术平均")
        case .geometric: pick("geometric mean", "几何平均")
        case .harmonic: pick("harmonic mean", "调和平均")
        }
    }

    func imputation(_ m: Imputation) -> String {
        switch m {
        case .none: pick("no imputation", "不插补")
        case .mean: pick("the peers' mean", "同行均值插补")
        case .median: pick("the peers' median", "同行中位数插补")
        case .latest: pick("the latest earlier value", "以此前最新值插补")
        }
    }

    /// "Composite of 3 indicators: min-max 0–100; arithmetic mean; equal weights; no imputation; …"
    func compositeMethod(_ f: BenchmarkFindings) -> String {
        let spec = f.specification, s = spec.structure, n = f.composite.indicators.count
        let anyGoalposts = s.leaves.contains { s.nodes[$0].goalposts != nil }
        let norm = spec.normalisation.map(normalisation)
            ?? (anyGoalposts ? pick("goalposts where the structure gives them, min-max 0–100 otherwise", "结构文件给出阈值的用阈值法，其余用最小—最大值法（0—100）")
                             : normalisation(.minMax))
        let means = Set(s.groupsBottomUp.map { s.nodes[$0].aggregation })
        let agg = spec.aggregation.map(aggregation)
            ?? (means.count == 1 ? aggregation(means.first!) : pick("each group's own mean (the structure's)", "各组按结构文件的平均方式"))
        let equal = s.groupsBottomUp.allSatisfy { g in Set(s.nodes[g].children.map { s.nodes[$0].weight }).count == 1 }
        let weights = equal ? pick("equal weights", "等权") : pick("the weights given, relative within each group", "给定权重（组内相对）")
        let coverage = Int((spec.minimumCoverage * 100).rounded())
        var text = pick("Composite of \(count(n, "indicator", "indicators", zh: "")): \(norm); \(agg); \(weights); \(imputation(spec.imputation)); regions with less than \(coverage)% of the indicators left out",
                        "综合指数（\(n)个指标）：\(norm)；\(agg)；\(weights)；\(imputation(spec.imputation))；指标覆盖不足\(coverage)%的地区不参与排名")
        if spec.outliers == .coinr { text += pick("; outliers treated by COINr's rule", "；按COINr规则处理极端值") }
        let peers = f.data.regions.count
        text += f.peerGroup != nil ? pick(". Peers: the \(peers) regions of its group in the region metadata.", "。同行：地区元数据中同组的\(peers)个地区。")
            : pick(". Peers: every region of the data (\(peers)).", "。同行：数据中的全部地区（\(peers)个）。")
        return text
    }

    func compositeNote(_ n: CompositeNote) -> String {
        switch n {
        case let .screenedOut(region, coverage):
            pick("\(regionName(region)) is left out: it has \(NumberFormat.fixed(coverage * 100, 0))% of the indicators",
                 "\(regionName(region))未参与排名：仅有\(NumberFormat.fixed(coverage * 100, 0))%的指标")
        case let .imputed(indicator, n, method):
            pick("\(indicatorName(indicator)): \(count(n, "value", "values", zh: "")) imputed by \(imputation(method))",
                 "\(indicatorName(indicator))：\(n)个数值按\(imputation(method))")
        case let .treated(indicator, treatment):
            switch treatment {
            case .untouched: indicatorName(indicator)
            case let .winsorised(rows):
                pick("\(indicatorName(indicator)): \(count(rows.count, "outlier", "outliers", zh: "")) winsorised (COINr's rule)",
                     "\(indicatorName(indicator))：按COINr规则对\(rows.count)个极端值作缩尾处理")
            case .logTransformed:
                pick("\(indicatorName(indicator)): log-transformed, winsorising five points not being enough (COINr's rule)",
                     "\(indicatorName(indicator))：缩尾五个点仍不足，按COINr规则取对数")
            }
        case let .noSpread(indicator):
            pick("\(indicatorName(indicator)) has the same value for every region and tells them nothing apart",
                 "\(indicatorName(indicator))各地区数值相同，无法区分")
        }
    }

    func sensitivityInput(_ i: SensitivityInput) -> String {
        switch i {
        case let .weight(id): pick("weight of ", "权重：") + indicatorName(id)
        case .normalisation: pick("normalisation", "标准化方法")
        case .aggregation: pick("aggregation", "加总方法")
        case .imputation: pick("imputation", "插补方法")
        }
    }

    /// Which indicators were chosen, and how many regions have each.
    func indicatorChoice(_ f: BenchmarkFindings) -> String {
        let counts = f.data.indicators.indices.map { j in
            indicatorName(f.data.indicators[j]) + " " + String((0..<f.data.regions.count).count { !f.data.values[$0, j].isNaN })
        }.joined(separator: pick(", ", "，"))
        let rule = f.chosenShare > 0
            ? pick("every indicator at least half the peers have, ranks apart", "至少半数同行有数据的全部指标（排名类除外）")
            : pick("every indicator at least two regions have", "期内至少两个地区有数据的全部指标")
        return pick("Indicators: \(rule) (regions with a value: \(counts)).", "指标：\(rule)（有数据的地区数：\(counts)）。")
    }

    /// "up 9", "down 3", "unchanged", "–".
    func rankChange(_ change: Int?) -> String {
        guard let change else { return "–" }
        if change == 0 { return pick("unchanged", "不变") }
        return change > 0 ? pick("up \(change)", "上升\(change)位") : pick("down \(-change)", "下降\(-change)位")
    }

    func convergence(_ c: ConvergenceResult) -> String {
        let name = indicatorName(c.indicator)
        guard let r = c.regression, let beta = c.beta, let se = r.coefficients.last?.standardError, let p = r.coefficients.last?.p else {
            return pick("\(name): fewer than three regions have \(c.firstYear) and \(c.lastYear) values, so no β-convergence.",
                        "\(name)：\(c.firstYear)年和\(c.lastYear)年均有数据的地区不足三个，无法计算β收敛。")
        }
        var s = pick("\(name), \(c.firstYear)–\(c.lastYear), \(c.betaRegions.count) regions: β = \(NumberFormat.significant(beta, 3)) (SE \(NumberFormat.significant(se, 2)), p \(NumberFormat.pValue(p))); ",
                     "\(name)，\(c.firstYear)—\(c.lastYear)年，\(c.betaRegions.count)个地区：β = \(NumberFormat.significant(beta, 3))（标准误\(NumberFormat.significant(se, 2))，p \(NumberFormat.pValue(p))）；")
        s += beta < 0 ? pick("regions that started lower grew faster", "起点较低的地区增长较快")
                      : pick("regions that started lower did not grow faster", "起点较低的地区并未增长更快")
        if let speed = c.speed { s += pick(" (speed \(NumberFormat.percent(speed, decimals: 1)) a year)", "（收敛速度每年\(NumberFormat.percent(speed, decimals: 1))）") }
        if let first = c.dispersion.first, let last = c.dispersion.last {
            s += pick("; σ (sd of logs over \(c.sigmaRegions.count) regions) \(NumberFormat.fixed(first.logStandardDeviation, 3)) → \(NumberFormat.fixed(last.logStandardDeviation, 3))",
                      "；σ（\(c.sigmaRegions.count)个地区对数标准差）\(NumberFormat.fixed(first.logStandardDeviation, 3)) → \(NumberFormat.fixed(last.logStandardDeviation, 3))")
        }
        return s + pick(".", "。")
    }

    /// "Rank among China's top 100 advanced-manufacturing cities: 42 of 100 (2021), 36 of 100 (2022), 39 of 100 (2023); Changsha 10, 8, 6."
    func rankHistory(_ h: RankHistory) -> String {
        func one(_ e: RankHistory.Entry) -> String {
            e.of.map { pick("\(e.rank) of \($0) (\(e.year))", "\(e.year)年第\(e.rank)位（共\($0)）") } ?? pick("\(e.rank) (\(e.year))", "\(e.year)年第\(e.rank)位")
        }
        var s = indicatorName(h.indicator) + pick(": ", "：") + h.focus.map(one).joined(separator: pick(", ", "，"))
        if !h.peers.isEmpty {
            let byRegion = Dictionary(grouping: h.peers, by: \.region)
            let peers = byRegion.keys.sorted { (byRegion[$0]!.map(\.rank).min()!, $0) < (byRegion[$1]!.map(\.rank).min()!, $1) }.map { r in
                regionName(r) + " " + byRegion[r]!.map { zh ? "\($0.year)年\($0.rank)" : "\($0.rank) (\($0.year))" }.joined(separator: pick(", ", "，"))
            }
            s += pick("; peers in the same editions: ", "；同期同行：") + peers.joined(separator: pick("; ", "；"))
        }
        return s + pick(".", "。")
    }
}
