/// How an indicator's kind or direction was settled when nothing stated it (no metadata, no `--direction`, no
/// `indicator_kind` or `direction` column): each is said in every assessment of the indicator
/// (``AssessmentNote/assumed(indicator:_:)``).
///
/// The rules, in order:
/// - kind: a unit of `%` makes a growth rate when the id or name speaks of growth (growth, 增长, 增速, 增幅, CPI,
///   inflation, 上涨), otherwise a share (0–100); anything else stays a level;
/// - direction: the indicator's targets, when all of them are upper limits (at most, less than: CPI within 3%)
///   or all lower limits (at least, more than); otherwise a word of the id or name that names something to keep
///   down (unemployment, 失业, CPI, inflation, 价格, poverty, 贫困, emission, 排放, 能耗, mortality, 死亡, deficit,
///   赤字); otherwise higher, for want of anything else.
public enum IndicatorAssumption: Sendable, Equatable, Hashable {
    /// The kind read from the unit (and, for a growth rate, from a word of the id or name).
    case kindFromUnit(kind: IndicatorKind, unit: String)
    /// The direction read from the targets' comparators (all at most, or all at least).
    case directionFromTargets(Direction)
    /// The direction read from a word of the id or name.
    case directionFromName(Direction, word: String)
    /// Higher is better, assumed for want of anything else.
    case directionDefault

    /// A stable identifier for machine output.
    public var code: String {
        switch self {
        case .kindFromUnit: "kind_from_unit"
        case .directionFromTargets: "direction_from_targets"
        case .directionFromName: "direction_from_name"
        case .directionDefault: "direction_default"
        }
    }

    static let growthWords = ["growth", "grow", "增长", "增速", "增幅", "cpi", "inflation", "上涨", "涨幅"]
    static let lowerWords = ["unemployment", "失业", "cpi", "inflation", "价格", "poverty", "贫困", "emission", "排放", "能耗",
                             "mortality", "死亡", "deficit", "赤字"]
    static let percentUnits: Set<String> = ["%", "％", "percent", "per cent", "pct"]
}

extension Panel {
    /// Settles the kind and direction of every indicator that nothing stated, by the rules of
    /// ``IndicatorAssumption``, and records how.
    ///
    /// - Complexity: O(records + indicators × words): one pass over the records for units and target comparators.
    mutating func assumeUnstated() {
        var unit: [Int32: Int32] = [:], upper: Set<Int32> = [], lower: Set<Int32> = [], order: [Int32] = [], seen: Set<Int32> = []
        let t = table
        for r in t.records {
            if r.indicator != order.last && seen.insert(r.indicator).inserted { order.append(r.indicator) }
            if r.unit != 0 && unit[r.indicator] == nil { unit[r.indicator] = r.unit }
            let a = t.attributes[id: r.attributes]
            guard a.kind == .target else { continue }
            switch t.qualifiers[id: a.qualifier] {
            case .atMost, .lessThan: upper.insert(r.indicator)
            case .atLeast, .moreThan: lower.insert(r.indicator)
            default: break
            }
        }
        for number in order {
            let id = t.strings[id: number]
            var i = indicator(id)
            var assumed: [IndicatorAssumption] = []
            let words = (id + " " + i.name + " " + (i.englishName ?? "")).lowercased()
            let unitText = i.unit.isEmpty ? unit[number].map { t.strings[id: $0] } ?? "" : i.unit
            if !i.kindStated && i.kind == .level && IndicatorAssumption.percentUnits.contains(unitText.lowercased()) {
                let growth = IndicatorAssumption.growthWords.contains { words.contains($0) }
                i.kind = growth ? .growthRate : .share
                if !growth && i.bounds == nil { i.bounds = 0...100 }
                assumed.append(.kindFromUnit(kind: i.kind, unit: unitText))
            }
            if !i.directionStated && i.kind != .rank {
                if upper.contains(number) != lower.contains(number) {
                    i.direction = upper.contains(number) ? .lower : .higher
                    assumed.append(.directionFromTargets(i.direction))
                } else if let word = IndicatorAssumption.lowerWords.first(where: { words.contains($0) }) {
                    i.direction = .lower
                    assumed.append(.directionFromName(.lower, word: word))
                } else {
                    i.direction = .higher
                    assumed.append(.directionDefault)
                }
            }
            i.assumptions = assumed
            if !assumed.isEmpty || indicators[id] != nil { indicators[id] = i }
        }
    }
}
