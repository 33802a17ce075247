//! Pure scoring: a posting's terms x the profile's evidence -> a [`Match`]:
//! which terms are matched and how, the bullets and projects ranked by
//! relevance, and the overall fit.
//!
//! No I/O here. `Evidence` indexes a profile once (reused across a batch);
//! `score` runs per posting.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::keywords::normalize::{norm, stem, stem_word};
use crate::keywords::{extract, mentions, Category, Found, Graph, Lexicon, TermId};
use crate::posting::{Because, Posting, SectionKind};
use crate::profile::cache::Index;
use crate::profile::schema::{End, Profile};

/// How a posting term was found in the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    /// The same words.
    Exact,
    /// Another name of the same skill (k8s = Kubernetes).
    Alias,
    /// The same words up to endings (pipelines = pipeline).
    Stem,
    /// A near spelling (typo-tolerant).
    Fuzzy,
    /// Implied by a narrower skill the profile evidences (FastAPI ->
    /// Python), through the skill graph.
    Implied,
}

/// Where in the profile a term is evidenced.
#[derive(Debug, Clone)]
struct Source {
    /// Index into [`Evidence::labels`].
    label: u32,
    /// Index into [`Evidence::forms`] of the normalised form the profile
    /// wrote; `None` for implied evidence.
    form: Option<u32>,
    /// The narrower term this evidence implies the term through, if any.
    via: Option<TermId>,
}

/// A bullet as scoring sees it.
#[derive(Debug, Clone)]
pub struct EvBullet {
    pub id: String,
    /// Project id, `None` for general bullets.
    pub project: Option<usize>,
    pub text: String,
    /// Terms the bullet evidences (text mentions and tags), deduplicated.
    pub terms: Vec<TermId>,
    /// Best level among the skill areas it was listed under.
    pub level: f64,
    /// Recency multiplier of its project.
    pub recency: f64,
    /// The terms among `terms` only implied through the skill graph.
    pub implied: Vec<TermId>,
}

/// The profile indexed for scoring.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub lexicon: Lexicon,
    pub bullets: Vec<EvBullet>,
    pub projects: Vec<(String, String)>,
    /// Readable ids of the places evidence comes from: a bullet id,
    /// `skills:<area>`, `cert:<name>`, `project:<id>`, `summary:<id>`.
    labels: Vec<String>,
    /// The distinct normalised forms the profile wrote, each stored once
    /// however many sources share it.
    forms: Vec<String>,
    by_term: FxHashMap<TermId, Vec<Source>>,
    /// Stemmed profile forms -> term, for stem matches.
    stems: FxHashMap<String, TermId>,
    /// Profile forms of 5+ letters, for typo-tolerant matches.
    fuzzy: Vec<(String, TermId)>,
    /// Per bullet, its normalised, stemmed word set, for near-duplicate
    /// detection: worked out on first use, as selection needs it and
    /// `match` does not.
    words: OnceLock<Vec<HashSet<String>>>,
    /// Per bullet, the bullets that say nearly the same: a property of the
    /// profile, worked out once on first use (selection needs it, `match`
    /// does not).
    near_duplicates: OnceLock<Vec<Vec<usize>>>,
}

use crate::weights::{self as w, NEAR_DUPLICATE};

#[cfg(test)]
fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

impl Evidence {
    /// Indexes a profile. `now` is the current year-month as months since
    /// year 0 (for recency); pass a fixed value for reproducible output.
    pub fn new(profile: &Profile, lexicon: Lexicon, now: u32) -> Evidence {
        Evidence::indexed(profile, lexicon, now, None).0
    }

