/// A flash message on the line above the key hints.
struct Flash: Equatable {
    enum Kind { case info, ok, error }
    var text: String
    var kind: Kind
}
