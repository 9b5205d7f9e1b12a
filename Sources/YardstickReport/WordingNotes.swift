import Yardstick

/// The sentences of assessment notes, trend warnings and trend errors, English and Chinese side by side.
extension ReportLabels {
    /// A note on the assessment of a target of region `home` (series of other regions are named with theirs).
    public func note(_ n: AssessmentNote, home: String) -> String {
        switch n {
        case let .comparedOnYear(period):
            return pick("a \(period) target, compared on its year, \(period.year)", "\(period)目标按\(period.year)年全年比较")
        case .stretchTarget:
            return pick("a stretch target: the report strives for it rather than commits to it", "力争目标")
        case let .derivedFromGrowth(year, value, level, growth):
            return pick("the \(year) value \(number(value)) is derived from \(number(level)) in \(year + 1) and its reported growth of \(number(growth))%",
                        "\(year)年数值\(number(value))由\(year + 1)年的\(number(level))及其增速\(number(growth))%推算")
        case let .latestIsBound(kind, value, year):
            let lower = kind == .lowerBound
            return pick("the latest value is known only as \(lower ? "a lower" : "an upper") bound (\(lower ? "above" : "below") \(number(value)) in \(year)); gaps and required growth are measured from it",
                        "最新值仅知\(lower ? "下限" : "上限")（\(year)年\(lower ? "超过" : "低于")\(number(value))），缺口和所需增速据此计算")
        case let .latestIsPreliminary(year):
            return pick("the latest value (\(year)) is preliminary", "最新值（\(year)年）为预计数")
        case let .logitScale(lower, upper):
            return pick("projected on the logit scale (a share bounded by \(number(lower)) and \(number(upper)))",
                        "按logit尺度预测（比重介于\(number(lower))与\(number(upper))之间）")
        case let .trend(w):
            return trendWarning(w)
        case let .noTrend(e):
            return pick("no trend: ", "无法拟合趋势：") + trendError(e)
        case .twoValuesOnly:
            return pick("two values only: their growth is carried forward, without an interval or a probability",
                        "仅有两个数值：按其增速外推，不给出区间和概率")
        case .oneValueOnly:
            return pick("one value only: the required growth is all that can be said", "仅有一个数值：只能给出所需增速")
        case let .noActualBefore(year):
            return pick("no actual value before \(year): nothing to compare the target with", "\(year)年以前没有实际值，无法与目标比较")
        case let .growthUndefined(change):
            return pick("a growth rate is undefined from a non-positive value; the required change is \(number(change)) a year",
                        "非正值无法计算增长率；所需年均变动为\(number(change))")
        case let .outcomeIsBoundBelowTarget(year, value):
            return pick("\(year) is known only as a lower bound (\(number(value))) below the target: met or missed cannot be told",
                        "\(year)年仅知下限（\(number(value))），低于目标，无法判断是否完成")
        case let .ambition(measure, seen, of):
            let what: String = switch measure {
            case .rate: pick("a rate", "增速")
            case .growth: pick("growth", "增长")
            case .change: pick("a change", "变动")
            }
            return pick(of == 1 ? "this target asks for \(what) \(seen == 0 ? "not seen" : "seen") in the one year on record"
                                : "this target asks for \(what) seen in \(seen) of the \(of) years on record",
                        "目标所要求的\(what)在有记录的\(of)年中出现过\(seen)年")
        case let .relativeTooShort(points):
            return pick("not assessable: the indicator has \(count(points, "value", "values", zh: "")), fewer than a trend needs",
                        "无法评估：该指标仅有\(points)个数值，不足以拟合趋势")
        case let .relativeToProjection(region, indicator, year):
            let s = seriesName(region: region, indicator: indicator, home: home)
            return pick("compared with the projection of \(s) for \(year)", "与\(s)\(year)年的预测值比较")
        case let .relativeToTarget(region, indicator, year, value):
            let s = seriesName(region: region, indicator: indicator, home: home)
            return pick("compared with the \(year) target for \(s), \(number(value))", "与\(s)\(year)年的目标\(number(value))比较")
        case let .relativeWithoutSeries(region, indicator):
            let s = seriesName(region: region, indicator: indicator, home: home)
            return pick("not assessable: \(s) has no history and no target for the year to compare with",
                        "无法评估：\(s)没有可比较的历史数据或当年目标")
        case let .seriesBreak(year, dropped):
            return pick("the series changes basis in \(year) (a break in the metadata): the \(count(dropped, "value", "values", zh: "")) before it \(dropped == 1 ? "is" : "are") left out",
                        "该序列口径在\(year)年变化（元数据中的断点），此前\(dropped)个数值不参与评估")
        case let .assumed(a):
            return assumption(a)
        }
    }

