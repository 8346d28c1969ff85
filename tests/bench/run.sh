#!/usr/bin/env bash
# Gatehouse load benchmark: one run measures everything, prints a table and writes
# tests/bench/results/latest.md (git-ignored). Benchmarks measure; they never fail a build:
# each figure is printed with PASS or MISS against its target, and the exit code is 0
# unless the benchmark itself could not run.
#
#   tests/bench/run.sh <build-dir>          (or: make bench)
#
# 1. Protected request throughput: keep-alive `GET /flex/auth/session` with a bearer token
#    against gatehoused, vs `GET /session` on a bare QHttpServer (bench_baseline_httpserver)
#    answering constant JSON of the same size with its content type named,
#    over plain HTTP and over TLS (the baseline uses gatehoused's own certificate). The two
#    servers are measured in alternating rounds, so drift on the machine hits both alike.
# 2. Login storm: 32 clients posting wrong-password logins while a second load generator
#    measures `GET /flex/health` latency; logins answered 400 vs 503 busy.
# 3. Resident memory (VmRSS) of gatehoused idle after start-up and after the runs.
# 4. HTTP Basic vs Bearer: keep-alive `GET /api/me` on the same gatehoused with the same
#    account, alternating rounds (Basic's verified-credential cache should make the two close).
# 5. Forward-auth through nginx (tests/bench/nginx.sh): `GET /pages/x` through nginx with
#    auth_request to gatehoused and an API token, vs the same nginx location without auth.
# 6. Metrics on vs off (tests/bench/metrics.sh): the same request on gatehoused with and
#    without GATEHOUSE_METRICS.
#
# Loopback only (127.0.0.1, ephemeral ports), bounded durations (about 5 minutes in all);
# everything it starts is stopped when it ends, however it ends. Knobs (environment):
# BENCH_DURATION (seconds per measured run, default 10), BENCH_ROUNDS (default 3),
# BENCH_WARMUP (seconds, default 2), BENCH_PIN=0 (no CPU pinning), BENCH_KEEP=1 (keep the
# scratch directory).
set -euo pipefail

