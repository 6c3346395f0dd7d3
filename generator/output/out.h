/*
 * output/out.h: the output layer, what every writer writes through.  A
 * file goes through out_write, which keeps it as it is when unchanged
 * and names it in the build's file lists (outfiles.c), so that the next
 * build but one keeps it without reading it and removes stale files
 * without walking the tree.
 */
#ifndef OUT_OUT_H
#define OUT_OUT_H

#include "base/pactkit.h"
#include "output/outfiles.h"

#include <signal.h>
#include <time.h>

#define OUT_MAXKIDS (PK_MAXLANG + 1) /* forked writers at once */

/* What a build writes into.  Zeroed with its diag set, it writes plain
 * files (render, new); out_begin makes it a build's transaction. */
struct out {
	struct diag	*diag;      /* where errors go */
	char		*dir;       /* the output folder (out_begin's) */
	char		*tmp;       /* the temporary folder, swapped in at the end */
	struct timespec	 mark;      /* files older than this are stale */
	int		 handlers;  /* out_begin installed its own */
	void		(*oldint)(int);  /* the handlers before out_begin */
	void		(*oldterm)(int);
	struct outfiles	 files;     /* the lists of the files written */
};

/* Writes len bytes to path, creating parent folders; an unchanged file
 * is kept, a device or a pipe written through.  1 ok, 0 (printed). */
int	 out_write(struct out *, const char *, const void *, size_t);
int	 out_copy(struct out *, const char *from, const char *to);
int	 out_copytree(struct out *, const char *, const char *); /* cp -r */
/* A path under the temporary folder as the user will find it, under the
 * output folder (for messages); other paths as they are.  Free it. */
char	*out_shown(const struct out *, const char *path);

/* Opens the transaction for the output folder dir: dir and dir.prev
 * must be absent, empty or pactkit's own output (else an error naming
 * them); what a killed build left beside dir is removed (folders
 * named dir.tmp-PID-XXXXXX or dir.old-PID-XXXXXX whose process is gone:
 * never a build running beside this one, nor someone's folder); the
 * files go into a new temporary folder (dir.prev's, reused) until out_end.  From
 * here to out_end, SIGINT and SIGTERM ask the build to stop (stop.c),
 * and out_end removes the folder.  1 ok, 0 (printed; nothing changed). */
int	 out_begin(struct out *, const char *dir);
/* Removes the files an earlier build wrote and this one did not, by
 * time (the folder had no file lists): under sub ("" for all), but in
 * the folders named in skip (depth 1). */
void	 out_prune(struct out *, const char *sub, char *const *skip,
	    size_t nskip);
/* Ends the transaction: with ok (and no stop asked), swaps the folder in
 * place of dir (the old one kept as dir.prev); else removes it.  Restores
 * the signal handlers.  Returns whether the new output is in place. */
int	 out_end(struct out *, int ok);

/* A writer forked off this process into the same folder: it runs
 * work(arg), saves its own file list as .pactkit/files-LIST, relays what
 * it said to the parent and exits 0 when work succeeded.  A parent
 * killed outright takes it along.  1 started, 0 failed (errno set,
 * nothing said). */
struct out_kid {
	pid_t	 pid;
	int	 fd;                /* what it says comes through here */
};
int	 out_fork(struct out *, const char *list, int (*work)(void *),
	    void *arg, struct out_kid *);
/* Waits for the writer: what it said is taken in as this process's own
 * (counts, serve's capture, JSON).  1 when it succeeded. */
int	 out_wait(struct out *, struct out_kid *);
/* Ends the writer at once (its siblings could not start). */
void	 out_kill(struct out_kid *);

#endif /* !OUT_OUT_H */
