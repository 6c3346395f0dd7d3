#!/usr/bin/env python3
# `make mutants`: each mutation of tests/mutants/list (a small deliberate
# bug: a file, a snippet found exactly once in it, its replacement, the
# test groups that must catch it) applied alone to a copy of the tree
# (never the working tree), built, and run against its groups under a
# timeout.  KILLED when the runner fails (a FAIL, a group that crashed,
# printed nothing or ran short, or a timeout), SURVIVED when it passes.
# A snippet not found (moved or changed code) or a mutant that does not
# compile is an error of the list, never a pass.  Prints each result and
# the score; exit 0 only when every mutant is killed or explained
# (a "survives:" line in the list) and the list has no error.
#
#   tests/mutants/mutants.py [--tree DIR] [--timeout S] [NAME...]
# --tree: the source tree to copy (default: this one); NAME: only those.
import os, shutil, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def parse(path):
    """The list: blocks that start with [name], then key: value lines;
    find: and repl: may repeat (lines joined with a newline)."""
    muts, cur = [], None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("["):
            cur = {"name": line.strip("[] "), "line": n, "find": [], "repl": [],
                   "groups": [], "survives": ""}
            muts.append(cur)
            continue
        key, _, val = line.partition(":")
        if cur is None or key not in ("file", "find", "repl", "groups", "survives"):
            sys.exit("%s:%d: expected [name] or file:/find:/repl:/groups:/survives:" % (path, n))
        val = val[1:] if val.startswith(" ") else val
        if key in ("find", "repl"):
            cur[key].append(val)
        elif key == "groups":
            cur["groups"] = val.split()
        else:
            cur[key] = val
    for m in muts:
        m["find"], m["repl"] = "\n".join(m["find"]), "\n".join(m["repl"])
        if not m.get("file") or not m["find"] or not m["groups"]:
            sys.exit("%s:%d: [%s] needs file:, find: and groups:" % (path, m["line"], m["name"]))
    return muts


def copy_tree(src, dst):
    """The tree without what builds and tests make; npm's folders shared."""
    # at the top only: generator/output/ is source (the output stage)
    top = {"build", "output", "output.prev", "pactkit", "pactkit-asan"}
    if os.path.exists(dst):
        shutil.rmtree(dst)

    def ignore(d, names):
        rel = os.path.relpath(d, src)
        out = [n for n in names if n == "node_modules"
               or (rel == "." and (n in top or n.startswith(("output.tmp-", "output.old-"))))
               or (rel == "tests" and n == "out")]
        return out
    shutil.copytree(src, dst, symlinks=True, ignore=ignore)
    for sub in ("tests/e2e", "tests/spec"):
        nm = os.path.join(src, sub, "node_modules")
        if os.path.isdir(nm):
            os.symlink(nm, os.path.join(dst, sub, "node_modules"))
    shared = os.path.join(os.path.dirname(src), "shared")
    link = os.path.join(os.path.dirname(dst), "shared")
    if os.path.lexists(link):
        os.remove(link)
    if os.path.isdir(shared):   # the CommonMark spec beside the clone
        os.symlink(shared, link)


def run(cmd, cwd, timeout, log, env=None):
    with open(log, "w") as f:
        try:
            p = subprocess.Popen(cmd, cwd=cwd, stdout=f, stderr=subprocess.STDOUT,
                                 env=env, start_new_session=True)
            return p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, 9)
            p.wait()
            return 124


def main():
    args, tree, timeout, only = sys.argv[1:], ROOT, 300, []
    while args:
        a = args.pop(0)
        if a == "--tree":
            tree = os.path.abspath(args.pop(0))
        elif a == "--timeout":
            timeout = int(args.pop(0))
        else:
            only.append(a)
    muts = parse(os.path.join(HERE, "list"))
    if only:
        muts = [m for m in muts if m["name"] in only]
    work = os.path.join(ROOT, "build", "mutants")
    src = os.path.join(work, "tree", "pactkit")
    os.makedirs(work, exist_ok=True)
    copy_tree(tree, src)
    env = dict(os.environ, PACTKIT="./pactkit", OUT=os.path.join(work, "out"))
    env.pop("TESTS", None)
    print("mutants: %d from tests/mutants/list, tree %s" % (len(muts), tree))
    if run(["make", "-s", "pactkit"], src, 900, os.path.join(work, "build.log")) != 0:
        sys.exit("mutants: the unmutated copy does not build: see %s/build.log" % work)
    killed = survived = explained = errors = 0
    for m in muts:
        path = os.path.join(src, m["file"])
        t0 = time.time()
        text = open(path, encoding="utf-8").read() if os.path.isfile(path) else None
        if text is None or text.count(m["find"]) != 1:
            errors += 1
            print("ERROR    %-34s snippet not found %s in %s (list line %d)" % (
                m["name"], "(no such file)" if text is None else
                "%d times" % text.count(m["find"]), m["file"], m["line"]))
            continue
        log = os.path.join(work, m["name"] + ".log")
        try:
            open(path, "w", encoding="utf-8").write(text.replace(m["find"], m["repl"]))
            if run(["make", "-s", "pactkit"], src, 900, log) != 0:
                errors += 1
                print("ERROR    %-34s does not compile: see %s" % (m["name"], log))
                continue
            by = None
            for g in m["groups"]:      # the first group that fails kills it
                rc = run(["sh", "tests/run.sh", g], src, timeout, log, env)
                if rc != 0:
                    by = g + (" (timeout)" if rc == 124 else "")
                    break
        finally:
            open(path, "w", encoding="utf-8").write(text)
            os.utime(path)
        took = time.time() - t0
        if by:
            killed += 1
            print("KILLED   %-34s by %s (%.0f s)" % (m["name"], by, took))
        elif m["survives"]:
            explained += 1
            print("SURVIVED %-34s explained: %s" % (m["name"], m["survives"]))
        else:
            survived += 1
            print("SURVIVED %-34s %s (%.0f s)" % (m["name"], " ".join(m["groups"]), took))
        sys.stdout.flush()
    run(["make", "-s", "pactkit"], src, 900, os.path.join(work, "build.log"))
    total = killed + survived + explained
    print("\nmutation score: %d of %d killed (%.0f %%); %d survived, %d explained, %d list errors"
          % (killed, total, 100.0 * killed / max(total, 1), survived, explained, errors))
    sys.exit(0 if survived == 0 and errors == 0 else 1)


main()
