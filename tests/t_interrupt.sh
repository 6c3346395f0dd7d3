#!/bin/sh
# Ctrl-C at any moment: a bilingual project of 800 pages (one writer per
# language, a PDF, a Lua component that computes) built again and again,
# each build sent SIGINT after a random delay (0 to 0.4 s), some twice;
# one build in two in a single process (PACTKIT_JOBS=1).
# Every build ends within its timeout (never a hang), with exit 0 or the
# signal (130); output/ is then always whole, either the previous build
# or the new one byte for byte (each compared with a reference build of
# the same sources); no temporary folder is left, and what a build ended
# by a second signal renames aside (output.old-*) the next build removes.
# Bounded: at most 300 tries and 40 s of them (ASan: 90 s); fails under 80
# tries (ASan: 25).  The handler of old removed the folder itself
# (malloc inside a signal handler): about one single-process build in 20
# hung.
. "$ROOT/tests/lib.sh"
W=$(tmpdir interrupt)
P=$W/proj
mkdir -p "$P/lua/components" "$P/content/fr" "$P/content/en"
cat > "$P/lua/site.lua" <<'EOF'
return { title = { fr = "T", en = "T" }, languages = { "fr", "en" },
  documents = { { id = "doc", title = "D", pages = { "index", "p1", "p2", "p3",
    "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12" } } } }
EOF
# a component that works for a while: interrupted inside, it must stop
cat > "$P/lua/components/busy.lua" <<'EOF'
return function(args)
  local n = 0
  for i = 1, 300000 do n = (n + i * 7) % 1000003 end
  return pk.h("p", {}, "n = " .. n)
end
EOF
for l in fr en; do
	printf '+++\ntitle = "H"\n+++\n\nAccueil.\n' > "$P/content/$l/index.md"
	i=1
	while [ $i -le 400 ]; do
		printf '+++\ntitle = "P%s"\nkey = "p%s"\n+++\n\nUn texte, « assez » long : %s.\n\n## A\n\n- un\n- deux\n' $i $i $i > "$P/content/$l/p$i.md"
		[ $((i % 40)) = 0 ] && printf '\n```{busy}\n```\n' >> "$P/content/$l/p$i.md"
		i=$((i + 1))
	done
done
limit=40; least=80; wait=10
case $PACTKIT in *-asan) limit=90; least=25; wait=40 ;; esac
python3 - "$PACTKIT" "$P" "$W" "$limit" "$least" "$wait" <<'PY'
import hashlib, os, random, signal, subprocess, sys, time
pk, proj, work, limit, least = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
wait = float(sys.argv[6])
out = os.path.join(proj, "output")
page = os.path.join(proj, "content", "fr", "p7.md")
text = open(page).read()

def fail(name, why):
    print("FAIL interrupt/%s: %s" % (name, why)); sys.stdout.flush()

seen = {}                # (inode, size, mtime) -> hash of the content
def digest(root):
    if not os.path.isdir(root) or os.path.islink(root):
        return None
    h = hashlib.sha256()
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != ".pactkit")
        for f in sorted(files):
            p = os.path.join(d, f)
            st = os.lstat(p)
            key = (st.st_ino, st.st_size, st.st_mtime_ns)
            if key not in seen:
                seen[key] = hashlib.sha256(open(p, "rb").read()).digest()
            h.update(os.path.relpath(p, root).encode() + b"\0" + seen[key])
    return h.hexdigest()

def state(k):            # the two versions of the sources, by turns
    open(page, "w").write(text.replace("Un texte", "Version %d : un texte" % k))

def build(args, secs=60):
    return subprocess.run([pk, "build", "-q"] + args + [proj], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, timeout=secs).returncode

ref = {}
for k in (0, 1):
    state(k)
    rc = build(["-o", os.path.join(work, "ref%d" % k)])
    ref[k] = digest(os.path.join(work, "ref%d" % k))
    if rc != 0 or ref[k] is None:
        fail("reference-build", "exit %d" % rc); sys.exit(0)
if ref[0] == ref[1]:
    fail("references-differ", "the two versions build the same"); sys.exit(0)
state(0)
if build([]) != 0 or digest(out) != ref[0]:
    fail("first-build", "not the reference"); sys.exit(0)

rnd = random.Random(int(os.environ.get("SOURCE_DATE_EPOCH", "0")))
start, tries, cur, bad, hangs, stopped, twice = time.time(), 0, 0, 0, 0, 0, 0
while tries < 300 and time.time() - start < limit and bad < 5:
    tries += 1
    new = 1 - cur
    state(new)
    # one try in two in a single process (PACTKIT_JOBS=1), where the
    # signal lands in the process that does all the work (malloc and all)
    env = dict(os.environ, PACTKIT_JOBS="1") if tries % 2 else None
    proc = subprocess.Popen([pk, "build", "-q", proj], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    time.sleep(rnd.uniform(0, 0.4))
    proc.send_signal(signal.SIGINT)
    double = tries % 4 == 0
    if double:           # a second Ctrl-C: stop at once
        time.sleep(rnd.uniform(0, 0.05))
        proc.send_signal(signal.SIGINT)
        twice += 1
    try:
        rc = proc.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        proc.kill(); proc.wait()
        hangs += 1; bad += 1
        fail("no-hang", "try %d: no end %.0f s after SIGINT" % (tries, wait))
        continue
    if rc not in (0, -signal.SIGINT):
        bad += 1; fail("exit-status", "try %d: exit %d (0 or SIGINT expected)" % (tries, rc))
    if rc != 0:
        stopped += 1
    d = digest(out)
    if d == ref[new]:
        cur = new
    elif d != ref[cur] or rc == 0:
        bad += 1
        fail("output-whole", "try %d (exit %d): output/ is %s" % (tries, rc,
             "missing" if d is None else "neither the previous build nor the new one"))
        # start again from a known output
        state(cur); build([])
    left = [n for n in os.listdir(proj) if n.startswith("output.tmp-")]
    if left:
        bad += 1; fail("no-temp-left", "try %d: %s" % (tries, left))
took = time.time() - start
if bad == 0:
    print("PASS interrupt/random-sigint (%d tries in %.0f s, %d stopped, %d with two signals)"
          % (tries, took, stopped, twice))
if tries < least:
    fail("enough-tries", "%d tries in %.0f s, %d wanted" % (tries, took, least))
if stopped < tries // 4:
    fail("most-stopped", "only %d of %d builds were stopped by the signal" % (stopped, tries))
if hangs == 0:
    print("PASS interrupt/no-hang")
# the next build removes whatever the interrupted ones left beside output/
state(cur)
rc = build([])
left = [n for n in os.listdir(proj) if n.startswith(("output.tmp-", "output.old-"))]
if rc == 0 and not left and digest(out) == ref[cur]:
    print("PASS interrupt/next-build-cleans")
else:
    fail("next-build-cleans", "exit %d, left %s" % (rc, left))
PY
