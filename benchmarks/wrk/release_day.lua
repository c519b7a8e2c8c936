-- Release day for wrk: every connection mixes slot listings and booking attempts at random slots.
-- Arguments: tenant day listing_share slot_id... ; listing_share 0 = bookings only, 1 = listings only.
-- Or: path /some/path (one GET, e.g. /health, the framework's ceiling).
-- Every answer is counted by status; done() prints one line "VAXDESK_JSON {...}".

local threads = {}

-- A name in letters for a number: every booking attempt is another person (one person books a slot once).
local function letters(n)
  local s = ""
  repeat
    s = string.char(97 + n % 26) .. s
    n = math.floor(n / 26)
  until n == 0
  return s
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  if args[1] == "path" then
    listing = wrk.format("GET", args[2])
    bookings = {}
    listing_share = 1
    return
  end
  tenant = args[1]
  day = args[2]
  listing_share = tonumber(args[3])
  slots = {}
  for i = 4, #args do
    slots[#slots + 1] = args[i]
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  listing = wrk.format("GET", "/v1/public/" .. tenant .. "/slots?day=" .. day .. "&page_size=100")
  bookings = slots
  booking_path = "/v1/public/" .. tenant .. "/bookings"
  family = "Release" .. letters(math.random(0, 456975))  -- this thread's family: four letters of its own
  attempt = 0
end

function request()
  if #bookings == 0 or math.random() < listing_share then
    return listing
  end
  attempt = attempt + 1
  return wrk.format("POST", booking_path, { ["Content-Type"] = "application/json" },
    '{"slot_id":"' .. bookings[math.random(#bookings)] .. '","family_name":"' .. family ..
    '","given_name":"Day' .. letters(attempt) .. '","dob":"1980-01-01"}')
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    parts[#parts + 1] = string.format('"%d":%d', status, n)
  end
  local e = summary.errors
  io.write(string.format(
    'VAXDESK_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"errors":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, table.concat(parts, ",")))
end
