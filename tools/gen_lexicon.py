#!/usr/bin/env python3
"""Generate tailor's built-in skill lexicon from ../shared/lexicon-sources.

usage: tools/gen_lexicon.py [--shared DIR] [--out data] [--check]

Reads the open skill data described in ../shared/lexicon-sources/README.md
(Stack Overflow tags and synonyms, GitHub Explore topics, linguist, devicon,
O*NET, ESCO, Simple Icons, the skill-extractor gazetteer), merges entries that
name the same skill, applies the hand-kept `data/lexicon-overrides.txt`, and
counts in how many postings of ../shared/corpus each term occurs.

Writes `data/lexicon.tsv` (CC BY-SA 4.0, see data/LEXICON-LICENSE.md):

    term <TAB> category <TAB> df <TAB> flags <TAB> form|form|...

- term: the display name; forms: every surface form, normalised the way
  src/engine/keywords/normalize.rs normalises text (lower case, tokens of letters,
  digits, '+', '#', a leading '.', joined by one space);
- df: number of corpus postings that mention the term (out of the count on
  the file's first line, `#postings <TAB> N`);
- flags: comma list; `weak` = known only from the noisy gazetteer;
- a form starting with `~` is an everyday word that alone names no skill
  ("software", "users"): it matches nothing;
- a form ending in `?ctx` counts only when a form `ctx` (words joined by
  `_`) is mentioned in the same text (Apollo beside GraphQL, not beside
  Salesforce);
- a form starting with `^` counts only when the posting writes it with a
  capital letter (Go, Express, Flow: product names that are everyday words,
  and one- or two-letter names such as C, R, AI).

Standard library only; deterministic (sorted output).
"""
import argparse, csv, json, os, re, sys, unicodedata
from collections import defaultdict

csv.field_size_limit(10**8)

TOKEN = re.compile(r"\.?[a-z0-9+#]+")


def norm(s):
    """Normalise a surface form: NFKC, lower case, tokens joined by spaces."""
    s = unicodedata.normalize("NFKC", s).lower().replace("\u2019", "'")
    toks = []
    for m in TOKEN.finditer(s):
        t = m.group(0)
        # a '.' only starts a token at a word start (".net"), not in "node.js"
        if t.startswith(".") and m.start() > 0 and s[m.start() - 1].isalnum():
            t = t[1:]
        # part of a word with letters beyond ASCII ("Teamfähigkeit"): not a
        # token, as in src/engine/keywords/normalize.rs
        if foreign(s, m.start(), m.end()):
            continue
        toks.append(t)
    return " ".join(toks)


def foreign(s, start, end):
    """Whether s[start:end] touches a non-ASCII letter or digit."""
    before = s[start - 1] if start > 0 else ""
    after = s[end] if end < len(s) else ""
    return any(c and not c.isascii() and c.isalnum() for c in (before, after))


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


class Lexicon:
    def __init__(self):
        self.parent = {}
        self.display = {}  # key -> (priority, display)
        self.category = {}  # key -> (priority, category)
        self.strong = set()  # keys seen in a curated source
        self.blocked = set()  # normalised forms never to merge through
        self.brand = set()  # single-token product names (linguist, devicon, icons, topics)
        self.product = set()  # names of products and languages (linguist, devicon)
        self.popular = set()  # forms of well-known names, kept even if no posting says them
        self.owner = {}  # root -> the display name of the hand-kept term it is

    def find(self, k):
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def add(self, names, display=None, category=None, prio=5, strong=True):
        keys = []
        for n in names:
            k = norm(n)
            if not k or k in self.blocked:
                continue
            keys.append(k)
            self.parent.setdefault(k, k)
        if not keys:
            return
        root = self.find(keys[0])
        for k in keys[1:]:
            r = self.find(k)
            if r == root:
                continue
            # Two hand-kept terms ("Logging", "Audit logging"; "Jest",
            # "Jekyll") stay two, whatever a source's synonyms say.
            a, b = self.owner.get(root), self.owner.get(r)
            if a and b and a != b:
                continue
            self.parent[r] = root
            if b and not a:
                self.owner[root] = b
        if prio == 0 and display:
            self.owner.setdefault(self.find(keys[0]), display)
        if strong:
            self.strong.update(keys)
        if display:
            dk = norm(display)
            if dk in self.parent:
                old = self.display.get(dk)
                if old is None or prio < old[0]:
                    self.display[dk] = (prio, display)
        if category:
            old = self.category.get(keys[0])
            if old is None or prio < old[0]:
                self.category[keys[0]] = (prio, category)


# A word that starts at least this many O*NET technology names, nearly all
# of them going on with a capital ("Oracle PeopleSoft", "IBM FileNet Content
# Manager"; not "Computer aided design"), is a vendor: postings often name
# the product without it ("PeopleSoft").
ONET_VENDOR_MIN_NAMES = 10
ONET_VENDOR_MIN_CAPITAL_SHARE = 0.9
# A hot technology this many occupations use is an everyday tool of work
# (O*NET: Microsoft Excel 859, Word 784, Outlook 638, Project 201, Adobe
# Acrobat 165; the next everyday word, Google Drive, has 64 and is not hot).
ONET_OFFICE_MIN_OCCUPATIONS = 100


def vendors_of_onet(rows):
    """The vendors of O*NET's technology names (see ONET_VENDOR_MIN_NAMES)."""
    first, capital = defaultdict(int), defaultdict(int)
    for row in rows:
        words = row["example"].split()
        if len(words) >= 2:
            first[words[0]] += 1
            capital[words[0]] += words[1][:1].isupper() or words[1][:1].isdigit()
    return {w for w, n in first.items()
            if n >= ONET_VENDOR_MIN_NAMES and capital[w] >= ONET_VENDOR_MIN_CAPITAL_SHARE * n}


