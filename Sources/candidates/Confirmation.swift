import Foundation

/// A yes/no question on the terminal for the commands that send (`update`, `undo`, `apply`).
enum Confirmation {
    /// Writes `question` on standard error and reads one line of standard input: `y` or `yes`
    /// (any case) is yes; anything else, or the end of the input, is no (the default).
    static func ask(_ question: String) -> Bool {
        Console.errRaw(question)
        guard let answer = readLine(strippingNewline: true) else {
            Console.err("")
            return false
        }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
