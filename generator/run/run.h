/*
 * run/run.h: the commands' stage: a build or check (build.c), the
 * preview server (serve.c); main.c parses the command line.
 */
#ifndef RUN_RUN_H
#define RUN_RUN_H

#include "base/pactkit.h"

/* build.c: a whole build or check of the project in dir, into outdir
 * (NULL: dir/output).  Returns the exit status, 0 or 1. */
struct build_opts {
	const char	*dir;       /* the project */
	const char	*outdir;    /* -o, or NULL */
	int		 check;     /* 1: check, write nothing */
	int		 verbose;   /* -v */
	int		 quiet;     /* -q */
	int		 drafts;    /* --drafts (serve: always) */
	const char	*dump_layout; /* --dump-layout DIR, or NULL */
	struct project	*keep;      /* the process ends after it: the project
				     * is left here, reachable; NULL: freed */
};
int	 build_run(struct diag *, const struct build_opts *);
/* The folder of the built-in lua/ and themes/ (PACTKIT_SHARE, beside the
 * binary, or the installed one); caller frees. */
char	*build_share(void);
/* serve.c: builds dir, serves it on 127.0.0.1:port, rebuilds on change. */
int	 serve_run(struct diag *, const char *dir, int port);

#endif /* !RUN_RUN_H */
