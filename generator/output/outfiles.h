/*
 * output/outfiles.h: the lists of the files each build wrote (in
 * OUT/.pactkit/), which out.c keeps for a build (struct out's files).
 */
#ifndef OUT_OUTFILES_H
#define OUT_OUTFILES_H

#include "base/pactkit.h"

struct outfiles {
	struct diag	*diag;      /* where errors go */
	char		*root;      /* the lists' folder (tmp), or NULL */
	size_t		 rootlen;
	struct strmap	 old;       /* a path -> its struct entry (old lists) */
	int		 have_old;  /* lists were found */
	int		 fresh;     /* the folder was empty at the start */
	struct buf	 mine;      /* this writer's lines */
};

/* Begins the lists of the output folder root: fresh when the folder was
 * empty at the start (nothing there to keep, compare or remove). */
void	 outfiles_begin(struct outfiles *, struct diag *, const char *root,
	    int fresh);
int	 outfiles_have_lists(const struct outfiles *);
int	 outfiles_fresh(const struct outfiles *);
int	 outfiles_unchanged(struct outfiles *, const char *path,
	    const void *data, size_t len);
void	 outfiles_wrote(struct outfiles *, const char *path, int fd,
	    const void *data, size_t len);
/* Saves this writer's list as .pactkit/files-WRITER.new; 0 on error. */
int	 outfiles_save(struct outfiles *, const char *writer);
/* Drops the lines of this process (a forked writer starts afresh). */
void	 outfiles_forget(struct outfiles *);
/* Removes what the old lists name and no new list does: under prefix
 * (inside = 1), or elsewhere (0). */
void	 outfiles_prune(struct outfiles *, const char *prefix, int inside);
void	 outfiles_commit(struct outfiles *);
void	 outfiles_end(struct outfiles *);

#endif /* !OUT_OUTFILES_H */
