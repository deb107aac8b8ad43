/// The screen under any overlay: the candidate list, or the form editing one candidate.
enum Screen: Equatable {
    case list
    case form(FormModel)
}
