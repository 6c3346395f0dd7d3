/*
 * stop.c: which signal asked the running build to stop (0: none).  The
 * one thing the SIGINT and SIGTERM handler (output/out.c) sets, and it may
 * (async-signal-safe); the long loops poll it (pages, documents, the Lua
 * count hook) and fail the build through its usual path.  Signals are
 * the process's, so is this flag.
 */
#include <signal.h>

#include "base/pactkit.h"

static volatile sig_atomic_t asked;

void
stop_ask(int sig)
{
	asked = sig;
}

int
stop_asked(void)
{
	return asked;
}

void
stop_clear(void)
{
	asked = 0;
}
