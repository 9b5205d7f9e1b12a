import Yardstick

/// Renders a benchmark (`yardstick benchmark`): JSON and CSV from the findings, text, Markdown and HTML from the
/// ``BenchmarkDocument`` that ``BenchmarkBuilder`` words.
public enum BenchmarkRenderer {
    /// `{"period", "year", "latest", "focus", "indicators": [...], "method": [...], "regions": [{"region", "name",
    /// "score", "rank", "rank_median", "rank_p05", "rank_p95", "mean_score", "indicators": {id: {"value", "year",
    /// "normalised", "rank", "of", "percentile", "z", "behind_frontier", "versus_median", "versus_mean",
    /// "rank_change"}}}], "sensitivity": {"evaluations", "inputs", "regions": [{"region", "rank_first", "rank_total",
    /// "score_first", "score_total"}]} | null, "convergence": [...], "rank_history": [...], "warnings": [{code, text,
    /// params}]}`. Numbers at full precision; `regions` in rank order (only those given, when given).
    public static func json(_ f: BenchmarkFindings, labels l: ReportLabels, regions shown: [String]? = nil) -> JSONValue {
        let c = f.composite, p = f.peers, u = f.uncertainty
        func opt(_ x: Int?) -> JSONValue { x.map(JSONValue.integer) ?? .null }
        let order = c.regions.indices.filter { shown?.contains(c.regions[$0]) ?? true }
            .sorted { (c.ranks[$0] ?? .max, $0) < (c.ranks[$1] ?? .max, $1) }
        let regions: [JSONValue] = order.map { i in
            let region = c.regions[i], k = u?.regions.firstIndex(of: region), row = p.regions.firstIndex(of: region)!
            let indicators: [(String, JSONValue)] = p.indicators.enumerated().map { j, id in
                let cell = p.cells[row][j], col = c.indicators.firstIndex(of: id)
                // An imputed value is the composite's, with its year where it has one (latest imputation).
                let imputed = col.map { c.imputed[i + $0 * c.regions.count] } ?? false
                let value = imputed ? c.values[i, col!] : cell.value, year = imputed ? c.year(i, col!) : cell.year
                return (id, .object([
                    ("value", .optional(value)), ("year", opt(year)), ("imputed", .bool(imputed)),
                    ("normalised", .optional(col.map { c.normalised[i, $0] })), ("rank", opt(cell.rank)), ("of", .integer(cell.of)),
                    ("percentile", .optional(cell.percentile)), ("z", .optional(cell.z)), ("behind_frontier", .optional(cell.behindFrontier)),
                    ("versus_median", .optional(cell.versusMedian)), ("versus_mean", .optional(cell.versusMean)),
                    ("rank_change", opt(f.rankChanges?[row][j] ?? nil)),
                ]))
            }
            return .object([
                ("region", .string(region)), ("name", .string(l.regionName(region))), ("score", .optional(c.scores[i])),
                ("coverage", .number(Double(p.cells[row].count { !$0.value.isNaN }) / Double(max(1, p.indicators.count)))),
                ("rank", opt(c.ranks[i])), ("rank_median", opt(k.flatMap { u!.medianRanks[$0] })),
                ("rank_p05", opt(k.flatMap { u!.lowRanks[$0] })), ("rank_p95", opt(k.flatMap { u!.highRanks[$0] })),
                ("mean_score", .optional(k.map { u!.meanScores[$0] })),
                ("groups", .object(c.groupScores.keys.sorted().map { ($0, .optional(c.groupScores[$0]![i])) })),
                ("indicators", .object(indicators)),
            ])
        }
        let sensitivity: JSONValue = f.sensitivity.map { s in
            .object([
                ("evaluations", .integer(s.evaluations)), ("inputs", .array(s.inputs.map { .string($0.code) })),
                ("regions", .array(s.regions.indices.filter { shown?.contains(s.regions[$0]) ?? true }.map { i in
                    func row(_ m: Matrix) -> JSONValue { .object(s.inputs.indices.map { (s.inputs[$0].code, .optional(m[i, $0])) }) }
                    return .object([("region", .string(s.regions[i])), ("rank_first", row(s.rankFirst)), ("rank_first_se", row(s.rankFirstError)),
                                    ("rank_total", row(s.rankTotal)), ("rank_total_se", row(s.rankTotalError)),
                                    ("score_first", row(s.scoreFirst)), ("score_first_se", row(s.scoreFirstError)),
                                    ("score_total", row(s.scoreTotal)), ("score_total_se", row(s.scoreTotalError))])
                })),
            ])
        } ?? .null
        let convergence: [JSONValue] = f.convergence.map { v in
            .object([("indicator", .string(v.indicator)), ("first_year", .integer(v.firstYear)), ("last_year", .integer(v.lastYear)),
                     ("beta", .optional(v.beta)), ("beta_std_error", .optional(v.regression?.coefficients.last?.standardError)),
                     ("beta_p", .optional(v.regression?.coefficients.last?.p)), ("speed", .optional(v.speed)),
                     ("regions", .integer(v.betaRegions.count)),
                     ("sigma", .array(v.dispersion.map { .object([("year", .integer($0.year)), ("sd_log", .number($0.logStandardDeviation)),
                                                                  ("cv", .number($0.coefficientOfVariation))]) })),
                     ("text", .string(l.convergence(v)))])
        }
        let histories: [JSONValue] = f.rankHistories.map { h in
            func entry(_ e: RankHistory.Entry) -> JSONValue {
                .object([("region", .string(e.region)), ("year", .integer(e.year)), ("rank", .integer(e.rank)), ("of", opt(e.of))])
            }
            return .object([("indicator", .string(h.indicator)), ("focus", .array(h.focus.map(entry))), ("peers", .array(h.peers.map(entry))),
                            ("text", .string(l.rankHistory(h)))])
        }
        return .object([
            ("period", .string(f.latest ? "latest" : String(f.year))), ("year", .integer(f.year)), ("latest", .bool(f.latest)),
            ("focus", f.focus.map(JSONValue.string) ?? .null), ("indicators", .array(p.indicators.map(JSONValue.string))),
            ("method", .array(BenchmarkBuilder(labels: l).document(f).method.map(JSONValue.string))),
            ("regions", .array(regions)), ("sensitivity", sensitivity), ("convergence", .array(convergence)),
            ("rank_history", .array(histories)),
            ("warnings", .array(c.notes.map { ReportLabels.coded($0.code, l.compositeNote($0), parameters($0)) })),
        ])
    }