def onet_name(example, english, vendors=frozenset(), known=(), products=frozenset(), tags=frozenset(), office=False):
    """O*NET names: drop ' software' (or ' operating system(s)') after a
    name, mine a trailing acronym, and name a vendor's product also without
    the vendor ("Oracle PeopleSoft" -> "PeopleSoft") when what is left has
    no everyday word and names nothing `known` already ("Oracle Middleware"
    is not middleware), or is a product linguist or devicon knows by that
    short name ("Microsoft Azure" is Azure). An everyday word is the
    product's short name too when two sources agree on it: O*NET flags the
    product a hot technology (frequent in job postings) used in at least
    ONET_OFFICE_MIN_OCCUPATIONS occupations (`office`), and Stack Overflow
    has the word as a tag (`tags`): "Microsoft Excel" is Excel, "Adobe
    Acrobat" Acrobat, but "Oracle Cloud" (4 occupations) is no Cloud. Such a
    word matches only written with a capital (see SHORT_NAMES in main)."""
    name = re.sub(r"\s+(software|operating systems?)$", "", example)
    if norm(name) in english:
        name = example  # "Accounting software" is not accounting
    words = name.split()
    names = [name]
    if len(words) >= 2 and words[0] in vendors:
        rest = " ".join(words[1:])
        k = norm(rest)
        # One word must be no everyday word ("Excel", "Word"); a phrase of
        # capitalised words needs one word that is none ("Power BI", "AutoCAD
        # LT"; not "Data Pipeline", "Application Server").
        parts = rest.split()
        proper = all(w[:1].isupper() or w[:1].isdigit() for w in parts)
        odd = [t for t in k.split() if t not in english and singular(t) not in english]
        if len(k) >= 4 and proper and (k in products or k not in known and odd and (len(parts) > 1 or len(odd) == 1)):
            names.append(rest)
        elif len(k) >= 4 and proper and office and k in tags and k not in known:
            names.append(rest)
    if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]+", words[-1]):
        acro = words[-1]
        initials = "".join(w[0] for w in words[:-1]).upper()
        if acro in initials:
            names.append(acro)
            return acro, names
    return name, names


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--out", default=os.path.join(here, "..", "data"))
    ap.add_argument("--words", default=os.path.join(here, "..", "data", "words.txt"))
    a = ap.parse_args()
    src = os.path.join(a.shared, "lexicon-sources")
    lex = Lexicon()

    words_path = a.words if os.path.exists(a.words) else "/usr/share/dict/american-english"
    with open(words_path, encoding="utf-8", errors="replace") as f:
        english = {w.strip().lower() for w in f if w.strip() and not w.strip().endswith("'s")}

    overrides = parse_overrides(os.path.join(a.out, "lexicon-overrides.txt"))
    lex.blocked.update(norm(x) for x in overrides["block"])
    drop = {norm(x) for x in overrides["drop"]}
    why = {}  # dropped form -> the reason, for the report

    # Soft skills and generic competences: never hard skills.
    soft = set()
    for row in csv.DictReader(open(os.path.join(src, "esco", "transversalSkillsCollection_en.csv"), encoding="utf-8")):
        soft.add(norm(row["preferredLabel"]))
        soft.update(norm(x) for x in row["altLabels"].split("|") if x.strip())
    with open(os.path.join(src, "onet", "onet_content_model_skills_knowledge.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            soft.add(norm(row["element_name"]))

    # 1. Curated sources, best display names first.
    curated = {norm(f) for o in overrides["add"] for f in o["forms"]}
    lex.popular |= curated
    for o in overrides["add"]:
        lex.add(o["forms"], display=o["forms"][0], category=o.get("category"), prio=0)

    for t in read_jsonl(os.path.join(src, "github-explore", "github_explore_topics.jsonl")):
        names = [t["display_name"], t["topic"].replace("-", " ")] + [x.replace("-", " ") for x in t.get("aliases", [])]
        lex.add(names, display=t["display_name"], prio=2)
        lex.popular.add(norm(t["display_name"]))
        lex.brand.add(norm(t["display_name"]))

    bad_linguist = {"node", "terraform", "bash", "zsh", "sh", "envrc", "shell script"}
    for l in read_jsonl(os.path.join(src, "linguist", "linguist_languages.jsonl")):
        if l["type"] != "programming":
            continue
        names = [l["name"]] + [x for x in l.get("aliases", []) if x.lower() not in bad_linguist]
        lex.add(names, display=l["name"], category="language", prio=1)
        lex.brand.update(norm(x) for x in names)
        lex.product.update(norm(x) for x in names)
        lex.popular.add(norm(l["name"]))

    dev_cat = {"database": "database", "cloud": "cloud", "framework": "framework", "language": "language",
               "devops": "devops", "container": "devops", "testing": "testing", "platform": "platform"}
    for d in read_jsonl(os.path.join(src, "devicon", "devicon_names.jsonl")):
        cat = next((dev_cat[t] for t in d.get("tags", []) if t in dev_cat), None)
        lex.add([d["name"]] + d.get("altnames", []), category=cat, prio=4)
        lex.brand.update(norm(x) for x in [d["name"]] + d.get("altnames", []))
        lex.product.update(norm(x) for x in [d["name"]] + d.get("altnames", []))
        lex.popular.add(norm(d["name"]))

    so_syn = defaultdict(list)
    with open(os.path.join(src, "stackoverflow", "so_tag_synonyms.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["approved"] == "Y":
                so_syn[row["target_tag"]].append(row["source_tag"])
    so_tags = set()  # every tag with enough questions, dictionary words too
    with open(os.path.join(src, "stackoverflow", "so_tags.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            tag, count = row["tag"], int(row["question_count"])
            k = norm(tag.replace("-", " "))
            if count >= 300:
                so_tags.add(k)
            # Generic programming words ("arrays", "string") are not résumé
            # skills: keep a dictionary word only when a curated source has it.
            if count < 300 or (k in english and k not in lex.parent):
                continue
            # Synonyms that are everyday words ("div", "parse", "inc") are
            # tag-merging shortcuts, not names of the skill.
            syn = [s.replace("-", " ") for s in so_syn.get(tag, [])]
            syn = [s for s in syn if len(norm(s)) > 2 and norm(s) not in english]
            lex.add([tag.replace("-", " ")] + syn, prio=6)
            # A tag with many questions names a real tool even when no
            # corpus posting says it (FreeRTOS); a dictionary word or a short
            # name ("auth", "src", "init") needs more.
            if count >= 5000 or (count >= 500 and k not in english and len(k) >= 5):
                lex.popular.add(norm(tag.replace("-", " ")))

    with open(os.path.join(src, "onet", "onet_technology_examples_aggregated.tsv"), encoding="utf-8") as f:
        onet_rows = list(csv.DictReader(f, delimiter="\t"))
    onet_vendors = vendors_of_onet(onet_rows)
    # Everyday words that are an office tool's short name ("Excel", "Word"):
    # they name the product when written with a capital, whatever the
    # corpus's share of the everyday word in lower case.
    short_names = set()
    for row in onet_rows:
        if int(row["n_occupations"]) < 2 and row["hot_technology"] != "Y":
            continue
        office = row["hot_technology"] == "Y" and int(row["n_occupations"]) >= ONET_OFFICE_MIN_OCCUPATIONS
        display, names = onet_name(row["example"], english, onet_vendors, lex.parent, lex.product,
                                   so_tags, office)
        lex.add(names, display=display, category=onet_category(row["commodity_title"]), prio=5)
        # O*NET names the tools of every trade, most of which the
        # corpus of software postings never says (Laserfiche, AMS
        # Advantage): a name two occupations use is kept all the same.
        lex.popular.update(norm(n) for n in names)
        if office:
            short_names.update(norm(n) for n in names[1:] if norm(n) in english)

    for row in csv.DictReader(open(os.path.join(src, "esco", "digitalSkillsCollection_en.csv"), encoding="utf-8")):
        if row["skillType"] != "knowledge":
            continue
        lex.add([row["preferredLabel"]], display=row["preferredLabel"], prio=7)

    icons = read_jsonl(os.path.join(src, "simple-icons", "simple_icons_titles.jsonl"))
    for i in icons:  # casing only: a brand list is no skill list
        k = norm(i["title"])
        lex.brand.add(k)
        if k in lex.parent:
            old = lex.display.get(k)
            if old is None or old[0] > 3:
                lex.display[k] = (3, i["title"])

    gaz = json.load(open(os.path.join(src, "skill-extractor", "skill_extractor_gazetteer.json"), encoding="utf-8"))
    for g in gaz:
        k = norm(g)
        if k and k not in lex.parent:
            lex.add([g], prio=9, strong=False)

    # 1a. Certifications, named as CONVENTIONS.md names them ("AWS
    # certification", "Cisco certification"): a curated name that corpus
    # postings write before "certified" or "certification(s)".
    with open(os.path.join(a.shared, "corpus", "remote-jobs.jsonl"), encoding="utf-8") as f:
        corpus = [json.loads(line)["text"] for line in f]
    foreign = foreign_words(corpus)
    listed_certs = listed_certifications(corpus)
    for v, display in certified_names(corpus, lex).items():
        lex.add([f"{v} certification", f"{v} certifications", f"{v} certified"],
                display=f"{display} certification", category="skill", prio=2)
    # "Unit tests" and "a load test" ask for unit and load testing.
    for k in [k for k in lex.parent if k.endswith(" testing") and k in lex.strong]:
        base = k[: -len("testing")]
        lex.add([k] + [base + w for w in ("tests", "test") if base + w not in lex.parent], prio=9)

    # 1b. Forms that are a known term plus a generic word ("CI/CD practices",
    # "observability tooling") would hide the term behind a phrase no
    # posting asks for as such; phrases of soft skills or job titles name
    # no hard skill.
    for k in list(lex.parent):
        if k in curated:
            continue
        toks = k.split()
        if len(toks) < 2:
            if k in ROLE_WORDS or k in SOFT_WORDS:
                drop.add(k)
            continue
        weak = k not in lex.strong
        if toks[-1] in GENERIC_SUFFIX and weak:
            rest = " ".join(toks[:-1])
            if rest in lex.parent and rest not in english:
                drop.add(k)
            elif rest in lex.parent and rest in curated:
                drop.add(k)
        # "Modern JavaScript", "strong SQL": a generic word before a name.
        # (A source's own name keeps it: "deep learning", "basic
        # authentication", "native code".)
        if weak and toks[0] in GENERIC_PREFIX and " ".join(toks[1:]) in lex.parent:
            drop.add(k)
            why[k] = "a generic word and a known name"
        if weak and (any(t in SOFT_WORDS for t in toks) or toks[-1] in ROLE_WORDS):
            drop.add(k)
        # "AWS cloud", "Azure services": a product and a generic word name the
        # product, which the walk finds on its own.
        if weak and toks[-1] in GENERIC_SUFFIX | {"cloud", "platform"} and \
                " ".join(toks[:-1]) in (lex.brand | lex.popular):
            drop.add(k)
            why[k] = "a product name and a generic word"
        # "HTML/CSS", "SQS/SNS", "machine learning ML": a gazetteer phrase made
        # of names the lexicon knows is those names, each its own skill.
        if weak and compound(lex, toks, english):
            drop.add(k)
            why[k] = "made of known names"
        # A source's tag joining two hand-kept names ("kubernetes helm") is
        # those two names.
        elif not weak and not any(k.startswith(v + " ") for v in VENDORS) \
                and compound(lex, toks, english, only=curated):
            drop.add(k)
            why[k] = "made of hand-kept names"

    # 1c. Variants of one name: plurals ("REST APIs" = "REST API"), a
    # vendor prefix ("Apache Kafka" = "Kafka") and a phrase with its acronym
    # ("proof of concept (POC)" = "proof of concept" = "POC").
    merge_variants(lex, drop, english)

    # 2. Groups.
    groups = defaultdict(set)
    for k in lex.parent:
        groups[lex.find(k)].add(k)
    entries = []
    for root, keys in groups.items():
        keys = {k for k in keys if k not in drop and (k not in soft or k in curated) and valid_form(k)}
        popular = any(k in lex.popular for k in keys)
        if not keys:
            continue
        disp = [lex.display[k] for k in keys if k in lex.display]
        display = min(disp)[1] if disp else None
        cats = [lex.category[k] for k in keys if k in lex.category]
        category = min(cats)[1] if cats else None
        strong = any(k in lex.strong for k in keys)
        entries.append({"term": display, "forms": sorted(keys), "category": category, "strong": strong,
                        "popular": popular})

    # 3. Document frequencies over the corpus, by token n-grams.
    form_to_entry = {}
    for i, e in enumerate(entries):
        for f in e["forms"]:
            form_to_entry[f] = i
    maxn = max(len(f.split()) for f in form_to_entry)
    # Everyday words ("software", "team") name nothing in a line.
    line_forms = {f: i for f, i in form_to_entry.items() if " " in f or f not in english or f in curated}
    df = [0] * len(entries)
    line_occ = [0] * len(entries)
    line_co = [0] * len(entries)
    line_role = [0] * len(entries)
    n_post = 0
    lower_uses, all_uses = defaultdict(int), defaultdict(int)
    # How postings write the names that no source gives a cased display
    # name for ("dynamodb" -> "DynamoDB", "argocd" -> "ArgoCD").
    # (A hand-kept display name in lower case, "dbt", is as its makers write it.)
    kept_names = {o["forms"][0] for o in overrides["add"]}
    needs_display = {i for i, e in enumerate(entries)
                     if not e["term"] or (e["term"] == e["term"].lower() and e["term"] not in kept_names)}
    written = defaultdict(lambda: defaultdict(int))
    # How often a one-word form starts a hyphenated word ("pre-sales").
    single = {f for f in form_to_entry if " " not in f}
    word_uses, prefix_uses = defaultdict(int), defaultdict(int)
    hyphenated = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9+#]*)(-(?=[A-Za-z]))?")
    word = re.compile(r"[A-Za-z][A-Za-z0-9+#]*")
    for raw in corpus:
        n_post += 1
        text = unicodedata.normalize("NFKC", raw).replace("\u2019", "'")
        for m in hyphenated.finditer(text):
            lw = m.group(1).lower()
            if lw in single:
                word_uses[lw] += 1
                prefix_uses[lw] += m.group(2) is not None
        for w in word.findall(text):
            lw = w.lower()
            if lw in english:
                all_uses[lw] += 1
                if w == lw:
                    lower_uses[lw] += 1
        spans = tokens(text)
        toks = [t for t, _, _ in spans]
        seen = set()
        for i in range(len(toks)):
            for n in range(1, maxn + 1):
                if i + n > len(toks):
                    break
                j = form_to_entry.get(" ".join(toks[i:i + n]))
                if j is not None:
                    seen.add(j)
                    if j in needs_display:
                        surface = " ".join(text[spans[i][1]:spans[i + n - 1][2]].split())
                        if PLAIN.fullmatch(surface):
                            written[j][surface] += 1
        for j in seen:
            df[j] += 1
        # Line by line, longest name first: which names stand in a line
        # with another (curated) technical name.
        for ln in text.split("\n"):
            lt = [t for t, _, _ in tokens(ln)]
            hits, i, role_hits = [], 0, set()
            while i < len(lt):
                for n in range(min(maxn, len(lt) - i), 0, -1):
                    j = line_forms.get(" ".join(lt[i:i + n]))
                    if j is not None:
                        hits.append(j)
                        if i + n < len(lt) and lt[i + n] in ROLE_NEXT:
                            role_hits.add(j)
                        i += n
                        break
                else:
                    i += 1
            strong_hits = {j for j in hits if entries[j]["strong"]}
            for j in role_hits:
                line_role[j] += 1
            for j in set(hits):
                line_occ[j] += 1
                if strong_hits - {j}:
                    line_co[j] += 1
    for i, e in enumerate(entries):
        if i in needs_display:
            e["term"] = display_name(e, written.get(i, {}))

    if os.environ.get("LEXICON_LINE_SHARES"):
        with open(os.environ["LEXICON_LINE_SHARES"], "w", encoding="utf-8") as f:
            for i, e in enumerate(entries):
                kind = "strong" if e["strong"] else "weak"
                f.write(f"{e['term']}\t{line_co[i]}\t{line_occ[i]}\t{df[i]}\t{kind}\n")
    if os.environ.get("LEXICON_ROLE_SHARES"):
        want = os.environ["LEXICON_ROLE_SHARES"].split(",")
        for i, e in enumerate(entries):
            if e["term"] in want or "*" in want and line_occ[i] >= ROLE_MIN_LINES:
                print(f"{e['term']}: {line_role[i]}/{line_occ[i]}", file=sys.stderr)
    out = []
    report = []
    for k, reason in sorted(why.items()):
        report.append((k, "dropped", reason))
    for i, e in enumerate(entries):
        if df[i] == 0 and not e["popular"]:
            continue  # an obscure name no posting uses
        # A gazetteer-only phrase needs evidence that postings use it as a
        # skill: skills stand in lines with other technical names ("Python,
        # SQL and data pipelines"); soft skills and benefits ("attention to
        # detail", "remote work") seldom do. Measured over the corpus.
        if not e["strong"] and e["term"] and norm(e["term"]) not in curated and line_occ[i] >= WEAK_MIN_LINES \
                and line_co[i] < WEAK_MIN_TECH_SHARE * line_occ[i] and norm(e["term"]) not in listed_certs:
            report.append((e["term"], "dropped",
                           f"gazetteer only; {line_co[i]} of {line_occ[i]} corpus lines name another technical term"))
            continue
        # A gazetteer-only phrase that ends in a generic word ("Tech Stack",
        # "Business models", "IT systems", "Design principles", "Debugging
        # tools"; GENERIC_SUFFIX, measured after curated names) names no
        # particular skill: the generic word says "some X", and no curated
        # source vouches for the phrase.
        toks = e["term"].lower().replace("-", " ").split() if e["term"] else []
        if not e["strong"] and len(toks) >= 2 and norm(e["term"]) not in curated \
                and toks[-1] in GENERIC_SUFFIX:
            report.append((e["term"], "dropped", "gazetteer only; a phrase ending in a generic word"))
            continue
        # A name postings mostly use to name a job ("backend engineer",
        # "full-stack developer", "QA team") is a role, not a skill, unless
        # hand-kept (CONVENTIONS.md names Platform engineering, DevOps, SRE).
        if e["term"] and norm(e["term"]) not in curated and line_occ[i] >= ROLE_MIN_LINES \
                and line_role[i] >= ROLE_SHARE * line_occ[i]:
            report.append((e["term"], "dropped",
                           f"a role; {line_role[i]} of {line_occ[i]} corpus lines name a job with it"))
            continue
        flags = [] if e["strong"] else ["weak"]
        forms = []
        for fm in e["forms"]:
            # Two words, one of them a closed-class word ("to do", "for in",
            # "built in", "in place", "link to"), are a programming site's
            # tag or everyday English, not a skill a posting asks for. ("on"
            # is no such word here: "on call", "single sign on".)
            toks = fm.split()
            if len(toks) == 2 and fm not in curated and any(t in CLOSED_WORDS for t in toks):
                forms.append("~" + fm)
                continue
            # A word postings mostly write as the first part of a
            # hyphenated word is a prefix there ("pre-sales", "pre-IPO":
            # 585 of the 642 corpus uses of "pre"), not a name.
            if (" " not in fm and fm not in curated and word_uses[fm] >= PREFIX_MIN_USES
                    and prefix_uses[fm] >= PREFIX_SHARE * word_uses[fm]):
                forms.append("~" + fm)
                continue
            # A common word of the corpus's French and other postings ("des",
            # "bon") names nothing there.
            if fm in foreign and fm not in curated:
                forms.append("~" + fm)
                continue
            # An everyday word that postings mostly write in lower case
            # ("software", "users", "testing") names no particular skill:
            # it matches nothing unless the override list vouches for it.
            if (" " not in fm and len(fm) > 2 and fm in english and fm not in curated
                    and fm not in short_names and lower_uses[fm] >= 0.5 * max(all_uses[fm], 1)):
                forms.append("~" + fm)
                continue
            # An everyday word that is also a product name (Go, Express,
            # Flow) counts only when written with a capital; so do one- and
            # two-letter names (C, R, AI).
            lower_share = lower_uses[fm] / max(all_uses[fm], 1)
            everyday = fm in english and (lower_share >= 0.25 if fm in lex.brand else lower_share >= 0.1)
            # A curated everyday word names its skill in any case
            # ("monitoring", "healthcare", "containers"), unless it is a
            # product's own name ("Go", "Flow").
            if fm in curated and (norm(e["term"]) != fm or e["category"] not in PRODUCT):
                everyday = False
            tiny = len(fm) <= 2
            everyday = everyday or fm in overrides["cased"]
            fm = ("^" + fm) if (" " not in fm and (everyday or tiny)) else fm
            if fm.lstrip("^") in overrides["context"]:
                fm += "?" + overrides["context"][fm.lstrip("^")].replace(" ", "_")
            forms.append(fm)
        cat = e["category"] or ("skill" if not e["strong"] else "technology")
        out.append((e["term"], cat, df[i], ",".join(flags), "|".join(forms)))
    out.sort(key=lambda r: (r[0].lower(), r[0], r[4]))
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "lexicon.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"#postings\t{n_post}\n")
        for r in out:
            f.write("\t".join(str(x) for x in r) + "\n")
    write_graph(a.out, out)
    with open(os.path.join(a.out, "lexicon-report.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# What tools/gen_lexicon.py dropped and why (kept terms: data/lexicon.tsv).\n")
        for r in sorted(report):
            f.write("\t".join(r) + "\n")
    kinds = defaultdict(int)
    for _, _, reason in report:
        kinds[reason.split(";")[0]] += 1
    print("dropped: " + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())), file=sys.stderr)
    print(f"{len(out)} terms, {sum(len(r[4].split('|')) for r in out)} forms, {n_post} postings", file=sys.stderr)


# A gazetteer-only term seen in at least this many corpus lines is kept only
# when at least this share of them name another curated technical term. The
# share separates measured soft skills and benefits (attention to detail
# 0.06, remote work 0.11, professional growth 0.12, health insurance 0.18,
# new technologies 0.28, desire to learn 0.30, customer-facing 0.32,
# industry trends 0.35) from skills the sources miss (data pipelines 0.65,
# HIPAA 0.64, SLOs 0.38); run with LEXICON_LINE_SHARES=FILE to list every
# gazetteer-only term's share. A few skills fall below it too (data
# structures and algorithms 0.25, M&A 0.33): over the development postings
# 0.35 drops 11 gazetteer terms that are no skill for 2 that are.
WEAK_MIN_LINES = 20
# A one-word form used at least this often in the corpus, and at least this
# share of the time as the first part of a hyphenated word, is a prefix:
# "pre" (0.91 of 642 uses), "micro" (0.66 of 260), "bem" (0.52 of 21);
# the next, "co", is at 0.41.
PREFIX_MIN_USES = 20
PREFIX_SHARE = 0.5
WEAK_MIN_TECH_SHARE = 0.35

# Words after a name that make it the name of a job, not a skill.
ROLE_NEXT = {"engineer", "engineers", "developer", "developers", "engineering", "role", "roles",
             "position", "positions", "team", "teams", "lead", "architect", "architects", "specialist"}
# A name seen in at least this many corpus lines, this share of them with a
# ROLE_NEXT word right after it, is a role. Measured per line (run with
# LEXICON_ROLE_SHARES=Backend,... to print them): Full Stack 0.42, Backend
# 0.30 (Frontend 0.25 stays) against Android 0.09 and Kubernetes 0.01 (hand-kept
# terms are exempt: SRE 0.62, DevOps 0.23, AI/ML 0.19).
ROLE_MIN_LINES = 50
ROLE_SHARE = 0.28

# Categories of named products: their everyday-word names (Go, Flow) need a
# capital; a concept, domain or practice ("healthcare") does not.
PRODUCT = {"language", "framework", "tool", "platform", "database", "cloud", "software", "technology", None}

# Words that follow a known name without naming another skill ("Python
# experience", "CI/CD processes", "AI systems"). Measured: after a curated
# name in the corpus the most frequent next words are "experience" (5,363),
# "tools", "technologies", "platform" (1,184), "solutions", "systems"
# (1,040, after 138 different names), "development", "applications" (898),
# "services", "infrastructure" (559), "practices", "platforms" (494),
# "processes" (471), "principles", "products", "methodologies", "projects";
# "design" (515) is left out: "API design" and "system design" are skills.
GENERIC_SUFFIX = {
    "development", "practices", "practice", "skills", "skill", "solutions", "solution", "tools",
    "tooling", "technologies", "technology", "concepts", "services", "environment", "environments",
    "experience", "standards", "principles", "frameworks", "best practices", "knowledge",
    "expertise", "proficiency", "stack", "ecosystem", "fundamentals", "methodologies", "models",
    "systems", "system", "platform", "platforms", "applications", "infrastructure", "processes",
    "process", "products", "projects", "pipelines", "workflows", "strategies", "strategy",
    "application", "product", "project", "pipeline", "workflow",
}
# Articles, prepositions and "is": see the two-word forms in main().
CLOSED_WORDS = {"a", "an", "the", "to", "in", "for", "of", "at", "by", "from", "up", "out", "off",
                "with", "where", "is"}
GENERIC_PREFIX = {"native", "modern", "strong", "solid", "advanced", "basic", "proven", "deep",
                  "good", "excellent", "hands on", "new", "using", "with"}
SOFT_WORDS = {
    "skills", "abilities", "ability", "oriented", "player", "communication", "motivated", "self",
    "independently", "excellence", "approach", "proactive", "collaboration", "collaborative",
    "teamwork", "team", "teams", "passion", "passionate", "attitude", "mindset", "thinking",
    "interpersonal", "opportunities", "culture", "results", "best", "improvement", "improvements",
    "deliverables", "advisor", "proposition", "centric", "driven", "motivation", "willingness",
    "eager", "curiosity", "creativity", "versatility", "diligence", "humor", "vision", "startup",
    "startups", "organizations", "fluent", "english", "verbal", "written",
}
ROLE_WORDS = {
    "developer", "developers", "engineer", "engineers", "executive", "manager", "managers",
    "advisor", "analyst", "specialist", "consultant", "representative", "director", "officer",
    "assistant", "coordinator", "administrator", "intern", "recruiter",
}


# Identity services carry a vendor's name but are not its cloud (Azure AD
# groups are no Azure, CONVENTIONS.md).
IDENTITY = re.compile(r"\b(AD|Active Directory|Entra|Graph API|B2C|Identity)\b", re.I)

# Vendor prefixes of cloud services: "Amazon S3", "AWS Glue" are AWS.
VENDORS = {"aws": "AWS", "amazon": "AWS", "google cloud": "GCP", "gcp": "GCP", "azure": "Azure"}


def write_graph(out_dir, rows):
    """data/skill-graph.tsv: narrower <TAB> broader <TAB> why, from the
    reviewed data/skill-graph-overrides.txt and the vendor prefixes of
    cloud services and tools. Every name must be a term of the lexicon."""
    by_form = {}
    for term, cat, _df, _flags, forms in rows:
        for f in forms.split("|"):
            by_form.setdefault(f.lstrip("^~").split("?")[0], term)
    names = {r[0] for r in rows}
    edges = {}
    path = os.path.join(out_dir, "skill-graph-overrides.txt")
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        narrower, _, broader = line.partition(">")
        ends = [narrower] + broader.split(",")
        resolved = [by_form.get(norm(x)) for x in ends]
        for x, r in zip(ends, resolved):
            if r is None:
                sys.exit(f"{path}:{n}: {x.strip()!r} is no lexicon term")
        for b in resolved[1:]:
            if b != resolved[0]:
                edges[(resolved[0], b)] = "reviewed"
    for term, cat, *_ in rows:
        # Azure AD's groups are identity features, not the Azure cloud
        # (CONVENTIONS.md); services, tools and stores are the vendor's.
        if cat in ("security", "business", "domain") or IDENTITY.search(term):
            continue
        low = term.lower()
        for prefix, vendor in VENDORS.items():
            if low.startswith(prefix + " ") and vendor in names and term != vendor:
                edges.setdefault((term, vendor), "vendor prefix")
    with open(os.path.join(out_dir, "skill-graph.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# narrower\tbroader\twhy: made by tools/gen_lexicon.py\n")
        for (a, b), why in sorted(edges.items()):
            f.write(f"{a}\t{b}\t{why}\n")
    print(f"skill graph: {len(edges)} edges", file=sys.stderr)


def compound(lex, toks, english, only=None):
    """Whether toks split into two or more names of curated or popular terms
    (not everyday words), e.g. html|css, sqs|sns, machine learning|ml."""
    def known(piece):
        k = " ".join(piece)
        if only is not None:
            return k in only
        return k in lex.parent and (k in lex.popular or k in lex.strong) and \
            (k not in english or k in lex.brand)
    n = len(toks)
    ok = [False] * (n + 1)  # ok[i]: toks[:i] splits into known names
    ok[0] = True
    for i in range(1, n + 1):
        ok[i] = any(ok[j] and known(toks[j:i]) and (j > 0 or i < n) for j in range(i))
    return ok[n]


def tokens(text):
    """Tokens of NFKC text as (normalised token, start, end), as norm() splits them."""
    out = []
    for m in TOKEN_CI.finditer(text):
        t, start = m.group(0), m.start()
        if t.startswith(".") and start > 0 and text[start - 1].isalnum():
            t, start = t[1:], start + 1
        out.append((t.lower(), start, m.end()))
    return out


PLAIN = re.compile(r"[A-Za-z0-9+#][A-Za-z0-9+#. /&'-]*")
TOKEN_CI = re.compile(r"\.?[A-Za-z0-9+#]+")


def display_name(entry, written):
    """The way postings most often write a term, else a tidied form."""
    if written:
        best = max(written.items(), key=lambda kv: (kv[1], kv[0] != kv[0].lower(), kv[0]))[0]
        cased = [(n, w) for w, n in written.items() if w != w.lower() and w != w.upper() or len(w) <= 4 and w == w.upper()]
        # A name that postings write in lower case is a phrase ("proof of
        # concept"): shown with a capital; a product keeps its own casing.
        if best == best.lower() and cased and max(cased)[0] * 3 >= written[best]:
            best = max(cased)[1]
        if best == best.lower():
            best = best[0].upper() + best[1:]
        return best
    return entry["term"] or pretty(min(entry["forms"], key=lambda k: (len(k), k)))


def singular(tok):
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
        return tok[:-1]
    return tok


STOP = {"of", "and", "the", "for", "to", "in", "on", "with", "a"}


def merge_variants(lex, drop, english):
    """Unites groups whose names differ only by a plural, a vendor prefix or
    an acronym; never two groups that curated sources both vouch for."""
    def strong(root):
        return root in strong_roots

    roots = defaultdict(set)
    for k in lex.parent:
        roots[lex.find(k)].add(k)
    strong_roots = {r for r, ks in roots.items() if any(k in lex.strong for k in ks)}

    def unite(a, b):
        ra, rb = lex.find(a), lex.find(b)
        if ra == rb or (strong(ra) and strong(rb)):
            return
        lex.parent[rb] = ra
        if strong(rb):
            strong_roots.add(ra)

    keys = [k for k in lex.parent if k not in drop]
    by_variant = defaultdict(list)
    for k in keys:
        toks = k.split()
        if len(toks) >= 2 or len(k) > 5:
            by_variant[" ".join(toks[:-1] + [singular(toks[-1])])].append(k)
    for ks in by_variant.values():
        for k in ks[1:]:
            unite(ks[0], k)

    for k in keys:
        toks = k.split()
        if len(toks) == 2 and toks[0] == "apache" and toks[1] in lex.parent:
            rest = toks[1]
            if rest not in english or not strong(lex.find(rest)):
                unite(k, rest)

    # A name written with its acronym ("disaster recovery (DR)",
    # "architectural decision records (ADRs)") names what the phrase names:
    # the phrase is one of its forms, and its name ("Disaster recovery", not
    # "disaster recovery DR"). The bare acronym joins it only when it has
    # three letters or more and one meaning (below): "DR", "QA" and "BI"
    # are too short to tell.
    expansions = defaultdict(set)
    for k in keys:
        toks = k.split()
        if len(toks) < 3 or not toks[-1].isalpha() or len(toks[-1]) < 2:
            continue
        acr, words = toks[-1], toks[:-1]
        initials = ("".join(w[0] for w in words), "".join(w[0] for w in words if w not in STOP))
        plural = len(acr) >= 3 and acr.endswith("s") and acr[:-1] in initials
        if acr in initials or plural:
            phrase = " ".join(words)
            if len(acr) >= 3 and not plural:
                expansions[acr].add(phrase)
            if k not in lex.strong and (words[-1] in ROLE_WORDS or any(w in SOFT_WORDS for w in words)):
                drop.add(k)  # a job or a soft skill, as in 1b: "business analyst (BA)"
            elif phrase in lex.parent:
                unite(phrase, k)
            elif phrase not in drop:
                lex.parent[phrase] = lex.find(k)
    for acr, phrases in expansions.items():
        if len(phrases) != 1 or acr in english:
            continue
        (phrase,) = phrases
        # An acronym a curated source already gives a meaning keeps it
        # ("SCM" is source control, not supply chain management).
        if acr in lex.parent and not strong(lex.find(acr)):
            unite(phrase if phrase in lex.parent else next(k for k in keys if k.startswith(phrase + " ")), acr)


def valid_form(k):
    if len(k) < 2 and k not in {"c", "r"}:
        return False
    if re.fullmatch(r"[0-9 .+#]+", k):
        return False
    return len(k) <= 60 and k.count(" ") < 5


def pretty(k):
    return " ".join(w.upper() if len(w) <= 3 and w.isalpha() and w not in STOP and w not in ENGLISH_SHORT else w for w in k.split())


ENGLISH_SHORT = {"web", "app", "new", "bug", "log", "key", "dev", "ops", "git", "hub", "big", "end", "use", "all", "top"}


# A name is a certification's when at least this many corpus postings write
# it before "certified" or "certification(s)" (AWS 62, Azure 10, Cisco 2).
CERT_MIN_POSTINGS = 2
CERTIFIED = re.compile(r"\b([A-Z][\w+#./-]*(?: [A-Z][\w+#./-]*)?) (?:[Cc]ertified|[Cc]ertifications?)\b")


# Closed-class English words: a posting in which they are under
# FOREIGN_MAX_ENGLISH_SHARE of the words is written in another language
# (the corpus median is 0.24; its 242 postings under 0.05 are French,
# German, Swedish, Spanish; 6,370 are over 0.12).
ENGLISH_CLOSED = {"the", "and", "to", "of", "with", "you", "we", "our", "for", "in", "is", "are",
                  "a", "will", "your"}
FOREIGN_MAX_ENGLISH_SHARE = 0.05
ENGLISH_MIN_SHARE = 0.12
# A word in at least this share of the other-language postings and at most
# FOREIGN_MAX_IN_ENGLISH of the English ones is a word of those languages.
FOREIGN_MIN_SHARE = 0.10
FOREIGN_MAX_IN_ENGLISH = 0.01


def foreign_words(texts):
    """Common words of the corpus's postings in other languages that English
    postings seldom use: French "des", "ses", "esprit", "bon" are not the
    DES cipher or the ESPRIT project. Measured over the corpus."""
    word = re.compile(r"[a-z\u00e0-\u00ff]+")
    other, english = defaultdict(int), defaultdict(int)
    n_other = n_english = 0
    for t in texts:
        words = word.findall(t.lower())
        if len(words) < 50:
            continue
        share = sum(w in ENGLISH_CLOSED for w in words) / len(words)
        if share < FOREIGN_MAX_ENGLISH_SHARE:
            n_other += 1
            for w in set(words):
                other[w] += 1
        elif share >= ENGLISH_MIN_SHARE:
            n_english += 1
            for w in set(words):
                english[w] += 1
    return {w for w, n in other.items()
            if n >= FOREIGN_MIN_SHARE * n_other and english[w] <= FOREIGN_MAX_IN_ENGLISH * n_english}


def certified_names(texts, lex):
    """Curated names that corpus postings (`texts`) certify ("AWS certified",
    "Azure certifications"): normalised name -> its display name. A word postings
    mostly write in lower case ("security", "network", "cloud") names no
    vendor."""
    postings, written = defaultdict(int), defaultdict(lambda: defaultdict(int))
    for text in texts:
        if "ertifi" not in text:
            continue
        seen = set()
        for m in CERTIFIED.finditer(text):
            words = m.group(1).split()
            # "Relevant AWS certification": the name is its last words.
            for name in (" ".join(words), words[-1]):
                k = norm(name)
                if k in lex.strong:
                    seen.add(k)
                    written[k][name] += 1
                    break
        for k in seen:
            postings[k] += 1
    names = {k for k, n in postings.items() if n >= CERT_MIN_POSTINGS}
    lower, uses = defaultdict(int), defaultdict(int)
    single = {k for k in names if " " not in k}
    for text in texts:
        for w in re.findall(r"[A-Za-z][\w+#-]*", text):
            lw = w.lower()
            if lw in single:
                uses[lw] += 1
                lower[lw] += w == lw
    out = {}
    for k in sorted(names):
        if k in single and lower[k] >= 0.5 * uses[k]:
            continue
        display = lex.display.get(k, (0, None))[1] or max(written[k].items(), key=lambda w: (w[1], w[0]))[0]
        out[k] = display
    return out


# Where postings list certifications: "Certifications such as CISSP, CISM,
# CEH", "security certification (e.g., CISSP)", "CISSP, CISM, or CISA
# certifications".
CERT_LIST_AFTER = re.compile(
    r"certifications?\b[^.\n]{0,25}?(?:such as|e\.g\.,?|like|including|\(|:)\s*([^.\n)]{0,150})", re.I)
CERTIFICATION = re.compile(r"\bcertifications?\b", re.I)
# What may stand between a list and its "certifications": "CISSP, CISM, or
# similar certifications".
CERT_LIST_TAIL = re.compile(r"[ \t]*,?[ \t]*(?:or (?:similar|equivalent|other|related)[ \t]*)?$", re.I)
# How far before "certification" a list is read.
CERT_LIST_WINDOW = 100


def listed_certifications(texts):
    """Names that at least CERT_MIN_POSTINGS corpus postings list as
    certifications (normalised). CONVENTIONS.md counts a certification an
    item; it stands beside other certifications, seldom beside other
    technical names, so the gazetteer's line-share test would drop it
    (CISSP: 27 of 81 corpus lines)."""
    postings = defaultdict(int)
    for text in texts:
        if "ertifi" not in text:
            continue
        seen = set()
        lists = [m.group(1) for m in CERT_LIST_AFTER.finditer(text)]
        # The list before: a bounded window back to the sentence's start,
        # so a long run of spaces costs no backtracking.
        for m in CERTIFICATION.finditer(text):
            before = text[max(0, m.start() - CERT_LIST_WINDOW):m.start()]
            before = re.split(r"[.\n(]", before)[-1]
            lists.append(before[:CERT_LIST_TAIL.search(before).start()])
        for items in lists:
            for item in re.split(r",|/|\bor\b|\band\b|;", items):
                k = norm(item.strip(" *-\u2022()"))
                if k:
                    seen.add(k)
        for k in seen:
            postings[k] += 1
    return {k for k, n in postings.items() if n >= CERT_MIN_POSTINGS}


def onet_category(title):
    t = title.lower()
    for needle, cat in (("data base", "database"), ("development environment", "tool"),
                        ("operating system", "platform"), ("cloud", "cloud"), ("web platform", "framework"),
                        ("object or component oriented", "framework"), ("program testing", "testing"),
                        ("configuration management", "devops"), ("accounting", "business"),
                        ("customer relationship", "business"), ("enterprise resource", "business")):
        if needle in t:
            return cat
    return "software"


def parse_overrides(path):
    """data/lexicon-overrides.txt: `+ Term | form | form?context [@category]`, `- form`, `! form`."""
    res = {"add": [], "drop": [], "block": [], "context": {}, "cased": set()}
    if not os.path.exists(path):
        return res
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("  #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        op, rest = line[0], line[1:].strip()
        if op == "+":
            cat = None
            if "@" in rest:
                rest, cat = rest.rsplit("@", 1)
                cat = cat.strip()
            forms = []
            for x in rest.split("|"):
                x, _, ctx = x.strip().partition("?")
                if x.startswith("^"):
                    x = x[1:]
                    res["cased"].add(norm(x))
                if x:
                    forms.append(x.strip())
                if ctx:
                    res["context"][norm(x)] = " ".join(norm(c) for c in ctx.split(","))
            res["add"].append({"forms": forms, "category": cat})
        elif op == "-":
            res["drop"].append(rest)
        elif op == "!":
            res["block"].append(rest)
        else:
            sys.exit(f"{path}:{n}: unknown override {line!r}")
    return res


def check():
    """`--check`: regenerate into a scratch folder and fail when the
    committed data differs from what the generator makes of ../shared."""
    import filecmp, shutil, tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, "..", "data")
    rest = [x for x in sys.argv[1:] if x != "--check"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("lexicon-overrides.txt", "skill-graph-overrides.txt"):
            shutil.copy(os.path.join(data, name), tmp)
        sys.argv = [sys.argv[0], *rest, "--out", tmp]
        main()
        stale = [n for n in ("lexicon.tsv", "lexicon-report.tsv", "skill-graph.tsv")
                 if not filecmp.cmp(os.path.join(tmp, n), os.path.join(data, n), shallow=False)]
    if stale:
        sys.exit("stale: data/" + ", data/".join(stale) + "; run tools/gen_lexicon.py")


if __name__ == "__main__":
    check() if "--check" in sys.argv[1:] else main()
