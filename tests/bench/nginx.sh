# shellcheck shell=bash
# Forward-auth through nginx, sourced by run.sh (uses its helpers: start_server, run_wrk, cpu_ticks,
# median_rps, ...). One nginx (Debian's nginx-light) serves the same API on two ports:
#
#   auth port: `auth_request` to gatehoused's /auth/verify with the directives of the site in
#              docs/FORWARD-AUTH.md (keep-alive to gatehoused: `upstream gatehouse { keepalive 32; }`);
#   open port: the same location without auth_request.
#
# The API is nginx itself (`return 200` on a unix socket, reached through a keep-alive upstream
# from both ports), so no third process takes CPU time and the ratio shows the whole cost of
# forward-auth next to an API that does almost nothing. wrk drives `GET /pages/x` on both
# ports in alternating rounds, with an API token holding page:read on the auth port.
# A third port, cached: the same auth_request, its 200 answers kept by nginx for
# NGINX_CACHE_VALID keyed on the Authorization header, method and URI (docs/FORWARD-AUTH.md,
# "Tuning"): the price is that a revoked credential passes for up to that long.
# gatehoused: plain HTTP over loopback (as the documented example), token bucket off.
# nginx and gatehoused share the server core; the reported CPU time is the two together.

NGINX_BIN=/usr/sbin/nginx
NGINX_RULES="GET /pages page:read; POST /pages page:write"
NGINX_STATUS=skipped # or measured
NGINX_CACHE_VALID=1s

# The nginx configuration: the documented site on the auth port, the same site with its
# answers cached on the cached port, the same proxying without auth_request on the open port,
# and the API on a unix socket. Every file under $1.
nginx_configuration() {
    local dir=$1 gatehouse=$2 auth_port=$3 open_port=$4 cached_port=$5
    local cache="            proxy_cache gatehouse_auth;
            proxy_cache_key \"\$http_authorization \$request_method \$request_uri\";
            proxy_cache_valid 200 $NGINX_CACHE_VALID;
            proxy_ignore_headers Cache-Control Expires;
"
    {
        nginx_head
        nginx_auth_server "$auth_port" /_gatehouse_verify ""
        nginx_auth_server "$cached_port" /_gatehouse_verify_cached "$cache"
        nginx_tail
    } | sed -e "s|@DIR@|$dir|g" -e "s|@GATEHOUSE@|$gatehouse|g" -e "s|@OPEN_PORT@|$open_port|g"
}