    /// How an indicator's kind or direction was assumed, and how to state it.
    public func assumption(_ a: IndicatorAssumption) -> String {
        func direction(_ d: Direction) -> String {
            switch d {
            case .higher: pick("higher is better", "越高越好")
            case .lower: pick("lower is better", "越低越好")
            case .target: pick("closest to the target is best", "越接近目标越好")
            }
        }
        switch a {
        case let .kindFromUnit(kind, unit):
            let k = kind == .growthRate ? pick("a growth rate", "增长率") : pick("a share (0–100)", "比重（0–100）")
            return pick("assumed \(k) from its unit \(unit) (give a metadata file with kind to state it)",
                        "据单位\(unit)推定为\(k)（可在元数据文件中用kind指明）")
        case let .directionFromTargets(d):
            return pick("assumed \(direction(d)), as its targets are all \(d == .lower ? "upper" : "lower") limits (give --direction or metadata to state it)",
                        "据目标均为\(d == .lower ? "上限" : "下限")推定\(direction(d))（可用 --direction 或元数据指明）")
        case let .directionFromName(d, word):
            return pick("assumed \(direction(d)) from the word '\(word)' in its name (give --direction or metadata to state it)",
                        "据名称中的“\(word)”推定\(direction(d))（可用 --direction 或元数据指明）")
        case .directionDefault:
            return pick("assumed higher is better: nothing states its direction (give --direction or metadata)",
                        "未指明方向，按越高越好处理（可用 --direction 或元数据指明）")
        }
    }

    /// The parameters of a note for machine output (the sentence's numbers, periods and series).
    public func parameters(_ n: AssessmentNote) -> [(String, JSONValue)] {
        switch n {
        case let .comparedOnYear(period): [("period", .string(period.description))]
        case .stretchTarget, .twoValuesOnly, .oneValueOnly: []
        case let .derivedFromGrowth(year, value, level, growth):
            [("year", .integer(year)), ("value", .number(value)), ("level", .number(level)), ("growth", .number(growth))]
        case let .latestIsBound(kind, value, year): [("kind", .string(kind.rawValue)), ("value", .number(value)), ("year", .integer(year))]
        case let .latestIsPreliminary(year): [("year", .integer(year))]
        case let .logitScale(lower, upper): [("lower", .number(lower)), ("upper", .number(upper))]
        case let .trend(w): trendWarningParameters(w)
        case let .noTrend(e): [("reason", .string(e.code))]
        case let .noActualBefore(year): [("year", .integer(year))]
        case let .growthUndefined(change): [("required_change", .number(change))]
        case let .outcomeIsBoundBelowTarget(year, value): [("year", .integer(year)), ("value", .number(value))]
        case let .ambition(measure, seen, of): [("measure", .string(measure.rawValue)), ("seen", .integer(seen)), ("of", .integer(of))]
        case let .relativeTooShort(points): [("points", .integer(points))]
        case let .relativeToProjection(region, indicator, year):
            [("region", .string(region)), ("indicator", .string(indicator)), ("year", .integer(year))]
        case let .relativeToTarget(region, indicator, year, value):
            [("region", .string(region)), ("indicator", .string(indicator)), ("year", .integer(year)), ("value", .number(value))]
        case let .relativeWithoutSeries(region, indicator): [("region", .string(region)), ("indicator", .string(indicator))]
        case let .seriesBreak(year, dropped): [("year", .integer(year)), ("dropped", .integer(dropped))]
        case let .assumed(a):
            switch a {
            case let .kindFromUnit(kind, unit): [("kind", .string(kind.rawValue)), ("unit", .string(unit))]
            case let .directionFromTargets(d): [("direction", .string(d.rawValue))]
            case let .directionFromName(d, word): [("direction", .string(d.rawValue)), ("word", .string(word))]
            case .directionDefault: [("direction", .string("higher"))]
            }
        }
    }

