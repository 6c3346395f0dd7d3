#!/bin/sh
# Numbers, money and dates in French and English (format.c), through the
# unit harness: U+202F thousands in French, "1er", leap years.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/unit/lua_driver.sh"
lua_driver_build || exit 0
lua_driver_units format 60
