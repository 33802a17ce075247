#!/usr/bin/env python3
"""Section cues from corpus data: which heading starts which kind of section.

usage: tools/gen_sections.py [--corpus FILE] [--data DIR] [--check] [--top N]

Reads every posting of ../shared/corpus/remote-jobs.jsonl (JSON lines with
`text`, Markdown, and `company`), finds its heading-like lines, normalises
them, counts in how many postings each normalised heading occurs, and joins
the counts with the hand-kept classification in
`data/section-cues.reviewed.tsv`. Standard library only; deterministic.

Heading-like lines (a line is stripped first):
- a Markdown heading: `#`..`######` followed by a space (or nothing);
- a wholly bold line: `**x**` or `__x__`, a colon inside or after it allowed
  (`**x:**`, `**x**:`), no other `**` inside;
- not a list item (`*`, `-`, `+`, `•`, `·`, `–`, `—`, `1.`, `1)`, `a)`):
  a line of at most 8 words ending with `:`, or an ALL-CAPS line of at most
  6 words (some upper-case letter, no lower-case one);
- a hashtag (`#LI-Remote`, `**#LI-DNI**`) is never a heading.

Normalisation of a heading's text (the same steps a reader of the data must
apply before looking a heading up):
1. NFKC; curly apostrophes (U+2018, U+2019, U+02BC) become `'`;
2. Markdown links keep their text, HTML tags, backslashes, `*`, `` ` ``, `~~`
   and emphasis underscores go; lower case; runs of white space become one
   space;
3. every character that is not a letter, digit, `{`, `}`, `+` or `#` is
   stripped from both ends (emoji, colons, `?`, dashes), except a closing
   `)` whose `(` is inside the heading;
4. the posting's title (JSON `title`, normalised, or the first line of a
   RemoteWLB page, `# [title](url)`) as a whole heading becomes `{title}`;
   the page's meta line under it (code spans with the globe or money-bag
   emoji: location, salary) becomes `{location}`;
5. the company (JSON `company`; none when empty or "None") becomes
   `{company}` wherever it occurs as whole words: its full normalised name,
   the name without a parenthesis, and without legal or corporate suffixes
   (Inc, LLC, Ltd, GmbH, Technologies, Labs, Group, ...); a suffix that
   follows the name in the heading is absorbed ("About Rackspace Technology"
   -> "about {company}");
6. a heading of more than 16 words is a sentence, not a name: `{sentence}`
   (bold paragraphs, equal-opportunity statements; no posting text is kept).

Kinds (data/section-cues.reviewed.tsv, `heading<TAB>kind`, `#` comments):
- required: must-have lists, requirements, qualifications, "about you",
  "who you are", "what you bring", "what you'll need". A single unlabelled
  qualifications list counts as the requirements (CONVENTIONS.md, REQUIRED
  rule);
- preferred: nice to have, bonus, preferred, "a plus", differentiators;
- responsibilities: about the role / the job, what you'll do, duties;
- boilerplate: about the company / us / the team, benefits, perks,
  compensation, EEO, how to apply, hiring process, values, culture,
  location and legal notices;
- other: a section that is none of these, or mixes them (the page title
  `{title}`, "Description", "Tech stack": the technologies the team uses are
  skills of the posting, but not requirements);
- not-a-heading: a line that looks like a heading but does not start a
  section (a bold skill area inside a list, "Python:" as a list label, a bold
  sentence, `{sentence}`, a recruiter's name); the current section goes on.
"About X" is boilerplate only when X is the company, us, the team or the
benefits: "about the role", "about the job" are responsibilities, "about
you" is required. `--check` (and every run) fails when a reviewed heading
contradicts these conventions (CONVENTIONS below).

Writes:
- data/section-cues.tsv: `#postings<TAB>N`, then `heading<TAB>kind<TAB>
  postings` for every reviewed heading, by postings (desc), then heading;
- data/section-rules.tsv: keyword rules for headings the reviewed file does
  not name, derived from the reviewed file alone (see tools/heading_rules.md):
  `keyword<TAB>kind<TAB>precision<TAB>support`;
- tools/heading_rules.md: the rules with their per-kind counts, their
  cross-validated accuracy and what they do on the corpus's unreviewed tail.

Prints coverage (share of heading occurrences whose heading is reviewed),
counts per kind, and the most frequent unreviewed headings, to extend the
reviewed file with. `--check` writes nothing and exits 1 when a written file
differs from what this run would write, or 2 on a contradiction. Without
the corpus, `--check` checks what does not need it (the reviewed file, the
rules, the headings and kinds of data/section-cues.tsv) and says so.
"""
import argparse, collections, hashlib, json, os, re, sys, unicodedata