    public func trendWarning(_ w: TrendWarning) -> String {
        switch w {
        case let .tooShortForSelection(found, chosen):
            pick("\(count(found, "observation is", "observations are", zh: "")) too few to compare models by AICc; used the \(model(chosen)) model",
                 "\(found)个观测值不足以按AICc比较模型，采用\(model(chosen))模型")
        case let .optimiserDidNotConverge(iterations):
            pick("the parameter search stopped after \(iterations) iterations without converging; parameters may be imprecise",
                 "参数搜索在\(iterations)次迭代后仍未收敛，参数可能不够精确")
        case let .parameterAtBound(name, value):
            pick("\(name) was estimated at the edge of its range (\(number(value)))", "参数\(name)的估计值位于取值范围边界（\(number(value))）")
        case .noResidualDegreesOfFreedom:
            pick("as many parameters as observations: no prediction interval can be given", "参数个数等于观测值个数，无法给出预测区间")
        }
    }

    func trendWarningParameters(_ w: TrendWarning) -> [(String, JSONValue)] {
        switch w {
        case let .tooShortForSelection(found, chosen): [("found", .integer(found)), ("chosen", .string(chosen.rawValue))]
        case let .optimiserDidNotConverge(iterations): [("iterations", .integer(iterations))]
        case let .parameterAtBound(name, value): [("name", .string(name)), ("value", .number(value))]
        case .noResidualDegreesOfFreedom: []
        }
    }

    public func trendError(_ e: TrendError) -> String {
        switch e {
        case let .tooFewPoints(m, needed, found):
            return pick("the \(model(m)) model needs at least \(needed) observations, the series has \(found)",
                        "\(model(m))模型至少需要\(needed)个观测值，该序列只有\(found)个")
        case let .tooShortForAnyModel(found, needs):
            let list = needs.sorted { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }
                .map { zh ? "\(model($0.key))\($0.value)个" : "\(model($0.key)) \($0.value)" }.joined(separator: pick(", ", "，"))
            return pick("the series has \(count(found, "observation", "observations", zh: "")); no trend model can be fitted (points needed: \(list))",
                        "该序列只有\(found)个观测值，无法拟合任何趋势模型（所需点数：\(list)）")
        case let .nonFinite(year):
            return pick("the value for \(year) is NaN or infinite; remove it (a missing year is allowed)",
                        "\(year)年的数值不是有限数；请删除该值（允许缺失年份）")
        case let .nonPositive(year, value):
            return pick("the log-linear (constant growth) model needs positive values, but \(year) has \(number(value)); use the linear model",
                        "对数线性（恒定增速）模型需要正值，但\(year)年为\(number(value))；请改用线性模型")
        case let .yearsNotIncreasing(year):
            return pick("year \(year) is repeated or out of order; each year may appear once, in increasing order",
                        "\(year)年重复或顺序错误；每年只能出现一次且按时间递增")
        case let .parameterOutOfRange(name, value, range):
            return pick("\(name) = \(number(value)) is outside \(number(range.lowerBound))…\(number(range.upperBound))",
                        "\(name) = \(number(value))超出范围\(number(range.lowerBound))…\(number(range.upperBound))")
        case let .invalidHorizon(h):
            return pick("the horizon must be at least 1 year, got \(h)", "预测期至少为1年，实际为\(h)")
        case let .invalidLevel(l):
            return pick("interval levels are percentages between 0 and 100, got \(number(l))", "区间水平须为0到100之间的百分数，实际为\(number(l))")
        case let .notBatchable(m):
            return pick("batched fitting supports the linear, log-linear and quadratic models, not \(model(m))",
                        "批量拟合只支持线性、对数线性和二次模型，不支持\(model(m))模型")
        case let .linearAlgebra(e):
            return zh ? "数值计算失败（\(e.code)）" : e.description
        case let .notConverged(iterations):
            return pick("the likelihood of values and bounds has no maximum within \(iterations) steps (values on a line that clears every bound)",
                        "数值与界限的似然函数在\(iterations)步内未找到最大值（数值共线且满足全部界限）")
        }
    }
}
