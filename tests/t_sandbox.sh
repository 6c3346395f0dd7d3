#!/bin/sh
# The Lua layer: unit tests in-process (tests/unit/test_lua.c against the
# real Lua and libxml2), then every tests/errors/sandbox-*/ project run
# through that layer the way `pactkit build` runs it (site.lua, front
# matter, {component} blocks): exit 1, the expected messages, within 20 s.
# t_errors.sh runs the same projects through the pactkit binary.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/unit/lua_driver.sh"
lua_driver_build || exit 0
lua_driver_units lua 120
lua_driver_cases sandbox