MAX_WORDS = 16  # a longer heading-like line is a sentence: "{sentence}"
PLACEHOLDERS = ("{title}", "{location}", "{company}", "{sentence}")
KINDS = ("required", "preferred", "responsibilities", "boilerplate", "other", "not-a-heading")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------- headings

LIST_ITEM = re.compile(r"^([*\-+•·–—]|\d{1,2}[.)]|[a-z][.)]\s)\s*")
HASH_HEADING = re.compile(r"^(#{1,6})(?:\s+|$)(.*)$")
HASHTAG = re.compile(r"^(\*\*|__|_|\*|\\)?#[^#\s]")
LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")
EMPHASIS = re.compile(r"\*\*|__|\*|`|~~")
EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def heading_text(line):
    """(rule, text) when the line is heading-like, else None."""
    s = line.strip()
    if not s:
        return None
    found = _heading_text(s)
    if found and HASHTAG.match(strip_markup(found[1]).strip().lstrip("_*")):
        return None  # "##### #LI-Remote"
    return found


def _heading_text(s):
    m = HASH_HEADING.match(s)
    if m:
        return ("markdown", m.group(2).strip().rstrip("#").strip())
    if HASHTAG.match(s):
        return None
    t = s
    if t.endswith(":") and t[:-1].rstrip().endswith(("**", "__")):
        t = t[:-1].rstrip()
    for mark in ("**", "__"):
        if len(t) > 4 and t.startswith(mark) and t.endswith(mark):
            inner = t[2:-2]
            if mark not in inner and inner.strip():
                return ("bold", inner.strip())
    if LIST_ITEM.match(s):
        return None
    words = s.split()
    if s.endswith(":") and len(words) <= 8:
        return ("colon", s)
    if len(words) <= 6 and any(c.isupper() for c in s) and not any(c.islower() for c in s):
        return ("caps", s)
    return None


