#!/bin/sh
# pk.check schemas: each tests/errors/schema-*/ project holds one data
# error (missing field, wrong type, out of range, unknown enum value,
# unknown ref, unknown field...) that must be reported at the data file's
# line, with the field's path and what was expected.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/unit/lua_driver.sh"
lua_driver_build || exit 0
lua_driver_cases schema
