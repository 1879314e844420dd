import ClusterModel
import ClusterIO

/// The `-v -v` debug dumps of hail (`Received request:` and `Received cluster data:`),
/// in the shape of Haskell's derived `show` for the request and the cluster records.
enum HailDebugText {
    /// `show` of the request kind.
    static func request(_ request: IAllocatorRequest) -> String {
        let c = request.cluster
        func list(_ xs: [String]) -> String { "[" + xs.joined(separator: ",") + "]" }
        func maybe(_ s: String?) -> String { s.map { "Just " + HaskellShow.string($0) } ?? "Nothing" }
        func details(_ d: AllocationDetails) -> String {
            "(AllocDetails \(d.requiredNodes) " + (d.groupName.map { "(Just \(HaskellShow.string($0)))" } ?? "Nothing") + ")"
        }
        switch request.kind {
        case let .allocate(inst, d, restrict):
            let r = restrict.map { "(Just " + HaskellShow.stringList($0) + ")" } ?? "Nothing"
            return "Allocate (" + instance(inst, c, nics: request.requestedNICs.first ?? [], requested: true) + ") "
                + details(d) + " " + r
        case let .relocate(i, required, excluded):
            return "Relocate \(i.value) \(required) " + list(excluded.map { String($0.value) })
        case let .changeGroup(insts, groups):
            return "ChangeGroup " + list(insts.map { String($0.value) }) + " " + list(groups.map { String($0.value) })
        case let .nodeEvacuate(insts, mode):
            return "NodeEvacuate " + list(insts.map { String($0.value) }) + " " + mode.haskellConstructor
        case let .multiAllocate(items):
            let shown = items.enumerated().map { k, item in
                "(" + instance(item.instance, c, nics: k < request.requestedNICs.count ? request.requestedNICs[k] : [],
                               requested: true) + "," + details(item.details).dropFirst().dropLast() + ")"
            }
            return "MultiAllocate " + list(shown)
        case let .allocateSecondary(i):
            return "AllocateSecondary \(i.value)"
        }
    }

    /// `show` of one NIC record.
    static func nic(_ n: NICRecord) -> String {
        func maybe(_ s: String?) -> String { s.map { "Just " + HaskellShow.string($0) } ?? "Nothing" }
        let mode: String
        switch n.mode {
        case "bridged": mode = "Just Bridged"
        case "routed": mode = "Just Routed"
        case "openvswitch": mode = "Just OpenVSwitch"
        default: mode = "Nothing"
        }
        return "Nic {mac = \(maybe(n.mac)), ip = \(maybe(n.ip)), mode = \(mode), link = \(maybe(n.link)), "
            + "bridge = \(maybe(n.bridge)), network = \(maybe(n.network))}"
    }

    /// `show` of one instance record; `requested` instances show htools' placeholder secondary 0.
    static func instance(_ i: Instance, _ c: Cluster, nics: [NICRecord], requested: Bool = false) -> String {
        func d(_ x: Double) -> String { HaskellNumberFormat.show(x) }
        let disks = i.disks.map { "Disk {dskSize = \($0.size), dskSpindles = " + ($0.spindles.map { "Just \($0)" } ?? "Nothing") + "}" }
        let u = i.utilisation
        let symbols = { (ids: [Int]) in ids.map { HaskellShow.string(c.symbols.name($0)) } }
        return "Instance {name = \(HaskellShow.string(i.name)), alias = \(HaskellShow.string(i.alias)), mem = \(i.memory), "
            + "dsk = \(i.disk), disks = [\(disks.joined(separator: ","))], vcpus = \(i.vcpus), "
            + "runSt = \(i.status.haskellConstructor), pNode = \(i.primary.value), sNode = \(requested ? 0 : i.secondary?.value ?? -1), "
            + "idx = \(i.index.value), util = DynUtil {cpuWeight = \(d(u.cpu)), memWeight = \(d(u.memory)), "
            + "dskWeight = \(d(u.disk)), netWeight = \(d(u.network))}, movable = \(i.movable ? "True" : "False"), "
            + "autoBalance = \(i.autoBalance ? "True" : "False"), diskTemplate = \(i.diskTemplate.haskellConstructor), "
            + "spindleUse = \(i.spindleUse), allTags = \(HaskellShow.stringList(i.tags)), "
            + "exclTags = [\(symbols(i.exclusionTags).joined(separator: ","))], "
            + "dsrdLocTags = fromList [\(symbols(i.desiredLocationTags).joined(separator: ","))], "
            + "locationScore = \(i.locationScore), arPolicy = ArNotEnabled, nics = [\(nics.map(nic).joined(separator: ","))], "
            + "forthcoming = \(i.forthcoming ? "True" : "False")}"
    }

    /// `show` of the cluster data (groups, nodes by name, instances in full).
    static func cluster(_ c: Cluster, nics: [[NICRecord]]) -> String {
        let groups = c.groups.map { "(\($0.index.value),Group {name = \(HaskellShow.string($0.name)), uuid = \(HaskellShow.string($0.uuid)), idx = \($0.index.value)})" }
        let nodes = c.nodes.map { "(\($0.index.value),Node {name = \(HaskellShow.string($0.name)), alias = \(HaskellShow.string($0.alias)), idx = \($0.index.value)})" }
        let insts = c.instances.map { i in
            "(\(i.index.value)," + instance(i, c, nics: i.index.value < nics.count ? nics[i.index.value] : []) + ")"
        }
        return "ClusterData {cdGroups = fromList [" + groups.joined(separator: ",") + "], cdNodes = fromList ["
            + nodes.joined(separator: ",") + "], cdInstances = fromList [" + insts.joined(separator: ",")
            + "], cdTags = " + HaskellShow.stringList(c.tags) + "}"
    }
}
