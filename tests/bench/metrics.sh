# shellcheck shell=bash
# Metrics on vs off, sourced by run.sh (uses its helpers: start_gatehoused, measure, median_rps,
# median_cpu, ...). A second gatehoused with GATEHOUSE_METRICS=false serves the same data
# directory (the same database and keys, so the same bearer token); wrk drives
# `GET /flex/auth/session` on both in alternating rounds. The difference is the whole cost of
# counting: the request's timestamps, a status and latency bucket, the authentication's outcome.

# metrics_compare PID URL: PID/URL is the gatehoused with metrics on, already logged in (TOKEN).
metrics_compare() {
    local on_pid=$1 on_url=$2 off_pid off_url round
    local bearer=(-H "Authorization: Bearer $TOKEN")
    # Started after the login, so its cache holds the session from the start.
    GATEHOUSE_METRICS=false start_gatehoused gatehoused-nometrics --http
    off_pid=$SERVER_PID
    off_url=$SERVER_URL
    run_wrk "$WORK/metrics-on.warmup" "$WARMUP" "$CONNECTIONS" "$on_url/flex/auth/session" "${bearer[@]}"
    run_wrk "$WORK/metrics-off.warmup" "$WARMUP" "$CONNECTIONS" "$off_url/flex/auth/session" "${bearer[@]}"
    for round in $(seq "$ROUNDS"); do
        measure "$WORK/metrics-on.$round.wrk" "$on_pid" "$on_url/flex/auth/session" "${bearer[@]}"
        measure "$WORK/metrics-off.$round.wrk" "$off_pid" "$off_url/flex/auth/session" "${bearer[@]}"
    done
    stop_process "$off_pid"
}

metrics_report() {
    local on_rps off_rps on_cpu off_cpu
    on_rps=$(median_rps "$WORK/metrics-on")
    off_rps=$(median_rps "$WORK/metrics-off")
    on_cpu=$(median_cpu "$WORK/metrics-on")
    off_cpu=$(median_cpu "$WORK/metrics-off")
    cat <<EOF

## 6. Metrics on vs off

Same data directory and bearer token, \`GET /flex/auth/session\`, alternating rounds (plain HTTP):
gatehoused as run (metrics on) vs a second one with \`GATEHOUSE_METRICS=false\`.

| figure | metrics on | metrics off | on / off |
|---|---:|---:|---:|
| req/s (median round) | $on_rps | $off_rps | $(ratio "$on_rps" "$off_rps") |
| server CPU µs/request | $on_cpu | $off_cpu | $(awk -v a="$on_cpu" -v b="$off_cpu" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }') |
EOF
}
