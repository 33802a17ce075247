#!/usr/bin/env bash
# Matching quality on the development set, on its two halves (postings 01-40
# and 41-88) and whole: ../shared/eval/score.py and coverage.py for the given
# profile (default: the shipped profile.yaml).
#   scripts/eval.sh [PROFILE]
# A large difference between the halves means the method fits postings.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${EVAL:-../shared/eval}
PROFILE=${1:-profile.yaml}
TAILOR=${TAILOR:-target/release/tailor}
[ -d "$EVAL" ] || { echo "skipped: $EVAL absent"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$EVAL/gold.json" "$tmp" <<'PY'
import json, sys
gold = json.load(open(sys.argv[1], encoding="utf-8"))
for name, keep in [("first", lambda n: n <= 40), ("second", lambda n: n > 40), ("all", lambda n: True)]:
    json.dump([g for g in gold if keep(int(g["file"][:2]))], open(f"{sys.argv[2]}/{name}.json", "w"))
PY
for half in first second all; do
  case $half in first) label="postings 01-40";; second) label="postings 41-88";; all) label="all";; esac
  echo "== $label"
  python3 "$EVAL/score.py" --tailor "$TAILOR" --profile "$PROFILE" --gold "$tmp/$half.json" \
    | grep -E '^(postings|extraction|match_recall|required|on_target|false_match|fit_|top_project)'
  python3 "$EVAL/coverage.py" "$TAILOR" "$EVAL/postings" "$tmp/$half.json" "$PROFILE" | tail -1
done
