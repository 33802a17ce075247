#!/usr/bin/env bash
# The skills line over corpus postings (issue 10): builds a Markdown résumé
# for every 33rd posting of ../shared/corpus/remote-jobs.jsonl (200 of them)
# and reports
#   - the share of skills-line entries that are terms of the posting (a term
#     or form `tailor match --json` lists for it), over all postings and over
#     postings with fit >= 50;
#   - the most frequent skills-line entries across the résumés, and the most
#     frequent among those the posting does not ask for;
#   - how many résumés carry a near-duplicate pair of bullets: two bullets
#     whose content words (three letters or more, stop words out) overlap by
#     Jaccard >= 0.5;
#   - the median skills-line length.
# usage: scripts/skills-report.sh [TAILOR] [PROFILE]   (defaults: target/release/tailor, profile.yaml)
set -euo pipefail
tailor=${1:-target/release/tailor}
profile=${2:-profile.yaml}
corpus=${CORPUS:-../shared/corpus/remote-jobs.jsonl}
[ -f "$corpus" ] || { echo "skipped: $corpus absent" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work" <<'PY'
import json, sys
corpus, work = sys.argv[1], sys.argv[2]
n = 0
with open(corpus, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % 33 or n >= 200:
            continue
        open(f"{work}/p{n:03}.txt", "w", encoding="utf-8").write(json.loads(line)["text"])
        n += 1
PY
for p in "$work"/p*.txt; do
    "$tailor" match --json -p "$profile" "$p" > "${p%.txt}.json" 2>/dev/null || echo '{}' > "${p%.txt}.json"
    "$tailor" build -q -p "$profile" -f md "$p" > "${p%.txt}.md" 2>/dev/null || : > "${p%.txt}.md"
done
python3 - "$work" <<'PY'
import collections, glob, json, re, statistics, sys
work = sys.argv[1]
def norm(s): return re.sub(r"[^a-z0-9+#]+", " ", s.lower()).strip()
STOP = set("the and for with from into that this using used use via our their was were are has have had its all per across over under within while which who".split())
def words(s): return {w for w in norm(s).split() if len(w) >= 3 and w not in STOP}
def section(md, name):
    m = re.search(rf"^## {name}\n(.*?)(?=^## |\Z)", md, re.S | re.M)
    return m.group(1) if m else ""
def skills(md):
    out = []
    for line in section(md, "Skills").splitlines():
        line = re.sub(r"^\s*[-*]\s+", "", line)
        line = re.sub(r"^\*\*[^*]+:\*\*\s*", "", line)  # a group label
        line = line.replace("\\", "")
        out += [s.strip() for s in re.split(r",|·", line) if s.strip()]
    return out
def bullets(md):
    return [l[2:] for l in section(md, "Experience").splitlines() if l.startswith("- ")]
tot = hit = tot_on = hit_on = dup = n = n_on = 0
freq = collections.Counter()
unasked = collections.Counter()
lengths = []
for j in sorted(glob.glob(f"{work}/p*.json")):
    m = json.load(open(j))
    md = open(j[:-5] + ".md", encoding="utf-8").read()
    if not m or not md:
        continue
    n += 1
    terms = set()
    for k in m["keywords"]:
        terms.add(norm(k["term"]))
        terms.update(norm(f) for f in k.get("forms", []))
    sk = skills(md)
    lengths.append(len(sk))
    freq.update(sk)
    unasked.update(x for x in sk if norm(x) not in terms)
    h = sum(norm(s) in terms for s in sk)
    tot += len(sk); hit += h
    if m["fit"] >= 50:
        n_on += 1; tot_on += len(sk); hit_on += h
    bs = [words(b) for b in bullets(md)]
    if any(len(a & b) / max(1, len(a | b)) >= 0.5 for i, a in enumerate(bs) for b in bs[i + 1:]):
        dup += 1
print(f"résumés: {n} (fit >= 50: {n_on})")
print(f"skills-line entries that are posting terms: {hit}/{tot} = {hit / max(1, tot):.3f}")
print(f"  on postings with fit >= 50: {hit_on}/{tot_on} = {hit_on / max(1, tot_on):.3f}")
print(f"skills-line length: median {statistics.median(lengths) if lengths else 0}, max {max(lengths, default=0)}")
print(f"résumés with a near-duplicate bullet pair: {dup}/{n}")
print("most frequent skills-line entries (résumés carrying them):")
for s, c in freq.most_common(12):
    print(f"  {c:4}  {s}")
print("most frequent entries the posting does not ask for (résumés carrying them):")
for s, c in unasked.most_common(8):
    print(f"  {c:4}  {s}")
over = [s for s, c in unasked.items() if c > n / 2]
print(f"entries carried unasked by more than half the résumés: {len(over)}" + (f" ({', '.join(over)})" if over else ""))
PY
