#!/usr/bin/env bash
# Batch benchmark: N postings from ../shared/corpus -> Markdown, PDF and
# Word (target for 1,000 on this machine: under 20 s).
#
#   scripts/bench-batch.sh [N]        (default 1000)
#
# Writes the postings to a temporary folder (never into the repo), builds
# the release binary, then runs `tailor build DIR -f md,pdf,docx` with 1 thread
# and with every core, printing wall time, CPU time and peak memory (RSS)
# of each run. Needs GNU time (/usr/bin/time); falls back to bash's `time`.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
corpus="../shared/corpus/remote-jobs.jsonl"
[ -f "$corpus" ] || { echo "bench-batch: $corpus not found" >&2; exit 2; }

cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work/postings" "$n" <<'PY'
import json, os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst)
with open(src, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i >= n:
            break
        with open(os.path.join(dst, f"{i:05d}.md"), "w", encoding="utf-8") as out:
            out.write(json.loads(line)["text"])
PY
echo "postings: $(ls "$work/postings" | wc -l), cores: $(nproc)"
for threads in 1 "$(nproc)"; do
  rm -rf "$work/out"
  if [ -x /usr/bin/time ]; then
    RAYON_NUM_THREADS="$threads" /usr/bin/time -f "threads=$threads wall=%es user=%Us sys=%Ss max_rss=%MKB" \
      target/release/tailor build "$work/postings" -f md,pdf,docx -o "$work/out" -q || true
  else
    echo "threads=$threads"
    time RAYON_NUM_THREADS="$threads" target/release/tailor build "$work/postings" -f md,pdf,docx -o "$work/out" -q || true
  fi
  echo "  files: $(ls "$work/out" | wc -l), output: $(du -sh "$work/out" | cut -f1)"
done
