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
# The harness itself also needs test-only jars (the PostgreSQL server of the stores phase): their list, from Maven.
classpath_file="$PWD/bootstrap/target/bench-test.classpath"
if [ "$build" = yes ]; then
  build_args=(-pl bootstrap -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test
    -Dmdep.outputFile="$classpath_file")
  mvn -q -o "${build_args[@]}" >&2 2>/dev/null || mvn -q "${build_args[@]}" >&2
fi

dist=bootstrap/target/bench-dist
rm -rf "$dist"
mkdir -p "$dist/test-lib"
cp -rp bootstrap/target/tweetpipe.jar bootstrap/target/lib bootstrap/target/test-classes "$dist"/
harness="$dist/tweetpipe.jar:$dist/test-classes"
if [ -f "$classpath_file" ]; then
  n=0
  IFS=: read -ra entries < "$classpath_file" || true  # no newline at its end
  for entry in "${entries[@]}"; do
    if [ -e "$entry" ] && [ ! -e "$dist/lib/$(basename "$entry")" ]; then
      n=$((n + 1))
      cp -rp "$entry" "$dist/test-lib/$n-$(basename "$entry")"
      harness="$harness:$dist/test-lib/$n-$(basename "$entry")"
    fi
  done
fi

exec java -Xmx512m -cp "$harness" io.tweetpipe.bootstrap.bench.BenchSuite \
  --root . --dist "$dist" --build "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' with uncommitted changes')" "$@"