if [[ $# -ne 1 || ! -d $1 ]]; then
    echo "usage: $0 <build-dir>" >&2
    exit 2
fi
BUILD_DIR=$(cd "$1" && pwd)
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GATEHOUSED=$BUILD_DIR/app/gatehoused
BASELINE=$BUILD_DIR/tests/bench/bench_baseline_httpserver
RESULTS_DIR=$BENCH_DIR/results
DURATION=${BENCH_DURATION:-10}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-2}
CONNECTIONS=32
HEALTH_CONNECTIONS=4
THROUGHPUT_TARGET=0.85   # Gatehouse req/s over the bare QHttpServer's
BASIC_TARGET=0.8
HEALTH_P99_TARGET_MS=10  # /flex/health p99 during the login storm
RSS_TARGET_KB=$((25 * 1024))
CLOCK_TICKS=$(getconf CLK_TCK)

for tool in wrk curl python3 timeout; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is missing (see packaging/debian-packages.txt)" >&2; exit 2; }
done
for binary in "$GATEHOUSED" "$BASELINE"; do
    [[ -x $binary ]] || { echo "$0: $binary is not built (make build)" >&2; exit 2; }
done

# Server and load generator on different cores, so neither steals the other's CPU time.
SERVER_PIN=()
LOAD_PIN=()
PINNING="none (BENCH_PIN=0 or fewer than 2 cores)"
if [[ ${BENCH_PIN:-1} != 0 ]] && command -v taskset >/dev/null && (($(nproc) >= 2)); then
    SERVER_PIN=(taskset -c 0)
    LOAD_PIN=(taskset -c 1)
    PINNING="servers on core 0, wrk on core 1 (taskset)"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench.XXXXXX")
DATA_DIR=$WORK/data
STARTED=()

# forget PID: a process that has ended leaves the list cleanup() stops.
forget() {
    local pid kept=()
    for pid in "${STARTED[@]}"; do
        [[ $pid == "$1" ]] || kept+=("$pid")
    done
    STARTED=("${kept[@]}")
}

stop_process() {
    local pid=$1
    if kill -TERM "$pid" 2>/dev/null; then
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    forget "$pid"
}

cleanup() {
    local pid
    for pid in "${STARTED[@]}"; do
        stop_process "$pid"
    done
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        echo "scratch directory kept: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
    echo "$0: $*" >&2
    exit 1
}

# start_server NAME COMMAND...: runs it in the background, waits (30 s at most) for its
# "... serving <url>" line and sets SERVER_PID and SERVER_URL.
start_server() {
    local name=$1
    shift
    "${SERVER_PIN[@]}" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    SERVER_PID=$!
    STARTED+=("$SERVER_PID")
    SERVER_URL=
    for _ in $(seq 300); do
        SERVER_URL=$(awk '/ serving /{print $NF; exit}' "$WORK/$name.out")
        [[ -n $SERVER_URL ]] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    tail -n 20 "$WORK/$name.err" >&2
    fail "$name did not start"
}

start_gatehoused() {
    local name=$1
    shift
    # The token bucket would refuse a benchmark's load by design (0 = off); failures never
    # lock (MAX_LOGIN_ATTEMPTS=0) so the login storm keeps reaching the hash pool.
    start_server "$name" env GATEHOUSE_KEYSTORE=file GLOBAL_RATE_LIMIT_RPS=0 MAX_LOGIN_ATTEMPTS=0 \
        "$GATEHOUSED" --listen 127.0.0.1:0 --data-dir "$DATA_DIR" "$@"
}

rss_kb() { awk '/^VmRSS:/{print $2}' "/proc/$1/status"; }
peak_rss_kb() { awk '/^VmHWM:/{print $2}' "/proc/$1/status"; }

# http_status METHOD URL [curl args]: the status code only (bodies may hold a token).
http_status() {
    local method=$1 url=$2
    shift 2
    curl -sS -k --max-time 30 -X "$method" -o "$WORK/body" -w '%{http_code}' "$@" "$url"
}

set_admin_password() {
    local status
    status=$(http_status PUT "$1/flex/auth/password" -H 'Content-Type: application/json' \
        --data-binary "{\"password\":\"$PASSWORD\"}")
    [[ $status == 200 ]] || fail "PUT /flex/auth/password answered $status: $(cat "$WORK/body")"
}

# login URL: sets TOKEN (a flex session token; never printed).
login() {
    local status
    status=$(http_status POST "$1/flex/auth/login" -H 'Content-Type: application/json' \
        --data-binary "{\"password\":\"$PASSWORD\"}")
    [[ $status == 200 ]] || fail "POST /flex/auth/login answered $status"
    TOKEN=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])' <"$WORK/body")
    status=$(http_status GET "$1/flex/auth/session" -H "Authorization: Bearer $TOKEN")
    [[ $status == 200 ]] || fail "GET /flex/auth/session with the new token answered $status"
}

# start_wrk OUTPUT SECONDS CONNECTIONS URL [wrk args]: one bounded wrk run in the background,
# pinned to the load core; sets WRK_PID (timeout's, which passes a TERM on to wrk).
start_wrk() {
    local output=$1 seconds=$2 connections=$3 url=$4
    shift 4
    timeout $((seconds + 30)) "${LOAD_PIN[@]}" wrk -t1 -c"$connections" -d"${seconds}s" --latency "$@" "$url" \
        >"$output" 2>&1 &
    WRK_PID=$!
    STARTED+=("$WRK_PID")
}

# wait_wrk PID OUTPUT: waits for a run start_wrk began; its failure ends the benchmark.
wait_wrk() {
    wait "$1" || fail "wrk failed: $(tail -n 3 "$2")"
    forget "$1"
}

run_wrk() {
    start_wrk "$@"
    wait_wrk "$WRK_PID" "$1"
}