def strip_markup(s):
    s = LINK.sub(r"\1", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = s.replace("\\", "")
    s = EMPHASIS.sub("", s)
    return EDGE_UNDERSCORE.sub("", s)


def _edge(ch):
    return not (ch.isalnum() or ch in "{}+#")


def norm(s):
    """Normalise a heading's text (steps 1-3 of the docstring)."""
    s = unicodedata.normalize("NFKC", s)
    for q in ("\u2019", "\u2018", "\u02bc"):
        s = s.replace(q, "'")
    s = re.sub(r"\s+", " ", strip_markup(s).lower()).strip()
    i, j = 0, len(s)
    while i < j and _edge(s[i]):
        i += 1
    while j > i and _edge(s[j - 1]):
        if s[j - 1] == ")" and "(" in s[i : j - 1]:
            break
        j -= 1
    return re.sub(r"\s+", " ", s[i:j]).strip()


SUFFIX = re.compile(
    r"\b(inc|llc|l\.l\.c|ltd|limited|gmbh|corp|corporation|co|plc|s\.a|sa|ag|bv|b\.v|pty|pte|sas|srl"
    r"|s\.r\.l|oy|ab|as|group|holdings|technologies|technology|labs|software|solutions|systems)\.?$"
)
ABSORB = re.compile(
    r"\{company\}(?:,? (?:\([^)]*\) )?(?:inc|llc|ltd|gmbh|corp|corporation|co|plc|technology"
    r"|technologies|tech|labs|group|holdings|software|solutions|systems|engineering)\b\.?)+"
)


def company_forms(company):
    """The ways a heading may write the posting's company, longest first."""
    if not company or company.strip() == "None":
        return []
    full = norm(company)
    forms = {full}
    c = re.sub(r"\s*\([^)]*\)", "", full).strip(" ,.")
    forms.add(c)
    for _ in range(3):
        shorter = SUFFIX.sub("", c).strip(" ,.")
        if not shorter or shorter == c:
            break
        forms.add(shorter)
        c = shorter
    if c.startswith("the "):
        forms.add(c[4:])
    forms |= {f.split(".")[0] for f in list(forms) if re.fullmatch(r"[a-z0-9\-]+\.(com|io|ai|co|org|net)", f)}
    return sorted((f for f in forms if len(f) >= 2), key=lambda f: (-len(f), f))


def with_company(h, forms):
    for f in forms:
        p = re.compile(r"(?<![a-z0-9])" + re.escape(f) + r"(?![a-z0-9])")
        if p.search(h):
            return ABSORB.sub("{company}", p.sub("{company}", h))
    return h


def posting_headings(posting):
    """(normalised heading, rule, is_page_wrapper) for each heading-like line."""
    text = posting.get("text") or ""
    lines = text.split("\n")
    title = norm(posting.get("title") or "")
    forms = company_forms(posting.get("company"))
    wrapped = bool(lines) and lines[0].startswith("# [")  # the RemoteWLB page
    out = []
    for i, line in enumerate(lines):
        found = heading_text(line)
        if not found:
            continue
        rule, raw = found
        if i < 3 and raw.startswith("`") and ("\U0001f30e" in raw or "\U0001f4b0" in raw):
            h = "{location}"
        else:
            h = norm(raw)
            if not h:
                continue
            title_line = (wrapped and i == 0) or (title and h == title)
            h = "{title}" if title_line else with_company(h, forms)
            if len(h.split()) > MAX_WORDS:
                h = "{sentence}"
        wrapper = wrapped and (i < 3 or h == "click to apply")
        out.append((h, rule, wrapper))
    return out


def count_corpus(path):
    postings = 0
    df = collections.Counter()  # postings a heading occurs in
    occ = collections.Counter()  # heading lines
    body = collections.Counter()  # heading lines outside the page wrapper
    by_rule = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            postings += 1
            seen = set()
            for h, rule, wrapper in posting_headings(json.loads(line)):
                occ[h] += 1
                by_rule[rule] += 1
                if not wrapper:
                    body[h] += 1
                seen.add(h)
            df.update(seen)
    return postings, df, occ, body, by_rule


# ---------------------------------------------------------------- reviewed file

# What CONVENTIONS.md and issue 12 fix, as (whole-heading pattern, allowed
# kinds). A reviewed heading that matches a pattern must have one of them.
CONVENTIONS = [
    (r"(key |main |core |primary |your |job |role )?responsibilities", {"responsibilities"}),
    (r"about (the|this) (role|job|position|opportunity)", {"responsibilities"}),
    (r"(the|your) role", {"responsibilities"}),
    (r"what you('ll| will) (do|be doing)", {"responsibilities"}),
    (r"about (you|yourself)", {"required"}),
    (r"(key |basic |minimum |required |ideal |general |job |technical )?(requirements|qualifications)", {"required"}),
    (r"must[- ]haves?|must have|what you('ll| will)? bring|who you are|what you('ll| will) need", {"required"}),
    (r"nice[- ]to[- ]haves?|good to have|(your |key )?differentiators", {"preferred"}),
    (r"bonus( points?( .*)?)?|bonus (skills|qualifications|if .*)|(.* )?(is |are |would be |as )?a plus", {"preferred"}),
    (r"preferred( (qualifications|skills|experience|requirements))?|desired( (skills|qualifications|experience))?", {"preferred"}),
    (r"about (us|\{company\}|the \{company\}|the company|our company|the team|our team|the benefits)", {"boilerplate"}),
    (r"(our |the |employee |\{company\} )?(benefits|perks|perks (&|and) benefits|benefits (&|and) perks"
     r"|compensation|compensation (&|and) benefits|total rewards|salary range|pay range|pay transparency)", {"boilerplate"}),
    (r".*equal (employment )?opportunit.*|.*\beeoc?\b.*", {"boilerplate"}),
    (r"how to apply|application process|(the |our )?(interview|hiring|recruitment) process", {"boilerplate"}),
    (r"(our |\{company\} )?(core )?values|about us", {"boilerplate"}),
    # "About X" is boilerplate only when X is the company, us, the team or the benefits
    (r"about (the |this |your )?(role|job|position|you|yourself)\b.*", set(KINDS) - {"boilerplate"}),
]
CONVENTIONS = [(re.compile("(?:" + p + r")\Z"), kinds) for p, kinds in CONVENTIONS]


# ---------------------------------------------------------------- phrase rules

# Two shapes of heading that word stems cannot read, decided before the stem
# rules (src/engine/sections.rs `phrased` does the same; keep them equal). A
# reviewed heading they decide must have their kind (checked with CONVENTIONS).
#
# A combined heading names the must-have list and then, joined by "and", "&",
# "or", "/" or a comma, the preferred one ("Requirements & Preferred Skills",
# "Skills and Qualifications Required and Preferred"): its list is required,
# and a line of it marked "preferred" or "a plus" is preferred by its own
# words (CONVENTIONS.md, REQUIRED rule). The stem rule `prefer` read them as
# preferred. A preferred word before the must-have one ("Nice to have
# requirements", "Preferred qualifications") is no combination, nor is a
# negated must-have ("Although not a requirement, bonus points if").
REQUIRED_WORDS = ("requirement", "required", "qualification", "must")
PREFERRED_WORDS = ("prefer", "desir", "nice", "bonus")
JOINERS = {"and", "&", "or", "/", ","}
# A heading that ends in an if-clause addressed to the reader ("You'll thrive
# in this role if you:", "You might be a fit if", "Bonus points if you have")
# introduces the list that completes it: required, unless the heading says
# the list is extra (a preferred cue) or negates ("You shouldn't apply if").
IF_TAIL = 4  # words after the last "if": "if you have the following"
IF_PREFERRED = re.compile(
    r"\b(bonus|plus|nice|be great|it's great|love it|edge|advantage|advantageous|extra|even better|hurt"
    r"|it helps|especially|particularly|additionally|stand out|appreciate|brownie|desirable|desired"
    r"|preferred|preferably|beneficial)\b"
)
IF_NEGATION = re.compile(r"\b(not|never)\b|n't\b")


def phrase_rule(h):
    """(rule, kind) of the phrase rule that decides a normalised heading: rule
    "combined" or "if", kind None when the heading negates; else None."""
    words = re.findall(r"[&/,]|[^\s&/,]+", h)
    req = next((i for i, w in enumerate(words) if w.startswith(REQUIRED_WORDS)), None)
    pref = next((i for i, w in enumerate(words) if w.startswith(PREFERRED_WORDS)), None)
    if req is not None and pref is not None and req < pref and JOINERS & set(words[req + 1 : pref]):
        return "combined", None if IF_NEGATION.search(h) else "required"
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)?", h)
    if "if" in words and len(words) - 1 - max(i for i, w in enumerate(words) if w == "if") <= IF_TAIL:
        if IF_NEGATION.search(h):
            return "if", None
        return "if", "preferred" if IF_PREFERRED.search(h) else "required"
    return None