    /// [`Evidence::new`], taking what the profile's texts mention and the
    /// skill graph from `known` (the profile cache keeps them) instead of
    /// working them out again; what it worked out is returned, for the
    /// cache to keep. An index that does not fit the profile and lexicon
    /// (another profile's; a damaged file) is worked out again.
    pub fn indexed(
        profile: &Profile,
        mut lexicon: Lexicon,
        now: u32,
        known: Option<Index>,
    ) -> (Evidence, Option<Index>) {
        for a in &profile.aliases {
            lexicon.add_alias(&a.term, &a.forms);
        }
        // Tags and skill keywords the lexicon does not know become terms.
        // Each name normalised once: the same tags recur across bullets.
        let mut normed: FxHashMap<&str, String> = FxHashMap::default();
        let names = profile
            .bullets()
            .flat_map(|(_, b)| b.tags.iter())
            .chain(profile.skills.iter().flat_map(|s| s.keywords.iter()));
        for n in names {
            if normed.contains_key(n.as_str()) {
                continue;
            }
            let form = norm(n);
            if !form.is_empty() && lexicon.lookup(&form).is_none() {
                lexicon.add_term(n, Category::Profile);
            }
            normed.insert(n, form);
        }
        let mut ix = Indexer {
            ev: Evidence {
                lexicon,
                bullets: Vec::new(),
                projects: profile
                    .projects
                    .iter()
                    .map(|p| (p.id.clone(), p.name.clone()))
                    .collect(),
                labels: Vec::new(),
                forms: Vec::new(),
                by_term: FxHashMap::default(),
                stems: FxHashMap::default(),
                fuzzy: Vec::new(),
                words: OnceLock::new(),
                near_duplicates: OnceLock::new(),
            },
            graph: Graph::default(),
            labels: FxHashMap::default(),
            sourced: FxHashSet::default(),
            forms: FxHashMap::default(),
            implied: FxHashMap::default(),
        };

        // Every text the profile writes, with the terms it mentions: the
        // bullets first (in `profile.bullets()` order), then the rest.
        let bullets: Vec<_> = profile.bullets().collect();
        let mut texts: Vec<(String, &str)> = bullets
            .iter()
            .map(|(_, b)| (b.id.clone(), b.text.as_str()))
            .collect();
        for p in &profile.projects {
            let label = format!("project:{}", p.id);
            if let Some(s) = &p.summary {
                texts.push((label.clone(), s));
            }
            texts.push((label, &p.name));
        }
        for s in &profile.summaries {
            texts.push((format!("summary:{}", s.id), &s.text));
        }
        for area in &profile.skills {
            texts.push((format!("skills:{}", area.name), &area.name));
        }
        for c in &profile.certifications {
            texts.push((format!("cert:{}", c.name), &c.name));
        }
        let certs = texts.len() - profile.certifications.len();
        let lex = &ix.ev.lexicon;
        // What a text mentions.
        let read = |i: usize, text: &str| {
            let mut found: Vec<(TermId, String)> = mentions(lex, text)
                .into_iter()
                .map(|m| (m.term, norm(&m.surface)))
                .collect();
            if i >= certs {
                // A certificate vouches for what its name names: "AWS
                // Solutions Architect Associate" for solution architecture.
                found.extend(inner_mentions(lex, text));
            }
            found
        };
        let term = |t: &TermId| (*t as usize) < lex.len();
        let fits = |k: &Index| {
            k.mentions.len() == texts.len()
                && k.mentions.iter().flatten().all(|(t, _)| term(t))
                && k.graph.iter().all(|(t, up)| term(t) && up.iter().all(term))
        };
        let (found, graph, worked_out) = match known.filter(fits) {
            Some(k) => (k.mentions, Graph::from_edges(k.graph), false),
            None => {
                let (found, graph) = each_text(&texts, read, || Graph::builtin(lex));
                (found, graph, true)
            }
        };
        ix.graph = graph;
        let written: FxHashSet<TermId> = found.iter().flatten().map(|(t, _)| *t).collect();
        ix.reserve(&texts, &found, profile);
        let umbrella = Umbrella::new(&written, found.iter().flatten().map(|(_, s)| s.as_str()));

        for (i, (project, b)) in bullets.iter().enumerate() {
            let label = ix.label(&b.id);
            let pi = project.and_then(|p| profile.projects.iter().position(|q| q.id == p.id));
            let level = b
                .skills
                .iter()
                .filter_map(|s| profile.skill_area(s))
                .map(|a| a.level.weight())
                .fold(None, |m: Option<f64>, w| Some(m.map_or(w, |m| m.max(w))))
                .unwrap_or(1.0);
            let recency = project.map_or(w::GENERAL_RECENCY, |p| {
                let age_years = f64::from(now.saturating_sub(p.end.months(now))) / 12.0;
                (1.0 / (1.0 + w::RECENCY_DECAY * age_years)).max(w::MIN_RECENCY)
            });
            let tags: Vec<(TermId, String)> = b
                .tags
                .iter()
                .filter_map(|t| {
                    let form = &normed[t.as_str()];
                    let id = ix.ev.lexicon.lookup(form)?.term;
                    (!umbrella.only_qualified(id, form)).then_some((id, form.clone()))
                })
                .collect();
            let mut terms = Vec::new();
            for (term, form) in &found[i] {
                // "for auditing purposes" says nothing of an auditor's
                // skills: a business skill counts when the bullet claims it.
                let claimed = tags.iter().any(|(t, _)| t == term);
                if ix.ev.lexicon.term(*term).category == Category::Business && !claimed {
                    continue;
                }
                terms.push(*term);
                ix.add_source(*term, label, form);
            }
            for (id, form) in &tags {
                terms.push(*id);
                ix.add_source(*id, label, form);
            }
            terms.sort_unstable();
            terms.dedup();
            let mut implied = Vec::new();
            for &t in &terms {
                for (up, from) in ix.implied(t) {
                    if !terms.contains(&up) && !implied.contains(&up) {
                        implied.push(up);
                        ix.add_implied(up, label, from);
                    }
                }
            }
            terms.extend(&implied);
            terms.sort_unstable();
            ix.ev.bullets.push(EvBullet {
                id: b.id.clone(),
                project: pi,
                text: b.text.clone(),
                terms,
                level,
                recency,
                implied,
            });
        }
        for ((label, _), found) in texts.iter().zip(&found).skip(bullets.len()) {
            let label = ix.label(label);
            for (term, form) in found {
                if ix.ev.lexicon.term(*term).category != Category::Business {
                    ix.add_source(*term, label, form);
                }
            }
        }
        for area in &profile.skills {
            let label = ix.label(&format!("skills:{}", area.name));
            for k in &area.keywords {
                let form = &normed[k.as_str()];
                if let Some(id) = ix.ev.lexicon.lookup(form).map(|f| f.term) {
                    if !umbrella.only_qualified(id, form) {
                        ix.add_source(id, label, form);
                    }
                }
            }
        }
        let index = worked_out.then(|| Index {
            graph: ix.graph.edges(),
            mentions: found,
        });
        (ix.finish(), index)
    }

