/*
 * init.c: a sandbox ready for a build, as lua.c makes its state: the bare
 * state (sandbox.c), the safe libraries (safe.c), then the pk table, each
 * library adding its functions (as linit.c opens each library): pk.data,
 * pk.check, the text helpers, the document nodes.
 */
#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "lua/internal.h"

struct sandbox *
init_sandbox(const struct site *site, struct diag *dg)
{
	struct sandbox *sb = sandbox_new(site, dg);
	lua_State *L = sb->L;

	safe_open(L);
	lua_newtable(L);
	data_open(L);           /* pk.data */
	schema_open(L);         /* pk.check */
	pklib_open(L);          /* pk.loc, pk.t, pk.number, ... pk.trim */
	ltree_open(L);          /* pk.h, pk.text, pk.id, pk.textwidth */
	vocab_open(L);          /* pk.vocab, pk.label */
	lua_setfield(L, LUA_REGISTRYINDEX, SB_REG_PK);
	return sb;
}