def phrase_kind(h):
    """The kind a phrase rule gives a normalised heading, else None."""
    found = phrase_rule(h)
    return found[1] if found else None


def read_reviewed(path):
    """{heading: kind} and a list of problems."""
    reviewed, problems = {}, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            where = f"{os.path.relpath(path, ROOT)}:{n}"
            if len(parts) != 2:
                problems.append(f"{where}: expected heading<TAB>kind: {line!r}")
                continue
            h, kind = parts
            if kind not in KINDS:
                problems.append(f"{where}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
            if h != norm(h) and h not in PLACEHOLDERS:
                problems.append(f"{where}: {h!r} is not normalised (would be {norm(h)!r}); it would never match")
            if len(h.split()) > MAX_WORDS:
                problems.append(f"{where}: more than {MAX_WORDS} words: a sentence, counted as {{sentence}}")
            if h in reviewed:
                problems.append(f"{where}: {h!r} twice")
            reviewed[h] = kind
    for h, kind in reviewed.items():
        for pat, allowed in CONVENTIONS:
            if pat.match(h) and kind not in allowed:
                problems.append(
                    f"contradiction: {h!r} is {kind}, but the conventions say {'/'.join(sorted(allowed))} ({pat.pattern})"
                )
        phrased = phrase_kind(h)
        if phrased and kind != phrased:
            problems.append(f"contradiction: {h!r} is {kind}, but the phrase rules say {phrased}")
    return reviewed, problems


# ---------------------------------------------------------------- keyword rules

MIN_SUPPORT = 5  # reviewed headings a keyword must occur in
MIN_PRECISION = 0.90  # share of them that have the rule's kind
STOP = {"a", "an", "and", "the", "of", "to", "in", "for", "with", "at", "on", "or", "as", "by", "&", "is", "are",
        "be", "this", "that", "it", "from", "de", "la", "le", "et", "des", "du", "en"}
WORD = re.compile(r"\{company\}|[^\W_]+(?:'[^\W_]+)?")


def stem(word):
    """A word's stem: drop 's and a plural s (not of -ss, -us, -is), keep the first 6 letters."""
    if word == "{company}":
        return word
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:6]