    /// The concepts each bullet's text and tags imply through the skill
    /// graph (Prometheus -> Observability) that its tags do not name, each
    /// with the term that implies it: what `tailor check --suggest-tags`
    /// offers. Implied terms already count as evidence (less than named
    /// ones); a tag makes them plain to whoever reads the profile.
    pub fn suggested_tags(&self) -> Vec<(&str, Vec<(String, String)>)> {
        let name = |t: TermId| self.lexicon.term(t).name.to_string();
        self.bullets
            .iter()
            .filter(|b| !b.implied.is_empty())
            .map(|b| {
                // The term each was implied through, as indexing recorded it.
                let named = b
                    .implied
                    .iter()
                    .filter_map(|&up| {
                        let from = self
                            .by_term
                            .get(&up)?
                            .iter()
                            .find(|s| self.label(s) == b.id)?
                            .via?;
                        Some((name(up), name(from)))
                    })
                    .collect();
                (b.id.as_str(), named)
            })
            .collect()
    }

    /// The readable id of where `s` is.
    fn label(&self, s: &Source) -> &str {
        &self.labels[s.label as usize]
    }

    /// The normalised form `s` was written as, empty for implied evidence.
    fn form(&self, s: &Source) -> &str {
        s.form.map_or("", |i| &self.forms[i as usize])
    }

    /// The bullets (indexes into `bullets`) whose words overlap bullet
    /// `i`'s by `NEAR_DUPLICATE` (0.6) or more.
    pub fn near_duplicates(&self, i: usize) -> &[usize] {
        let table = self.near_duplicates.get_or_init(|| {
            let words: Vec<&HashSet<String>> =
                (0..self.bullets.len()).map(|b| self.words(b)).collect();
            near_duplicate_table(&words, NEAR_DUPLICATE, MAX_COMPARED)
        });
        table.get(i).map_or(&[], Vec::as_slice)
    }

    /// Bullet `i`'s normalised, stemmed words, as a set.
    pub fn words(&self, i: usize) -> &HashSet<String> {
        let all = self.words.get_or_init(|| {
            self.bullets
                .iter()
                .map(|b| {
                    norm(&b.text)
                        .split(' ')
                        .map(|w| stem_word(w).to_owned())
                        .collect()
                })
                .collect()
        });
        &all[i]
    }

    /// How the profile evidences a posting term, and through which profile
    /// term, if it does.
    fn find(&self, f: &Found) -> Option<(How, TermId)> {
        if let Some(srcs) = self.by_term.get(&f.term) {
            let forms: Vec<String> = f.forms.iter().map(|s| norm(s)).collect();
            let how = if srcs.iter().any(|s| forms.iter().any(|f| f == self.form(s))) {
                How::Exact
            } else if srcs.iter().any(|s| s.via.is_none()) {
                How::Alias
            } else {
                How::Implied
            };
            return Some((how, f.term));
        }
        let name = norm(self.lexicon.term(f.term).name);
        let forms: Vec<String> = f.forms.iter().map(|s| norm(s)).chain([name]).collect();
        for form in &forms {
            if let Some(&t) = self.stems.get(&stem(form)) {
                return Some((How::Stem, t));
            }
        }
        for form in forms.iter().filter(|f| f.len() >= 5) {
            for (p, t) in &self.fuzzy {
                if p.len().abs_diff(form.len()) > 2 || p.as_bytes()[0] != form.as_bytes()[0] {
                    continue;
                }
                if strsim::jaro_winkler(form, p) >= w::FUZZY_JARO_WINKLER
                    && strsim::normalized_levenshtein(form, p) >= w::FUZZY_LEVENSHTEIN
                {
                    return Some((How::Fuzzy, *t));
                }
            }
        }
        None
    }
}

/// An [`Evidence`] being built, with what only building needs: each
/// lookup a map, so indexing stays linear in the profile.
struct Indexer {
    ev: Evidence,
    graph: Graph,
    /// Label -> its index in `ev.labels`.
    labels: FxHashMap<String, u32>,
    /// (term, label) pairs in `ev.by_term`.
    sourced: FxHashSet<(TermId, u32)>,
    /// Form -> its index in `ev.forms`; a form is stemmed and offered for
    /// typo-tolerant matches when first added.
    forms: FxHashMap<String, u32>,
    /// What each term implies through the skill graph, worked out once a
    /// term rather than once a bullet.
    implied: FxHashMap<TermId, Vec<(TermId, TermId)>>,
}

impl Indexer {
    /// Sizes the maps for what the profile's texts, tags and skill keywords
    /// can add (each mention, tag or keyword adds at most one entry a map),
    /// so filling them never rehashes. Implied evidence adds more, past
    /// this; it only grows `sourced` and `by_term` once more at most.
    fn reserve(
        &mut self,
        texts: &[(String, &str)],
        found: &[Vec<(TermId, String)>],
        profile: &Profile,
    ) {
        let named = profile.bullets().map(|(_, b)| b.tags.len()).sum::<usize>()
            + profile
                .skills
                .iter()
                .map(|s| s.keywords.len())
                .sum::<usize>();
        let sources = found.iter().map(Vec::len).sum::<usize>() + named;
        self.labels.reserve(texts.len());
        self.ev.labels.reserve(texts.len());
        self.sourced.reserve(sources);
        self.forms.reserve(sources);
        self.ev.by_term.reserve(sources);
        self.ev.stems.reserve(sources);
    }

