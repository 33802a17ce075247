#!/usr/bin/env bash
# The distribution of what corpus postings ask for in all (the sum of their
# terms' weights in `tailor match --json`): its lower quartile is the floor
# fit is a share of (MIN_ASKED_WEIGHT in src/engine/weights.rs).
#   scripts/fit-floor.sh [STEP]   every STEP-th corpus posting (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/remote-jobs.jsonl
[ -f "$corpus" ] || { echo "skipped: ../shared/corpus absent"; exit 0; }
TAILOR=${TAILOR:-target/release/tailor}
python3 - "$corpus" "$TAILOR" "${1:-10}" <<'PY'
import json, subprocess, sys, tempfile, os
corpus, tailor, step = sys.argv[1], sys.argv[2], int(sys.argv[3])
tmp = tempfile.mkdtemp()
totals = []
for i, line in enumerate(open(corpus, encoding="utf-8")):
    if i % step:
        continue
    p = os.path.join(tmp, "p.md")
    open(p, "w", encoding="utf-8").write(json.loads(line)["text"])
    r = subprocess.run([tailor, "match", "--json", p], capture_output=True, text=True)
    if r.returncode == 0:
        totals.append(sum(k["weight"] for k in json.loads(r.stdout)["keywords"]))
totals.sort()
q = lambda f: totals[int(f * (len(totals) - 1))]
print(f"postings {len(totals)}: total asked weight p10 {q(.1):.1f}, p25 {q(.25):.1f}, median {q(.5):.1f}, p75 {q(.75):.1f}")
PY
