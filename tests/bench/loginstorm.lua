-- wrk script for the login storm of tests/bench/run.sh: every request is a wrong-password
-- flex login; the answers are counted by status, and a 503 without Retry-After is counted
-- apart (a full hash queue must answer 503 *with* Retry-After).
wrk.method = "POST"
wrk.body = '{"password":"wrong-password-123"}'
wrk.headers["Content-Type"] = "application/json"

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
    busy_without_retry_after = 0
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    if status == 503 and headers["Retry-After"] == nil and headers["retry-after"] == nil then
        busy_without_retry_after = busy_without_retry_after + 1
    end
end

function done(summary, latency, requests)
    local total = {}
    local missing = 0
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
        missing = missing + thread:get("busy_without_retry_after")
    end
    for status, count in pairs(total) do
        io.write(string.format("status %d %d\n", status, count))
    end
    io.write(string.format("busy_without_retry_after %d\n", missing))
end