    /// The index of `label` in `ev.labels`, added if new.
    fn label(&mut self, label: &str) -> u32 {
        if let Some(&i) = self.labels.get(label) {
            return i;
        }
        let i = self.ev.labels.len() as u32;
        self.ev.labels.push(label.to_owned());
        self.labels.insert(label.to_owned(), i);
        i
    }

    /// Every term `t` implies, each with `t`: [`Graph::implied`].
    fn implied(&mut self, t: TermId) -> Vec<(TermId, TermId)> {
        let graph = &self.graph;
        self.implied
            .entry(t)
            .or_insert_with(|| graph.implied(t))
            .clone()
    }

    fn add_source(&mut self, term: TermId, label: u32, form: &str) {
        let form = self.form(term, form);
        if self.sourced.insert((term, label)) {
            self.ev.by_term.entry(term).or_default().push(Source {
                label,
                form: Some(form),
                via: None,
            });
        }
    }

    /// The index of `form` in `ev.forms`, added if new. The first term a
    /// form (and so its stem) was seen with keeps it.
    fn form(&mut self, term: TermId, form: &str) -> u32 {
        if let Some(&i) = self.forms.get(form) {
            return i;
        }
        let i = self.ev.forms.len() as u32;
        self.ev.forms.push(form.to_owned());
        self.forms.insert(form.to_owned(), i);
        self.ev.stems.entry(stem(form)).or_insert(term);
        if form.len() >= 5 {
            self.ev.fuzzy.push((form.to_owned(), term));
        }
        i
    }

    /// Evidence of `term` implied by `from`, a narrower term `label` evidences.
    fn add_implied(&mut self, term: TermId, label: u32, from: TermId) {
        if self.sourced.insert((term, label)) {
            self.ev.by_term.entry(term).or_default().push(Source {
                label,
                form: None,
                via: Some(from),
            });
        }
    }

    /// The index, once what the rest of the profile (skills lists,
    /// certificates, summaries) evidences implies its broader terms too,
    /// with each term's sources in label order, the order reports list
    /// them in.
    fn finish(mut self) -> Evidence {
        let labels = &self.ev.labels;
        // Each label's rank in label order, worked out once so that the
        // sorts below compare numbers, not strings (labels are distinct,
        // so ranks order exactly as the labels do).
        let mut order: Vec<usize> = (0..labels.len()).collect();
        order.sort_by(|&a, &b| labels[a].cmp(&labels[b]));
        let mut rank = vec![0; order.len()];
        for (r, &l) in order.iter().enumerate() {
            rank[l] = r;
        }
        let mut claimed: Vec<(TermId, u32)> = self
            .ev
            .by_term
            .iter()
            .flat_map(|(&t, srcs)| {
                srcs.iter()
                    .filter(|s| s.via.is_none() && labels[s.label as usize].contains(':'))
                    .map(move |s| (t, s.label))
            })
            .collect();
        // In a fixed order, so which term an implied one is reported via
        // never depends on a hash map's order.
        claimed.sort_by_key(|&(t, label)| (rank[label as usize], t));
        for (t, label) in claimed {
            for (up, from) in self.implied(t) {
                self.add_implied(up, label, from);
            }
        }
        for list in self.ev.by_term.values_mut() {
            list.sort_by_key(|s| rank[s.label as usize]);
        }
        self.ev
    }
}

/// `read(i, text)` of each text, in order, and what `beside` makes.
/// Reading the profile's texts is most of indexing it: when there are
/// enough to pay for a second thread, it runs `beside` and reads the
/// second half of the texts (by length) while this one reads the first.
fn each_text<T: Send, U: Send>(
    texts: &[(String, &str)],
    read: impl Fn(usize, &str) -> T + Sync,
    beside: impl FnOnce() -> U + Send,
) -> (Vec<T>, U) {
    let read_all = |from: usize, texts: &[(String, &str)]| -> Vec<T> {
        texts
            .iter()
            .enumerate()
            .map(|(i, (_, t))| read(from + i, t))
            .collect()
    };
    let total: usize = texts.iter().map(|(_, t)| t.len()).sum();
    if total < MIN_SHARED_BYTES {
        return (read_all(0, texts), beside());
    }
    let mut so_far = 0;
    let half = texts
        .iter()
        .position(|(_, t)| {
            so_far += t.len();
            2 * so_far >= total
        })
        .map_or(texts.len(), |i| i + 1);
    let (first, second) = texts.split_at(half);
    std::thread::scope(|s| {
        let other = s.spawn(|| {
            let made = beside();
            (read_all(half, second), made)
        });
        let mut all = read_all(0, first);
        let (rest, made) = other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        all.extend(rest);
        (all, made)
    })
}

/// Profile text, in bytes, below which [`each_text`] stays on one thread:
/// a thread costs about what reading a kilobyte or two of text does.
const MIN_SHARED_BYTES: usize = 4096;

