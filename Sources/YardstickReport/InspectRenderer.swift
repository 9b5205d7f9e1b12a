import Yardstick

/// Renders a ``PanelSummary`` (`yardstick inspect`).
public enum InspectRenderer {
    /// `{"regions": N, "indicators": N, "observations": N, "targets": N, "first_period", "last_period",
    /// "skipped": N, "missing_values": N, "skipped_by_option": N, "warnings": [...], "region_ids": [...], "region_names": [...],
    /// "coverage": [{indicator, name, unit, direction, kind, regions, values, bounds, targets, preliminary, first, last}]}`.
    /// Warnings are `{code, text, params}` objects, worded by `labels`.
    public static func json(_ s: PanelSummary, labels: ReportLabels = ReportLabels(language: .en)) -> JSONValue {
        .object([
            ("regions", .integer(s.regions.count)), ("indicators", .integer(s.indicators)),
            ("observations", .integer(s.observations)), ("targets", .integer(s.targets)),
            ("first_period", s.firstPeriod.map { .string($0.description) } ?? .null),
            ("last_period", s.lastPeriod.map { .string($0.description) } ?? .null),
            ("skipped", .integer(s.skipped)), ("missing_values", .integer(s.missingValues)),
            ("skipped_by_option", .integer(s.skippedByOption)),
            ("warnings", .array(s.warnings.map { ReportLabels.coded($0.code, labels.panelWarning($0), labels.panelWarningParameters($0)) })),
            ("region_ids", .array(s.regions.map(JSONValue.string))),
            ("region_names", .array(s.regions.map { .string(labels.regionName($0)) })),
            ("coverage", .array(s.coverage.map { c in
                .object([("indicator", .string(c.indicator.id)), ("name", .string(c.indicator.name)),
                         ("unit", .string(c.indicator.unit)), ("direction", .string(c.indicator.direction.rawValue)),
                         ("kind", .string(c.indicator.kind.rawValue)), ("regions", .integer(c.regions)),
                         ("values", .integer(c.values)), ("bounds", .integer(c.bounds)), ("targets", .integer(c.targets)),
                         ("preliminary", .integer(c.preliminary)),
                         ("first", c.first.map { .string($0.description) } ?? .null),
                         ("last", c.last.map { .string($0.description) } ?? .null)])
            })),
        ])
    }

    public static func text(_ s: PanelSummary, labels l: ReportLabels = ReportLabels(language: .en)) -> String {
        var lines: [String] = []
        let span = s.firstPeriod.map { "\($0)–\(s.lastPeriod!)" } ?? l.pick("no periods", "无时期")
        lines.append(l.pick("\(l.count(s.regions.count, "region", "regions", zh: "")), \(l.count(s.indicators, "indicator", "indicators", zh: "")), "
                                + "\(l.count(s.observations, "observation", "observations", zh: "")) (\(l.count(s.targets, "target", "targets", zh: ""))), \(span)",
                            "\(s.regions.count)个地区，\(s.indicators)个指标，\(s.observations)条观测值（目标\(s.targets)条），\(span)"))
        let names = s.regions.map(l.regionName)
        let shown = names.prefix(10).joined(separator: l.pick(", ", "、"))
        let more = s.regions.count > 10 ? l.pick(", … (\(s.regions.count - 10) more)", "等（另有\(s.regions.count - 10)个）") : ""
        lines.append(l.pick("regions: ", "地区：") + shown + more)
        lines.append(l.pick("skipped: \(l.count(s.missingValues, "missing value", "missing values", zh: "")), "
                                + "\(l.count(s.skippedByOption, "cell", "cells", zh: "")) left out by options",
                            "未读取：缺失值\(s.missingValues)个，按选项略去的单元格\(s.skippedByOption)个"))
        lines.append("")
        var table = TextTable(header: l.zh ? ["指标", "名称", "单位", "方向", "地区", "数值", "上下限", "目标", "时期"]
                                           : ["indicator", "name", "unit", "better", "regions", "values", "bounds", "targets", "periods"],
                              alignments: [.left, .left, .left, .left, .right, .right, .right, .right, .left])
        for c in s.coverage {
            let periods = c.first.map { $0 == c.last! ? "\($0)" : "\($0)–\(c.last!)" } ?? ""
            let name = l.name(c.indicator)
            table.append([c.indicator.id, name == c.indicator.id ? "" : name, c.indicator.unit, l.direction(c.indicator.direction),
                          String(c.regions), String(c.values) + (c.preliminary > 0 ? "*" : ""), String(c.bounds), String(c.targets), periods])
        }
        lines.append(table.rendered())
        if s.coverage.contains(where: { $0.preliminary > 0 }) { lines.append(l.pick("* includes preliminary values", "* 含预计数")) }
        for w in s.warnings { lines.append(l.pick("warning: ", "注意：") + l.panelWarning(w)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
