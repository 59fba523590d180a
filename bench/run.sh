#!/usr/bin/env bash
# Benchmark harness of snapshot-gateway: one command, every scenario, one markdown table.
#
#   bench/run.sh                      # full run (9-11 minutes; g alone 3.5-4), table on stdout and in bench/results.md
#   BENCH_DURATION=3s bench/run.sh    # smoke run
#
# Scenarios, environment variables and how to read the table: bench/README.md.
# Everything listens on 127.0.0.1 (ports from BENCH_PORT_BASE, default 18000, up to 18999); every process this
# script starts is stopped when it exits, however it exits.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
DEFAULT_JAR=$REPO/gateway/target/quarkus-app/quarkus-run.jar

: "${BENCH_DURATION:=15s}"          # each measured wrk run (scenarios a and b)
: "${BENCH_WARMUP:=20s}"            # wrk warm-up of the gateway before each measured run (JIT); 0 = none
: "${BENCH_SCENARIOS:=a b c d e f g}" # which scenarios to run
: "${BENCH_JAR:=$DEFAULT_JAR}"      # jar under test (built first when it is the default jar and absent)
: "${BENCH_SIM_JAR:=}"              # vendor simulator runner jar (default: the one the build made)
: "${BENCH_BUILD:=0}"               # 1 = ./mvnw -q package -DskipTests even when the jar exists
: "${BENCH_DEMO_N:=12}"             # simulator.snapshots-per-region for a, c, f and the baseline of e
: "${BENCH_BIG_N:=10000}"           # for b and e (9 scopes x N snapshots)
: "${BENCH_MID_N:=1000}"            # for d and the small-heap part of e
: "${BENCH_LATENCY_MS:=300}"        # simulator latency L of scenario c
: "${BENCH_COLD_REQUESTS:=30}"      # sequential no-cache requests of scenario c (right after start, and warm)
: "${BENCH_SETTLE_S:=35}"           # e: seconds after warm-up before the heap is measured (> listing-timeout)
: "${BENCH_COLD_WARMUP:=300}"       # forced refreshes without added latency that warm the JVM before c is measured
: "${BENCH_DISTINCT_QUERIES:=10000}" # distinct queries of d and of the small-heap part of e
: "${BENCH_DISTINCT_TIMEOUT:=120}"  # seconds: a distinct-query run (or b's URL collection) stops there
: "${BENCH_REFRESH_INTERVAL_S:=60}" # gateway.inventory.refresh-interval of d, in seconds
: "${BENCH_REFRESH_JITTER:=0.1}"    # the gateway's gateway.inventory.jitter: refreshes may come this fraction early
: "${BENCH_SMALL_HEAP:=256m}"       # -Xmx of the small-heap gateway of e
: "${BENCH_SHARED_REPLICAS:=1 2 4}" # g: gateway counts that share one Redis (the first one is the reference)
: "${BENCH_SHARED_LOCAL_REPLICAS:=2}" # g: gateway count of the contrast without Redis (0 = none)
: "${BENCH_SHARED_INTERVAL_S:=5}"   # g: gateway.inventory.refresh-interval, in seconds
: "${BENCH_SHARED_WARMUP_S:=8}"     # g: seconds of polling after the last gateway is warm, before counting
: "${BENCH_SHARED_WINDOW_S:=30}"    # g: the measured window, in seconds
: "${BENCH_SHARED_RATE:=4}"         # g: polls per second sent to each gateway
: "${BENCH_SHARED_NO_CACHE_EVERY:=8}" # g: every n-th poll of a gateway carries Cache-Control: no-cache (0 = none)
: "${BENCH_READY_TIMEOUT:=120}"     # seconds a process gets to become ready (and the gateway to answer complete)
: "${BENCH_PORT_BASE:=18000}"       # first port tried; ports stay within BENCH_PORT_BASE..18999
: "${BENCH_GATEWAY_JAVA_OPTS:=}"    # extra JVM options of every gateway process
: "${BENCH_RESULTS:=$BENCH_DIR/results.md}"
: "${BENCH_KEEP:=0}"                # 1 = keep the work directory (logs, wrk output) after a successful run

PY="python3 $BENCH_DIR/bench.py"
WRK_LUA=$BENCH_DIR/lua/wrk.lua
RUN_STARTED=$(date +%s)
LOAD_AT_START=$(cut -d ' ' -f 1-3 /proc/loadavg)

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }
want() { [[ " $BENCH_SCENARIOS " == *" $1 "* ]]; }