/// Per bullet, the bullets whose word sets overlap it by Jaccard `t` or
/// more, each list ascending.
///
/// Prefix filtering keeps this near linear in the profile (a 10,000-bullet
/// profile took 67 s comparing every pair): with each word set ordered
/// rarest word first, two sets with Jaccard >= t share a word among the
/// first `|s| - ceil(t * |s|) + 1` of each, so only pairs sharing such a
/// word are compared. The result is exactly that of comparing every pair,
/// unless a bullet has more than `max_compared` such candidates (a huge,
/// repetitive profile): then only the first are compared, which bounds the
/// work at `max_compared` comparisons a bullet.
fn near_duplicate_table(b: &[&HashSet<String>], t: f64, max_compared: usize) -> Vec<Vec<usize>> {
    // Words as numbers, rarest first, each set sorted: the prefix is the
    // set's first numbers and Jaccard a merge of two sorted lists.
    let mut freq: FxHashMap<&str, usize> = FxHashMap::default();
    for x in b {
        for w in x.iter() {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut order: Vec<(&str, usize)> = freq.into_iter().collect();
    order.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
    let id: FxHashMap<&str, u32> = order
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let sets: Vec<Vec<u32>> = b
        .iter()
        .map(|x| {
            let mut v: Vec<u32> = x.iter().map(|w| id[w.as_str()]).collect();
            v.sort_unstable();
            v
        })
        .collect();
    let jaccard = |a: &[u32], c: &[u32]| {
        if a.is_empty() || c.is_empty() {
            return 0.0;
        }
        let (mut i, mut k, mut inter) = (0, 0, 0);
        while i < a.len() && k < c.len() {
            match a[i].cmp(&c[k]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => k += 1,
                std::cmp::Ordering::Equal => {
                    inter += 1;
                    i += 1;
                    k += 1;
                }
            }
        }
        inter as f64 / (a.len() + c.len() - inter) as f64
    };
    let mut table = vec![Vec::new(); b.len()];
    let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut seen: Vec<usize> = vec![usize::MAX; b.len()];
    for (x, set) in sets.iter().enumerate() {
        let n = set.len();
        let prefix = (n + 1)
            .saturating_sub((t * n as f64).ceil() as usize)
            .min(n);
        let mut compared = 0;
        'words: for w in &set[..prefix] {
            for &y in index.get(w).map_or(&[][..], Vec::as_slice) {
                if compared == max_compared {
                    break 'words;
                }
                if seen[y] != x {
                    compared += 1;
                    seen[y] = x;
                    if jaccard(&sets[y], set) >= t {
                        table[y].push(x);
                        table[x].push(y);
                    }
                }
            }
        }
        for &w in &set[..prefix] {
            index.entry(w).or_default().push(x);
        }
    }
    for list in &mut table {
        list.sort_unstable();
    }
    table
}

/// The most earlier bullets one bullet is compared with for near-duplicates:
/// far more than a real profile's (about 100 bullets in all), and few
/// enough that a 10,000-bullet profile stays well under a second.
const MAX_COMPARED: usize = 200;

/// Terms named inside a name, from its second word on: the terms of the
/// name's tail from each of its first [`MAX_INNER_STARTS`] words (so
/// "Solutions Architect" and "Architect" in "AWS Solutions Architect
/// Associate"). A name is a few words; a longer one still costs time in
/// proportion to its length, not its square.
fn inner_mentions(lex: &Lexicon, name: &str) -> Vec<(TermId, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len().min(MAX_INNER_STARTS))
        .flat_map(|k| mentions(lex, &words[k..].join(" ")))
        .map(|m| (m.term, norm(&m.surface)))
        .collect()
}

/// The most words of a name from which [`inner_mentions`] reads its tail:
/// more than any certification or skill name is long ("Microsoft Certified
/// Azure Solutions Architect Expert" is 6).
const MAX_INNER_STARTS: usize = 16;

/// What the profile's own words say about a claimed term.
struct Umbrella<'a> {
    /// Terms some profile text mentions.
    written: &'a FxHashSet<TermId>,
    /// The leading words of every mention's normalised surface, short of
    /// the whole ("azure" and "azure enterprise" of "azure enterprise
    /// apps"): one lookup a claim, not a pass over every mention.
    qualified: FxHashSet<&'a str>,
}

impl<'a> Umbrella<'a> {
    fn new(written: &'a FxHashSet<TermId>, surfaces: impl Iterator<Item = &'a str>) -> Self {
        let mut qualified = FxHashSet::default();
        for s in surfaces {
            for (k, b) in s.bytes().enumerate() {
                if b == b' ' {
                    qualified.insert(&s[..k]);
                }
            }
        }
        Umbrella { written, qualified }
    }

    /// A tag or skill keyword ("Azure") that the profile's text only ever
    /// writes as part of a longer name ("Azure Enterprise Apps", "Azure
    /// group") is a claim about that narrower thing, not the umbrella.
    fn only_qualified(&self, term: TermId, form: &str) -> bool {
        !self.written.contains(&term) && self.qualified.contains(form)
    }
}

/// The posting as the report names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingInfo {
    pub source: String,
    pub title: Option<String>,
    pub company: Option<String>,
}

impl PostingInfo {
    /// How messages name the posting: "Title — Company" with `sep` " — ",
    /// the title or company alone, else the source.
    pub fn name(&self, sep: &str) -> String {
        posting_name(
            self.title.as_deref(),
            self.company.as_deref(),
            &self.source,
            sep,
        )
    }
}

