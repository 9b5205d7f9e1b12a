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
        text += f.peerGroup != nil ? pick(". Peers: " + (peers == 1 ? "the one region" : "the \(peers) regions") + " of its group in the region metadata.", "。同行：地区元数据中同组的\(peers)个地区。")
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
        case let .singleValue(indicator):
            pick("\(indicatorName(indicator)): only one region has a value, which tells no region apart",
                 "\(indicatorName(indicator))：仅一个地区有数值，无法区分各地区")
        case let .partial(region, present, of):
            pick("\(regionName(region)) is scored on \(present) of the \(of) indicators (the weights of the rest renormalised)",
                 "\(regionName(region))按\(of)个指标中的\(present)个计分（其余指标的权重重新分配）")
        case let .zeroInMean(group, regions):
            pick("\(count(regions, "region scores", "regions score", zh: "")) 0 in the \(group == "index" ? "index" : group)'s mean because a component is 0 (the worst value under min-max or rank normalisation); goalposts or 'max' keep values positive",
                 "\(regions)个地区在“\(group)”的平均中得0分，因某一分项为0（最小—最大值或排名标准化下最差者为0）；阈值法或距领先者法可使数值保持为正")
        case let .directionFromStructure(indicator, direction):
            pick("\(indicatorName(indicator)): the structure's direction (\(self.direction(direction))) is used, not the metadata's",
                 "\(indicatorName(indicator))：采用结构文件的方向（\(self.direction(direction))），而非元数据的方向")
        case let .weightsKept(ids):
            pick("the weights file does not name \(ids.map(indicatorName).joined(separator: ", ")): they keep the structure's weights",
                 "权重文件未列出\(ids.map(indicatorName).joined(separator: "、"))，沿用结构文件中的权重")
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

    /// How the rank intervals were drawn.
    func uncertaintyMethod(_ u: UncertaintyResult) -> String {
        let st = u.settings
        let weights: String
        switch st.weights {
        case let .uniform(r):
            weights = pick("each weight times U(\(NumberFormat.significant(r.lowerBound, 3)), \(NumberFormat.significant(r.upperBound, 3)))",
                           "各权重乘以U(\(NumberFormat.significant(r.lowerBound, 3)), \(NumberFormat.significant(r.upperBound, 3)))")
        case let .dirichlet(c):
            weights = pick("each group's weights from a Dirichlet distribution around them (concentration \(NumberFormat.significant(c, 3)))",
                           "各组权重取自以其为中心的狄利克雷分布（集中度\(NumberFormat.significant(c, 3))）")
        }
        var choices: [String] = []
        let n = st.normalisations.compactMap { $0 }, a = st.aggregations.compactMap { $0 }, m = st.imputations.compactMap { $0 }
        if !n.isEmpty { choices.append(pick("normalisation also ", "标准化另取") + n.map(normalisation).joined(separator: pick(" or ", "或"))) }
        if !a.isEmpty { choices.append(pick("aggregation also ", "加总另取") + a.map(aggregation).joined(separator: pick(" or ", "或"))) }
        if !m.isEmpty { choices.append(pick("imputation also ", "插补另取") + m.map(imputation).joined(separator: pick(" or ", "或"))) }
        let drawn = choices.isEmpty ? "" : pick("; ", "；") + choices.joined(separator: pick("; ", "；"))
        return pick("Rank intervals: \(u.draws) draws (\(weights)\(drawn); seed \(st.seed)); the 5th–95th percentile of each region's rank.",
                    "排名区间：抽样\(u.draws)次（\(weights)\(drawn)；随机种子\(st.seed)），取各地区排名的第5至95百分位。")
    }

    func sensitivityMethod(_ s: SensitivityResult) -> String {
        pick("Sensitivity: Sobol indices by Saltelli's scheme, \(s.evaluations) evaluations; first-order indices are noisier than total ones (their standard errors are in the JSON).",
             "敏感度：按Saltelli方案计算Sobol指数，共\(s.evaluations)次计算；一阶指数比总指数误差更大（标准误见JSON）。")
    }

    /// Which indicators were chosen, and how many regions have each.
    func indicatorChoice(_ f: BenchmarkFindings) -> String {
        let counts = f.data.indicators.indices.map { j in
            indicatorName(f.data.indicators[j]) + " " + String((0..<f.data.regions.count).count { !f.data.values[$0, j].isNaN })
        }.joined(separator: pick(", ", "，"))
        let share = Int((f.chosenShare * 100).rounded())
        let rule = f.chosenShare > 0
            ? pick("every indicator at least \(share)% of the peers have, ranks apart (they follow as histories)", "至少\(share)%的同行有数据的全部指标（排名类除外，另列于排名历史）")
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
        if p >= 0.05 {
            s += pick("no significant convergence or divergence at the 5% level", "在5%水平上无显著收敛或发散")
        } else if beta < 0 {
            s += pick("regions that started lower grew faster (significant at the 5% level)", "起点较低的地区增长较快（5%水平上显著）")
            if let speed = c.speed { s += pick(", speed of convergence \(NumberFormat.percent(speed, decimals: 1)) a year", "，收敛速度每年\(NumberFormat.percent(speed, decimals: 1))") }
        } else {
            s += pick("regions that started higher grew faster: divergence (significant at the 5% level)", "起点较高的地区增长较快：发散（5%水平上显著）")
        }
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