# cpu_ticks PID: user + system CPU time of a process, in clock ticks (fields 14 and 15 of
# /proc/PID/stat, counted after the command name, which ends at the last ')').
cpu_ticks() {
    local stat
    stat=$(<"/proc/$1/stat")
    awk '{print $12 + $13}' <<<"${stat##*) }"
}

# measure OUTPUT PID URL [wrk args]: one measured run; OUTPUT.cpu gets the server's CPU ticks.
measure() {
    local output=$1 pid=$2 url=$3 before
    shift 3
    before=$(cpu_ticks "$pid")
    run_wrk "$output" "$DURATION" "$CONNECTIONS" "$url" "$@"
    echo $(($(cpu_ticks "$pid") - before)) >"${output%.wrk}.cpu"
}

# compare TAG BASELINE_PID BASELINE_URL GATEHOUSE_PID GATEHOUSE_URL: a warm-up of each, then
# ROUNDS alternating measured runs into $WORK/TAG-base.N.wrk and $WORK/TAG-gh.N.wrk.
compare() {
    local tag=$1 base_pid=$2 base_url=$3 gh_pid=$4 gh_url=$5 round
    local auth=(-H "Authorization: Bearer $TOKEN")
    run_wrk "$WORK/$tag-base.warmup" "$WARMUP" "$CONNECTIONS" "$base_url"
    run_wrk "$WORK/$tag-gh.warmup" "$WARMUP" "$CONNECTIONS" "$gh_url" "${auth[@]}"
    for round in $(seq "$ROUNDS"); do
        measure "$WORK/$tag-base.$round.wrk" "$base_pid" "$base_url"
        measure "$WORK/$tag-gh.$round.wrk" "$gh_pid" "$gh_url" "${auth[@]}"
    done
}

# compare_auth PID URL: Bearer and Basic on the same endpoint of the same server, a warm-up
# of each (Basic's first request hashes once), then ROUNDS alternating measured runs into
# $WORK/auth-bearer.N.wrk and $WORK/auth-basic.N.wrk.
compare_auth() {
    local pid=$1 url=$2 round
    local bearer=(-H "Authorization: Bearer $TOKEN")
    local basic=(-H "Authorization: Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)")
    run_wrk "$WORK/auth-bearer.warmup" "$WARMUP" "$CONNECTIONS" "$url" "${bearer[@]}"
    run_wrk "$WORK/auth-basic.warmup" "$WARMUP" "$CONNECTIONS" "$url" "${basic[@]}"
    for round in $(seq "$ROUNDS"); do
        measure "$WORK/auth-bearer.$round.wrk" "$pid" "$url" "${bearer[@]}"
        measure "$WORK/auth-basic.$round.wrk" "$pid" "$url" "${basic[@]}"
    done
}

# Figures out of a wrk report.
requests_per_second() { awk '/^Requests\/sec:/{printf "%.0f", $2}' "$1"; }
requests_total() { awk '/ requests in /{print $1}' "$1"; }
# server_load FILE: the server's CPU time over the run's duration, in % of one core; under 100
# the server was not the bottleneck (other work on the machine, or the load generator, was).
server_load() {
    awk -v t="$(cat "${1%.wrk}.cpu")" -v hz="$CLOCK_TICKS" -v d="$DURATION" 'BEGIN{ printf "%.0f", t * 100 / hz / d }'
}

# cpu_per_request FILE: the server's CPU microseconds per answered request in that run.
cpu_per_request() {
    awk -v t="$(cat "${1%.wrk}.cpu")" -v n="$(requests_total "$1")" -v hz="$CLOCK_TICKS" \
        'BEGIN{ if (n > 0) printf "%.1f", t * 1e6 / hz / n; else print "n/a" }'
}
non_2xx() { awk '/Non-2xx or 3xx responses:/{n = $NF} END{print n + 0}' "$1"; }
socket_errors() { awk -F'[ ,]+' '/Socket errors:/{n = $5 + $7 + $9 + $11} END{print n + 0}' "$1"; }
# percentile FILE 50|99: latency in milliseconds (wrk prints us, ms, s or m).
percentile() {
    awk -v p="$2%" '$1 == p {
        v = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u)
        if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000
        printf "%.2f", v; exit }' "$1"
}
status_count() { awk -v s="$2" '$1 == "status" && $2 == s {n = $3} END{print n + 0}' "$1"; }