/// See [`PostingInfo::name`].
pub fn posting_name(title: Option<&str>, company: Option<&str>, source: &str, sep: &str) -> String {
    match (title, company) {
        (Some(t), Some(c)) => format!("{t}{sep}{c}"),
        (Some(t), None) => t.to_owned(),
        (None, Some(c)) => c.to_owned(),
        (None, None) => source.to_owned(),
    }
}

/// One term the posting asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyword {
    /// Canonical name.
    pub term: String,
    /// Surface forms seen in the posting.
    pub forms: Vec<String>,
    /// The posting's phrases around it: a form with the word beside it
    /// ("containerized applications"), for choosing the bullet that
    /// echoes them.
    #[serde(skip)]
    pub phrases: Vec<String>,
    pub category: Category,
    /// Importance in this posting (section, mentions, specificity).
    pub weight: f64,
    /// Mentioned in a must-have section.
    pub required: bool,
    /// The most demanding section it appears in.
    pub section: SectionKind,
    /// 1-based line of the posting where it is first mentioned.
    pub line: usize,
    pub matched: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub how: Option<How>,
    /// Bullet ids (and `skills:`, `cert:`, `project:` labels) that evidence it.
    pub evidence: Vec<String>,
    /// For `how: implied`, the narrower term the evidence names (FastAPI
    /// for Python).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The one-of group it was asked for in ("Terraform, Ansible or
    /// similar"): fit counts a group as met when any member is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<u32>,
    /// Why it is in `section`, and the line that says so (`--explain`).
    #[serde(skip)]
    pub because: (Because, usize),
    #[serde(skip)]
    pub id: TermId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectScore {
    pub id: String,
    pub name: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BulletScore {
    pub id: String,
    /// Project id; `None` for general bullets.
    pub project: Option<String>,
    pub score: f64,
    /// Posting terms this bullet evidences, with their contribution.
    pub terms: Vec<(String, f64)>,
    #[serde(skip)]
    pub index: usize,
}

/// The match report: the stable `--json` contract (docs/match-json.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    pub posting: PostingInfo,
    /// 0–100: how much of what the posting asks for the profile evidences.
    pub fit: f64,
    /// Every hard-skill term found in the posting, most important first.
    pub keywords: Vec<Keyword>,
    /// Unmatched terms, required first.
    pub missing: Vec<String>,
    /// Highest first.
    pub projects: Vec<ProjectScore>,
    /// Highest first; only bullets with a positive score.
    pub bullets: Vec<BulletScore>,
}

/// Scores a posting against the indexed profile.
pub fn score(ev: &Evidence, posting: &Posting) -> Match {
    let lex = &ev.lexicon;
    let found = keep_hard_skills(extract(lex, posting));
    let mut keywords: Vec<Keyword> = found
        .iter()
        .map(|f| {
            let t = lex.term(f.term);
            let spec = specificity(lex, f.term);
            let tf = f64::from(f.count.max(1));
            let weight = w::section(f.section)
                * (1.0 + w::IN_TITLE * f64::from(u8::from(f.in_title)))
                * (1.0 + w::PER_MENTION * (tf - 1.0).min(w::MAX_EXTRA_MENTIONS))
                * spec;
            let found_in = ev.find(f);
            let sources = found_in.and_then(|(_, t)| ev.by_term.get(&t));
            let evidence = sources
                .map(|s| s.iter().map(|s| ev.label(s).to_owned()).collect())
                .unwrap_or_default();
            let via = match found_in {
                Some((How::Implied, _)) => sources
                    .and_then(|s| s.iter().find_map(|s| s.via))
                    .map(|v| lex.term(v).name.to_string()),
                _ => None,
            };
            Keyword {
                term: t.name.to_string(),
                forms: f.forms.clone(),
                phrases: f.phrases.clone(),
                category: t.category,
                weight: round(weight),
                required: f.section == SectionKind::Required,
                section: f.section,
                line: f.line,
                matched: found_in.is_some(),
                how: found_in.map(|(h, _)| h),
                evidence,
                via,
                group: f.group,
                because: f.because,
                id: found_in.map_or(f.term, |(_, t)| t),
            }
        })
        .collect();
    keywords.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.term.cmp(&b.term))
    });

    // Bullets: a BM25-like sum over matched posting terms.
    let mut bullets: Vec<BulletScore> = Vec::new();
    for (i, b) in ev.bullets.iter().enumerate() {
        let mut terms = Vec::new();
        let mut s = 0.0;
        for k in keywords.iter().filter(|k| k.matched) {
            let via_tag_or_text = b.terms.contains(&k.id);
            if !via_tag_or_text {
                continue;
            }
            let implied = if b.implied.contains(&k.id) {
                w::IMPLIED_CREDIT
            } else {
                1.0
            };
            let c = k.weight * b.level * b.recency * implied;
            s += c;
            terms.push((k.term.clone(), round(c)));
        }
        if s > 0.0 {
            // Long bullets are not better for being long.
            let len_norm = 1.0 / (1.0 + w::LENGTH_PENALTY * b.text.len() as f64);
            bullets.push(BulletScore {
                id: b.id.clone(),
                project: b.project.map(|p| ev.projects[p].0.clone()),
                score: round(s * len_norm * w::BULLET_SCALE),
                terms,
                index: i,
            });
        }
    }
    bullets.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));

    // Projects: their best bullets, with diminishing returns.
    let mut per: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    for b in &bullets {
        if let Some(p) = ev.bullets[b.index].project {
            per.entry(p).or_default().push(b.score);
        }
    }
    let mut projects: Vec<ProjectScore> = ev
        .projects
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let s = per.get(&i).map_or(0.0, |v| {
                v.iter()
                    .take(w::PROJECT_BULLETS)
                    .enumerate()
                    .map(|(r, x)| x / (1.0 + r as f64 * w::PROJECT_DECAY))
                    .sum()
            });
            ProjectScore {
                id: id.clone(),
                name: name.clone(),
                score: round(s),
            }
        })
        .collect();
    projects.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));

    let fit = fit(&keywords);
    // A one-of group met by one member asks for no more.
    let met: FxHashSet<u32> = keywords
        .iter()
        .filter(|k| k.matched)
        .filter_map(|k| k.group)
        .collect();
    let mut missing: Vec<&Keyword> = keywords
        .iter()
        .filter(|k| !k.matched && !k.group.is_some_and(|g| met.contains(&g)))
        .collect();
    missing.sort_by_key(|k| !k.required);
    Match {
        posting: PostingInfo {
            source: posting.source.clone(),
            title: posting.title.clone(),
            company: posting.company.clone(),
        },
        fit,
        missing: missing.iter().map(|k| k.term.clone()).collect(),
        keywords,
        projects,
        bullets,
    }
}