# ---------------------------------------------------------------- prerequisites -------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
command -v gzip >/dev/null || missing+=(gzip)
! want g || command -v redis-server >/dev/null || missing+=(redis-server)
if ((${#missing[@]})); then
    log "installing ${missing[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v java >/dev/null || die "java not found (JDK 17+ needed)"
JAVA_BIN=$(dirname "$(readlink -f "$(command -v java)")")
JCMD=$JAVA_BIN/jcmd
JSTAT=$JAVA_BIN/jstat
[[ -x $JCMD && -x $JSTAT ]] || log "jcmd/jstat not found next to java: heap figures will be n/a"

find_sim_jar() {
    if [[ -z $BENCH_SIM_JAR ]]; then
        local jars=("$REPO"/vendor-simulator/target/vendor-simulator-*-runner.jar)
        if [[ -f ${jars[0]} ]]; then BENCH_SIM_JAR=${jars[0]}; fi
    fi
}
find_sim_jar
if [[ $BENCH_BUILD == 1 || ! -f $BENCH_JAR || -z $BENCH_SIM_JAR ]]; then
    [[ $BENCH_JAR == "$DEFAULT_JAR" ]] || [[ -f $BENCH_JAR ]] || die "BENCH_JAR=$BENCH_JAR does not exist"
    log "building the jar: ./mvnw -q package -DskipTests"
    (cd "$REPO" && ./mvnw -q package -DskipTests)
    [[ -f $BENCH_JAR ]] || die "the build did not produce $BENCH_JAR"
    find_sim_jar
    [[ -n $BENCH_SIM_JAR ]] || die "the build did not produce the vendor simulator's runner jar"
fi

STALE_JAR=0
if [[ $BENCH_JAR == "$DEFAULT_JAR" && -n $(find "$REPO/gateway/src" "$REPO/gateway/pom.xml" "$REPO/vendor-simulator/src" -newer "$BENCH_JAR" -print -quit 2>/dev/null) ]]; then
    STALE_JAR=1
    log "WARNING: sources are newer than $BENCH_JAR; BENCH_BUILD=1 rebuilds it"
fi

WORK=$(mktemp -d /tmp/snapshot-gateway-bench.XXXXXX)
chmod 755 "$WORK" # nginx workers (user nobody) read the served file below it
log "work directory (logs, wrk output): $WORK"

# ---------------------------------------------------------------- processes -----------------------------------
PIDS=()
KEEP_WORK=0 # set when a scenario saw a process die: its log is worth keeping

# launch LOG CMD...: starts CMD in the background, remembers its pid in LAUNCHED_PID and for the exit trap.
launch() {
    local logfile=$1
    shift
    "$@" >"$logfile" 2>&1 &
    LAUNCHED_PID=$!
    PIDS+=("$LAUNCHED_PID")
}

# stop PID: TERM, up to 15 s of grace, then KILL; only ever pids this script launched.
stop() {
    local pid=$1 i rest=()
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    for i in "${PIDS[@]}"; do [[ $i == "$pid" ]] || rest+=("$i"); done
    PIDS=(${rest[@]+"${rest[@]}"})
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local pid
    for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in ${PIDS[@]+"${PIDS[@]}"}; do stop "$pid"; done
    if [[ $rc == 0 && $BENCH_KEEP != 1 && $KEEP_WORK != 1 ]]; then
        rm -rf "$WORK"
    else
        log "logs kept in $WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail_process() { # MESSAGE LOG
    log "ERROR: $1; last lines of $2:"
    tail -n 40 "$2" >&2 || true
    exit 1
}

NEXT_PORT=$BENCH_PORT_BASE
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alloc_port() { # sets PORT to the next free port of the range
    while port_in_use "$NEXT_PORT"; do NEXT_PORT=$((NEXT_PORT + 1)); done
    ((NEXT_PORT <= 18999)) || die "no free port left in $BENCH_PORT_BASE..18999"
    PORT=$NEXT_PORT
    NEXT_PORT=$((NEXT_PORT + 1))
}

# wait_http URL PID LOG WHAT: 0 when URL answers 2xx, 1 when the process died first; exits after the timeout.
wait_http() {
    local url=$1 pid=$2 logfile=$3 what=$4
    local deadline=$(($(now_ms) + BENCH_READY_TIMEOUT * 1000))
    until curl -fs -o /dev/null --max-time 5 "$url"; do
        kill -0 "$pid" 2>/dev/null || return 1
        (($(now_ms) < deadline)) || fail_process "$what did not answer $url within ${BENCH_READY_TIMEOUT}s" "$logfile"
        sleep 0.05
    done
}

# start_sim NAME N [LATENCY_SPEC]: a vendor simulator process (its runner jar); sets SIM_PID, SIM_PORT.
start_sim() {
    local name=$1 n=$2 latency=${3:-} logfile=$WORK/sim-$1.log
    alloc_port; SIM_PORT=$PORT
    local opts=(-Dsimulator.host=127.0.0.1 -Dsimulator.port="$SIM_PORT" -Dsimulator.snapshots-per-region="$n")
    [[ -z $latency ]] || opts+=(-Dsimulator.latency="$latency")
    log "simulator '$name': N=$n${latency:+ latency $latency} on 127.0.0.1:$SIM_PORT"
    launch "$logfile" java "${opts[@]}" -jar "$BENCH_SIM_JAR"
    SIM_PID=$LAUNCHED_PID
    wait_http "http://127.0.0.1:$SIM_PORT/_simulator/faults" "$SIM_PID" "$logfile" "simulator '$name'" ||
        fail_process "simulator '$name' exited during startup" "$logfile"
}

NOTES=()
[[ $STALE_JAR == 0 ]] || NOTES+=("The jar is older than some sources (run with BENCH_BUILD=1 to rebuild it first).")
OPTIONAL_SETTINGS_SUPPORTED=1

# start_gateway NAME "JVM OPTIONS" "OPTIONAL -D SETTINGS" ["ENVIRONMENT"]: a demo-profile gateway on the simulator
# SIM_PORT; ENVIRONMENT is VAR=value words added to the gateway's environment (how a pod gets its settings).
# Sets GW_PID, GW_PORT, GW, GW_LOG and the timings READY_MS (launch -> /q/health/ready 200), FIRST_MS (latency of
# the first GET /snapshots?limit=1 after that) and COMPLETE_MS (launch -> first answer with "complete":true).
# OPTIONAL settings (gateway.inventory.*) are dropped, with a note, for a jar that refuses them as unknown keys.
start_gateway() {
    launch_gateway "$@"
    await_gateway
}

# launch_gateway: start_gateway's arguments; starts the gateway without waiting for it (several can start at once).
# Sets GW_PID, GW_PORT, GW, GW_MGMT, GW_LOG and, for await_gateway, GW_NAME, GW_ARGS, GW_T0, GW_WITH_OPTIONAL.
launch_gateway() {
    local name=$1 jvm_opts=$2 optional=$3 environment=${4:-}
    GW_NAME=$name GW_ARGS=("$@") GW_WITH_OPTIONAL=0
    GW_LOG=$WORK/gateway-$name.log
    alloc_port; GW_PORT=$PORT
    GW=http://127.0.0.1:$GW_PORT
    alloc_port; GW_MGMT=http://127.0.0.1:$PORT
    # The simulator is no vendor account: its call budget is lifted so that listings are paced by the simulator alone.
    local cmd=(java -XX:+ExitOnOutOfMemoryError $BENCH_GATEWAY_JAVA_OPTS $jvm_opts
        -Dquarkus.profile=demo -Dsimulator.port="$SIM_PORT"
        -Dgateway.protection.call-budget.calls-per-second=100000 -Dgateway.protection.call-budget.burst=100000
        -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="${GW_MGMT##*:}"
        -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$GW_PORT")
    if [[ -n $optional && $OPTIONAL_SETTINGS_SUPPORTED == 1 ]]; then
        cmd+=($optional)
        GW_WITH_OPTIONAL=1
    fi
    log "gateway '$name' on $GW: ${environment:+$environment }${cmd[*]:1}"
    GW_T0=$(now_ms)
    launch "$GW_LOG" env $environment "${cmd[@]}" -jar "$BENCH_JAR"
    GW_PID=$LAUNCHED_PID
}

# await_gateway: waits for the gateway the GW_* variables describe (see launch_gateway) to be ready and complete.
await_gateway() {
    local name=$GW_NAME t0=$GW_T0
    if ! wait_http "$GW_MGMT/q/health/ready" "$GW_PID" "$GW_LOG" "gateway '$name'"; then
        if [[ $GW_WITH_OPTIONAL == 1 ]] &&
            grep -q 'SRCFG00050: gateway\.inventory\.[a-z-]* in SysPropConfigSource does not map' "$GW_LOG"; then
            if [[ $OPTIONAL_SETTINGS_SUPPORTED == 1 ]]; then
                NOTES+=("This jar does not know the gateway.inventory.* settings (startup refused them): gateways ran without them.")
                OPTIONAL_SETTINGS_SUPPORTED=0
            fi
            log "this jar refuses gateway.inventory.*: starting gateway '$name' again without them"
            start_gateway "${GW_ARGS[@]}"
            return
        fi
        fail_process "gateway '$name' exited during startup" "$GW_LOG"
    fi
    READY_MS=$(($(now_ms) - t0))
    FIRST_MS=""
    local deadline=$(($(now_ms) + BENCH_READY_TIMEOUT * 1000)) out code seconds
    while true; do
        out=$(curl -s --max-time 60 -o "$WORK/first.json" -w '%{http_code} %{time_total}' "$GW/snapshots?limit=1") || out="000 0"
        read -r code seconds <<<"$out"
        [[ -n $FIRST_MS ]] || FIRST_MS=$(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }')
        if [[ $code == 200 ]] && grep -Eq '"complete" *: *true' "$WORK/first.json"; then break; fi
        kill -0 "$GW_PID" 2>/dev/null || fail_process "gateway '$name' exited before a complete answer" "$GW_LOG"
        (($(now_ms) < deadline)) ||
            fail_process "gateway '$name': no \"complete\":true from /snapshots?limit=1 within ${BENCH_READY_TIMEOUT}s (last: HTTP $code)" "$GW_LOG"
        sleep 0.1
    done
    COMPLETE_MS=$(($(now_ms) - t0))
    read -r GW_SNAPSHOTS GW_SCOPES < <($PY listing-total <"$WORK/first.json")
    log "gateway '$name' ready in ${READY_MS} ms, complete in ${COMPLETE_MS} ms ($GW_SNAPSHOTS snapshots, $GW_SCOPES scopes)"
}

# ---------------------------------------------------------------- measurements --------------------------------
metric() { # NAME: sum of the series of NAME on the current gateway, or n/a
    curl -s --max-time 10 "$GW_MGMT/q/metrics" 2>/dev/null | $PY metric "$1" || echo n/a
}

# heap_after_gc PID: full GC, then HEAP_B (used heap per jstat -gc) and LIVE_B (GC.class_histogram total bytes).
heap_after_gc() {
    HEAP_B=n/a LIVE_B=n/a
    [[ -x $JCMD && -x $JSTAT ]] || return 0
    "$JCMD" "$1" GC.run >/dev/null 2>&1 || return 0
    HEAP_B=$("$JSTAT" -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
        NR == 2 { printf "%.0f", ($(col["S0U"]) + $(col["S1U"]) + $(col["EU"]) + $(col["OU"])) * 1024 }')
    LIVE_B=$("$JCMD" "$1" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print $3 }')
    [[ -n $HEAP_B ]] || HEAP_B=n/a
    [[ -n $LIVE_B ]] || LIVE_B=n/a
}

nginx_version() { "$NGINX" -v 2>&1 | sed 's/^nginx version: //'; }

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo n/a; }

mb() { awk -v b="$1" 'BEGIN { if (b ~ /^[0-9.]+$/) printf "%.1f", b / 1048576; else print "n/a" }'; }
kb_to_mb() { awk -v k="$1" 'BEGIN { if (k ~ /^[0-9.]+$/) printf "%.1f", k / 1024; else print "n/a" }'; }
# per DIVIDEND DIVISOR [DECIMALS]: quotient, or n/a when either side is not a number or the divisor is 0
per() {
    awk -v a="$1" -v b="$2" -v d="${3:-0}" 'BEGIN {
        if (a !~ /^-?[0-9.]+$/ || b !~ /^-?[0-9.]+$/ || b + 0 == 0) print "n/a"; else printf "%.*f", d, a / b }'
}
product() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^-?[0-9.]+$/ && b ~ /^-?[0-9.]+$/) print a * b; else print "n/a" }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^-?[0-9.]+$/ && b ~ /^-?[0-9.]+$/) print a - b; else print "n/a" }'; }

