#!/bin/sh
# Regenerates data/words.txt, the English word list `tailor check` uses to
# spot misspellings, from Debian's `wamerican` package (SCOWL, size 50,
# American spelling), and copies its license beside it.
#
#   apt-get install wamerican && sh data/gen-words.sh
#
# Possessives ("Lilly's") are dropped: the checker strips "'s" itself.
set -eu
cd "$(dirname "$0")"
grep -v "'s$" /usr/share/dict/american-english > words.txt
cp /usr/share/doc/wamerican/copyright LICENSE-words.txt
wc -l words.txt