def keywords(h):
    """The unigram and bigram stems of a heading (a set)."""
    if h in ("{title}", "{location}", "{sentence}"):
        return set()
    stems = [stem(w) for w in WORD.findall(h)]
    out = {s for s in stems if s not in STOP}
    out |= {f"{a} {b}" for a, b in zip(stems, stems[1:]) if not (a in STOP and b in STOP)}
    return out


def derive_rules(reviewed):
    """A decision list [(keyword, kind, precision, support, {kind: count})], in order.

    Sequential covering: among the reviewed headings that no earlier rule
    decides, every keyword found in >= MIN_SUPPORT of them with >=
    MIN_PRECISION of one kind is a candidate; the one found in the most
    headings becomes the next rule, the headings it decides are set aside,
    and so on. Precision and support are those a rule has where it applies.
    """
    heads = {h: keywords(h) for h in reviewed}
    counts = collections.defaultdict(collections.Counter)
    holders = collections.defaultdict(set)
    for h, ks in heads.items():
        for k in ks:
            counts[k][reviewed[h]] += 1
            holders[k].add(h)
    rules = []
    while True:
        best = None
        for k, c in counts.items():
            support = sum(c.values())
            if support < MIN_SUPPORT:
                continue
            kind, n = max(c.items(), key=lambda kv: (kv[1], kv[0]))
            if n / support < MIN_PRECISION:
                continue
            cand = (-support, -n / support, k, kind)
            if best is None or cand < best:
                best = cand
        if best is None:
            return rules
        _, _, k, kind = best
        c = {x: n for x, n in counts[k].items() if n}
        precision, support = c[kind] / sum(c.values()), sum(c.values())
        rules.append((k, kind, precision, support, c))
        for h in list(holders[k]):
            for k2 in heads.pop(h):
                counts[k2][reviewed[h]] -= 1
                if not +counts[k2]:
                    del counts[k2]
                holders[k2].discard(h)


def phrase_stats(reviewed, rules, unreviewed, df):
    """What each phrase rule decides among the reviewed headings and the unreviewed tail."""
    out = {}
    for name in ("combined", "if"):
        r = {"kinds": collections.Counter(), "negated": 0}
        for h, kind in reviewed.items():
            found = phrase_rule(h)
            if found and found[0] == name:
                if found[1]:
                    r["kinds"][kind] += 1
                else:
                    r["negated"] += 1
        t = {"kinds": collections.Counter(), "headings": 0, "postings": 0, "changed": 0, "example": ""}
        for h in sorted(unreviewed, key=lambda h: (-df[h], h)):
            found = phrase_rule(h)
            if found and found[0] == name and found[1] and len(h.split()) <= MAX_WORDS:
                t["kinds"][found[1]] += 1
                t["headings"] += 1
                t["postings"] += df[h]
                t["changed"] += apply_rules(rules, h)[0] != found[1]
                t["example"] = t["example"] or h[:60]
        out[name] = (r, t)
    return out


def apply_rules(rules, h):
    """The kind of the first rule (in order) whose keyword the heading has."""
    ks = keywords(h)
    for k, kind, *_ in rules:
        if k in ks:
            return kind, k
    return None, None


def cross_validate(reviewed, folds=5):
    """Rules derived from 4/5 of the reviewed headings, applied to the rest."""
    fired = right = 0
    confusion = collections.Counter()
    for fold in range(folds):
        part = lambda h: int(hashlib.sha1(h.encode()).hexdigest(), 16) % folds
        train = {h: k for h, k in reviewed.items() if part(h) != fold}
        rules = derive_rules(train)
        for h, kind in reviewed.items():
            if part(h) != fold:
                continue
            got, _ = apply_rules(rules, h)
            if got:
                fired += 1
                right += got == kind
                confusion[(kind, got)] += got != kind
    return len(reviewed), fired, right, confusion


