/// Which node(s) of its instances an evacuation moves away from (htools' `EvacMode`).
public enum EvacuationMode: String, CaseIterable, Sendable {
    /// Move the primary only (`primary-only`).
    case changePrimary = "primary-only"
    /// Move the secondary only (`secondary-only`).
    case changeSecondary = "secondary-only"
    /// Move both nodes (`all`).
    case changeAll = "all"

    /// The constructor name Haskell's `show` prints.
    public var haskellConstructor: String {
        switch self {
        case .changePrimary: return "ChangePrimary"
        case .changeSecondary: return "ChangeSecondary"
        case .changeAll: return "ChangeAll"
        }
    }
}
