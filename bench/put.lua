-- wrk script for bench/run http: PUT the body file named by $OPSDECK_BENCH_BODY (B rows × n little-endian
-- float32) as application/octet-stream, the request the http plugin sends. No response() hook: wrk would then
-- hand every reply to Lua, which costs the client time. bench/run checks wrk's "Non-2xx" count instead.
local file = assert(io.open(os.getenv("OPSDECK_BENCH_BODY"), "rb"))
wrk.method = "PUT"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/octet-stream"
wrk.headers["Accept"] = "application/octet-stream"
