#!/usr/bin/env bash
# The fault suite's faults, run longer against the real processes, on loopback only; prints one table: per fault,
# records sent, received, lost, duplicated, changed or invented, counted drops, recovery time, peak relay memory
# (bytes it buffered, and the relay process's peak RSS, VmHWM). The stream job killed and restarted, without and with
# --checkpoint, are rows of it; a second table gives what --checkpoint costs a steady stream (CPU, RSS, disk).
#
#   bootstrap/scripts/fault-soak.sh [seconds] [uncapped] [recovery]
#       seconds: each fault's main phase, default 60 (about 15 minutes in all);
#       uncapped: also a flood with no rate cap, last; recovery: only the driver recovery rows (about 6 minutes)
#
# Builds what it needs (test classes, the test class path) with Maven, then runs FaultSoak from the test classes with
# Spark's JVM flags. Bounded: a watchdog ends it after FAULT_SOAK_TIMEOUT seconds (default 1500). MVN overrides the
# Maven command (e.g. MVN="mvn -o" offline).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
seconds="${1:-60}"
mvn_cmd=(${MVN:-mvn})
classpath_file="$root/bootstrap/target/fault-soak.classpath"

echo "building test classes and the test class path..." >&2
"${mvn_cmd[@]}" -q -pl bootstrap -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2

# Spark's --add-opens, said once in the root pom.
flags="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)"
if [ -z "$flags" ]; then
  echo "fault-soak: spark.jvm.flags not found in pom.xml" >&2
  exit 2
fi
classpath="$root/bootstrap/target/test-classes:$root/bootstrap/target/classes:$(cat "$classpath_file")"

# shellcheck disable=SC2086  # the flags are words
exec timeout --signal=TERM --kill-after=30 "${FAULT_SOAK_TIMEOUT:-1500}" \
    java $flags -Xmx2g -cp "$classpath" io.tweetpipe.bootstrap.faults.FaultSoak "$seconds" "${@:2}"