median() { sort -n | awk '{v[NR] = $1} END{print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# median_rps PREFIX: the median req/s over PREFIX.N.wrk; INVALID if any run saw a non-2xx
# answer or a socket error (a refused request is no throughput).
median_rps() {
    local file
    for file in "$1".*.wrk; do
        (($(non_2xx "$file") + $(socket_errors "$file") == 0)) || { echo INVALID; return; }
    done
    for file in "$1".*.wrk; do
        requests_per_second "$file"
        echo
    done | median | awk '{printf "%.0f", $1}'
}

median_cpu() {
    local file
    for file in "$1".*.wrk; do
        cpu_per_request "$file"
        echo
    done | median | awk '{printf "%.1f", $1}'
}

round_ratios() {
    local round ratios=()
    for round in $(seq "$ROUNDS"); do
        ratios+=("$(ratio "$(requests_per_second "$WORK/$1-gh.$round.wrk")" \
            "$(requests_per_second "$WORK/$1-base.$round.wrk")")")
    done
    echo "${ratios[*]}"
}

# cpu_ratio TAG: the baseline's CPU per request over Gatehouse's (1.00 = as cheap as the baseline).
cpu_ratio() {
    awk -v g="$(median_cpu "$WORK/$1-gh")" -v b="$(median_cpu "$WORK/$1-base")" \
        'BEGIN{ if (g > 0) printf "%.2f", b / g; else print "n/a" }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/ && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN{ print (a != "n/a" && a >= b) ? "PASS" : "MISS" }'; }
below() { awk -v a="$1" -v b="$2" 'BEGIN{ print (a != "" && a < b) ? "PASS" : "MISS" }'; }
mb() { awk -v k="$1" 'BEGIN{ printf "%.1f MB", k / 1024 }'; }
rss_verdict() { if (($1 <= RSS_TARGET_KB)); then echo PASS; else echo MISS; fi; }

# shellcheck source=tests/bench/nginx.sh
source "$BENCH_DIR/nginx.sh"
# shellcheck source=tests/bench/metrics.sh
source "$BENCH_DIR/metrics.sh"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Gatehouse load benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "pinning: $PINNING; wrk -t1 -c$CONNECTIONS, $ROUNDS alternating rounds of ${DURATION}s per server"
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN{ exit !(l > 0.5) }'; then
    echo "note: load average $LOAD_BEFORE before the run: other work on this machine makes the figures noisy"
fi
# Random letters and digits: no dictionary word for the password policy to refuse.
PASSWORD=$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(24)) + "#9")')

# --- Plain HTTP: throughput, then the login storm ------------------------------------------
echo "[1/4] plain HTTP: gatehoused vs the bare QHttpServer"
start_gatehoused gatehoused-http --http
GH_HTTP_PID=$SERVER_PID
GH_HTTP_URL=$SERVER_URL
sleep 1
RSS_HTTP_START=$(rss_kb "$GH_HTTP_PID")
set_admin_password "$GH_HTTP_URL"
login "$GH_HTTP_URL"
start_server baseline-http "$BASELINE" 0
BASE_HTTP_PID=$SERVER_PID
sleep 1
RSS_BASE_HTTP_START=$(rss_kb "$BASE_HTTP_PID")
compare http "$BASE_HTTP_PID" "$SERVER_URL/session" "$GH_HTTP_PID" "$GH_HTTP_URL/flex/auth/session"
sleep 2
RSS_BASE_HTTP_END=$(rss_kb "$BASE_HTTP_PID")
PEAK_BASE_HTTP=$(peak_rss_kb "$BASE_HTTP_PID")
stop_process "$BASE_HTTP_PID"

echo "[1b/4] plain HTTP: Basic vs Bearer on GET /api/me"
login "$GH_HTTP_URL"
compare_auth "$GH_HTTP_PID" "$GH_HTTP_URL/api/me"

