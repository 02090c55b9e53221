#!/usr/bin/env bash
# The benchmark suite of issue 6, one command: builds bootstrap (jar, runtime jars, benchmark classes), copies them
# aside so that a build running meanwhile cannot change them under the benchmark, then runs the suite, which prints
# one table on standard output. Progress goes to standard error; each child's output to bootstrap/target/bench/<time>/.
#
#   bootstrap/scripts/bench.sh            # the full run, 60 s windows (about 40 minutes)
#   bootstrap/scripts/bench.sh --quick    # short windows, coarse search (a few minutes), for development
#   bootstrap/scripts/bench.sh --help     # every option
#
# It builds bootstrap and the modules it needs from this checkout, so it works as it is from a clean clone.
set -euo pipefail
cd "$(dirname "$0")/../.."

case "${1:-}" in -h|--help) build=no ;; *) build=yes ;; esac
if [ "$build" = yes ]; then
  modules=(-pl bootstrap -am)
  mvn -q -o "${modules[@]}" package -DskipTests >&2 2>/dev/null || mvn -q "${modules[@]}" package -DskipTests >&2
fi

dist=bootstrap/target/bench-dist
rm -rf "$dist"
mkdir -p "$dist"
cp -rp bootstrap/target/tweetpipe.jar bootstrap/target/lib bootstrap/target/test-classes "$dist"/

exec java -Xmx512m -cp "$dist/tweetpipe.jar:$dist/test-classes" io.tweetpipe.bootstrap.bench.BenchSuite \
  --root . --dist "$dist" --build "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' with uncommitted changes')" "$@"
