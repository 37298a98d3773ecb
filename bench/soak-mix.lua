-- wrk script for the soak of bench/scale-bench.sh: each connection cycles through what a
-- crowd asks for, anonymous and signed in, across many pages of the big group's feed.
-- Environment: BENCH_COOKIE (the signed-in member's Cookie header), BENCH_ROTATION.
local cookie = os.getenv("BENCH_COOKIE") or ""
local rotation = os.getenv("BENCH_ROTATION") or "0"
local anonymous = { ["Accept-Encoding"] = "gzip" }
local member = { ["Accept-Encoding"] = "gzip", ["Cookie"] = cookie }
local n = 0

request = function()
  n = n + 1
  local page = n % 100
  local step = n % 8
  if step == 0 then
    return wrk.format("GET", "/g/big", anonymous)
  elseif step == 1 then
    return wrk.format("GET", "/g/big?page=" .. page .. "&rotation=" .. rotation, anonymous)
  elseif step == 2 then
    return wrk.format("GET", "/g/small", anonymous)
  elseif step == 3 then
    return wrk.format("GET", "/api/v1/groups/big/requests?page=" .. page .. "&rotation=" .. rotation, anonymous)
  elseif step == 4 then
    return wrk.format("GET", "/g/big", member)
  elseif step == 5 then
    return wrk.format("GET", "/queue?group=big", member)
  elseif step == 6 then
    return wrk.format("GET", "/login", anonymous)
  else
    return wrk.format("GET", "/api/v1/groups/small/requests", anonymous)
  end
end