seconds_of() { # wrk duration (10s, 2m, 1h, or plain seconds) -> whole seconds
    awk -v d="$1" 'BEGIN { n = d + 0; u = substr(d, length(d)); print int(u == "m" ? n * 60 : u == "h" ? n * 3600 : n) }'
}

# run_wrk NAME THREADS CONNECTIONS DURATION URL [wrk options / -- script args]:
# sets WRK_RPS WRK_P50 WRK_P99 (ms) WRK_ERRORS WRK_REQUESTS.
run_wrk() {
    local name=$1 threads=$2 conns=$3 duration=$4 url=$5
    shift 5
    local out=$WORK/wrk-$name.txt limit=$(($(seconds_of "$duration") + 30))
    log "wrk $name: -t$threads -c$conns -d$duration $url $*"
    timeout "$limit" wrk -t"$threads" -c"$conns" -d"$duration" --timeout 10s --latency -s "$WRK_LUA" "$url" "$@" >"$out" 2>&1 || true
    read -r WRK_RPS WRK_P50 WRK_P99 WRK_ERRORS WRK_REQUESTS < <($PY wrk-result "$out")
    [[ $WRK_RPS != n/a ]] || log "wrk $name gave no result; its output: $(tail -n 5 "$out")"
}

warm_up() { # URL [wrk options]
    [[ $(seconds_of "$BENCH_WARMUP") -gt 0 ]] || return 0
    run_wrk warmup 2 16 "$BENCH_WARMUP" "$@"
}

# distinct_run SEED N: BENCH_DISTINCT_QUERIES distinct queries on the current gateway; sets DQ_* from bench.py.
distinct_run() {
    log "$BENCH_DISTINCT_QUERIES distinct queries on $GW (at most ${BENCH_DISTINCT_TIMEOUT}s)"
    read -r DQ_SENT DQ_OK DQ_NON200 DQ_ERRORS DQ_ELAPSED DQ_P50 DQ_P99 DQ_DISTINCT < <(
        $PY distinct "$GW" "$BENCH_DISTINCT_QUERIES" "$1" "$BENCH_DISTINCT_TIMEOUT" "$2" 2>>"$WORK/distinct.err")
    log "sent $DQ_SENT ($DQ_OK ok, $DQ_NON200 non-200, $DQ_ERRORS errors) in ${DQ_ELAPSED}s"
}

