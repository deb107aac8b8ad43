#!/bin/sh
# Builds and runs `candidates-bench list` with the list model's filter hook compiled in.
#
# The package as committed does not link CandidateTUI into candidates-bench, so the bench cannot
# call `ListBenchmark.keystrokeTimings`. This script builds a copy of the package instead of
# touching Package.swift: the committed sources (git HEAD) plus the working tree's
# Sources/candidates-bench, with the candidates-bench target given the dependency "CandidateTUI"
# and the define BENCH_LIST_FILTER. Both binaries (candidates and candidates-bench) come from
# that copy, release build, so the TUI measured is the committed one (Tests/ is copied only
# because Package.swift names the test targets; they are not built).
#
#   scripts/bench-list.sh [--build-only] [candidates-bench list options…]
#
# Environment: BENCH_LIST_DIR (default .build-bench-list: the copy in src/, the build in build/),
# BENCH_LIST_SOURCE=worktree to copy the working tree's Sources instead of HEAD's.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_LIST_DIR:-$root/.build-bench-list}
stage=$work/stage
src=$work/src
build_only=0
if [ "${1:-}" = "--build-only" ]; then build_only=1; shift; fi

rm -rf "$stage"
mkdir -p "$stage" "$src"
if [ "${BENCH_LIST_SOURCE:-HEAD}" = worktree ]; then
    (cd "$root" && tar -cf - Package.swift Sources Tests) | tar -xf - -C "$stage"
    echo "bench-list: sources from the working tree of $root"
else
    git -C "$root" archive HEAD Package.swift Sources Tests | tar -xf - -C "$stage"
    rm -rf "$stage/Sources/candidates-bench"
    (cd "$root" && tar -cf - Sources/candidates-bench) | tar -xf - -C "$stage"
    echo "bench-list: sources of $(git -C "$root" rev-parse --short HEAD) (HEAD) + the working tree's Sources/candidates-bench"
fi
# Package.resolved is not committed: the same pins as the working tree, so nothing new is fetched.
[ -f "$root/Package.resolved" ] && cp "$root/Package.resolved" "$stage/"

# candidates-bench: + "CandidateTUI", + BENCH_LIST_FILTER.
perl -0pi -e '
    s{(name:\s*"candidates-bench",\s*dependencies:\s*\[)([^\]]*)\]\s*\n(\s*)\)}{
        my ($head, $deps, $indent) = ($1, $2, $3);
        $deps .= ", \"CandidateTUI\"" unless $deps =~ /"CandidateTUI"/;
        "$head$deps],\n$indent    swiftSettings: [.define(\"BENCH_LIST_FILTER\")]\n$indent)"
    }e or die "bench-list: the candidates-bench target in Package.swift has an unexpected shape; add \"CandidateTUI\" and .define(\"BENCH_LIST_FILTER\") by hand\n";
' "$stage/Package.swift"
grep -q 'BENCH_LIST_FILTER' "$stage/Package.swift"

# Copy into src/ only what changed, so the build stays incremental.
(cd "$stage" && find . -type f) | while IFS= read -r f; do
    if ! cmp -s "$stage/$f" "$src/$f"; then
        mkdir -p "$(dirname "$src/$f")"
        cp "$stage/$f" "$src/$f"
    fi
done
(cd "$src" && find . -type f) | while IFS= read -r f; do
    [ -e "$stage/$f" ] || rm -f "$src/$f"
done
rm -rf "$stage"

echo "bench-list: swift build -c release (package copy $src, scratch $work/build)"
swift build -c release --package-path "$src" --scratch-path "$work/build" --product candidates
swift build -c release --package-path "$src" --scratch-path "$work/build" --product candidates-bench
[ "$build_only" = 1 ] && exit 0
exec "$work/build/release/candidates-bench" list "$@"
