#!/usr/bin/env bash
# Peak memory at the limits: the largest profile tailor accepts (just under
# 4 MB: the shipped profile's projects repeated, each bullet varied, about
# 11,000 bullets) against the largest posting (just under 8 MB: corpus
# postings from ../shared/corpus, as written and all on one line).
#
#   scripts/bench-limits.sh
#
# Builds the release binary, writes the inputs to a temporary folder (never
# into the repo) and prints each run's exit code, wall time and peak RSS
# (GNU time). docs/limits.md holds the figures; the requirement is 300 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="../shared/corpus/remote-jobs.jsonl"
[ -f "$corpus" ] || { echo "bench-limits: $corpus not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-limits: needs GNU time (/usr/bin/time)" >&2; exit 2; }

cargo build --release --quiet
t="$PWD/target/release/tailor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - profile.yaml "$corpus" "$work" <<'PY'
import json, random, sys
import yaml
profile, corpus, work = sys.argv[1:]
p = yaml.safe_load(open(profile, encoding="utf-8"))
random.seed(1)
words = []
with open(corpus, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i > 200:
            break
        words += [w for w in json.loads(line)["text"].split() if w.isalpha()]
base, projects, k = p["projects"], [], 0
dump = lambda: yaml.safe_dump(dict(p, projects=projects), allow_unicode=True, sort_keys=False)
limit = 4 * 1024 * 1024 - 8192

def grow(until):
    # Project by project, each dumped on its own; returns the estimate.
    global k
    est = 0
    while est < until:
        k += 1
        for bp in base:
            q = dict(bp, id=f"{bp['id']}-{k}")
            q["bullets"] = [dict(b, id=f"{b['id']}-{k}",
                                 text=b["text"] + " " + " ".join(random.choice(words) for _ in range(6)))
                            for b in bp.get("bullets", [])]
            projects.append(q)
            est += len(yaml.safe_dump([q], allow_unicode=True, sort_keys=False).encode())
    return est

head = len(dump().encode())
est = grow(limit - head)
# A project dumped alone is not the size it takes in the whole file: scale
# the estimate by the real size once, grow to the limit, then trim.
ratio = (len(dump().encode()) - head) / est
grow((limit - head) / ratio - est)
while len(dump().encode()) > limit:
    del projects[-len(base):]
open(f"{work}/profile.yaml", "w", encoding="utf-8").write(dump())
out, n = [], 0
with open(corpus, encoding="utf-8") as f:
    for line in f:
        text = json.loads(line)["text"] + "\n\n"
        if n + len(text.encode()) > 8 * 1024 * 1024 - 4096:
            break
        out.append(text)
        n += len(text.encode())
text = "".join(out)
open(f"{work}/posting.md", "w", encoding="utf-8").write(text)
open(f"{work}/one-line.md", "w", encoding="utf-8").write(text.replace("\n", " "))
print(f"profile: {len(dump().encode())} bytes, {sum(len(q['bullets']) for q in projects)} bullets; "
      f"posting: {n} bytes, {len(out)} corpus postings")
PY
mkdir -p "$work/two" "$work/two-lines"
cp "$work/posting.md" "$work/two/a.md"; cp "$work/posting.md" "$work/two/b.md"
cp "$work/one-line.md" "$work/two-lines/a.md"; cp "$work/one-line.md" "$work/two-lines/b.md"
run() { # run LABEL ARGS...
  local label=$1
  shift
  /usr/bin/time -f "%x %e %M" -o "$work/time" "$t" "$@" >/dev/null 2>&1 || true
  read -r code wall rss <"$work/time"
  printf '%-48s exit %s  %6.2f s  %4d MB\n' "$label" "$code" "$wall" "$((rss / 1024))"
}
p="$work/profile.yaml"
run "check, 4 MB profile" check "$p"
run "match, 4 MB profile x 8 MB posting" match -p "$p" "$work/posting.md"
run "build pdf, same" build -q -p "$p" "$work/posting.md" -o "$work/cv.pdf" --force
run "build every format, same" build -q -p "$p" "$work/posting.md" -f md,pdf,docx,html,txt,json-resume -o "$work/all/"
run "build pdf, 8 MB posting on one line" build -q -p "$p" "$work/one-line.md" -o "$work/cv.pdf" --force
run "batch md,pdf, two 8 MB postings" build -q -p "$p" "$work/two" -f md,pdf -o "$work/out-two"
run "batch md,pdf, two 8 MB one-line postings" build -q -p "$p" "$work/two-lines" -f md,pdf -o "$work/out-lines"
