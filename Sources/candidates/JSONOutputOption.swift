import ArgumentParser

/// `--json`: the scripted commands print JSON lines instead of text (`list`, `bulk-status`).
struct JSONOutputOption: ParsableArguments {
    @Flag(help: "Print JSON lines (one object per candidate on standard output) instead of text.")
    var json = false
}