/// How specific a term is: rare terms say more about a posting than ones
/// every posting mentions, within bounds so no term dominates.
fn specificity(lex: &Lexicon, id: TermId) -> f64 {
    (lex.idf(id) / w::IDF_SCALE).clamp(w::MIN_SPECIFICITY, w::MAX_SPECIFICITY)
}

/// Terms worth reporting: not mentioned only in boilerplate (a term the
/// title names is noted in the opening, not the boilerplate), so no
/// reported term's section is the boilerplate. A field named only in the
/// company's own sections is what the company sells, which CONVENTIONS.md
/// excludes, not a skill the posting asks for: "Eurofins is a global leader in pharmaceutical
/// testing" under "Company Description", "100% healthcare coverage" among
/// the benefits. (Corpus: 1,098 such reports in 838 of 6,575 postings,
/// Healthcare 304 and Financial services 286 the largest; of 14 sampled, 9
/// were the company's description and 5 its benefits.)
fn keep_hard_skills(found: Vec<Found>) -> Vec<Found> {
    found
        .into_iter()
        .filter(|f| f.section != SectionKind::Boilerplate)
        .collect()
}

/// Weighted share of the posting's asks the profile evidences, 0–100.
///
/// An ask is a term asked for on its own, or a one-of group: the group
/// weighs what its heaviest member does and is met, in full, by any member
/// (with the best evidence among those met). Members of a group differ in
/// weight almost only by how rare each is in the corpus (every fifth corpus
/// posting: 1,263 of 1,594 groups have members of unequal weight, 1,209 of
/// them by specificity alone), which says nothing of how much the posting
/// wants the group: "Terraform, Ansible or similar" is met by Ansible as
/// much as by Terraform. A posting that asks for little cannot score high
/// on a few matches: the total is at least
/// [`w::MIN_ASKED_WEIGHT`](crate::weights::MIN_ASKED_WEIGHT).
fn fit(keywords: &[Keyword]) -> f64 {
    // (weight, weight met) per ask.
    let mut asks: Vec<(f64, f64)> = Vec::new();
    // (weight, best credit of a met member) per group.
    let mut groups: BTreeMap<u32, (f64, f64)> = BTreeMap::new();
    for k in keywords {
        let share = if k.matched { credit(k) } else { 0.0 };
        match k.group {
            None => asks.push((k.weight, k.weight * share)),
            Some(g) => {
                let e = groups.entry(g).or_insert((0.0, 0.0));
                e.0 = e.0.max(k.weight);
                e.1 = e.1.max(share);
            }
        }
    }
    asks.extend(groups.into_values().map(|(w, c)| (w, w * c)));
    let total: f64 = asks
        .iter()
        .map(|a| a.0)
        .sum::<f64>()
        .max(w::MIN_ASKED_WEIGHT);
    let got: f64 = asks.iter().map(|a| a.1).sum();
    // An empty float sum is -0.0, which would print as "-0".
    if got <= 0.0 {
        return 0.0;
    }
    round(100.0 * got / total)
}