nginx_head() {
    cat <<'EOF'
daemon off;
master_process off;
pid @DIR@/nginx.pid;
error_log @DIR@/error.log warn;

events {
    worker_connections 1024;
}

http {
    access_log off;
    client_body_temp_path @DIR@/client_body;
    proxy_temp_path @DIR@/proxy;
    fastcgi_temp_path @DIR@/fastcgi;
    uwsgi_temp_path @DIR@/uwsgi;
    scgi_temp_path @DIR@/scgi;
    default_type text/plain;
    proxy_cache_path @DIR@/authcache levels=1 keys_zone=gatehouse_auth:1m max_size=16m inactive=10s;

    upstream gatehouse {
        server @GATEHOUSE@;
        keepalive 32;
    }

    upstream protected_api {
        server unix:@DIR@/api.sock;
        keepalive 32;
    }

    server {
        listen unix:@DIR@/api.sock;
        location / {
            return 200 "page $request_method $request_uri\n";
        }
    }

EOF
}

# nginx_auth_server PORT VERIFY-LOCATION CACHE-DIRECTIVES: the documented protected site.
nginx_auth_server() {
    local text
    text=$(cat <<'EOF'
    server {
        listen 127.0.0.1:@PORT@;

        location / {
            auth_request @VERIFY@;
            auth_request_set $auth_user $upstream_http_x_auth_user;
            auth_request_set $auth_role $upstream_http_x_auth_role;
            auth_request_set $auth_method $upstream_http_x_auth_method;

            proxy_set_header X-Auth-User $auth_user;
            proxy_set_header X-Auth-Role $auth_role;
            proxy_set_header X-Auth-Method $auth_method;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_pass http://protected_api;
        }

        location = @VERIFY@ {
            internal;
@CACHE@            proxy_pass http://gatehouse/auth/verify;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_set_header X-Original-Method $request_method;
            proxy_set_header X-Original-URI $request_uri;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }
    }
EOF
)
    text=${text//@PORT@/$1}
    text=${text//@VERIFY@/$2}
    printf '%s\n\n' "${text//@CACHE@/$3}"
}

nginx_tail() {
    cat <<'EOF'
    server {
        listen 127.0.0.1:@OPEN_PORT@;

        location / {
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_pass http://protected_api;
        }
    }
}
EOF
}

# Three free TCP ports on 127.0.0.1 (bound and released at once; nginx binds them a moment later).
free_ports() {
    python3 -c 'import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))'
}

# start_nginx DIR: runs nginx on DIR/nginx.conf in the foreground (one process, pinned with the
# servers) and waits for its pid file, written once it listens; sets NGINX_PID.
start_nginx() {
    local dir=$1
    "${SERVER_PIN[@]}" "$NGINX_BIN" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/output.log" 2>&1 &
    NGINX_PID=$!
    STARTED+=("$NGINX_PID")
    for _ in $(seq 100); do
        [[ $(cat "$dir/nginx.pid" 2>/dev/null) == "$NGINX_PID" ]] && return 0
        kill -0 "$NGINX_PID" 2>/dev/null || break
        sleep 0.1
    done
    tail -n 20 "$dir/error.log" >&2
    fail "nginx did not start"
}

# nginx_measure OUTPUT URL [wrk args]: one measured run; OUTPUT.cpu gets nginx's and gatehoused's
# CPU ticks together, OUTPUT.gh.cpu gatehoused's alone.
nginx_measure() {
    local output=$1 url=$2 nginx_before gh_before
    shift 2
    nginx_before=$(cpu_ticks "$NGINX_PID")
    gh_before=$(cpu_ticks "$NGINX_GH_PID")
    run_wrk "$output" "$DURATION" "$CONNECTIONS" "$url" "$@"
    local gh
    gh=$(($(cpu_ticks "$NGINX_GH_PID") - gh_before))
    echo "$gh" >"${output%.wrk}.gh.cpu"
    echo $(($(cpu_ticks "$NGINX_PID") - nginx_before + gh)) >"${output%.wrk}.cpu"
}

# nginx_check NAME EXPECTED URL [curl args]: the scenario answers as configured before it is timed.
nginx_check() {
    local name=$1 expected=$2 url=$3 status
    shift 3
    status=$(http_status GET "$url" "$@")
    [[ $status == "$expected" ]] || fail "nginx $name answered $status, expected $expected"
}

# The scenario: gatehoused with an admin password and an API token (page:read), nginx in front,
# then a warm-up of each port and ROUNDS alternating measured runs into $WORK/nginx-base.N.wrk
# (no auth) and $WORK/nginx-gh.N.wrk (forward-auth).
nginx_compare() {
    if [[ ! -x $NGINX_BIN ]]; then
        echo "  $NGINX_BIN is missing (Debian nginx-light): skipped"
        return 0
    fi
    local data=$WORK/nginx-data dir=$WORK/nginx round token
    mkdir -p "$data" "$dir"
    local env=(env GATEHOUSE_KEYSTORE=file GLOBAL_RATE_LIMIT_RPS=0 "GATEHOUSE_RESOURCES=redirect,page,agent"
        "GATEHOUSE_FORWARD_AUTH_RULES=$NGINX_RULES" GATEHOUSE_TRUSTED_PROXIES=127.0.0.1)
    # With no admin password every request would pass as the anonymous admin: set one first.
    printf '%s\n' "$PASSWORD" | "${env[@]}" "$GATEHOUSED" passwd --data-dir "$data" >/dev/null 2>&1 \
        || fail "gatehoused passwd failed"
    token=$("${env[@]}" "$GATEHOUSED" tokens create --name bench --perm page:read --data-dir "$data" 2>/dev/null) \
        || fail "gatehoused tokens create failed"
    start_server gatehoused-nginx "${env[@]}" "$GATEHOUSED" --http --listen 127.0.0.1:0 --data-dir "$data"
    NGINX_GH_PID=$SERVER_PID
    local auth_port open_port cached_port
    read -r auth_port open_port cached_port < <(free_ports)
    nginx_configuration "$dir" "${SERVER_URL#http://}" "$auth_port" "$open_port" "$cached_port" >"$dir/nginx.conf"
    start_nginx "$dir"
    local auth_url=http://127.0.0.1:$auth_port/pages/x open_url=http://127.0.0.1:$open_port/pages/x
    local cached_url=http://127.0.0.1:$cached_port/pages/x
    local auth=(-H "Authorization: Bearer $token")
    nginx_check "without a credential" 401 "$auth_url"
    nginx_check "with the token" 200 "$auth_url" "${auth[@]}"
    nginx_check "without auth_request" 200 "$open_url"
    nginx_check "cached, with the token" 200 "$cached_url" "${auth[@]}"
    nginx_check "cached, without a credential" 401 "$cached_url"
    run_wrk "$WORK/nginx-base.warmup" "$WARMUP" "$CONNECTIONS" "$open_url"
    run_wrk "$WORK/nginx-gh.warmup" "$WARMUP" "$CONNECTIONS" "$auth_url" "${auth[@]}"
    run_wrk "$WORK/nginx-cached.warmup" "$WARMUP" "$CONNECTIONS" "$cached_url" "${auth[@]}"
    for round in $(seq "$ROUNDS"); do
        nginx_measure "$WORK/nginx-base.$round.wrk" "$open_url"
        nginx_measure "$WORK/nginx-gh.$round.wrk" "$auth_url" "${auth[@]}"
        nginx_measure "$WORK/nginx-cached.$round.wrk" "$cached_url" "${auth[@]}"
    done
    NGINX_GH_RSS_KB=$(rss_kb "$NGINX_GH_PID")
    stop_process "$NGINX_PID"
    stop_process "$NGINX_GH_PID"
    NGINX_STATUS=measured
}

# gatehoused's share of the CPU time per request of the forward-auth runs (median round);
# $1 the series (default nginx-gh).
nginx_gatehouse_cpu() {
    local file
    for file in "$WORK"/"${1:-nginx-gh}".*.wrk; do
        awk -v t="$(cat "${file%.wrk}.gh.cpu")" -v n="$(requests_total "$file")" -v hz="$CLOCK_TICKS" \
            'BEGIN{ if (n > 0) printf "%.1f\n", t * 1e6 / hz / n; else print "n/a" }'
    done | median | awk '{printf "%.1f", $1}'
}

nginx_rows() {
    local round run file
    for round in $(seq "$ROUNDS"); do
        for run in gh cached base; do
            file=$WORK/nginx-$run.$round.wrk
            echo "| $(case $run in gh) echo "forward-auth" ;; cached) echo "cached $NGINX_CACHE_VALID" ;; *) echo "no auth" ;; esac) $round |" \
                "$(requests_per_second "$file") | $(cpu_per_request "$file") | $(server_load "$file") |" \
                "$(percentile "$file" 50) | $(percentile "$file" 99) | $(non_2xx "$file") | $(socket_errors "$file") |"
        done
    done
}

nginx_report() {
    printf '\n## 5. Forward-auth through nginx\n\n'
    if [[ $NGINX_STATUS != measured ]]; then
        echo "Skipped: $NGINX_BIN is not installed (Debian nginx-light)."
        return 0
    fi
    local gh_rps base_rps
    gh_rps=$(median_rps "$WORK/nginx-gh")
    base_rps=$(median_rps "$WORK/nginx-base")
    cat <<EOF
\`GET /pages/x\` through $("$NGINX_BIN" -v 2>&1 | awk -F': ' '{print $2}') (one process, \`master_process off\`): with
\`auth_request\` to gatehoused \`/auth/verify\` (API token with page:read; rules \`$NGINX_RULES\`;
keep-alive upstream) vs the same location without auth_request. The API behind both is nginx's own
\`return 200\` on a unix socket. nginx and gatehoused share the server core; CPU time is both together.

| figure | forward-auth | no auth | ratio | ratio per round |
|---|---:|---:|---:|---|
| req/s (median round) | $gh_rps | $base_rps | $(ratio "$gh_rps" "$base_rps") | $(round_ratios nginx) |
| CPU µs/request (nginx + gatehoused) | $(median_cpu "$WORK/nginx-gh") | $(median_cpu "$WORK/nginx-base") | $(cpu_ratio nginx) | |
| of which gatehoused | $(nginx_gatehouse_cpu) | | | |
| cached for $NGINX_CACHE_VALID: req/s | $(median_rps "$WORK/nginx-cached") | | $(ratio "$(median_rps "$WORK/nginx-cached")" "$base_rps") | |
| cached: CPU µs/request (of which gatehoused) | $(median_cpu "$WORK/nginx-cached") ($(nginx_gatehouse_cpu nginx-cached)) | | | |

gatehoused VmRSS after the runs: $(mb "$NGINX_GH_RSS_KB").

| run | req/s | CPU µs/request | servers' CPU % | p50 ms | p99 ms | non-2xx | socket errors |
|---|---:|---:|---:|---:|---:|---:|---:|
$(nginx_rows)
EOF
}
