#!/usr/bin/env bash
# Run setup steps one after the other, saying what each is doing, how long it took and how
# long the rest should take, so that `make demo` never leaves a silent screen for minutes.
#   scripts/steps.sh "SECONDS LABEL :: COMMAND ..." ...
# SECONDS is the step's estimate, LABEL a short name. A step's time on this machine replaces
# its estimate next time (kept in $STEP_TIMES, by default $TANDEM_DATA_DIR/step-times.tsv).
# While a step runs, a line every $STEP_HEARTBEAT seconds (default 15) says it is still going.
# The first step that fails stops the run with its exit status.
set -u
HEARTBEAT=${STEP_HEARTBEAT:-15}
TIMES=${STEP_TIMES:-${TANDEM_DATA_DIR:-var}/step-times.tsv}
child=""
trap '[ -n "$child" ] && kill -TERM "$child" 2>/dev/null; exit 130' INT TERM

duration() {  # 75 -> "1 min 15 s"
    if [ "$1" -ge 60 ]; then printf '%d min %d s' $(($1 / 60)) $(($1 % 60)); else printf '%d s' "$1"; fi
}

known_time() {  # the time LABEL took last time on this machine, or nothing
    [ -f "$TIMES" ] && awk -F '\t' -v label="$1" '$1 == label { seconds = $2 } END { if (seconds != "") print seconds }' "$TIMES"
}

labels=() estimates=() commands=()
for step in "$@"; do
    head=${step%% :: *}
    seconds=${head%% *}
    label=${head#* }
    labels+=("$label")
    estimates+=("$(known_time "$label" || true)")
    [ -z "${estimates[-1]}" ] && estimates[-1]=$seconds
    commands+=("${step#* :: }")
done

count=${#labels[@]}
remaining=0
for seconds in "${estimates[@]}"; do remaining=$((remaining + seconds)); done
start=$SECONDS
echo "$count steps, about $(duration "$remaining") in all (estimates from the last run here, or from a 2-core machine)"
mkdir -p "$(dirname "$TIMES")" 2>/dev/null
for index in "${!labels[@]}"; do
    label=${labels[$index]}
    estimate=${estimates[$index]}
    echo "[$((index + 1))/$count] $label (about $(duration "$estimate"))"
    step_start=$SECONDS
    bash -c "${commands[$index]}" &
    child=$!
    next_beat=$((step_start + HEARTBEAT))
    while kill -0 "$child" 2>/dev/null; do
        sleep 0.2 & wait $!
        if [ "$SECONDS" -ge "$next_beat" ] && kill -0 "$child" 2>/dev/null; then
            echo "      ... $label still running: $(duration $((SECONDS - step_start))) so far"
            next_beat=$((next_beat + HEARTBEAT))
        fi
    done
    wait "$child"
    status=$?
    child=""
    took=$((SECONDS - step_start))
    if [ "$status" -ne 0 ]; then
        echo "[$((index + 1))/$count] $label FAILED (exit $status) after $(duration "$took")" >&2
        exit "$status"
    fi
    remaining=$((remaining - estimate))
    [ "$remaining" -lt 0 ] && remaining=0
    printf '%s\t%s\n' "$label" "$took" >>"$TIMES" 2>/dev/null
    echo "[$((index + 1))/$count] $label done in $(duration "$took"); $(duration $((SECONDS - start))) elapsed, about $(duration "$remaining") to go"
done
echo "All $count steps done in $(duration $((SECONDS - start)))."
