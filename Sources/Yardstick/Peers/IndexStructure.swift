/// The hierarchy of a composite index: the index (root), groups of any depth, and indicators (leaves), each with a
/// weight relative to its siblings. Groups carry their aggregation; indicators their transform, goalposts, target
/// and direction. Read from a structure file (``StructureReader``) or made flat from a list of indicators.
///
/// ```swift
/// let hdi = try StructureReader.read(CSVTable(contentsOf: "hdi_structure.csv"))
/// hdi.leaves.map { hdi.nodes[$0].id }     // ["le", "eys", "mys", "gnipc"]
/// ```
public struct IndexStructure: Sendable, Equatable {
    /// A transform applied to an indicator (and its goalposts and target) before normalisation.
    public enum Transform: String, Sendable, CaseIterable, Codable {
        case none
        /// The natural logarithm (values must be positive).
        case log
    }

    public struct Node: Sendable, Equatable {
        public let id: String
        /// The parent's position in ``IndexStructure/nodes``; nil for the index itself.
        public let parent: Int?
        /// Relative to the siblings (only ratios matter).
        public var weight: Double
        /// How a group combines its children.
        public var aggregation: Aggregation
        public var transform: Transform
        /// Goalposts in the indicator's own units, before the transform.
        public var goalposts: ClosedRange<Double>?
        /// A target for `target` normalisation, in the indicator's own units.
        public var target: Double?
        /// The direction the structure states (it overrides the metadata's).
        public var direction: Direction?
        public internal(set) var children: [Int] = []

        public var isLeaf: Bool { children.isEmpty }

        public init(id: String, parent: Int?, weight: Double = 1, aggregation: Aggregation = .arithmetic,
                    transform: Transform = .none, goalposts: ClosedRange<Double>? = nil, target: Double? = nil,
                    direction: Direction? = nil) {
            self.id = id
            self.parent = parent
            self.weight = weight
            self.aggregation = aggregation
            self.transform = transform
            self.goalposts = goalposts
            self.target = target
            self.direction = direction
        }
    }

    public private(set) var nodes: [Node]
    /// The position of the index itself.
    public let root: Int
    /// The indicators, in the order of the file.
    public let leaves: [Int]
    /// The groups from the deepest up (every group after all of its children): the order of aggregation.
    public let groupsBottomUp: [Int]

    /// A structure from nodes whose parents are given by position (checked by the reader).
    init(nodes: [Node]) {
        var nodes = nodes
        for i in nodes.indices { if let p = nodes[i].parent { nodes[p].children.append(i) } }
        self.nodes = nodes
        let root = nodes.firstIndex { $0.parent == nil }!
        self.root = root
        leaves = nodes.indices.filter { nodes[$0].children.isEmpty && $0 != root }
        var depth = [Int](repeating: 0, count: nodes.count)
        for i in nodes.indices { var p = nodes[i].parent; while let q = p { depth[i] += 1; p = nodes[q].parent } }
        groupsBottomUp = nodes.indices.filter { !nodes[$0].children.isEmpty }.sorted { (depth[$0], $0) > (depth[$1], $1) }
    }

    /// An index of the given indicators directly under its root, with equal weights unless `weights` names them.
    public static func flat(_ indicators: [String], weights: [String: Double] = [:], aggregation: Aggregation = .arithmetic) -> IndexStructure {
        IndexStructure(nodes: [Node(id: "index", parent: nil, aggregation: aggregation)]
            + indicators.map { Node(id: $0, parent: 0, weight: weights[$0] ?? 1) })
    }

    /// The indicator ids of the leaves.
    public var indicators: [String] { leaves.map { nodes[$0].id } }

    /// The position of a node by id.
    public func position(of id: String) -> Int? { nodes.firstIndex { $0.id == id } }

    /// Weights replaced by id (`--weights`); ids that name no node are returned.
    public mutating func setWeights(_ weights: [String: Double]) -> [String] {
        var unknown: [String] = []
        for (id, w) in weights.sorted(by: { $0.key < $1.key }) {
            guard let i = position(of: id) else { unknown.append(id); continue }
            nodes[i].weight = w
        }
        return unknown
    }
}