# ---------------------------------------------------------------- output

def cues_text(postings, reviewed, df):
    rows = sorted(reviewed.items(), key=lambda kv: (-df.get(kv[0], 0), kv[0]))
    return f"#postings\t{postings}\n" + "".join(f"{h}\t{k}\t{df.get(h, 0)}\n" for h, k in rows)


def rules_text(rules):
    head = (
        "# Keyword rules for headings that data/section-cues.tsv does not name; generated by\n"
        "# tools/gen_sections.py from data/section-cues.reviewed.tsv (see tools/heading_rules.md).\n"
        "# keyword: a word stem (the word lower-cased, 's dropped, a final s dropped unless after s, u\n"
        "# or i, first 6 letters), or the stems of two consecutive words joined by a space.\n"
        "# A decision list: the first rule, in this order, whose keyword the normalised heading has\n"
        "# gives its kind; no rule, no kind.\n"
        f"# support: reviewed headings no earlier rule decides that have the keyword (>= {MIN_SUPPORT});\n"
        f"# precision: the share of them of the rule's kind (>= {MIN_PRECISION:.2f}).\n"
        "#keyword\tkind\tprecision\tsupport\n"
    )
    return head + "".join(f"{k}\t{kind}\t{p:.2f}\t{s}\n" for k, kind, p, s, _ in rules)


def keyword_counts(reviewed):
    counts = collections.defaultdict(collections.Counter)
    for h, kind in reviewed.items():
        for k in keywords(h):
            counts[k][kind] += 1
    return counts


