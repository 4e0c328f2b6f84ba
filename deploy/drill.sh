#!/usr/bin/env bash
# Runs the fault drills against the whole stack and rewrites the table in RELIABILITY.md. About 6-7 minutes on 2 cores.
# Under steady load (≈ 5 commands/s through the API): kill -9 of each service and of the broker (the launcher's
# supervisor restarts them), then the broker paused with SIGSTOP; after each, the time until every projection has
# caught up, and the event store, the topic and every projection compared by event id.
#   deploy/drill.sh                       (DRILL_PAUSE_SECONDS=30; the services' own consumer settings: session 10 s)
#   DRILL_PAUSE_SECONDS=10 deploy/drill.sh   the pause CI's FaultDrillsIT uses
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -q package -DskipTests
./mvnw -B -pl schemas,deploy verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultDrillsIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Ddrill.pause.seconds="${DRILL_PAUSE_SECONDS:-30}" \
  -Ddrill.consumer.session.timeout.ms="${DRILL_SESSION_TIMEOUT_MS:-0}" \
  -Ddrill.report=RELIABILITY.md
echo "RELIABILITY.md updated (details in deploy/target/drill/results.md)."
