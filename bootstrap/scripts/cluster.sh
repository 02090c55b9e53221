#!/usr/bin/env bash
# tweetpipe's stream job on a real Spark standalone cluster on this machine, launched the way a cluster user launches
# it: a master and a worker started from the Spark jars (bootstrap/target/lib) with plain `java -cp`, a relay, and
# Spark's SparkSubmit (what `spark-submit` runs) with the bootstrap jar in `stream` mode. Everything listens on
# 127.0.0.1; everything it started is stopped when it ends, however it ends (but SIGKILL).
#
#   bootstrap/scripts/cluster.sh                 # 20 s of stream, 1,000 tweets/s
#   bootstrap/scripts/cluster.sh 60 5000         # 60 s, 5,000 tweets/s
#   TRANSPORT=kafka bootstrap/scripts/cluster.sh # over Kafka: the stream reads the topic through the direct stream
#
# Over Kafka the relay's side is the demo (`--transport kafka`): its embedded single-node broker, and its relay
# publishing to the topic; its own stream reads the topic too, in its group, on local[2]. The cluster's stream reads
# it from the latest offsets in a group of its own, with no receiver: each Kafka partition a task on an executor.
#
# Ports: MASTER_PORT (7077) and RELAY_PORT (5555) in the environment override them. Logs: bootstrap/target/cluster/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
rate="${2:-1000}"
master_port="${MASTER_PORT:-7077}"
relay_port="${RELAY_PORT:-5555}"
transport="${TRANSPORT:-socket}"
master="spark://127.0.0.1:$master_port"

mvn -q -o -pl bootstrap -am package -DskipTests >&2 2>/dev/null || mvn -q -pl bootstrap -am package -DskipTests >&2
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)

# A Spark home as a Spark distribution has one: jars/ holds Spark and the libraries, not the application. The worker
# launches executors only with SPARK_HOME/jars present and SPARK_SCALA_VERSION set.
out=bootstrap/target/cluster
rm -rf "$out"
mkdir -p "$out/spark-home/jars" "$out/work"
app_jars=()
for jar in "$PWD"/bootstrap/target/lib/*.jar; do
  case "$(basename "$jar")" in
    domain-*|application-*|adapters-*) app_jars+=("$jar") ;;
    *) ln -s "$jar" "$out/spark-home/jars/" ;;
  esac
done
export SPARK_HOME="$PWD/$out/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
spark_java=(java $flags -cp "$SPARK_HOME/jars/*")

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    pkill -TERM -P "$pid" 2>/dev/null || true   # the worker's executors, the driver's children
    kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 3
  for pid in "${pids[@]}"; do
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

wait_for() {  # file, text, seconds
  for _ in $(seq 1 $((${3} * 5))); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "cluster: '$2' not in $1 after $3 s:" >&2
  tail -20 "$1" >&2
  exit 1
}

echo "cluster: master $master, worker with 2 cores, relay ($transport) at $rate tweets/s" >&2
"${spark_java[@]}" -Xmx256m -Dspark.master.rest.enabled=false org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port 0 >"$out/master.log" 2>&1 &
pids+=($!)
"${spark_java[@]}" -Xmx256m org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 2g \
  --work-dir "$PWD/$out/work" --webui-port 0 "$master" >"$out/worker.log" 2>&1 &
pids+=($!)
wait_for "$out/worker.log" "Successfully registered with master" 60

if [ "$transport" = kafka ]; then
  java -jar bootstrap/target/tweetpipe.jar --transport kafka --rate "$rate" --no-dashboard \
    >"$out/demo.out" 2>"$out/relay.log" &
  pids+=($!)
  wait_for "$out/relay.log" "embedded Kafka broker on" 60
  brokers=$(sed -n 's/.*embedded Kafka broker on \([0-9.:]*\),.*/\1/p' "$out/relay.log" | head -1)
  source_args=(--transport kafka --kafka-bootstrap "$brokers" --kafka-group cluster --kafka-start latest)
  on_executor="Computing topic tweets"
else
  java -jar bootstrap/target/tweetpipe.jar relay --port "$relay_port" --rate "$rate" >"$out/relay.log" 2>&1 &
  pids+=($!)
  wait_for "$out/relay.log" "relay listening" 30
  source_args=(--port "$relay_port")
  on_executor="Called receiver 0 onStart"
fi

started=$(date +%s)
jars=$(IFS=,; echo "${app_jars[*]}")
"${spark_java[@]}" -Xmx1g org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.executor.memory=1g \
  --jars "$jars" --class io.tweetpipe.bootstrap.Main bootstrap/target/tweetpipe.jar \
  stream "${source_args[@]}" --run-for "${seconds}s" 2>"$out/driver.log" | tee "$out/stream.out"

echo >&2
echo "cluster: spark-submit ran $(( $(date +%s) - started )) s; batches printed: $(grep -c '^Time: ' "$out/stream.out")," \
  "tweets counted: $(awk '/^batch .* records/ {n += $4} END {print n + 0}' "$out/stream.out")" >&2
if grep -q "$on_executor" "$out"/work/app-*/*/stderr 2>/dev/null; then
  echo "cluster: the $transport source was read in an executor JVM: $(ls -d "$out"/work/app-*/* | head -1)/stderr" >&2
else
  echo "cluster: no executor log says '$on_executor'; see $out/" >&2
  exit 1
fi
