#!/usr/bin/env python3
"""Generate data/title-words.txt: the words job titles end in, from corpus
titles and O*NET occupation titles.

usage: tools/gen_titles.py [--shared DIR] [--out data] [--check]

A posting's first line is its title only when it looks like one (issue 13,
item 14: a prompt-injection line at the top of a posting is no title). A
title names a job, and job titles end in a role word: "Senior Software
Engineer", "Accountant", "Programmer Analyst". This counts, over the titles
of ../shared/corpus, the last word of each title's main part (before " - ",
" | ", ",", "(", ":" or " at "), and keeps the words that end at least
MIN_TITLES titles; and adds the head word of every O*NET occupation title
(../shared/lexicon-sources/onet: "Accountants and Auditors" gives accountant
and auditor), since the corpus is mostly software jobs. Words are singular. Standard library only; deterministic (sorted output).
With --check, exits 1 when the file in --out differs from what it would be.
"""
import argparse, json, os, re, sys
from collections import Counter

MIN_TITLES = 3
WORD = re.compile(r"[a-z]+")


def singular(w):
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def head(title):
    t = re.sub(r"^[0-9][0-9_-]*", "", title.strip())
    t = re.split(r"\s[-–—|]\s|[,(:\[/]|\sat\s|\sin\s", t, maxsplit=1)[0]
    words = WORD.findall(t.lower())
    return singular(words[-1]) if words else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    counts = Counter()
    n = 0
    with open(os.path.join(a.shared, "corpus", "remote-jobs.jsonl"), encoding="utf-8") as f:
        for line in f:
            title = json.loads(line).get("title") or ""
            w = head(title)
            if w and len(w) > 2:
                counts[w] += 1
                n += 1
    kept = {w for w, c in counts.items() if c >= MIN_TITLES}
    onet = set()
    with open(os.path.join(a.shared, "lexicon-sources", "onet", "onet_technology_skills_29_3.tsv"),
              encoding="utf-8") as f:
        next(f)
        for line in f:
            occupation = line.split("\t")[1]
            for part in re.split(r",| and |--|/", occupation):
                words = WORD.findall(part.lower())
                if words and len(words[-1]) > 2:
                    onet.add(singular(words[-1]))
    kept = sorted(kept | onet)
    text = (f"# The words job titles end in: the last word of the main part of {n} corpus\n"
            f"# titles, kept when it ends at least {MIN_TITLES}, and the head words of O*NET's\n"
            f"# occupation titles (tools/gen_titles.py). Word, then corpus titles it ends.\n"
            + "".join(f"{w}\t{counts[w]}\n" for w in kept))
    path = os.path.join(a.out, "title-words.txt")
    if a.check:
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if old != text:
            print(f"{path} is out of date: run tools/gen_titles.py", file=sys.stderr)
            return 1
        return 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{len(kept)} title words from {n} titles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
