#!/usr/bin/env bash
# One command: builds what the benchmark needs, runs the suite (under 10 minutes on 2 cores), prints the tables and
# writes bench/results/latest.md and latest.json.
#
#   bench/run.sh                      build, then run with the defaults
#   BENCH_SKIP_BUILD=1 bench/run.sh   run against what is already built
#   bench/run.sh --regions=300 --indicators=24 --sustained-seconds=45 --latency-rate=1000 ...   (see BenchSettings)
#   bench/run.sh --end-to-end=false    scoring alone (ingestion and reporting not started)
#   bench/run.sh --ingestion-only=true   ingestion alone next to raw Kafka: drain of a Kafka backlog
#                                        (--ingestion-backlog=1000000) and a CSV upload (--csv-rows=1000000), about 2 minutes
#
# External Kafka and PostgreSQL instead of the embedded ones: export TALENTINDEX_KAFKA_BOOTSTRAP_SERVERS and
# TALENTINDEX_POSTGRES_URL (+ _USER, _PASSWORD); the three services still run on this machine.
# The embedded PostgreSQL is durable, as a deployment's (fsync and synchronous commit on); TALENTINDEX_POSTGRES_DURABLE=false
# runs it as the test suite does, with both off.
set -euo pipefail

home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  echo "Building the services and the load generator..."
  ./mvnw -B -q -DskipTests -pl ingestion-service,scoring-service,reporting-service,bench/load-generator -am package
fi

# The run uses a private copy of the service jars, so that a rebuild in the working tree cannot change them mid-run.
stage="$home/bench/load-generator/target/stage"
rm -rf "$stage"
mkdir -p "$stage/frameworks"
for service in ingestion-service scoring-service reporting-service; do
  if [[ ! -f "$home/$service/target/quarkus-app/quarkus-run.jar" ]]; then
    echo "$service/target/quarkus-app/quarkus-run.jar is missing: build first (or run without BENCH_SKIP_BUILD)" >&2
    exit 1
  fi
  mkdir -p "$stage/$service/target"
  cp -r "$home/$service/target/quarkus-app" "$stage/$service/target/"
done

echo "uptime before the run: $(uptime)"
cd "$stage"
# The services run with the full JIT (the demo and the tests use C1 only, which starts faster).
service_jvm_options="${TALENTINDEX_SERVICE_JVM_OPTIONS:--Xmx1g -XX:+UseSerialGC}"
java -Xmx2g "-Dtalentindex.service.jvm-options=$service_jvm_options" -jar "$home/bench/load-generator/target/load-generator.jar" --output="$home/bench/results" "$@"