echo "[1c/4] plain HTTP: metrics on vs off"
metrics_compare "$GH_HTTP_PID" "$GH_HTTP_URL"

echo "[2/4] /flex/health latency, quiet and during a login storm"
run_wrk "$WORK/health-quiet.wrk" "$DURATION" "$HEALTH_CONNECTIONS" "$GH_HTTP_URL/flex/health"
# The storm runs 2 s longer and the health probe starts 1 s in, so every probe meets the storm.
start_wrk "$WORK/storm.wrk" $((DURATION + 2)) "$CONNECTIONS" "$GH_HTTP_URL/flex/auth/login" \
    --timeout 10s -s "$BENCH_DIR/loginstorm.lua"
STORM_PID=$WRK_PID
sleep 1
run_wrk "$WORK/health-storm.wrk" "$DURATION" "$HEALTH_CONNECTIONS" "$GH_HTTP_URL/flex/health"
wait_wrk "$STORM_PID" "$WORK/storm.wrk"
sleep 2
RSS_HTTP_END=$(rss_kb "$GH_HTTP_PID")
PEAK_HTTP=$(peak_rss_kb "$GH_HTTP_PID")
stop_process "$GH_HTTP_PID"

# --- TLS: the same throughput comparison ------------------------------------------------------
echo "[3/4] TLS: gatehoused vs the bare QHttpServer with gatehoused's certificate"
start_gatehoused gatehoused-tls
GH_TLS_PID=$SERVER_PID
GH_TLS_URL=$SERVER_URL
sleep 1
RSS_TLS_START=$(rss_kb "$GH_TLS_PID")
login "$GH_TLS_URL"
start_server baseline-tls "$BASELINE" --tls "$DATA_DIR/tls/cert.pem" "$DATA_DIR/tls/key.pem" 0
BASE_TLS_PID=$SERVER_PID
sleep 1
RSS_BASE_TLS_START=$(rss_kb "$BASE_TLS_PID")
compare tls "$BASE_TLS_PID" "$SERVER_URL/session" "$GH_TLS_PID" "$GH_TLS_URL/flex/auth/session"
sleep 2
RSS_TLS_END=$(rss_kb "$GH_TLS_PID")
PEAK_TLS=$(peak_rss_kb "$GH_TLS_PID")
RSS_BASE_TLS_END=$(rss_kb "$BASE_TLS_PID")
PEAK_BASE_TLS=$(peak_rss_kb "$BASE_TLS_PID")
stop_process "$BASE_TLS_PID"
stop_process "$GH_TLS_PID"

echo "[3b/4] nginx: forward-auth with an API token vs the same location without auth"
nginx_compare
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Report -----------------------------------------------------------------------------------
echo "[4/4] report"
echo
GH_HTTP_RPS=$(median_rps "$WORK/http-gh")
BASE_HTTP_RPS=$(median_rps "$WORK/http-base")
GH_TLS_RPS=$(median_rps "$WORK/tls-gh")
BASE_TLS_RPS=$(median_rps "$WORK/tls-base")
HTTP_RATIO=$(ratio "$GH_HTTP_RPS" "$BASE_HTTP_RPS")
TLS_RATIO=$(ratio "$GH_TLS_RPS" "$BASE_TLS_RPS")
STORM_P99=$(percentile "$WORK/health-storm.wrk" 99)
LOGINS_400=$(status_count "$WORK/storm.wrk" 400)
LOGINS_503=$(status_count "$WORK/storm.wrk" 503)
LOGINS_ALL=$(awk '$1 == "status" {n += $3} END{print n + 0}' "$WORK/storm.wrk")
LOGINS_OTHER=$((LOGINS_ALL - LOGINS_400 - LOGINS_503))
BUSY_NO_RETRY=$(awk '$1 == "busy_without_retry_after" {n = $2} END{print n + 0}' "$WORK/storm.wrk")
CPU_MODEL=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
BEARER_RPS=$(median_rps "$WORK/auth-bearer")
BASIC_RPS=$(median_rps "$WORK/auth-basic")
BASIC_RATIO=$(ratio "$BASIC_RPS" "$BEARER_RPS")
BASIC_CPU_RATIO=$(awk -v g="$(median_cpu "$WORK/auth-basic")" -v b="$(median_cpu "$WORK/auth-bearer")" \
    'BEGIN{ if (g > 0) printf "%.2f", b / g; else print "n/a" }')

