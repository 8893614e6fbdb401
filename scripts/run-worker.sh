#!/usr/bin/env bash
# Keep tandem's task worker running: start `tandem db_worker` again whenever it stops, after a
# pause, until this script is told to stop (SIGINT or SIGTERM, which it passes on).
# The worker itself waits out a locked or lost database; this catches everything else.
#   scripts/run-worker.sh [db_worker options]     (BIN names the folder of `tandem`)
set -u
BIN=${BIN:-.venv/bin}
PAUSE=${TANDEM_WORKER_RESTART_PAUSE:-5}
child=""
stopping=0
stop() {
    stopping=1
    if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi
    exit 0
}
trap stop INT TERM
while [ "$stopping" = 0 ]; do
    "$BIN/tandem" db_worker "$@" &
    child=$!
    wait "$child"
    status=$?
    child=""
    [ "$stopping" = 1 ] && break
    echo "$(date -u +%FT%TZ) task worker stopped (exit $status); starting it again in ${PAUSE} s" >&2
    sleep "$PAUSE" & wait $!
done
