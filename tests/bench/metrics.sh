# shellcheck shell=bash
# Metrics on vs off, sourced by run.sh (uses its helpers: start_gatehoused, measure, median_rps,
# median_cpu, ...). A second gatehoused with GATEHOUSE_METRICS=false gets a data directory of
# its own (sharing one would make each reload the other's changes every second) and its own
# login; wrk drives `GET /flex/auth/session` on both in alternating rounds. The difference is the
# whole cost of counting: a clock read, a status and latency bucket, the authentication's outcome.

# metrics_compare PID URL: PID/URL is the gatehoused with metrics on, already logged in (TOKEN).
metrics_compare() {
    local on_pid=$1 on_url=$2 off_pid off_url round
    local on=(-H "Authorization: Bearer $TOKEN")
    mkdir -p "$WORK/nometrics-data"
    GATEHOUSE_METRICS=false start_gatehoused gatehoused-nometrics --http --data-dir "$WORK/nometrics-data"
    off_pid=$SERVER_PID
    off_url=$SERVER_URL
    set_admin_password "$off_url"
    login "$off_url"
    local off=(-H "Authorization: Bearer $TOKEN")
    run_wrk "$WORK/metrics-on.warmup" "$WARMUP" "$CONNECTIONS" "$on_url/flex/auth/session" "${on[@]}"
    run_wrk "$WORK/metrics-off.warmup" "$WARMUP" "$CONNECTIONS" "$off_url/flex/auth/session" "${off[@]}"
    for round in $(seq "$ROUNDS"); do
        measure "$WORK/metrics-on.$round.wrk" "$on_pid" "$on_url/flex/auth/session" "${on[@]}"
        measure "$WORK/metrics-off.$round.wrk" "$off_pid" "$off_url/flex/auth/session" "${off[@]}"
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

\`GET /flex/auth/session\` with a bearer token, alternating rounds (plain HTTP): gatehoused as run
(metrics on) vs a second one with \`GATEHOUSE_METRICS=false\` on a data directory of its own.

| figure | metrics on | metrics off | on / off |
|---|---:|---:|---:|
| req/s (median round) | $on_rps | $off_rps | $(ratio "$on_rps" "$off_rps") |
| server CPU µs/request | $on_cpu | $off_cpu | $(awk -v a="$on_cpu" -v b="$off_cpu" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }') |
EOF
}