    static func parameters(_ n: CompositeNote) -> [(String, JSONValue)] {
        switch n {
        case let .screenedOut(region, coverage): [("region", .string(region)), ("coverage", .number(coverage))]
        case let .imputed(indicator, count, method): [("indicator", .string(indicator)), ("count", .integer(count)), ("method", .string(method.rawValue))]
        case let .treated(indicator, treatment):
            switch treatment {
            case .untouched: [("indicator", .string(indicator))]
            case let .winsorised(rows): [("indicator", .string(indicator)), ("treatment", .string("winsorised")), ("points", .integer(rows.count))]
            case .logTransformed: [("indicator", .string(indicator)), ("treatment", .string("log"))]
            }
        case let .noSpread(indicator), let .singleValue(indicator): [("indicator", .string(indicator))]
        case let .partial(region, present, of): [("region", .string(region)), ("present", .integer(present)), ("of", .integer(of))]
        case let .zeroInMean(group, regions): [("group", .string(group)), ("regions", .integer(regions))]
        case let .directionFromStructure(indicator, direction): [("indicator", .string(indicator)), ("direction", .string(direction.rawValue))]
        case let .weightsKept(ids): [("nodes", .array(ids.map(JSONValue.string)))]
        }
    }

    /// One row per region in rank order: rank, score, rank interval, then each indicator's value, year, normalised
    /// value and rank.
    public static func csv(_ f: BenchmarkFindings, labels l: ReportLabels, regions shown: [String]? = nil) -> String {
        let c = f.composite, p = f.peers, u = f.uncertainty
        let groups = c.groupScores.keys.sorted()
        var header = ["region", "name", "rank", "score", "rank_median", "rank_p05", "rank_p95"] + groups.map { "group_\($0)" }
        for id in p.indicators { header += ["\(id)_value", "\(id)_year", "\(id)_normalised", "\(id)_rank"] }
        var lines = [header.joined(separator: ",")]
        func n(_ x: Double?) -> String { x.map { $0.isFinite ? "\($0)" : "" } ?? "" }
        func i(_ x: Int?) -> String { x.map(String.init) ?? "" }
        let order = c.regions.indices.filter { shown?.contains(c.regions[$0]) ?? true }
            .sorted { (c.ranks[$0] ?? .max, $0) < (c.ranks[$1] ?? .max, $1) }
        for r in order {
            let region = c.regions[r], k = u?.regions.firstIndex(of: region), row = p.regions.firstIndex(of: region)!
            var cells = [region, l.regionName(region), i(c.ranks[r]), n(c.scores[r]), i(k.flatMap { u!.medianRanks[$0] }),
                         i(k.flatMap { u!.lowRanks[$0] }), i(k.flatMap { u!.highRanks[$0] })] + groups.map { n(c.groupScores[$0]![r]) }
            for (j, id) in p.indicators.enumerated() {
                let cell = p.cells[row][j], col = c.indicators.firstIndex(of: id)
                cells += [n(cell.value), i(cell.year), n(col.map { c.normalised[r, $0] }), i(cell.rank)]
            }
            lines.append(cells.map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func text(_ f: BenchmarkFindings, labels: ReportLabels, regions: [String]? = nil, colour: Bool = false) -> String {
        text(BenchmarkBuilder(labels: labels).document(f, regions: regions), colour: colour)
    }

    public static func markdown(_ f: BenchmarkFindings, labels: ReportLabels, regions: [String]? = nil) -> String {
        markdown(BenchmarkBuilder(labels: labels).document(f, regions: regions))
    }

    public static func html(_ f: BenchmarkFindings, labels: ReportLabels, regions: [String]? = nil) -> String {
        html(BenchmarkBuilder(labels: labels).document(f, regions: regions))
    }

    /// The focal region's rows are marked ▶ (and bold on a colour terminal).
    public static func text(_ d: BenchmarkDocument, colour: Bool) -> String {
        ([colour ? "\u{1B}[1m\(d.title)\u{1B}[0m" : d.title] + textBody(d, colour: colour)).joined(separator: "\n") + "\n"
    }

    /// The method, the tables, the findings and the notes, as lines (a report's peer section reuses them).
    static func textBody(_ d: BenchmarkDocument, colour: Bool) -> [String] {
        var lines = d.method.map { "  " + $0 }
        for t in d.tables { lines += text(t, colour: colour) }
        if !d.findings.isEmpty { lines += ["", d.labels.rankHistories] + d.findings.map { "• " + $0 } }
        if !d.notes.isEmpty { lines += ["", d.labels.comparisonNotes] + d.notes.map { "• " + $0 } }
        return lines
    }

    /// A titled table as lines, with a first column marking the focal rows (▶, bold on a colour terminal) unless
    /// `marked` is false. Backtests reuse it.
    static func text(_ t: BenchmarkDocument.Table, colour: Bool, marked: Bool = true) -> [String] {
        var table = TextTable(header: (marked ? [""] : []) + t.header, alignments: (marked ? [.left] : []) + t.rightAligned.map { $0 ? .right : .left })
        for (row, focus) in zip(t.rows, t.focus) { table.append((marked ? [focus ? "▶" : ""] : []) + row) }
        var rendered = table.rendered().split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if colour { for (k, focus) in t.focus.enumerated() where focus && rendered.indices.contains(k + 2) { rendered[k + 2] = "\u{1B}[1m" + rendered[k + 2] + "\u{1B}[0m" } }
        return ["", t.title] + rendered
    }

    /// A titled table in Markdown, its heading at `level`, focal rows in bold.
    static func markdown(_ t: BenchmarkDocument.Table, level: Int) -> [String] {
        var lines = ["", "\(String(repeating: "#", count: level)) \(t.title)", "", "| " + t.header.map(MarkdownReport.cell).joined(separator: " | ") + " |",
                     "| " + t.rightAligned.map { $0 ? "---:" : "---" }.joined(separator: " | ") + " |"]
        for (row, focus) in zip(t.rows, t.focus) {
            lines.append("| " + row.map { focus ? "**\(MarkdownReport.cell($0))**" : MarkdownReport.cell($0) }.joined(separator: " | ") + " |")
        }
        return lines
    }

    public static func markdown(_ d: BenchmarkDocument) -> String {
        (["# \(d.title)", ""] + markdownBody(d, level: 2)).joined(separator: "\n") + "\n"
    }

    /// The body with headings at `level`.
    static func markdownBody(_ d: BenchmarkDocument, level: Int) -> [String] {
        let h = String(repeating: "#", count: level)
        var lines = d.method.map { "- " + $0 }
        for t in d.tables { lines += markdown(t, level: level) }
        if !d.findings.isEmpty { lines += ["", "\(h) \(d.labels.rankHistories)", ""] + d.findings.map { "- " + $0 } }
        if !d.notes.isEmpty { lines += ["", "\(h) \(d.labels.comparisonNotes)", ""] + d.notes.map { "- " + $0 } }
        return lines
    }
}