def doc_text(reviewed, rules, cv, tail, phrases):
    total, fired, right, confusion = cv
    per_kind = collections.Counter(reviewed.values())
    counts = keyword_counts(reviewed)
    short = {"required": "req", "preferred": "pref", "responsibilities": "resp", "boilerplate": "boil",
             "other": "other", "not-a-heading": "n-a-h"}
    lines = [
        "# Heading rules for the tail",
        "",
        "Generated by `tools/gen_sections.py`; do not edit (edit `data/section-cues.reviewed.tsv` and run it).",
        "",
        f"`data/section-cues.reviewed.tsv` classifies {total} headings by hand ("
        + ", ".join(f"{per_kind[k]} {k}" for k in KINDS)
        + "): every heading of two or more corpus postings, and some single ones. A heading it does not name "
        "falls back on the keyword rules of `data/section-rules.tsv`, which the generator chooses from the "
        "reviewed file, not by hand. A keyword is a word stem (lower case, `'s` dropped, a final `s` dropped unless "
        "after `s`, `u` or `i`, first 6 letters: `qualifications` -> `qualif`) or the stems of two consecutive words (`about you`). The rules "
        "form a decision list, built by sequential covering: among the reviewed headings that no rule decides "
        f"yet, every keyword found in at least {MIN_SUPPORT} of them, at least {MIN_PRECISION:.0%} of them of "
        "one kind, is a candidate; the one found in the most headings becomes the next rule, the headings it "
        "decides are set aside, and so on. A heading takes the kind of the first rule whose keyword it has; "
        "with none, it gets no kind (an unknown heading, as today).",
        "",
        "## How well the rules generalise",
        "",
        "Five-fold cross-validation over the reviewed headings (rules derived from four fifths, applied to the "
        f"fifth): a rule fires on {fired} of {total} headings ({fired / total:.0%}) and gives the reviewed kind "
        f"for {right} of them ({right / max(fired, 1):.1%}).",
    ]
    if confusion:
        worst = [f"{a} read as {b} ({n})" for (a, b), n in confusion.most_common(6) if n]
        lines.append("Most frequent confusions: " + "; ".join(worst) + ".")
    if tail:
        t_heads, t_occ, t_fired_h, t_fired_occ, t_kinds, t_examples = tail
        lines += [
            "",
            "## On the corpus's unreviewed tail",
            "",
            f"{t_heads} headings of the corpus are not reviewed ({t_occ} heading lines, each in one posting). "
            f"The rules classify {t_fired_h} of them ({t_fired_h / max(t_heads, 1):.0%}; {t_fired_occ} lines): "
            + ", ".join(f"{t_kinds[k]} {k}" for k in KINDS if t_kinds[k])
            + ". The rest are mostly job titles, names, skill labels inside lists and sentences.",
        ]
    if phrases:
        lines += [
            "",
            "## Phrase rules",
            "",
            "Two shapes of heading are decided before the stem rules (`phrase_rule` here, `phrased` in "
            "src/engine/sections.rs): a combined heading, the must-have list joined to the preferred one "
            "(\"Requirements & Preferred Skills\"), is required; a heading that ends in an if-clause (at most "
            f"{IF_TAIL} words after the last \"if\": \"You might be a fit if\") is required, or preferred with a "
            "preferred cue (\"Bonus points if you have\"); either, negated, decides nothing. A reviewed heading "
            "they decide must have their kind.",
            "",
            "| rule | reviewed headings decided | negated | tail headings (postings) decided | of them, "
            "the stem rules gave another kind or none | example from the tail |",
            "|---|---|---|---|---|---|",
        ]
        for name in ("combined", "if"):
            r, t = phrases[name]
            lines.append(
                f"| {name} | {sum(r['kinds'].values())} ("
                + ", ".join(f"{short[x]} {r['kinds'][x]}" for x in KINDS if r["kinds"][x])
                + f") | {r['negated']} | {t['headings']} ({t['postings']}): "
                + ", ".join(f"{short[x]} {t['kinds'][x]}" for x in KINDS if t["kinds"][x])
                + f" | {t['changed']} | {t['example'].replace('|', '/')} |"
            )
    lines += [
        "",
        "## The rules, in order",
        "",
        "precision / support: where the rule applies (after the rules above it). "
        "All reviewed: the reviewed headings that have the keyword, by kind"
        + ("; tail: unreviewed corpus headings the rule decides, with the first of them." if tail else "."),
        "",
        "| # | keyword | kind | precision | support | all reviewed |" + (" tail | example from the tail |" if tail else ""),
        "|---|---|---|---|---|---|" + ("---|---|" if tail else ""),
    ]
    for i, (k, kind, p, s, _) in enumerate(rules, 1):
        allc = ", ".join(f"{short[x]} {counts[k][x]}" for x in KINDS if counts[k][x])
        row = f"| {i} | `{k}` | {kind} | {p:.2f} | {s} | {allc} |"
        if tail:
            n, ex = tail[5].get(k, (0, ""))
            row += f" {n} | {ex.replace('|', '/')} |"
        lines.append(row)
    ruled = {r[0] for r in rules}
    frequent = sorted((k for k in counts if k not in ruled and " " not in k), key=lambda k: (-sum(counts[k].values()), k))
    lines += [
        "",
        "## Frequent stems that are not rules",
        "",
        "Too mixed to decide a heading alone (they still appear in the bigram rules above).",
        "",
        "| stem | reviewed headings | by kind |",
        "|---|---|---|",
    ]
    for k in frequent[:25]:
        c = counts[k]
        lines.append(f"| `{k}` | {sum(c.values())} | " + ", ".join(f"{short[x]} {c[x]}" for x in KINDS if c[x]) + " |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "remote-jobs.jsonl"))
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--check", action="store_true", help="write nothing; fail when a file is stale")
    ap.add_argument("--top", type=int, default=30, help="unreviewed headings to list")
    args = ap.parse_args()

    reviewed, problems = read_reviewed(os.path.join(args.data, "section-cues.reviewed.tsv"))
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        sys.exit(2)
    rules = derive_rules(reviewed)
    cv = cross_validate(reviewed)
    outputs = {os.path.join(args.data, "section-rules.tsv"): rules_text(rules)}
    cues_path = os.path.join(args.data, "section-cues.tsv")
    doc_path = os.path.join(ROOT, "tools", "heading_rules.md")

    have_corpus = os.path.exists(args.corpus)
    if have_corpus:
        postings, df, occ, body, by_rule = count_corpus(args.corpus)
        unreviewed = [h for h in df if h not in reviewed]
        tail_kinds, tail_examples = collections.Counter(), {}
        fired_h = fired_occ = 0
        for h in sorted(unreviewed, key=lambda h: (-df[h], h)):
            kind, k = apply_rules(rules, h)
            if kind:
                fired_h += 1
                fired_occ += occ[h]
                tail_kinds[kind] += 1
                n, ex = tail_examples.get(k, (0, h[:60]))
                tail_examples[k] = (n + 1, ex)
        tail = (len(unreviewed), sum(occ[h] for h in unreviewed), fired_h, fired_occ, tail_kinds, tail_examples)
        outputs[cues_path] = cues_text(postings, reviewed, df)
        outputs[doc_path] = doc_text(reviewed, rules, cv, tail, phrase_stats(reviewed, rules, unreviewed, df))

    stale = []
    for path, text in outputs.items():
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            stale.append(os.path.relpath(path, ROOT))
            if not args.check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    if not have_corpus:
        print(f"corpus absent ({args.corpus}): postings counts, {os.path.relpath(doc_path, ROOT)} not checked")
        if os.path.exists(cues_path):
            rows = [l.split("\t")[:2] for l in open(cues_path, encoding="utf-8").read().splitlines()[1:]]
            if dict(map(tuple, rows)) != reviewed or len(rows) != len(reviewed):
                stale.append(os.path.relpath(cues_path, ROOT) + " (headings/kinds)")
        else:
            stale.append(os.path.relpath(cues_path, ROOT))

    if have_corpus:
        report(postings, reviewed, df, occ, body, by_rule, rules, cv, tail, args.top)
    if args.check:
        if stale:
            print("stale (run tools/gen_sections.py): " + ", ".join(stale), file=sys.stderr)
            sys.exit(1)
        print("section cues up to date")
    elif stale:
        print("wrote " + ", ".join(stale))


def report(postings, reviewed, df, occ, body, by_rule, rules, cv, tail, top):
    total, total_body = sum(occ.values()), sum(body.values())
    cov = sum(n for h, n in occ.items() if h in reviewed)
    cov_body = sum(n for h, n in body.items() if h in reviewed)
    pairs, pairs_cov = sum(df.values()), sum(n for h, n in df.items() if h in reviewed)
    print(f"{postings} postings, {total} heading lines ({', '.join(f'{n} {r}' for r, n in by_rule.most_common())}), "
          f"{len(df)} distinct headings")
    print(f"reviewed: {len(reviewed)} headings ({sum(1 for h in reviewed if h in df)} in the corpus)")
    print(f"coverage: {cov / total:.1%} of heading lines ({cov}/{total}); "
          f"{cov_body / total_body:.1%} without the page wrapper (title, company, meta, apply line: "
          f"{cov_body}/{total_body}); {pairs_cov / pairs:.1%} of (posting, heading) pairs")
    ge3 = [h for h in df if df[h] >= 3]
    print(f"headings in >= 3 postings: {len(ge3)}, reviewed {sum(1 for h in ge3 if h in reviewed)}; "
          f">= 2: {sum(1 for h in df if df[h] >= 2)}, reviewed {sum(1 for h in df if df[h] >= 2 and h in reviewed)}")
    kinds_h = collections.Counter(reviewed.values())
    kinds_occ = collections.Counter()
    for h, n in occ.items():
        if h in reviewed:
            kinds_occ[reviewed[h]] += n
    print("per kind (headings / heading lines):")
    for k in KINDS:
        print(f"  {k:17} {kinds_h[k]:5} / {kinds_occ[k]:6}")
    t_heads, t_occ, t_fired_h, t_fired_occ, t_kinds, _ = tail
    total_cv, fired, right, _ = cv
    print(f"keyword rules: {len(rules)} (data/section-rules.tsv); cross-validated: fire on {fired / total_cv:.0%} "
          f"of reviewed headings, right on {right / max(fired, 1):.1%} of those")
    print(f"unreviewed tail: {t_heads} headings, {t_occ} lines; rules classify {t_fired_h} headings "
          f"({t_fired_occ} lines): " + ", ".join(f"{t_kinds[k]} {k}" for k in KINDS if t_kinds[k]))
    print(f"most frequent unreviewed headings (postings, rule's guess):")
    for h in sorted((h for h in df if h not in reviewed), key=lambda h: (-df[h], -occ[h], len(h.split()), h))[:top]:
        kind, k = apply_rules(rules, h)
        print(f"  {df[h]:3}  {h}" + (f"   [{kind} by {k!r}]" if kind else ""))


if __name__ == "__main__":
    main()