run_rows() {
    local tag run round file
    for tag in http tls; do
        for round in $(seq "$ROUNDS"); do
            for run in gh base; do
                file=$WORK/$tag-$run.$round.wrk
                echo "| $tag $([[ $run == gh ]] && echo gatehoused || echo baseline) $round |" \
                    "$(requests_per_second "$file") | $(cpu_per_request "$file") | $(server_load "$file") |" \
                    "$(percentile "$file" 50) |" \
                    "$(percentile "$file" 99) | $(non_2xx "$file") | $(socket_errors "$file") |"
            done
        done
    done
}

report() {
    cat <<EOF
# Gatehouse load benchmark — latest run

- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); Gatehouse $("$GATEHOUSED" --version | awk '{print $2}'); $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}')
- machine: $(nproc) cores, ${CPU_MODEL:-unknown CPU}, kernel $(uname -r); load average before $LOAD_BEFORE, after $LOAD_AFTER
- pinning: $PINNING
- load: \`wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency\`, keep-alive, loopback only; after a ${WARMUP}s warm-up of
  each server, $ROUNDS alternating rounds per server; the table shows the median round

## 1. Protected request throughput

Gatehouse: \`GET /flex/auth/session\` with \`Authorization: Bearer <flex token>\` (signature check,
session look-up, JSON answer). Baseline: bare QHttpServer 6.4 \`GET /session\` answering the same
JSON bytes as a constant with its content type named (no MIME sniffing): the honest ceiling.

| transport | Gatehouse req/s | baseline req/s | ratio | ratio per round | target | result |
|---|---:|---:|---:|---|---|---|
| plain HTTP | $GH_HTTP_RPS | $BASE_HTTP_RPS | $HTTP_RATIO | $(round_ratios http) | >= $THROUGHPUT_TARGET | $(at_least "$HTTP_RATIO" "$THROUGHPUT_TARGET") |
| TLS | $GH_TLS_RPS | $BASE_TLS_RPS | $TLS_RATIO | $(round_ratios tls) | >= $THROUGHPUT_TARGET | $(at_least "$TLS_RATIO" "$THROUGHPUT_TARGET") |

Server CPU time per request (user + system, from /proc/PID/stat; the median round). On a
saturated core req/s is its inverse, so baseline / Gatehouse is the throughput ratio the
server itself allows, and it moves much less than req/s with other work on the machine:

| transport | Gatehouse µs/request | baseline µs/request | baseline / Gatehouse | target | result |
|---|---:|---:|---:|---|---|
| plain HTTP | $(median_cpu "$WORK/http-gh") | $(median_cpu "$WORK/http-base") | $(cpu_ratio http) | >= $THROUGHPUT_TARGET | $(at_least "$(cpu_ratio http)" "$THROUGHPUT_TARGET") |
| TLS | $(median_cpu "$WORK/tls-gh") | $(median_cpu "$WORK/tls-base") | $(cpu_ratio tls) | >= $THROUGHPUT_TARGET | $(at_least "$(cpu_ratio tls)" "$THROUGHPUT_TARGET") |

"server CPU %" below is the server's share of one core during the run: well under 100, the
server was starved or waiting (other work on the machine), and req/s understates both servers.

| run | req/s | CPU µs/request | server CPU % | p50 ms | p99 ms | non-2xx | socket errors |
|---|---:|---:|---:|---:|---:|---:|---:|
$(run_rows)

## 2. Login storm

$CONNECTIONS clients post wrong-password logins to \`/flex/auth/login\` for $((DURATION + 2)) s
(MAX_LOGIN_ATTEMPTS=0: failures never lock); meanwhile \`wrk -c$HEALTH_CONNECTIONS\` measures \`GET /flex/health\`.

| figure | value | target | result |
|---|---:|---|---|
| /flex/health p50 during the storm | $(percentile "$WORK/health-storm.wrk" 50) ms | | |
| /flex/health p99 during the storm | $STORM_P99 ms | < $HEALTH_P99_TARGET_MS ms | $(below "$STORM_P99" "$HEALTH_P99_TARGET_MS") |
| /flex/health p50 / p99, quiet | $(percentile "$WORK/health-quiet.wrk" 50) / $(percentile "$WORK/health-quiet.wrk" 99) ms | | |
| /flex/health req/s during the storm (quiet) | $(requests_per_second "$WORK/health-storm.wrk") ($(requests_per_second "$WORK/health-quiet.wrk")) | | |
| logins answered | $LOGINS_ALL ($(requests_per_second "$WORK/storm.wrk")/s), p50 $(percentile "$WORK/storm.wrk" 50) ms | | |
| 400 Invalid password | $LOGINS_400 | | |
| 503 busy (hash queue full) | $LOGINS_503 (without Retry-After: $BUSY_NO_RETRY) | Retry-After on each | $( ((BUSY_NO_RETRY == 0)) && echo PASS || echo MISS) |
| other statuses | $LOGINS_OTHER | 0 | $( ((LOGINS_OTHER == 0)) && echo PASS || echo MISS) |
| login socket errors | $(socket_errors "$WORK/storm.wrk") | | |

## 3. HTTP Basic vs Bearer

Same gatehoused, same account, \`GET /api/me\`, alternating rounds (plain HTTP). Peers that hash
the password on every Basic request manage about 8 requests/s.

| figure | Bearer | Basic | Basic / Bearer | target | result |
|---|---:|---:|---:|---|---|
| req/s (median round) | $BEARER_RPS | $BASIC_RPS | $BASIC_RATIO | >= $BASIC_TARGET | $(at_least "$BASIC_RATIO" "$BASIC_TARGET") |
| server CPU µs/request | $(median_cpu "$WORK/auth-bearer") | $(median_cpu "$WORK/auth-basic") | $BASIC_CPU_RATIO | >= $BASIC_TARGET | $(at_least "$BASIC_CPU_RATIO" "$BASIC_TARGET") |

## 4. Resident memory (VmRSS)

| process | after start-up | result | after the runs | result | peak (VmHWM) |
|---|---:|---|---:|---|---:|
| gatehoused --http (target <= $(mb $RSS_TARGET_KB)) | $(mb "$RSS_HTTP_START") | $(rss_verdict "$RSS_HTTP_START") | $(mb "$RSS_HTTP_END") | $(rss_verdict "$RSS_HTTP_END") | $(mb "$PEAK_HTTP") |
| gatehoused, TLS (target <= $(mb $RSS_TARGET_KB)) | $(mb "$RSS_TLS_START") | $(rss_verdict "$RSS_TLS_START") | $(mb "$RSS_TLS_END") | $(rss_verdict "$RSS_TLS_END") | $(mb "$PEAK_TLS") |
| baseline, plain HTTP (reference) | $(mb "$RSS_BASE_HTTP_START") | | $(mb "$RSS_BASE_HTTP_END") | | $(mb "$PEAK_BASE_HTTP") |
| baseline, TLS (reference) | $(mb "$RSS_BASE_TLS_START") | | $(mb "$RSS_BASE_TLS_END") | | $(mb "$PEAK_BASE_TLS") |
EOF
}

raw_outputs() {
    local file
    printf '\n## Raw wrk output\n'
    for file in "$WORK"/*.wrk; do
        printf '\n### %s\n\n```\n' "$(basename "$file" .wrk)"
        cat "$file"
        printf '```\n'
    done
}

mkdir -p "$RESULTS_DIR"
{ report; nginx_report; metrics_report; } | tee "$RESULTS_DIR/latest.md"
raw_outputs >>"$RESULTS_DIR/latest.md"
echo
echo "written: $RESULTS_DIR/latest.md"
