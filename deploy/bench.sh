#!/usr/bin/env bash
# Runs every benchmark against the whole stack and rewrites BENCHMARKS.md. Under 6 minutes on 2 cores, after the build.
#   deploy/bench.sh                      (BENCH_SECONDS=15 per measured step by default)
#   BENCH_ONLY=alerts deploy/bench.sh    (only the alert → page steps; also "subscribers", "console", "commands",
#                                         "replay" (the alert storm and commands, then the replay of their events),
#                                         "startup" (commands with incident-command alone, then start-up), "alone"
#                                         (commands with incident-command alone, nothing before them); writes
#                                         results.json, not BENCHMARKS.md)
#   BENCH_COMMAND_OPTS="-XX:TieredStopAtLevel=4" deploy/bench.sh   (extra JVM options for incident-command, to try one)
#   BENCH_ONLY=replay BENCH_REPLAYS=3 deploy/bench.sh   (the same replay three times on one stack)
#   FIREBREAK_JVM_OPTS_DEBRIEF_SERVICE="..." deploy/bench.sh   (extra JVM options for another service)
#   BENCH_PROFILE=true deploy/bench.sh   (incident-command's JFR profile under the command load, in BENCHMARKS.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -q install -DskipTests
exec java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfirebreak.root="$root" -Dbench.seconds="${BENCH_SECONDS:-15}" -Dbench.only="${BENCH_ONLY:-}" \
  -Dbench.commandOpts="${BENCH_COMMAND_OPTS:-}" -Dbench.profile="${BENCH_PROFILE:-false}" -Dbench.replays="${BENCH_REPLAYS:-1}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "deploy/target/classes:deploy/target/lib/*" io.firebreak.deploy.bench.Benchmarks
