-- wrk script shared by every load scenario of bench/run.sh.
--
--   wrk ... -s bench/lua/wrk.lua http://127.0.0.1:PORT/snapshots?limit=100
--       sends the URL's one request (wrk's fast static mode);
--   wrk ... -s bench/lua/wrk.lua http://127.0.0.1:PORT -- paths.txt
--       cycles through the request paths in paths.txt (one per line, e.g. /snapshots?status=failed),
--       each thread starting at a different place in the list.
--
-- done() prints one machine-readable line for bench/bench.py:
--   BENCH_RESULT {"requests":...,"duration_us":...,"p50_us":...,"p99_us":...,...}

local thread_count = 0

function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  if args[1] == nil then
    return -- static mode: no request() function, wrk sends the URL given on its command line
  end
  local paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no request paths in " .. args[1])
  end
  -- Spread the threads over the list so they do not ask for the same URL in lockstep.
  local next_index = (thread_id * 37) % #paths
  request = function()
    next_index = next_index % #paths + 1
    return wrk.format("GET", paths[next_index])
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,'
      .. '"max_us":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"non_2xx_3xx":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
