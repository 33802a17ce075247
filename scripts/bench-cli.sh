#!/usr/bin/env bash
# Whole-process timings of one posting, as a user runs tailor:
#   - `tailor match` on a ~5 KB corpus posting    (target: <= 5 ms, issue 12),
#     with the profile cache warm and with --no-cache
#   - `tailor build … -o cv.pdf` on the same        (target: < 30 ms)
#   - `tailor build … -o cv.docx` on the same       (target: the PDF's order)
#   - `tailor build … -f md` to stdout
# a posting of 1.25, 2.5 and 5 MB (linear; target: 5 MB well under 1 s),
# and the size of a two-page PDF (target: < 100 KB).
#
#   scripts/bench-cli.sh
#
# Uses hyperfine when installed (apt-get install hyperfine), else a loop.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="../shared/corpus/remote-jobs.jsonl"
[ -f "$corpus" ] || { echo "bench-cli: $corpus not found" >&2; exit 2; }
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The first corpus posting between 4.5 and 5.5 KB that is about software.
python3 - "$corpus" "$work/posting.md" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)["text"]
    if 4500 <= len(t.encode()) <= 5500 and "AWS" in t:
        open(sys.argv[2], "w", encoding="utf-8").write(t)
        break
PY
bin=target/release/tailor
echo "posting: $(wc -c < "$work/posting.md") bytes"
if command -v hyperfine >/dev/null; then
  # Warm profile cache (the warmup fills it), and without it.
  hyperfine -N --warmup 5 --runs 50 \
    "$bin match $work/posting.md" \
    "$bin --no-cache match $work/posting.md" \
    "$bin build -q $work/posting.md -f md -o -" \
    "$bin build -q --force $work/posting.md -o $work/cv.pdf" \
    "$bin build -q --force $work/posting.md -o $work/cv.docx"
else
  for cmd in "match $work/posting.md" "build -q --force $work/posting.md -o $work/cv.pdf" \
    "build -q --force $work/posting.md -o $work/cv.docx"; do
    start=$(date +%s%N)
    for _ in $(seq 50); do $bin $cmd >/dev/null; done
    echo "$cmd: $(( ($(date +%s%N) - start) / 50000000 )) ms per run"
  done
fi
# Large input stays linear: the posting repeated to 1.25, 2.5 and 5 MB.
for mb in 1.25 2.5 5; do
  python3 -c "import sys; t=open(sys.argv[1]).read(); n=int(float(sys.argv[2])*1e6); open(sys.argv[3],'w').write((t*(n//len(t)+1))[:n])" \
    "$work/posting.md" "$mb" "$work/big.md"
  start=$(date +%s%N)
  $bin build -q "$work/big.md" -o - >/dev/null
  echo "$mb MB posting to Markdown: $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
# One long line (no newline at all) stays linear too: the posting's words on
# a single line of 1 and 2 MB (it took 3.5 s per MB, quadratic, before).
for mb in 1 2; do
  python3 -c "import sys; t=' '.join(open(sys.argv[1]).read().split()); n=int(float(sys.argv[2])*1e6); open(sys.argv[3],'w').write((t*(n//len(t)+1))[:n])" \
    "$work/posting.md" "$mb" "$work/line.md"
  start=$(date +%s%N)
  $bin match "$work/line.md" >/dev/null
  echo "$mb MB one-line posting, match: $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
# A two-page PDF: every bullet the budget allows (--pages 10: no limit, and
# no ending a page earlier).
$bin build -q --force "$work/posting.md" --max-bullets 40 --max-bullets-per-project 12 --pages 10 -o "$work/long.pdf"
pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$work/long.pdf")
echo "long PDF: $pages pages, $(wc -c < "$work/long.pdf") bytes"
