#!/usr/bin/env bash
# Several application nodes on loopback (docs/operations.md "Several application nodes"):
# PostgreSQL and Redis (Debian packages, expected running), two gunicorn nodes on their own
# ports and data dirs sharing one upload folder, a task worker on each, HAProxy in front.
#
#   deploy/cluster.sh up              start everything (migrates and loads the default first)
#   deploy/cluster.sh down            stop the nodes, the workers and HAProxy
#   deploy/cluster.sh kill NODE       kill node a or b at once (SIGKILL: its machine is lost)
#   deploy/cluster.sh start NODE      start node a or b again
#   deploy/cluster.sh status          what runs, and /readyz through HAProxy
#   deploy/cluster.sh proxy           start HAProxy again with a new configuration
#
# CLUSTER_DIR (var/cluster), CLUSTER_PORT (8100; the nodes take the next two), WEB_WORKERS (2),
# NODE_START_WAIT (300 s for a node to answer; its master warms up first)
# and the TANDEM_* settings below may be given in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
DIR=$(realpath -m "${CLUSTER_DIR:-var/cluster}")
PORT=${CLUSTER_PORT:-8100}
WEB_WORKERS=${WEB_WORKERS:-2}
mkdir -p "$DIR/media" "$DIR/logs" "$DIR/run"
[ -f "$DIR/secret_key" ] || (umask 077 && head -c 48 /dev/urandom | base64 -w0 > "$DIR/secret_key")

# One environment for every node: the same database, cache, secret key and upload folder.
export TANDEM_DATABASE_URL=${TANDEM_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/tandem_cluster}
export TANDEM_CACHE_URL=${TANDEM_CACHE_URL:-redis://127.0.0.1:6379/3}
export TANDEM_MEDIA_ROOT=${TANDEM_MEDIA_ROOT:-$DIR/media}
TANDEM_SECRET_KEY=$(cat "$DIR/secret_key")
export TANDEM_SECRET_KEY
export TANDEM_REQUIRE_MFA=${TANDEM_REQUIRE_MFA:-0}
export TANDEM_ALLOWED_HOSTS=${TANDEM_ALLOWED_HOSTS:-127.0.0.1,localhost}
export OPENBLAS_NUM_THREADS=1 OMP_WAIT_POLICY=passive

node_port() { case "$1" in a) echo $((PORT + 1)) ;; b) echo $((PORT + 2)) ;; *) echo "node a or b" >&2; exit 2 ;; esac; }

haproxy_installed() {
    # Installed the way scripts/system-packages.sh installs Debian packages, for this only.
    dpkg-query -W -f='${Status}' haproxy 2>/dev/null | grep -q "install ok installed" && return
    echo "Installing haproxy (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends haproxy >/dev/null
}

haproxy_config() {
    cat > "$DIR/haproxy.cfg" <<CFG
global
    maxconn 2000
    pidfile $DIR/run/haproxy.pid
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 120s
    # Requests wait here, not in a busy node's listen backlog (each sync gunicorn worker
    # takes one request at a time), so a node's health check is never stuck behind them.
    timeout queue 60s
    timeout check 10s
    # A request that never reached a node (it was down) goes to the other one, at each retry.
    retries 3
    retry-on conn-failure empty-response
    option redispatch 1
frontend tandem
    bind 127.0.0.1:$PORT
    default_backend nodes
backend nodes
    balance roundrobin
    # A request that reached a node which then died is retried only if it reads (GET,
    # HEAD): a write that may have committed is never sent twice.
    http-request disable-l7-retry unless METH_GET || METH_HEAD
    option httpchk GET /readyz
    http-check expect status 200
    # A node whose connections fail on live traffic (its machine lost) is out at once, not
    # only after its checks fail; it comes back after two good checks.
    default-server inter 1s fall 2 rise 2 maxconn $WEB_WORKERS observe layer4 error-limit 1 on-error mark-down
    server node-a 127.0.0.1:$(node_port a) check
    server node-b 127.0.0.1:$(node_port b) check
CFG
}

start_node() { # $1: node; $2: "fresh" collects the static files again (up does)
    local node=$1 data="$DIR/node-$1"
    mkdir -p "$data"
    # A node started again after a kill keeps the static files of its data dir (as a
    # machine that reboots would), so it answers sooner.
    if [ "${2:-}" = fresh ] || [ ! -f "$data/static-collected" ]; then
        TANDEM_DATA_DIR=$data "$BIN/tandem" collectstatic --no-input -v0
        touch "$data/static-collected"
    fi
    TANDEM_DATA_DIR=$data setsid "$BIN/gunicorn" -c python:tandem.gunicorn_conf tandem.wsgi \
        --bind "127.0.0.1:$(node_port "$node")" --workers "$WEB_WORKERS" \
        --pid "$DIR/run/node-$node.pid" --access-logfile "$DIR/logs/node-$node.access.log" \
        >> "$DIR/logs/node-$node.log" 2>&1 < /dev/null &
    TANDEM_DATA_DIR=$data BIN=$BIN setsid bash scripts/run-worker.sh --worker-id "worker-$node" \
        >> "$DIR/logs/worker-$node.log" 2>&1 < /dev/null &
    echo $! > "$DIR/run/worker-$node.pid"
    for _ in $(seq 1 "${NODE_START_WAIT:-300}"); do
        curl -fs -o /dev/null "http://127.0.0.1:$(node_port "$node")/healthz" && { echo "node $node up"; return; }
        sleep 1
    done
    echo "node $node did not answer within ${NODE_START_WAIT:-300} s: see $DIR/logs/node-$node.log" >&2
    exit 1
}

stop_pidfile() { # $1: pid file, $2: signal. Each node and worker leads its own process
    # group (setsid), so the signal reaches its workers and its `tandem db_worker` too.
    [ -f "$1" ] || return 0
    kill "-$2" -- "-$(cat "$1")" 2>/dev/null || kill "-$2" "$(cat "$1")" 2>/dev/null || true
    rm -f "$1"
}

case "${1:-}" in
up)
    haproxy_installed
    createdb -h 127.0.0.1 -U postgres "${TANDEM_DATABASE_URL##*/}" 2>/dev/null || true
    TANDEM_DATA_DIR="$DIR/node-a" "$BIN/tandem" migrate --no-input -v0
    TANDEM_DATA_DIR="$DIR/node-a" "$BIN/tandem" load-default >/dev/null
    start_node a fresh
    start_node b fresh
    haproxy_config
    haproxy -D -f "$DIR/haproxy.cfg"
    echo "tandem on http://127.0.0.1:$PORT (nodes on $(node_port a) and $(node_port b))"
    ;;
down)
    stop_pidfile "$DIR/run/haproxy.pid" TERM
    for node in a b; do
        stop_pidfile "$DIR/run/worker-$node.pid" TERM
        stop_pidfile "$DIR/run/node-$node.pid" TERM
    done
    ;;
kill)
    node_port "${2:-}" >/dev/null
    stop_pidfile "$DIR/run/node-$2.pid" KILL
    stop_pidfile "$DIR/run/worker-$2.pid" KILL
    echo "node $2 killed"
    ;;
start)
    start_node "${2:-}"
    ;;
proxy)
    # HAProxy again with the configuration above (after changing it)
    stop_pidfile "$DIR/run/haproxy.pid" TERM
    haproxy_config
    haproxy -D -f "$DIR/haproxy.cfg"
    ;;
status)
    for node in a b; do
        printf 'node %s: ' "$node"
        curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$(node_port "$node")/readyz" || echo down
    done
    printf 'haproxy: '
    curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$PORT/readyz" || echo down
    ;;
*)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