/// How much a match counts towards the fit: work a bullet describes is
/// worth more than a name on a certificate, a skills list or a summary.
fn credit(k: &Keyword) -> f64 {
    if k.how == Some(How::Implied) {
        return w::IMPLIED_CREDIT;
    }
    const CLAIMS: [&str; 4] = ["skills:", "cert:", "summary:", "project:"];
    if k.evidence
        .iter()
        .any(|e| !CLAIMS.iter().any(|c| e.starts_with(c)))
    {
        1.0
    } else {
        w::CLAIM_CREDIT
    }
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// "Now" for recency, from the profile itself so output never depends on
/// the clock: a year after its latest date.
pub fn profile_now(profile: &Profile) -> u32 {
    profile
        .projects
        .iter()
        .flat_map(|p| {
            let end = match p.end {
                End::Date(d) => Some(d.months(12)),
                End::Present => None,
            };
            [Some(p.start.months(1)), end]
        })
        .flatten()
        .max()
        .map_or(2025 * 12, |m| m + 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(term: &str, weight: f64, matched: bool, group: Option<u32>) -> Keyword {
        Keyword {
            term: term.to_owned(),
            forms: vec![term.to_owned()],
            phrases: Vec::new(),
            category: Category::Technology,
            weight,
            required: true,
            section: SectionKind::Required,
            line: 1,
            matched,
            how: matched.then_some(How::Exact),
            evidence: if matched {
                vec!["b1".to_owned()]
            } else {
                Vec::new()
            },
            via: None,
            group,
            because: (Because::Opening, 1),
            id: 0,
        }
    }

    #[test]
    fn a_group_is_met_by_any_member() {
        let all = [
            kw("Terraform", 4.0, true, Some(0)),
            kw("Ansible", 4.0, false, Some(0)),
            kw("Chef", 4.0, false, Some(0)),
            kw("Python", 4.0, true, None),
        ];
        // Two asks, both met (the group by Terraform), over the floor of 11.
        assert_eq!(fit(&all), round(100.0 * 8.0 / w::MIN_ASKED_WEIGHT));
        let plain: Vec<Keyword> = all
            .iter()
            .cloned()
            .map(|mut k| {
                k.group = None;
                k
            })
            .collect();
        assert!(fit(&plain) < fit(&all));
    }

    #[test]
    fn a_group_met_by_a_lighter_member_is_met_in_full() {
        // Members weigh differently by corpus rarity alone; the posting asks
        // for one of them. Regression: the group counted as met only to the
        // weight of the member the profile had (75 here, not 100).
        let all = [
            kw("Terraform", 8.0, false, Some(0)),
            kw("Ansible", 4.0, true, Some(0)),
            kw("Python", 8.0, true, None),
        ];
        assert_eq!(fit(&all), 100.0);
        // Unmet, the group still asks for its heaviest member's weight.
        let unmet = [
            kw("Terraform", 8.0, false, Some(0)),
            kw("Ansible", 4.0, false, Some(0)),
            kw("Python", 8.0, true, None),
        ];
        assert_eq!(fit(&unmet), 50.0);
    }

    #[test]
    fn a_group_takes_the_best_evidence_among_its_met_members() {
        let mut implied = kw("Ansible", 8.0, true, Some(0));
        implied.how = Some(How::Implied);
        let mut claimed = kw("Chef", 4.0, true, Some(0));
        claimed.evidence = vec!["skills:Config".to_owned()];
        let described = kw("Puppet", 2.0, true, Some(0));
        let python = kw("Python", 8.0, false, None);
        // The group (weight 8) met through a bullet describing Puppet.
        let group = [implied.clone(), claimed.clone(), described, python.clone()];
        assert_eq!(fit(&group), 50.0);
        // Without Puppet, the implied Ansible (0.6) beats the claimed Chef (0.5).
        let weaker = [implied, claimed, python];
        assert_eq!(fit(&weaker), round(100.0 * 8.0 * w::IMPLIED_CREDIT / 16.0));
    }

    #[test]
    fn prefix_filtering_finds_exactly_the_pairs_a_full_comparison_does() {
        // Word sets drawn from a small vocabulary, so many pairs overlap.
        let vocab: Vec<String> = (0..12).map(|i| format!("w{i}")).collect();
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        let bullets: Vec<HashSet<String>> = (0..300)
            .map(|_| {
                (0..1 + next() % 6)
                    .map(|_| vocab[next() % 12].clone())
                    .collect()
            })
            .collect();
        for t in [0.6, 0.5, 0.8] {
            let fast = near_duplicate_table(&bullets.iter().collect::<Vec<_>>(), t, usize::MAX);
            for x in 0..bullets.len() {
                let slow: Vec<usize> = (0..bullets.len())
                    .filter(|&y| y != x && jaccard(&bullets[x], &bullets[y]) >= t)
                    .collect();
                assert_eq!(fast[x], slow, "bullet {x} at {t}");
            }
        }
    }

    #[test]
    fn a_long_name_s_inner_terms_grow_with_its_length_not_its_square() {
        let lex = Lexicon::builtin();
        let short = inner_mentions(&lex, "AWS Solutions Architect Associate");
        assert!(!short.is_empty(), "{short:?}");
        let name = vec!["AWS"; 1000].join(" ");
        let inner = inner_mentions(&lex, &name);
        // Every tail from each of the first words, not from all 999.
        assert_eq!(
            inner.len(),
            (1..MAX_INNER_STARTS).map(|k| 1000 - k).sum::<usize>()
        );
    }

    #[test]
    fn a_posting_that_asks_little_scores_no_high_fit() {
        // Regression: two matched terms made a fit of 100 (corpus row 768).
        let two = [kw("AWS", 1.0, true, None), kw("Python", 1.0, true, None)];
        assert!(fit(&two) <= 100.0 * 2.0 / w::MIN_ASKED_WEIGHT + 0.01);
    }
}
