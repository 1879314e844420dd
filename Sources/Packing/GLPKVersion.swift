import CGLPK

/// The version string of the linked GLPK library.
public func glpkVersionString() -> String { String(cString: glp_version()) }
