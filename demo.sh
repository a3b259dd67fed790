#!/usr/bin/env bash
# Runs the whole platform on this machine (embedded Kafka and PostgreSQL), loads the sample data and prints the rankings.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

echo "Building (the first build downloads dependencies and takes a few minutes)..."
./mvnw -B -q -DskipTests package

# The stack runs in a session of its own so that Ctrl-C reaches only this script, which then stops the stack in order:
# services first, then Kafka and PostgreSQL.
setsid java -jar local-stack/target/local-stack-1.0.0-SNAPSHOT.jar "${1:-target/local-stack}" &
stack=$!
trap 'kill -TERM "$stack" 2>/dev/null || true' INT TERM
wait "$stack" || true
wait "$stack" 2>/dev/null || true
