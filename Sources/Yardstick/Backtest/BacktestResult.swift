/// One target of a backtest: its outcome and what was known of it before its year.
public struct BacktestItem: Sendable {
    public let target: Observation
    public let indicator: Indicator
    /// The value of the target's year, and whether it met the target.
    public let outcome: HistoryPoint
    public let met: Bool
    /// The assessment made with the observations before the target's year.
    public let before: TargetAssessment
    /// The trend's probability, and the one corrected by the indicator's record where there is a record.
    public let plainProbability: Double?
    public let record: ForecastRecord?
    public let correctedProbability: Double?
    /// The probability from the record of the indicator's earlier targets, where it has one.
    public let targetRecord: TargetRecord?
    public let targetRecordProbability: Double?
    /// The predictor scored (by ``BacktestSettings/adjustment``) and its probability.
    public let predictor: Predictor?
    public let probability: Double?
    /// The status before the year under the probability scored (the method's, when a published method is chosen),
    /// and what the probability rests on.
    public let status: TargetStatus
    public let basis: AssessmentBasis?
    /// The base rate known before the year, and the number of earlier targets it rests on.
    public let baseRate: Double
    /// The share of all earlier targets met, of every indicator, (m + ½)/(n + 1).
    public let pooledRate: Double
    public let earlierTargets: Int
    /// The plain forecast's CDF at the outcome (its probability integral transform), where there is a forecast.
    public let transform: Double?
    /// The outcome's margin over the target (``TargetRecord``), where one is defined.
    public let margin: Double?
}

/// A published method's verdicts read as predictions (its on-track class as met), over the targets it classified.
public struct MethodScore: Sendable, Equatable {
    public let method: StatusMethod
    public let count: Int
    /// The Brier score of its 0/1 predictions (the share it got wrong) and the share it got right.
    public let brier: Double
    public let accuracy: Double
    /// Yardstick's Brier score over the same targets.
    public let modelBrier: Double
}

/// A backtest's findings: the pairs, what was assessed, the scores, the calibration table and the baselines.
public struct BacktestResult: Sendable {
    public let settings: BacktestSettings
    /// Every target with an outcome, within the scope and from the first year scored, in order of year.
    public let items: [BacktestItem]
    /// The targets given a probability, and the others counted by why they were not assessed.
    public let assessed: Int
    /// By reason code (``UnassessedReason/code``, or `no_probability`), with the first target's reason, most first.
    public let notAssessed: [(code: String, reason: UnassessedReason?, count: Int)]
    /// The scores of the probabilities scored, of the plain trend's and of the corrected ones (the plain where
    /// there is no record), over the assessed targets.
    public let score: ForecastScore
    public let plainScore: ForecastScore
    public let correctedScore: ForecastScore
    /// The scores of the targets' record (the trend's where there is no record).
    public let targetRecordScore: ForecastScore
    /// How many of the assessed targets had a record of forecasts to correct them, and a record of targets.
    public let corrected: Int
    public let withTargetRecord: Int
    public let calibration: [CalibrationBin]
    public let baseRate: ForecastScore
    public let pooledRate: ForecastScore
    public let methods: [MethodScore]

    /// - Complexity: O(n) for n items.
    init(items: [BacktestItem], settings: BacktestSettings) {
        self.items = items
        self.settings = settings
        let scored = items.filter { $0.probability != nil }
        assessed = scored.count
        var reasons: [String: (reason: UnassessedReason?, count: Int)] = [:]
        for i in items where i.probability == nil {
            reasons[i.before.unassessed?.code ?? "no_probability", default: (i.before.unassessed, 0)].count += 1
        }
        notAssessed = reasons.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            .map { ($0.key, $0.value.reason, $0.value.count) }
        let outcomes = scored.map(\.met)
        let p = scored.map { $0.probability! }
        score = ForecastScore(probabilities: p, outcomes: outcomes)
        plainScore = ForecastScore(probabilities: scored.map { $0.plainProbability! }, outcomes: outcomes)
        correctedScore = ForecastScore(probabilities: scored.map { $0.correctedProbability ?? $0.plainProbability! }, outcomes: outcomes)
        targetRecordScore = ForecastScore(probabilities: scored.map { $0.targetRecordProbability ?? $0.plainProbability! }, outcomes: outcomes)
        corrected = scored.count { $0.correctedProbability != nil }
        withTargetRecord = scored.count { $0.targetRecord != nil }
        calibration = CalibrationBin.bins(probabilities: p, outcomes: outcomes, bins: settings.bins)
        baseRate = ForecastScore(probabilities: scored.map(\.baseRate), outcomes: outcomes)
        pooledRate = ForecastScore(probabilities: scored.map(\.pooledRate), outcomes: outcomes)
        methods = StatusMethod.allCases.filter { $0 != .own }.map { m in
            var n = 0, right = 0, model = 0.0
            for i in scored {
                guard let r = i.before.methodStatuses.first(where: { $0.method == m }) else { continue }
                let says: Bool
                switch r.status {
                case .onTrack, .met: says = true
                case .atRisk, .offTrack, .missed: says = false
                case .notAssessable: continue
                }
                n += 1
                right += says == i.met ? 1 : 0
                let y = i.met ? 1.0 : 0.0
                model += (i.probability! - y) * (i.probability! - y)
            }
            let accuracy = n > 0 ? Double(right) / Double(n) : .nan
            return MethodScore(method: m, count: n, brier: n > 0 ? 1 - accuracy : .nan, accuracy: accuracy,
                               modelBrier: n > 0 ? model / Double(n) : .nan)
        }
    }
}