# ---------------------------------------------------------------- result table --------------------------------
met_le() { awk -v v="$1" -v t="$2" 'BEGIN { if (v !~ /^-?[0-9.]+$/) print "n/a"; else print (v + 0 <= t + 0) ? "yes" : "**NO**" }'; }
met_ge() { awk -v v="$1" -v t="$2" 'BEGIN { if (v !~ /^-?[0-9.]+$/) print "n/a"; else print (v + 0 >= t + 0) ? "yes" : "**NO**" }'; }
met_is() { if [[ $1 == *n/a* ]]; then echo n/a; elif [[ $1 == "$2" ]]; then echo yes; else echo "**NO**"; fi; }

# row SCENARIO METRIC VALUE [TARGET MET]: one table row, kept per scenario so the table reads a..f.
row() {
    local line
    line=$(printf '| %s | %s | %s | %s | %s |' "$1" "$2" "$3" "${4:-—}" "${5:-—}")
    echo "$line" >>"$WORK/rows-${1:0:1}.md"
    log "row: $line"
}

# ---------------------------------------------------------------- phase 1: demo data (a, e baseline, f) -------
BASE_HEAP=n/a BASE_LIVE=n/a BASE_COUNT=n/a
phase_demo() {
    start_sim demo "$BENCH_DEMO_N"
    start_gateway demo "" ""
    local gw_pid=$GW_PID
    local demo_ready=$READY_MS demo_complete=$COMPLETE_MS
    sleep 2 # let the post-start work settle before RSS and heap are read
    local rss_warm
    rss_warm=$(rss_kb "$gw_pid")
    if want e; then
        heap_after_gc "$gw_pid"
        BASE_HEAP=$HEAP_B BASE_LIVE=$LIVE_B BASE_COUNT=$GW_SNAPSHOTS
    fi
    if want f; then
        row f "launch → /q/health/ready 200 (ms), N=$BENCH_DEMO_N" "$demo_ready"
        row f "launch → first \"complete\":true answer (ms)" "$demo_complete"
        row f "RSS after warm-up (MB)" "$(kb_to_mb "$rss_warm")"
    fi
    want a || { stop "$gw_pid"; stop "$SIM_PID"; return 0; }

    # The bytes nginx serves: the gateway's own answer, fetched once.
    local www=$WORK/www path="/snapshots?limit=100"
    mkdir -p "$www" "$WORK/nginx/tmp"
    local code
    code=$(curl -s -o "$www/snapshots.json" -w '%{http_code}' "$GW$path")
    [[ $code == 200 ]] || die "GET $path answered $code"
    gzip -6 -n -c "$www/snapshots.json" >"$www/snapshots.json.gz"
    local gzip_mode="gzip_static (file precompressed with gzip -6)"
    "$NGINX" -V 2>&1 | grep -q with-http_gzip_static_module || gzip_mode="gzip on (level 6, on the fly)"
    alloc_port
    local nginx_port=$PORT
    cat >"$WORK/nginx/nginx.conf" <<EOF
# generated by bench/run.sh: serves one file, the gateway's answer to $path
daemon off;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000000;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    $(if [[ $gzip_mode == gzip_static* ]]; then echo "gzip_static on;"; else echo "gzip on; gzip_comp_level 6; gzip_types application/json; gzip_min_length 0;"; fi)
    server {
        listen 127.0.0.1:$nginx_port;
        root $www;
        location = /snapshots {
            default_type application/json;
            try_files /snapshots.json =404;
        }
    }
}
EOF
    launch "$WORK/nginx/stdout.log" "$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf"
    local nginx_pid=$LAUNCHED_PID
    local ng=http://127.0.0.1:$nginx_port
    wait_http "$ng$path" "$nginx_pid" "$WORK/nginx/error.log" nginx || fail_process "nginx exited" "$WORK/nginx/error.log"

    # Same bytes? Same compression?
    local gz_hdr=(-H 'Accept-Encoding: gzip')
    local g_enc n_enc g_gz n_gz
    g_enc=$(curl -s -D - -o /dev/null "${gz_hdr[@]}" "$GW$path" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')
    n_enc=$(curl -s -D - -o /dev/null "${gz_hdr[@]}" "$ng$path" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')
    g_gz=$(curl -s -o /dev/null -w '%{size_download}' "${gz_hdr[@]}" "$GW$path")
    n_gz=$(curl -s -o /dev/null -w '%{size_download}' "${gz_hdr[@]}" "$ng$path")
    cmp -s "$www/snapshots.json" <(curl -s "$ng$path") || die "nginx does not serve the gateway's bytes"
    row "a hot $path" "body bytes: identity / gzip gateway (Content-Encoding: ${g_enc:-none}) / gzip nginx (${n_enc:-none})" \
        "$(stat -c %s "$www/snapshots.json") / $g_gz / $n_gz"

    NOTES+=("a: the gateway's answer to $path was saved once and served by nginx ($(nginx_version), $(nproc) workers, access_log off); with Accept-Encoding: gzip nginx uses $gzip_mode, the gateway its own compression.")
    local enc label args
    for enc in identity gzip; do
        args=()
        label="a hot $path, identity"
        if [[ $enc == gzip ]]; then
            args=("${gz_hdr[@]}")
            label="a hot $path, gzip"
        fi
        warm_up "$GW$path" ${args[@]+"${args[@]}"}
        run_wrk "a-gateway-$enc" 2 64 "$BENCH_DURATION" "$GW$path" ${args[@]+"${args[@]}"}
        local g_rps=$WRK_RPS g_p50=$WRK_P50 g_p99=$WRK_P99 g_err=$WRK_ERRORS
        run_wrk "a-nginx-$enc" 2 64 "$BENCH_DURATION" "$ng$path" ${args[@]+"${args[@]}"}
        local ratio
        ratio=$(per "$g_rps" "$WRK_RPS" 2)
        row "$label" "gateway req/s" "$g_rps"
        row "$label" "nginx req/s (same bytes)" "$WRK_RPS"
        row "$label" "ratio gateway/nginx" "$ratio" "≥ 0.5" "$(met_ge "$ratio" 0.5)"
        row "$label" "gateway p50 / p99 (ms)" "$g_p50 / $g_p99" "p99 ≤ 10" "$(met_le "$g_p99" 10)"
        row "$label" "nginx p50 / p99 (ms)" "$WRK_P50 / $WRK_P99"
        row "$label" "errors gateway / nginx (socket + non-2xx)" "$g_err / $WRK_ERRORS" "0 / 0" \
            "$(met_is "$g_err/$WRK_ERRORS" 0/0)"
    done
    row f "RSS after scenario a's load (MB)" "$(kb_to_mb "$(rss_kb "$gw_pid")")"
    stop "$nginx_pid"
    stop "$gw_pid"
    stop "$SIM_PID"
}

# ---------------------------------------------------------------- phase 2: cold fan-out (c) -------------------
# cold_requests FILE: BENCH_COLD_REQUESTS sequential no-cache requests, their times (ms) into FILE; echoes the
# number of answers that were not 200 with "complete":true.
cold_requests() {
    local file=$1 i out code seconds bad=0
    : >"$file"
    for ((i = 0; i < BENCH_COLD_REQUESTS; i++)); do
        out=$(curl -s --max-time 30 -H 'Cache-Control: no-cache' -o "$WORK/cold.json" -w '%{http_code} %{time_total}' \
            "$GW/snapshots?limit=10") || out="000 30"
        read -r code seconds <<<"$out"
        awk -v s="$seconds" 'BEGIN { printf "%.1f\n", s * 1000 }' >>"$file"
        [[ $code == 200 ]] && grep -Eq '"complete" *: *true' "$WORK/cold.json" || bad=$((bad + 1))
    done
    echo "$bad"
}

phase_cold() {
    local l=$BENCH_LATENCY_MS p i
    start_sim cold "$BENCH_DEMO_N" "alibaba-ecs=${l}ms,alibaba-eds=${l}ms,huawei-workspace=${l}ms"
    start_gateway cold "" "-Dgateway.inventory.forced-refresh-min-interval=0s"
    local label="c cold fan-out, L=${l} ms"
    row "$label" "first /snapshots?limit=1 after ready (ms)" "$FIRST_MS"
    row "$label" "launch → first \"complete\":true answer (ms)" "$COMPLETE_MS"
    local before after bad target fetched p50 p90
    target=$(awk -v l="$l" 'BEGIN { printf "%.0f", 1.05 * l + 10 }')

    # Right after start: the refresh path (HTTP client, signing, parsing, normalizing) still runs interpreted.
    bad=$(cold_requests "$WORK/cold-fresh-ms.txt")
    row "$label" "p50 of $BENCH_COLD_REQUESTS sequential no-cache requests right after start, JIT cold (ms)" \
        "$($PY percentile 50 <"$WORK/cold-fresh-ms.txt")" "—" "—"

    # Warm the JVM as a long-running pod is warm: BENCH_COLD_WARMUP forced refreshes without the added latency.
    curl -s -X DELETE "http://127.0.0.1:$SIM_PORT/_simulator/faults" >/dev/null
    for ((i = 0; i < BENCH_COLD_WARMUP; i++)); do
        curl -s -o /dev/null --max-time 30 -H 'Cache-Control: no-cache' "$GW/snapshots?limit=10" || true
    done
    for p in alibaba-ecs alibaba-eds huawei-workspace; do
        curl -s -X POST "http://127.0.0.1:$SIM_PORT/_simulator/faults?provider=$p&latency=${l}ms" >/dev/null
    done

    before=$(metric snapshot_gateway_vendor_fetch_seconds_count)
    bad=$((bad + $(cold_requests "$WORK/cold-ms.txt")))
    after=$(metric snapshot_gateway_vendor_fetch_seconds_count)
    p50=$($PY percentile 50 <"$WORK/cold-ms.txt")
    p90=$($PY percentile 90 <"$WORK/cold-ms.txt")
    fetched=$(minus "$after" "$before")
    row "$label" "p50 of $BENCH_COLD_REQUESTS sequential no-cache requests after $BENCH_COLD_WARMUP warm-up refreshes (ms)" \
        "$p50" "≤ 1.05×L+10 = $target" "$(met_le "$p50" "$target")"
    row "$label" "p90 of the same (ms)" "$p90"
    row "$label" "answers not 200 with \"complete\":true (both runs)" "$bad" "0" "$(met_is "$bad" 0)"
    row "$label" "vendor listings during the measured requests (proves the refresh was forced)" "$fetched" \
        "≥ $GW_SCOPES × $BENCH_COLD_REQUESTS" "$(met_ge "$fetched" $((GW_SCOPES * BENCH_COLD_REQUESTS)))"
    stop "$GW_PID"
    stop "$SIM_PID"
}

# ---------------------------------------------------------------- phase 3: 90k snapshots (e, b) --------------
phase_big() {
    start_sim big "$BENCH_BIG_N"
    # No scheduled refresh inside the measured window: b measures queries; a full 90,000-snapshot refresh on the
    # same two cores as the simulator is a stall of its own (see the README).
    start_gateway big "" "-Dgateway.inventory.refresh-interval=10m"
    local n_label="N=$BENCH_BIG_N ($GW_SNAPSHOTS snapshots)"
    if want e; then
        # Steady state: a finished listing's raw snapshots stay reachable from its cancelled timeout task until
        # gateway.fetch.listing-timeout (30 s) has passed; measure after that, as a pod between refreshes is.
        log "letting the inventories settle for ${BENCH_SETTLE_S}s before measuring the heap"
        sleep "$BENCH_SETTLE_S"
        heap_after_gc "$GW_PID"
        local bytes snaps
        bytes=$(metric snapshot_gateway_inventory_bytes)
        snaps=$(metric snapshot_gateway_inventory_snapshots)
        local d_count d_heap d_live
        d_count=$(minus "$GW_SNAPSHOTS" "$BASE_COUNT")
        d_heap=$(per "$(minus "$HEAP_B" "$BASE_HEAP")" "$d_count")
        d_live=$(per "$(minus "$LIVE_B" "$BASE_LIVE")" "$d_count")
        local est
        est=$(per "$bytes" "$snaps")
        row "e memory" "heap used after full GC, baseline N=$BENCH_DEMO_N ($BASE_COUNT snapshots) (MB)" "$(mb "$BASE_HEAP")"
        row "e memory" "heap used after full GC, $n_label (MB)" "$(mb "$HEAP_B")"
        row "e memory" "retained bytes per snapshot (heap used, jstat -gc)" "$d_heap" "≤ 1536" "$(met_le "$d_heap" 1536)"
        row "e memory" "retained bytes per snapshot (live objects, GC.class_histogram)" "$d_live" "≤ 1536" \
            "$(met_le "$d_live" 1536)"
        row "e memory" "gateway's estimate: inventory_bytes / inventory_snapshots ($bytes / $snaps)" "$est" "≤ 1536" \
            "$(met_le "$est" 1536)"
        row "e memory" "RSS, $n_label after warm-up (MB)" "$(kb_to_mb "$(rss_kb "$GW_PID")")"
    fi
    if want b; then
        local label="b mixed filters, $n_label"
        log "collecting the query mix and real page tokens"
        local summary
        if ! summary=$($PY mixed-paths "$GW" "$WORK/mixed-paths.txt" "$BENCH_BIG_N" "$BENCH_DISTINCT_TIMEOUT" \
            2>"$WORK/mixed-paths.err"); then
            log "collecting the query mix failed: $(cat "$WORK/mixed-paths.err")"
            row "$label" "query mix" "failed: $(tr '|\n' '/ ' <"$WORK/mixed-paths.err" | cut -c 1-200)" "" "**NO**"
            stop "$GW_PID"
            stop "$SIM_PID"
            return 0
        fi
        warm_up "$GW" -- "$WORK/mixed-paths.txt"
        run_wrk b-mixed 2 16 "$BENCH_DURATION" "$GW" -- "$WORK/mixed-paths.txt"
        row "$label" "URLs cycled" "$summary"
        row "$label" "req/s (wrk -t2 -c16)" "$WRK_RPS"
        row "$label" "p50 (ms)" "$WRK_P50" "≤ 5" "$(met_le "$WRK_P50" 5)"
        row "$label" "p99 (ms)" "$WRK_P99" "≤ 25" "$(met_le "$WRK_P99" 25)"
        row "$label" "errors (socket + non-2xx)" "$WRK_ERRORS" "0" "$(met_is "$WRK_ERRORS" 0)"
    fi
    stop "$GW_PID"
    stop "$SIM_PID"
}

# ---------------------------------------------------------------- phase 4: 9k snapshots (d, e small heap) -----
phase_mid() {
    start_sim mid "$BENCH_MID_N"
    if want d; then
        start_gateway distinct "" "-Dgateway.inventory.refresh-interval=${BENCH_REFRESH_INTERVAL_S}s"
        local label="d vendor calls, N=$BENCH_MID_N ($GW_SNAPSHOTS snapshots)"
        local before after t0 t1
        before=$(metric snapshot_gateway_vendor_fetch_seconds_count)
        t0=$(now_ms)
        distinct_run 1 "$BENCH_MID_N"
        t1=$(now_ms)
        after=$(metric snapshot_gateway_vendor_fetch_seconds_count)
        local elapsed allowed delta extra
        elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
        # Each scope refreshes every R seconds, each wait shortened by at most the jitter fraction J: a window of
        # E seconds holds at most ceil(E / (R × (1 - J))) refreshes per scope.
        local shortest
        shortest=$(awk -v r="$BENCH_REFRESH_INTERVAL_S" -v j="$BENCH_REFRESH_JITTER" 'BEGIN { printf "%g", r * (1 - j) }')
        allowed=$(awk -v e="$elapsed" -v r="$shortest" -v s="$GW_SCOPES" \
            'BEGIN { n = int(e / r); if (n * r < e) n++; print s * n }')
        delta=$(minus "$after" "$before")
        extra=$(awk -v d="$delta" -v a="$allowed" 'BEGIN { if (d !~ /^-?[0-9.]+$/) print "n/a"; else print (d > a ? d - a : 0) }')
        row "$label" "distinct queries answered 200 / sent / asked" "$DQ_OK / $DQ_SENT / $BENCH_DISTINCT_QUERIES" \
            "all" "$(met_is "$DQ_OK" "$BENCH_DISTINCT_QUERIES")"
        row "$label" "their p50 / p99 (ms, python client)" "$DQ_P50 / $DQ_P99"
        row "$label" "vendor listings during the ${elapsed}s run" "$delta"
        row "$label" "allowed by the schedule: $GW_SCOPES scopes × ⌈${elapsed}s / (${BENCH_REFRESH_INTERVAL_S}s × (1 − $BENCH_REFRESH_JITTER))⌉" "$allowed"
        row "$label" "vendor listings beyond the schedule" "$extra" "0" "$(met_is "$extra" 0)"
        stop "$GW_PID"
    fi
    if want e; then
        start_gateway small-heap "-Xmx$BENCH_SMALL_HEAP" ""
        local label="e small heap, -Xmx$BENCH_SMALL_HEAP, N=$BENCH_MID_N"
        heap_after_gc "$GW_PID"
        local heap_before=$HEAP_B live_before=$LIVE_B
        distinct_run 2 "$BENCH_MID_N"
        local alive=no
        if kill -0 "$GW_PID" 2>/dev/null && curl -fs -o /dev/null --max-time 10 "$GW_MGMT/q/health/ready" &&
            ! grep -q OutOfMemoryError "$GW_LOG"; then
            alive=yes
            heap_after_gc "$GW_PID"
        else
            HEAP_B=n/a LIVE_B=n/a
            KEEP_WORK=1
            local why
            why=$(grep -m 1 -o 'java.lang.OutOfMemoryError[^"]*' "$GW_LOG" || echo "no OutOfMemoryError in its log")
            NOTES+=("e small heap: the gateway did not survive ($why); log: $GW_LOG")
        fi
        row "$label" "heap used after full GC before / after $DQ_SENT distinct queries (MB)" "$(mb "$heap_before") / $(mb "$HEAP_B")"
        row "$label" "live objects before / after (MB)" "$(mb "$live_before") / $(mb "$LIVE_B")"
        row "$label" "distinct queries answered 200 / sent" "$DQ_OK / $DQ_SENT" "all" "$(met_is "$DQ_OK" "$BENCH_DISTINCT_QUERIES")"
        row "$label" "alive, ready, no OutOfMemoryError" "$alive" "yes" "$(met_is "$alive" yes)"
        stop "$GW_PID"
    fi
    stop "$SIM_PID"
}

# ---------------------------------------------------------------- phase 5: replicas sharing Redis (g) ---------
# start_redis: a redis-server of its own on a free port (nothing persisted, data in the work directory);
# sets REDIS_PID, REDIS_PORT.
start_redis() {
    alloc_port; REDIS_PORT=$PORT
    mkdir -p "$WORK/redis"
    log "redis-server on 127.0.0.1:$REDIS_PORT ($(redis-server --version | awk '{ print $3 }'))"
    launch "$WORK/redis/redis.log" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
        --dir "$WORK/redis"
    REDIS_PID=$LAUNCHED_PID
    local deadline=$(($(now_ms) + BENCH_READY_TIMEOUT * 1000))
    until $PY redis-ping "$REDIS_PORT"; do
        kill -0 "$REDIS_PID" 2>/dev/null || fail_process "redis-server exited during startup" "$WORK/redis/redis.log"
        (($(now_ms) < deadline)) || fail_process "redis-server did not answer PING within ${BENCH_READY_TIMEOUT}s" \
            "$WORK/redis/redis.log"
        sleep 0.05
    done
}

# fleet N MODE (redis | local): N gateways on the simulator SIM_PORT, with one Redis (a key prefix of their own) or
# none; polls them for BENCH_SHARED_WARMUP_S, then counts the vendor listings and calls of all of them over
# BENCH_SHARED_WINDOW_S of polling. Rows per fleet; sets FLEET_LISTINGS and FLEET_CALLS (per scope per interval,
# from the least-squares slope of the fleet's counts scraped once a second: all scopes refresh in step after a
# start, so the plain difference of two scrapes moves by a whole round of listings with where the window's ends fall).
# The fleet is sent TERM at the end and left in FLEET_STOPPING: the next fleet (or phase_shared) reaps it.
fleet() {
    local n=$1 mode=$2 i pid environment="" prefix=""
    local pids=() gws=() mgmts=() logs=()
    if [[ $mode == redis ]]; then
        prefix="bench-g-$n:"
        environment="GATEWAY_REDIS_URL=redis://127.0.0.1:$REDIS_PORT GATEWAY_REDIS_KEY_PREFIX=$prefix"
    fi
    local what="N=$n$([[ $mode == redis ]] && echo " (Redis, key prefix $prefix)" || echo " (no Redis)")"
    log "g: $what"
    # All N start at once (as a rollout or a scale-up does), then each is awaited in turn.
    local names=() t0s=() withs=()
    for ((i = 1; i <= n; i++)); do
        launch_gateway "g-$mode-$n-$i" "" "-Dgateway.inventory.refresh-interval=${BENCH_SHARED_INTERVAL_S}s" "$environment"
        names+=("$GW_NAME") t0s+=("$GW_T0") withs+=("$GW_WITH_OPTIONAL")
        pids+=("$GW_PID") gws+=("$GW") mgmts+=("$GW_MGMT") logs+=("$GW_LOG")
    done
    for ((i = 0; i < n; i++)); do
        GW_NAME=${names[i]} GW_T0=${t0s[i]} GW_WITH_OPTIONAL=${withs[i]} GW_PID=${pids[i]} GW=${gws[i]}
        GW_MGMT=${mgmts[i]} GW_LOG=${logs[i]}
        GW_ARGS=("$GW_NAME" "" "-Dgateway.inventory.refresh-interval=${BENCH_SHARED_INTERVAL_S}s" "$environment")
        await_gateway # started again (new ports) when the jar refused the optional setting
        pids[i]=$GW_PID gws[i]=$GW mgmts[i]=$GW_MGMT logs[i]=$GW_LOG
    done
    # The previous fleet was told to stop when its window ended; its shutdown overlapped these start-ups.
    for pid in ${FLEET_STOPPING[@]+"${FLEET_STOPPING[@]}"}; do stop "$pid"; done
    FLEET_STOPPING=()
    local unshared=0 logfile
    for logfile in "${logs[@]}"; do
        [[ $mode != redis ]] || grep -q 'Shared state on Redis at' "$logfile" || unshared=$((unshared + 1))
    done
    ((unshared == 0)) ||
        NOTES+=("g $what: $unshared of $n gateways did not log \"Shared state on Redis at ...\": this jar may not know gateway.redis.* (they ran without shared state).")

    log "g: polling $n gateway(s) for ${BENCH_SHARED_WARMUP_S}s (warm-up), then ${BENCH_SHARED_WINDOW_S}s (measured)"
    $PY poll "$BENCH_SHARED_WARMUP_S" "$BENCH_SHARED_RATE" "$BENCH_SHARED_NO_CACHE_EVERY" "${gws[@]}" \
        >/dev/null 2>>"$WORK/poll.err"
    # The window: polls, and every gateway's vendor counters scraped once a second (the rate is their slope).
    local targets=()
    for ((i = 0; i < n; i++)); do targets+=("${gws[i]},${mgmts[i]}"); done
    local sent=n/a ok=n/a non200 errors forced=n/a p50=n/a p99=n/a elapsed=n/a samples=n/a
    local fetched=n/a fetch_per_s=n/a fetch_each=n/a calls=n/a calls_per_s=n/a calls_each=n/a
    read -r sent ok non200 errors forced p50 p99 elapsed samples fetched fetch_per_s fetch_each calls calls_per_s \
        calls_each < <($PY poll "$BENCH_SHARED_WINDOW_S" "$BENCH_SHARED_RATE" "$BENCH_SHARED_NO_CACHE_EVERY" \
        "${targets[@]}" 2>>"$WORK/poll.err") || true
    local alive=0
    for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then alive=$((alive + 1)); fi
    done
    # Every scope is due once per interval, whatever the number of replicas: per second x interval / scopes.
    FLEET_LISTINGS=$(per "$(product "$fetch_per_s" "$BENCH_SHARED_INTERVAL_S")" "$GW_SCOPES" 2)
    FLEET_CALLS=$(per "$(product "$calls_per_s" "$BENCH_SHARED_INTERVAL_S")" "$GW_SCOPES" 2)
    local label="g replicas, $what"
    row "$label" "vendor listings in the ${elapsed}s window, all replicas (each replica); per scope per interval (slope of $samples scrapes)" \
        "$fetched (${fetch_each//,/ + }); $FLEET_LISTINGS"
    row "$label" "vendor HTTP calls in the window, all replicas (each replica); per scope per interval" \
        "$calls (${calls_each//,/ + }); $FLEET_CALLS"
    row "$label" "polls answered 200 / sent ($forced with no-cache), p50 / p99 (ms)" "$ok / $sent, $p50 / $p99" \
        "all 200" "$(met_is "$ok" "$sent")"
    row "$label" "replicas alive at the end" "$alive / $n" "$n / $n" "$(met_is "$alive" "$n")"
    [[ $mode != redis ]] || row "$label" "Redis keys under $prefix after the window (0: the replicas shared nothing)" \
        "$($PY redis-keys "$REDIS_PORT" "$prefix*" 2>/dev/null || echo n/a)"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    FLEET_STOPPING=("${pids[@]}")
}

FLEET_STOPPING=()
phase_shared() {
    start_redis
    start_sim shared "$BENCH_DEMO_N"
    local n counts=() listings=() calls=() ref_n=""
    for n in $BENCH_SHARED_REPLICAS; do
        fleet "$n" redis
        counts+=("$n") listings+=("$FLEET_LISTINGS") calls+=("$FLEET_CALLS")
        [[ -n $ref_n ]] || ref_n=$n
    done
    if ((${#counts[@]})); then
        local ns ls cs ratios_l ratios_c bound_l bound_c met_l met_c
        ns=$(printf '%s / ' "${counts[@]}"); ns=${ns% / }
        ls=$(printf '%s / ' "${listings[@]}"); ls=${ls% / }
        cs=$(printf '%s / ' "${calls[@]}"); cs=${cs% / }
        # met when every fleet's figure is within 10 % of the first (reference) fleet's
        bound_l=$(awk -v r="${listings[0]}" 'BEGIN { if (r ~ /^[0-9.]+$/) printf "%.2f", 1.1 * r; else print "n/a" }')
        bound_c=$(awk -v r="${calls[0]}" 'BEGIN { if (r ~ /^[0-9.]+$/) printf "%.2f", 1.1 * r; else print "n/a" }')
        met_l=$(for v in "${listings[@]}"; do met_le "$v" "$bound_l"; done | sort -u | paste -sd ' ')
        met_c=$(for v in "${calls[@]}"; do met_le "$v" "$bound_c"; done | sort -u | paste -sd ' ')
        [[ $met_l == yes || $met_l == *n/a* ]] || met_l="**NO**"
        [[ $met_c == yes || $met_c == *n/a* ]] || met_c="**NO**"
        [[ $bound_l != n/a ]] || met_l=n/a
        [[ $bound_c != n/a ]] || met_c=n/a
        ratios_l=$(for v in "${listings[@]}"; do echo "×$(per "$v" "${listings[0]}" 2)"; done | paste -sd '/' | sed 's|/| / |g')
        ratios_c=$(for v in "${calls[@]}"; do echo "×$(per "$v" "${calls[0]}" 2)"; done | paste -sd '/' | sed 's|/| / |g')
        row "g replicas" "vendor listings per scope per interval (listings per second × ${BENCH_SHARED_INTERVAL_S}s ÷ $GW_SCOPES scopes), N=$ns (Redis)" "$ls ($ratios_l)" \
            "≈ constant (≤ 1.1 × N=$ref_n = $bound_l)" "$met_l"
        row "g replicas" "vendor HTTP calls per scope per interval, N=$ns (Redis)" "$cs ($ratios_c)" \
            "≈ constant (≤ 1.1 × N=$ref_n = $bound_c)" "$met_c"
    fi
    if ((BENCH_SHARED_LOCAL_REPLICAS > 0)); then
        fleet "$BENCH_SHARED_LOCAL_REPLICAS" local
        row "g replicas" "contrast without Redis: vendor listings / HTTP calls per scope per interval, N=$BENCH_SHARED_LOCAL_REPLICAS (each replica on its own)" \
            "$FLEET_LISTINGS / $FLEET_CALLS" "n/a" "—"
    fi
    local pid
    for pid in ${FLEET_STOPPING[@]+"${FLEET_STOPPING[@]}"}; do stop "$pid"; done
    stop "$SIM_PID"
    stop "$REDIS_PID"
}

# ---------------------------------------------------------------- run -----------------------------------------
if want a || want e || want f; then phase_demo; fi
if want c; then phase_cold; fi
if want b || want e; then phase_big; fi
if want d || want e; then phase_mid; fi
if want g; then phase_shared; fi

# ---------------------------------------------------------------- report --------------------------------------
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
[[ -n $cpu ]] || cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
mem=$(free -h | awk '/^Mem:/ { print $2 }')
javav=$(java -version 2>&1 | paste -sd ';' | sed 's/;/; /g')
# Read-only git calls (no optional index refresh): another checkout user may be working in the repository.
commit=$(GIT_OPTIONAL_LOCKS=0 git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -z $(GIT_OPTIONAL_LOCKS=0 git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null | head -n 1) ]] ||
    commit="$commit + uncommitted changes"
took=$(($(date +%s) - RUN_STARTED))
g_settings=""
! want g || g_settings=" BENCH_SHARED_REPLICAS=\"$BENCH_SHARED_REPLICAS\" BENCH_SHARED_LOCAL_REPLICAS=$BENCH_SHARED_LOCAL_REPLICAS\
 BENCH_SHARED_INTERVAL_S=$BENCH_SHARED_INTERVAL_S BENCH_SHARED_WARMUP_S=$BENCH_SHARED_WARMUP_S\
 BENCH_SHARED_WINDOW_S=$BENCH_SHARED_WINDOW_S BENCH_SHARED_RATE=$BENCH_SHARED_RATE\
 BENCH_SHARED_NO_CACHE_EVERY=$BENCH_SHARED_NO_CACHE_EVERY"
{
    echo "# snapshot-gateway benchmark"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- machine: nproc $(nproc), memory $mem (free -h total), CPU ${cpu:-unknown}"
    echo "- java: $javav"
    if [[ $BENCH_JAR == "$DEFAULT_JAR" ]]; then
        echo "- jar: $BENCH_JAR, built from $commit"
    else
        echo "- jar: $BENCH_JAR (BENCH_JAR; not necessarily built from $REPO at $commit)"
    fi
    echo "- load average at start: $LOAD_AT_START$(awk -v l="${LOAD_AT_START%% *}" -v n="$(nproc)" \
        'BEGIN { if (l + 0 > n / 2) printf " (**busy machine: figures unreliable**)" }')"
    echo "- tools: $(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }'), $(nginx_version)"
    echo "- settings: BENCH_DURATION=$BENCH_DURATION BENCH_WARMUP=$BENCH_WARMUP BENCH_SCENARIOS=\"$BENCH_SCENARIOS\"" \
        "BENCH_DEMO_N=$BENCH_DEMO_N BENCH_BIG_N=$BENCH_BIG_N BENCH_MID_N=$BENCH_MID_N BENCH_LATENCY_MS=$BENCH_LATENCY_MS" \
        "BENCH_DISTINCT_QUERIES=$BENCH_DISTINCT_QUERIES BENCH_GATEWAY_JAVA_OPTS=\"$BENCH_GATEWAY_JAVA_OPTS\"$g_settings"
    echo "- run took ${took}s; client, gateway, simulator and nginx share this machine"
    echo
    echo "| scenario | metric | value | target | met? |"
    echo "|---|---|---|---|---|"
    for s in a b c d e f g; do
        [[ ! -f $WORK/rows-$s.md ]] || cat "$WORK/rows-$s.md"
    done
    if ((${#NOTES[@]})); then
        echo
        for note in "${NOTES[@]}"; do echo "- $note"; done
    fi
} >"$WORK/results.md"
cp "$WORK/results.md" "$BENCH_RESULTS"
echo
cat "$BENCH_RESULTS"
log "done in ${took}s; table written to $BENCH_RESULTS"
