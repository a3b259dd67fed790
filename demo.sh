#!/usr/bin/env bash
# Runs the whole platform on this machine (embedded Kafka and PostgreSQL), loads the sample data and prints the rankings,
# the web address, this run's API key and how to upload. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

stack_jar=local-stack/target/local-stack-1.0.0-SNAPSHOT.jar
# Built already when no source or build file is newer than the demo's jar (the last one the build writes).
changed=""
if [[ -f "$stack_jar" ]]; then
  changed="$(find . \( -name .git -o -name target -o -name node_modules \) -prune -o -type f \
    \( -path '*/src/main/*' -o -name pom.xml \) -newer "$stack_jar" -print -quit)"
fi
if [[ ! -f "$stack_jar" || -n "$changed" ]]; then
  echo "Building (the first build downloads dependencies and takes a few minutes)..."
  ./mvnw -B -q -DskipTests package
else
  echo "Build up to date: starting."
fi

# The stack runs in a session of its own so that Ctrl-C reaches only this script, which then stops the stack in order:
# services first, then Kafka and PostgreSQL.
setsid java -jar "$stack_jar" "${1:-target/local-stack}" &
stack=$!
trap 'kill -TERM "$stack" 2>/dev/null || true' INT TERM
wait "$stack" || true
wait "$stack" 2>/dev/null || true
