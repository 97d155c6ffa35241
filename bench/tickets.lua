-- wrk script for the Support tickets benchmark (bench/tickets.sh).
-- MODE = list | open | post | page | page_key; SESSIONS = a Lua file returning
-- { {cookie=..., csrf=..., tickets={...}}, ... } written by bench/prepare_sessions.py.
local sessions = dofile(os.getenv("SESSIONS"))
local mode = os.getenv("MODE") or "list"
local words = { "link", "ссылка", "bot", "оплата", "widget", "invoice", "бот", "balance" }
local thread_no = 0

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("seed", thread_no)
  thread_no = thread_no + 1
end

function init(args)
  math.randomseed(os.time() + seed * 7919)
end

request = function()
  local s = sessions[math.random(#sessions)]
  local ticket = s.tickets[math.random(#s.tickets)]
  if mode == "page" then
    -- The first page of the list, by cookie or (page_key) by API key: the same query,
    -- so the difference is the authentication.
    return wrk.format("GET", "/api/v1/tickets?limit=20", { Cookie = s.cookie })
  elseif mode == "page_key" then
    return wrk.format("GET", "/api/v1/tickets?limit=20", { Authorization = "Bearer " .. s.key })
  elseif mode == "list" then
    local q = words[math.random(#words)]
    return wrk.format("GET", "/api/v1/tickets?status=all&q=" .. urlencode(q) .. "&limit=20",
                      { Cookie = s.cookie })
  elseif mode == "open" then
    return wrk.format("GET", "/api/v1/tickets/" .. ticket .. "/messages?limit=50",
                      { Cookie = s.cookie })
  else
    return wrk.format("POST", "/api/v1/tickets/" .. ticket .. "/messages",
                      { Cookie = s.cookie, ["X-CSRF-Token"] = s.csrf,
                        ["Content-Type"] = "application/json" },
                      '{"body":"Benchmark message: the booking link still opens a blank page."}')
  end
end

local errors = 0
response = function(status, headers, body)
  if status >= 300 then errors = errors + 1 end
end
