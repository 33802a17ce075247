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
#   - the median skills-line length;
#   - the PDF layout: how many résumés take 1, 2, … pages, the distribution
#     of the last page's fill (share of its text area) and how many ended a
#     page earlier to avoid a thin last page (from the batch's index.json);
#   - the time the batch took (Markdown, PDF and Word for the 200).
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
mkdir "$work/postings"
mv "$work"/p*.txt "$work/postings/"
for p in "$work"/postings/p*.txt; do
    "$tailor" match --json -p "$profile" "$p" > "$work/$(basename "${p%.txt}").json" 2>/dev/null ||
        echo '{}' > "$work/$(basename "${p%.txt}").json"
done
# One batch: the résumés, and index.json with each one's pages and fill.
start=$(date +%s.%N)
"$tailor" build -q -p "$profile" -f md,pdf,docx "$work/postings" -o "$work/out" 2>/dev/null || :
end=$(date +%s.%N)
python3 - "$work" "$start" "$end" <<'PY'
import collections, glob, json, os, re, statistics, sys
work = sys.argv[1]
seconds = float(sys.argv[3]) - float(sys.argv[2])
index = json.load(open(f"{work}/out/index.json", encoding="utf-8"))
by_posting = {os.path.basename(e["posting"])[:-4]: e for e in index["postings"]}
def resume_md(stem):
    e = by_posting.get(stem)
    md = [f for f in (e or {}).get("files", []) if f.endswith(".md")]
    return open(f"{work}/out/{md[0]}", encoding="utf-8").read() if md else ""
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
    md = resume_md(os.path.basename(j)[:-5])
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
entries = index["postings"]
pages = collections.Counter(e["pages"] for e in entries)
print("PDF pages: " + ", ".join(f"{k} page{'s' if k > 1 else ''}: {v}" for k, v in sorted(pages.items())))
for k in sorted(pages):
    fills = sorted(e["last_page_fill"] for e in entries if e["pages"] == k)
    q = statistics.quantiles(fills, n=4) if len(fills) > 1 else fills * 3
    print(f"  last-page fill of the {k}-page résumés: min {fills[0]:.2f}, quartiles "
          f"{q[0]:.2f} / {q[1]:.2f} / {q[2]:.2f}, max {fills[-1]:.2f}")
multi = [e for e in entries if e["pages"] > 1]
thin = [e for e in multi if e["last_page_fill"] < 1 / 3]
print(f"  multi-page résumés whose last page is under a third full: {len(thin)}/{len(multi)}")
hist = collections.Counter(min(9, int(e["last_page_fill"] * 10)) for e in multi)
print("  last-page fill of multi-page résumés, by tenth: " + " ".join(f"{k/10:.1f}+:{hist[k]}" for k in range(10)))
short = [e["shortened"] for e in entries if e["shortened"]]
print(f"  ended a page earlier: {len(short)} résumés, {sum(short)} bullets dropped "
      f"(median {statistics.median(short) if short else 0} each)")
print(f"batch md+pdf+docx for {len(entries)} postings: {seconds:.1f} s")
PY
