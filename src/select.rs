//! Pure selection: a [`Match`] and a [`Budget`] -> the [`Tailored`] résumé.
//!
//! Bullets are chosen greedily in two passes over the bullets that evidence
//! something the posting asks for:
//!
//! 1. coverage: each step takes the bullet that shows the most posting weight
//!    not yet shown by a chosen bullet, counting the terms the posting
//!    requires first and then all, until every evidenced term is shown,
//!    in a bullet's words where one names it, best in the posting's own
//!    words and phrase (a term only a tag or a narrower skill evidences is
//!    half shown, `UNNAMED_SHARE`; one in other words mostly,
//!    `OTHER_WORDS_SHARE`; one in the posting's word but not the phrase
//!    around it nearly, `FORM_ONLY_SHARE`);
//! 2. relevance with diminishing returns: each term's contribution halves
//!    for every chosen bullet that already shows it, so chosen bullets do not
//!    all repeat the same terms.
//!
//! Then, when the posting matched little, the most recent work fills the
//! résumé up to a minimum so it is never empty. Both passes and the fill
//! make one fixed sequence that the budget only cuts short, which is why a
//! larger `max_bullets` never drops a chosen bullet.
//!
//! Projects are allowed in order of relevance (a relevant project is never
//! hidden by an irrelevant one) and printed most recent first. A bullet that
//! says nearly the same as a chosen one is never chosen. Every string in the
//! result is profile text, verbatim.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::keywords::normalize::{norm, stem};
use crate::keywords::{mentions, Category, TermId};
use crate::profile::schema::{Bullet, End, Profile, Project};
use crate::score::{Evidence, Match};
use crate::tailored::{
    display_dates, SkillGroup, Tailored, TailoredBullet, TailoredProject, Target,
};

/// How much the résumé may hold, and choices made by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    pub max_projects: usize,
    pub max_bullets_per_project: usize,
    pub max_bullets: usize,
    /// Most skill keywords in the Skills section.
    pub max_skills: usize,
    /// The id of the summary to use (`--summary`), instead of the best fit.
    pub summary: Option<String>,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            max_projects: 5,
            max_bullets_per_project: 5,
            max_bullets: 16,
            max_skills: 15,
            summary: None,
        }
    }
}

/// Bullets a résumé shows even for a posting it matches little, budget
/// allowing: the most recent work.
const MIN_BULLETS: usize = 6;

/// Below this fit the posting asks for little the profile evidences: the
/// résumé takes one bullet per evidenced term (coverage) and then recent
/// work, not more bullets for the same few terms, and `build` says so.
pub const LOW_FIT: f64 = 20.0;

/// What `build` says of a posting under [`LOW_FIT`], for one posting and in
/// a batch's summary alike.
pub const LOW_FIT_NOTE: &str =
    "this posting asks for little the profile evidences; the résumé shows mostly recent work";

/// What a domain term ("Clinical trials", "Healthcare") named only outside
/// the requirements and responsibilities (a company blurb, an
/// introduction) counts towards choosing bullets: it says where the
/// company works, not what the job needs.
const BLURB_DOMAIN_WEIGHT: f64 = 0.25;

/// Near-duplicates by shared terms: two bullets whose terms (domain terms
/// aside) overlap by at least the first Jaccard and whose words overlap by
/// at least the second say the same thing ("Leveraged AWS EventBridge to
/// trigger Lambdas…" beside "Leveraged DynamoDB streams and Lambda
/// triggers…"). `Evidence::near_duplicates` catches the word-for-word ones.
const SAME_TERMS: [(f64, f64); 2] = [(0.6, 0.25), (0.4, 0.4)];

/// What a bullet that evidences a term without naming it in its words
/// counts towards showing the term, against one that names it: a tag, or a
/// narrower skill that implies it (ECS for Containers, DynamoDB for NoSQL).
/// A recruiter and an ATS keyword search read a bullet's words, never its
/// tags or the skill graph, so coverage prefers the bullet that names the
/// term, and after one that only implies it goes on to one that names it
/// ("Deployed containerized applications…") unless the Skills line lists
/// the term ([`listed_terms`]). Over 202 corpus postings (every 33rd), the
/// résumés showed 13 of the 984 required terms the profile evidences in no
/// words although a bullet names them (Containers in 10); with this rule 3.
const UNNAMED_SHARE: f64 = 0.5;

/// What a bullet that names a term in other words than the posting's
/// counts towards showing it, against one in the posting's own words (up to
/// endings: "containerized applications" where the posting asks for
/// containerized applications, not "container restarts"). ATS keyword
/// matching is literal and recruiters skim for the posting's phrase, so
/// coverage prefers the bullet in the posting's words, and after one in
/// other words goes on to one in its words when the Skills line cannot
/// list the term ([`listed_terms`]). Over the 202 corpus postings of
/// [`UNNAMED_SHARE`], the résumés showed 24 of the 984 required terms the
/// profile evidences in none of the posting's words although a bullet has
/// them (Microservices 7, Containers 7); with this rule 13, all terms the
/// Skills line lists.
const OTHER_WORDS_SHARE: f64 = 0.75;

/// What a bullet that names a term in the posting's word for it, but not
/// in the posting's phrase around it, counts towards showing it, against
/// one that echoes the phrase: where the posting asks for "containerized
/// applications", "Deployed containerized applications" over "CI/CD
/// pipelines for containerized workflows". A recruiter skims for the
/// posting's phrase and an ATS that matches phrases finds it only there.
/// It counts only when some candidate bullet echoes a phrase of the term
/// (else the posting's word is the best the profile offers, and counts
/// fully), and a phrase is the term's form with the word beside it in the
/// posting (`phrases_around` in extract.rs): a term in a list has none.
const FORM_ONLY_SHARE: f64 = 0.9;

/// One chosen bullet and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    pub id: String,
    /// Its relevance score in the match (0 for a fill bullet).
    pub score: f64,
    /// Posting terms this bullet was the first chosen bullet to show, or
    /// the first to name in its words.
    pub new_terms: Vec<String>,
    /// Why: `coverage`, `relevance`, `context` or `recent work`.
    pub reason: &'static str,
}

/// The résumé and the reasons behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub tailored: Tailored,
    /// Chosen bullets, most relevant first (the order `--pages` drops them in
    /// reverse).
    pub chosen: Vec<Chosen>,
    /// Matched terms a bullet evidences that no chosen bullet shows (the
    /// budget ran out first).
    pub unshown: Vec<String>,
    /// Which summary was chosen and why.
    pub summary: Option<SummaryChoice>,
}

/// The summary a résumé opens with, and why it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryChoice {
    pub id: String,
    /// For `--explain`: what in the posting it fits.
    pub reason: String,
}

/// A bullet the greedy passes may choose.
struct Candidate<'a> {
    index: usize,
    bullet: &'a Bullet,
    project: Option<usize>,
    score: f64,
    /// (matched posting term, contribution), from the match.
    terms: Vec<(TermId, f64)>,
    /// The terms among `terms` its words name ([`named_terms`]).
    named: HashSet<TermId>,
    /// The terms among `named` it names in the posting's own words.
    echoed: HashSet<TermId>,
    /// The terms among `echoed` it names in the posting's own phrase, or
    /// that no candidate names in a phrase of the posting's.
    phrased: HashSet<TermId>,
}

impl Candidate<'_> {
    /// How well this bullet shows term `t` to a reader: 1 in the posting's
    /// own phrase, [`FORM_ONLY_SHARE`] in its word for the term but not its
    /// phrase, [`OTHER_WORDS_SHARE`] in other words of the term,
    /// [`UNNAMED_SHARE`] when it only evidences it (a tag, a narrower
    /// skill).
    fn shows(&self, t: TermId) -> f64 {
        if self.phrased.contains(&t) {
            1.0
        } else if self.echoed.contains(&t) {
            FORM_ONLY_SHARE
        } else if self.named.contains(&t) {
            OTHER_WORDS_SHARE
        } else {
            UNNAMED_SHARE
        }
    }
}

/// Chooses the résumé's content for one posting.
///
/// `ev` must be the profile's own index (its bullets are the profile's
/// bullets in [`Profile::bullets`] order).
pub fn select(profile: &Profile, ev: &Evidence, m: &Match, budget: &Budget) -> Selection {
    let bullets: Vec<(Option<&Project>, &Bullet)> = profile.bullets().collect();
    let project_index: HashMap<&str, usize> = profile
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let term_ids: HashMap<&str, (TermId, f64)> = m
        .keywords
        .iter()
        .filter(|k| k.matched)
        .map(|k| (k.term.as_str(), (k.id, selection_weight(ev, k))))
        .collect();

    let mut candidates: Vec<Candidate> = m
        .bullets
        .iter()
        .filter(|b| b.index < bullets.len())
        .map(|b| Candidate {
            index: b.index,
            bullet: bullets[b.index].1,
            project: bullets[b.index]
                .0
                .and_then(|p| project_index.get(p.id.as_str()).copied()),
            score: b.score,
            terms: b
                .terms
                .iter()
                .filter_map(|(t, c)| term_ids.get(t.as_str()).map(|&(id, w)| (id, c * w)))
                .collect(),
            named: HashSet::new(),
            echoed: HashSet::new(),
            phrased: HashSet::new(),
        })
        .collect();
    // The posting's words and its phrases around them for each matched
    // term, stemmed, each between spaces to be found as whole words.
    let stemmed = |xs: &[String]| -> Vec<String> {
        xs.iter()
            .map(|x| stem(&norm(x)))
            .filter(|x| !x.is_empty())
            .map(|x| format!(" {x} "))
            .collect()
    };
    let posting_forms: HashMap<TermId, Vec<String>> = m
        .keywords
        .iter()
        .filter(|k| k.matched)
        .map(|k| (k.id, stemmed(&k.forms)))
        .collect();
    let posting_phrases: HashMap<TermId, Vec<String>> = m
        .keywords
        .iter()
        .filter(|k| k.matched && !k.phrases.is_empty())
        .map(|k| (k.id, stemmed(&k.phrases)))
        .collect();
    for c in &mut candidates {
        let words = named_terms(ev, &c.bullet.text);
        c.named = c
            .terms
            .iter()
            .map(|&(t, _)| t)
            .filter(|t| words.contains(t))
            .collect();
        let text = format!(" {} ", stem(&norm(&c.bullet.text)));
        let has = |table: &HashMap<TermId, Vec<String>>, t: &TermId| {
            table
                .get(t)
                .is_some_and(|xs| xs.iter().any(|x| text.contains(x.as_str())))
        };
        c.echoed = c
            .named
            .iter()
            .copied()
            .filter(|t| has(&posting_forms, t))
            .collect();
        // For now the terms it echoes a phrase of; settled below, once the
        // candidates are known.
        c.phrased = c
            .echoed
            .iter()
            .copied()
            .filter(|t| has(&posting_phrases, t))
            .collect();
    }
    // Projects allowed, most relevant first; the rest may only fill.
    let relevant: Vec<usize> = m
        .projects
        .iter()
        .filter(|p| p.score > 0.0)
        .filter_map(|p| project_index.get(p.id.as_str()).copied())
        .take(budget.max_projects)
        .collect();
    candidates.retain(|c| c.project.is_none_or(|p| relevant.contains(&p)));
    // A term no candidate echoes a phrase of is shown fully by the
    // posting's word for it.
    let in_a_phrase: HashSet<TermId> = candidates
        .iter()
        .flat_map(|c| c.phrased.iter().copied())
        .collect();
    for c in &mut candidates {
        let phrased = std::mem::take(&mut c.phrased);
        c.phrased = c
            .echoed
            .iter()
            .copied()
            .filter(|t| phrased.contains(t) || !in_a_phrase.contains(t))
            .collect();
    }

    let mut state = State {
        budget,
        ev,
        chosen: Vec::new(),
        taken: HashSet::new(),
        per_project: HashMap::new(),
        shown: HashMap::new(),
        level: HashMap::new(),
        listed: listed_terms(profile, ev),
        term_sets: term_sets(ev),
        context: context_bullets(profile, &bullets, &project_index),
        bullets: &bullets,
        candidates: &candidates,
    };
    let required: HashSet<TermId> = m
        .keywords
        .iter()
        .filter(|k| k.matched && k.required)
        .map(|k| k.id)
        .collect();
    state.coverage_pass(&required);
    if m.fit >= LOW_FIT {
        state.relevance_pass();
    }
    state.fill(profile, &bullets, &project_index);

    let chosen = state.chosen;
    let chosen_ids: Vec<&str> = chosen.iter().map(|c| c.id.as_str()).collect();
    let tailored = assemble(profile, ev, m, budget, &chosen_ids);
    let unshown = unshown(ev, m, &tailored);
    let summary = summary_choice(profile, ev, m, budget, &chosen_ids);
    Selection {
        tailored,
        chosen,
        unshown,
        summary,
    }
}

/// Matched posting terms the résumé does not show: in no chosen bullet
/// (text or tags), and not named by a chosen project's name, role or
/// client, the summary, skills or certifications.
/// Typically a term only a project's narrative summary evidences: worth a
/// bullet of its own in the profile.
pub fn unshown(ev: &Evidence, m: &Match, t: &Tailored) -> Vec<String> {
    let mut shown: HashSet<TermId> = HashSet::new();
    let ids: HashSet<&str> = t.bullet_ids().collect();
    for b in ev.bullets.iter().filter(|b| ids.contains(b.id.as_str())) {
        shown.extend(b.terms.iter().copied());
    }
    let texts = t
        .summary
        .iter()
        .chain(&t.skills)
        .chain(t.certifications.iter().map(|c| &c.name))
        .chain(
            t.experience
                .iter()
                .flat_map(|p| std::iter::once(&p.name).chain(&p.role).chain(&p.client)),
        );
    for text in texts {
        shown.extend(mentions(&ev.lexicon, text).iter().map(|x| x.term));
    }
    shown.extend(t.skills.iter().filter_map(|s| ev.lexicon.find(s)));
    m.keywords
        .iter()
        .filter(|k| k.matched && !shown.contains(&k.id))
        .map(|k| k.term.clone())
        .collect()
}

/// What a matched posting term counts towards choosing bullets: its full
/// contribution where the posting asks for it; little when it is a domain
/// named only in a blurb ([`BLURB_DOMAIN_WEIGHT`]). (A term named only in
/// the boilerplate is not reported at all.)
fn selection_weight(ev: &Evidence, k: &crate::score::Keyword) -> f64 {
    use crate::posting::SectionKind;
    let category = ev.lexicon.term(k.id).category;
    match k.section {
        SectionKind::Other if matches!(category, Category::Domain | Category::Business) => {
            BLURB_DOMAIN_WEIGHT
        }
        _ => 1.0,
    }
}

/// The terms a text names in its words: what the lexicon reads in it, and
/// the terms named inside a longer name it reads ("containerized
/// applications" names Containers, "real-time monitoring" Monitoring),
/// since a reader sees those words whichever phrase holds them.
fn named_terms(ev: &Evidence, text: &str) -> HashSet<TermId> {
    let mut out = HashSet::new();
    for m in mentions(&ev.lexicon, text) {
        out.insert(m.term);
        let words: Vec<&str> = m.surface.split_whitespace().collect();
        let n = words.len();
        for i in 0..n {
            for j in i + 1..=n {
                if j - i < n {
                    out.extend(
                        mentions(&ev.lexicon, &words[i..j].join(" "))
                            .iter()
                            .map(|x| x.term),
                    );
                }
            }
        }
    }
    out
}

/// Terms the profile names as a skill keyword or a bullet's tag: when the
/// posting asks for one, the Skills line lists it in those words
/// ([`skills`]), so a reader sees it whichever bullet shows it.
fn listed_terms(profile: &Profile, ev: &Evidence) -> HashSet<TermId> {
    profile
        .skills
        .iter()
        .flat_map(|a| a.keywords.iter())
        .chain(profile.bullets().flat_map(|(_, b)| b.tags.iter()))
        .filter_map(|k| ev.lexicon.find(k))
        .collect()
}

/// Per profile bullet, its terms but domain ones (every bullet of a
/// project shares those), for near-duplicates by shared terms.
fn term_sets(ev: &Evidence) -> Vec<HashSet<TermId>> {
    ev.bullets
        .iter()
        .map(|b| {
            b.terms
                .iter()
                .copied()
                .filter(|&t| {
                    !matches!(
                        ev.lexicon.term(t).category,
                        Category::Domain | Category::Business
                    )
                })
                .collect()
        })
        .collect()
}

fn jaccard<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Words that open a bullet describing the project rather than one piece
/// of work in it.
const CONTEXT_OPENINGS: [&str; 6] = [
    "worked on ",
    "working on ",
    "joined ",
    "part of ",
    "member of ",
    "contributed to ",
];

/// Per project (by index), its context bullet (an index into `bullets`),
/// if it has one. The rule: a project's first bullet is its context bullet
/// when it describes the project: it opens with "Worked on", "Joined",
/// "Part of", … ([`CONTEXT_OPENINGS`]) or says much the same as the
/// project's summary (word overlap of at least half).
fn context_bullets(
    profile: &Profile,
    bullets: &[(Option<&Project>, &Bullet)],
    project_index: &HashMap<&str, usize>,
) -> HashMap<usize, usize> {
    let words = |s: &str| -> HashSet<String> {
        norm(s)
            .split(' ')
            .filter(|w| w.len() > 2)
            .map(str::to_owned)
            .collect()
    };
    let mut out = HashMap::new();
    for (p, project) in profile.projects.iter().enumerate() {
        let Some(first) = project.bullets.first() else {
            continue;
        };
        let text = first.text.trim_start().to_lowercase();
        let opens = CONTEXT_OPENINGS.iter().any(|o| text.starts_with(o));
        let like_summary = project
            .summary
            .as_deref()
            .is_some_and(|s| jaccard(&words(s), &words(&first.text)) >= 0.5);
        if !(opens || like_summary) {
            continue;
        }
        let index = bullets.iter().position(|(q, b)| {
            b.id == first.id && q.and_then(|q| project_index.get(q.id.as_str())).copied() == Some(p)
        });
        if let Some(i) = index {
            out.insert(p, i);
        }
    }
    out
}

/// The greedy passes' running state.
struct State<'a> {
    budget: &'a Budget,
    ev: &'a Evidence,
    chosen: Vec<Chosen>,
    /// Indexes (into the profile's bullets) of chosen bullets.
    taken: HashSet<usize>,
    /// Chosen bullets per project.
    per_project: HashMap<usize, usize>,
    /// How many chosen bullets show each term.
    shown: HashMap<TermId, u32>,
    /// How well the chosen bullets show each term they evidence, the best
    /// of [`Candidate::shows`].
    level: HashMap<TermId, f64>,
    /// Terms the Skills line lists by the profile's name for them
    /// ([`listed_terms`]).
    listed: HashSet<TermId>,
    /// Per profile bullet, its terms for near-duplicates ([`term_sets`]).
    term_sets: Vec<HashSet<TermId>>,
    /// Per project, its context bullet ([`context_bullets`]).
    context: HashMap<usize, usize>,
    bullets: &'a [(Option<&'a Project>, &'a Bullet)],
    /// The bullets the passes may choose, with their terms.
    candidates: &'a [Candidate<'a>],
}

impl State<'_> {
    fn full(&self) -> bool {
        self.chosen.len() >= self.budget.max_bullets
    }

    /// Whether a bullet may still be chosen: not taken, its project has room
    /// (and a free project slot if it is new), and it is not a near
    /// duplicate of a chosen bullet.
    fn admissible(&self, index: usize, project: Option<usize>) -> bool {
        if self.taken.contains(&index) {
            return false;
        }
        if let Some(p) = project {
            match self.per_project.get(&p) {
                Some(&n) if n >= self.budget.max_bullets_per_project => return false,
                None if self.per_project.len() >= self.budget.max_projects => return false,
                _ => {}
            }
        }
        !self
            .ev
            .near_duplicates(index)
            .iter()
            .any(|t| self.taken.contains(t))
            && !self.taken.iter().any(|&t| self.same_terms(index, t))
    }

    /// Whether two bullets say the same by their terms ([`SAME_TERMS`]).
    fn same_terms(&self, a: usize, b: usize) -> bool {
        let (Some(ta), Some(tb)) = (self.term_sets.get(a), self.term_sets.get(b)) else {
            return false;
        };
        if ta.len() < 2 || tb.len() < 2 {
            return false;
        }
        let terms = jaccard(ta, tb);
        let words = jaccard(self.ev.words(a), self.ev.words(b));
        SAME_TERMS.iter().any(|&(t, w)| terms >= t && words >= w)
    }

    /// Takes a bullet; the first taken from a project with a context bullet
    /// takes that bullet first, room allowing, so a shown project opens
    /// with what it was, and `--pages` (which drops in reverse) drops it
    /// last.
    fn take(&mut self, c: &Candidate, reason: &'static str) {
        if let Some(p) = c.project {
            if let Some(&ctx) = self.context.get(&p) {
                let room = !self.full()
                    && self.chosen.len() + 1 < self.budget.max_bullets
                    && self.budget.max_bullets_per_project >= 2;
                if ctx != c.index
                    && !self.per_project.contains_key(&p)
                    && room
                    && self.admissible(ctx, Some(p))
                {
                    // It shows what it names like any chosen bullet, so
                    // coverage does not take another bullet for those.
                    let evidence = self.candidates.iter().find(|x| x.index == ctx);
                    let context = Candidate {
                        index: ctx,
                        bullet: self.bullets[ctx].1,
                        project: Some(p),
                        score: 0.0,
                        terms: evidence.map(|x| x.terms.clone()).unwrap_or_default(),
                        named: evidence.map(|x| x.named.clone()).unwrap_or_default(),
                        echoed: evidence.map(|x| x.echoed.clone()).unwrap_or_default(),
                        phrased: evidence.map(|x| x.phrased.clone()).unwrap_or_default(),
                    };
                    self.take_one(&context, "context");
                }
            }
        }
        self.take_one(c, reason);
    }

    fn take_one(&mut self, c: &Candidate, reason: &'static str) {
        let mut new_terms = Vec::new();
        for (t, _) in &c.terms {
            let n = self.shown.entry(*t).or_insert(0);
            let level = self.level.entry(*t).or_insert(0.0);
            let better = c.shows(*t) > *level;
            *level = level.max(c.shows(*t));
            if *n == 0 || better {
                new_terms.push(self.ev.lexicon.term(*t).name.to_string());
            }
            *n += 1;
        }
        self.taken.insert(c.index);
        if let Some(p) = c.project {
            *self.per_project.entry(p).or_insert(0) += 1;
        }
        self.chosen.push(Chosen {
            id: c.bullet.id.clone(),
            score: c.score,
            new_terms,
            reason,
        });
    }

    /// Takes the best admissible candidate by `gain` while one has a gain
    /// above zero. Ties go to the higher match score, then profile order.
    fn greedy(
        &mut self,
        candidates: &[Candidate],
        reason: &'static str,
        gain: impl Fn(&Self, &Candidate) -> f64,
    ) {
        while !self.full() {
            let best = candidates
                .iter()
                .filter(|c| self.admissible(c.index, c.project))
                .map(|c| (gain(self, c), c))
                .filter(|(g, _)| *g > 1e-9)
                .max_by(|(ga, a), (gb, b)| {
                    ga.total_cmp(gb)
                        .then(a.score.total_cmp(&b.score))
                        .then(b.index.cmp(&a.index))
                });
            match best {
                Some((_, c)) => self.take(c, reason),
                None => break,
            }
        }
    }

    /// Coverage, the terms the posting requires first: a bullet that alone
    /// shows a required term is chosen before any that shows only terms it
    /// would like, so a project's bullet limit is not spent on those first,
    /// and `--pages` (which drops in reverse) drops it last.
    fn coverage_pass(&mut self, required: &HashSet<TermId>) {
        let candidates = self.candidates;
        self.greedy(candidates, "coverage", |s, c| {
            c.terms
                .iter()
                .filter(|(t, _)| required.contains(t))
                .map(|&(t, w)| s.cover_gain(c, t, w))
                .sum()
        });
        self.greedy(candidates, "coverage", |s, c| {
            c.terms.iter().map(|&(t, w)| s.cover_gain(c, t, w)).sum()
        });
    }

    /// How much more of term `t` (worth `w` in `c`) the résumé would show
    /// with `c`: how much better `c` shows it ([`Candidate::shows`]) than
    /// the chosen bullets do; nothing more once a chosen bullet shows it
    /// at all when the Skills line lists it by name.
    fn cover_gain(&self, c: &Candidate, t: TermId, w: f64) -> f64 {
        let now = self.level.get(&t).copied().unwrap_or(0.0);
        if now > 0.0 && self.listed.contains(&t) {
            return 0.0;
        }
        w * (c.shows(t) - now).max(0.0)
    }

    fn relevance_pass(&mut self) {
        let candidates = self.candidates;
        self.greedy(candidates, "relevance", |s, c| {
            c.terms
                .iter()
                .map(|(t, w)| {
                    let n = s.shown.get(t).copied().unwrap_or(0);
                    w * 0.5f64.powi(i32::try_from(n).unwrap_or(i32::MAX))
                })
                .sum()
        });
    }

    /// Tops the résumé up to [`MIN_BULLETS`] with the most recent work:
    /// projects already chosen first, then the others most recent first,
    /// each in profile order.
    fn fill(
        &mut self,
        profile: &Profile,
        bullets: &[(Option<&Project>, &Bullet)],
        project_index: &HashMap<&str, usize>,
    ) {
        let limit = MIN_BULLETS.min(self.budget.max_bullets);
        if self.chosen.len() >= limit {
            return;
        }
        let mut order: Vec<usize> = (0..profile.projects.len()).collect();
        order.sort_by_key(|&p| {
            let proj = &profile.projects[p];
            (
                !self.per_project.contains_key(&p),
                std::cmp::Reverse(end_key(proj.end)),
                std::cmp::Reverse(proj.start.months(1)),
            )
        });
        for p in order {
            for (index, (proj, b)) in bullets.iter().enumerate() {
                if self.chosen.len() >= limit {
                    return;
                }
                let in_p = proj.and_then(|q| project_index.get(q.id.as_str()).copied());
                if in_p != Some(p) || !self.admissible(index, in_p) {
                    continue;
                }
                let c = Candidate {
                    index,
                    bullet: b,
                    project: in_p,
                    score: 0.0,
                    terms: Vec::new(),
                    named: HashSet::new(),
                    echoed: HashSet::new(),
                    phrased: HashSet::new(),
                };
                self.take(&c, "recent work");
            }
        }
    }
}

/// Sort key for an end date: `Present` after every date.
fn end_key(end: End) -> u32 {
    match end {
        End::Present => u32::MAX,
        End::Date(d) => d.months(12),
    }
}

/// Builds the résumé from the chosen bullet ids (most relevant first).
pub fn assemble(
    profile: &Profile,
    ev: &Evidence,
    m: &Match,
    budget: &Budget,
    chosen: &[&str],
) -> Tailored {
    let rank: HashMap<&str, usize> = chosen.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let pick = |bs: &[Bullet]| -> Vec<TailoredBullet> {
        let mut picked: Vec<&Bullet> = bs
            .iter()
            .filter(|b| rank.contains_key(b.id.as_str()))
            .collect();
        picked.sort_by_key(|b| rank[b.id.as_str()]);
        picked
            .into_iter()
            .map(|b| TailoredBullet {
                id: b.id.clone(),
                text: b.text.clone(),
            })
            .collect()
    };
    let by_bullets: HashSet<TermId> = ev
        .bullets
        .iter()
        .filter(|b| rank.contains_key(b.id.as_str()))
        .flat_map(|b| b.terms.iter().copied())
        .collect();
    let mut experience: Vec<(&Project, TailoredProject)> = profile
        .projects
        .iter()
        .filter_map(|p| {
            let bullets = pick(&p.bullets);
            (!bullets.is_empty()).then(|| {
                (
                    p,
                    TailoredProject {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        client: p.client.clone(),
                        role: p.role.clone(),
                        dates: display_dates(p.start, p.end),
                        start: p.start,
                        end: p.end,
                        bullets,
                    },
                )
            })
        })
        .collect();
    // Most recent first; a stable sort keeps profile order for equal dates.
    experience.sort_by_key(|(p, _)| {
        (
            std::cmp::Reverse(end_key(p.end)),
            std::cmp::Reverse(p.start.months(1)),
        )
    });

    // What a reader sees in the chosen bullets' text (tags are not printed).
    let in_text: HashSet<TermId> = profile
        .bullets()
        .filter(|(_, b)| rank.contains_key(b.id.as_str()))
        .flat_map(|(_, b)| mentions(&ev.lexicon, &b.text))
        .map(|x| x.term)
        .collect();
    // How many chosen bullets evidence each term: the résumé's own core.
    let mut in_chosen: HashMap<TermId, usize> = HashMap::new();
    for b in ev
        .bullets
        .iter()
        .filter(|b| rank.contains_key(b.id.as_str()))
    {
        for t in &b.terms {
            *in_chosen.entry(*t).or_insert(0) += 1;
        }
    }
    let summary = choose_summary(profile, ev, m, budget, &by_bullets)
        .map(|(i, _)| profile.summaries[i].text.clone());
    // What a reader sees in the chosen text: the bullets and the summary.
    let mut in_text = in_text;
    if let Some(s) = &summary {
        in_text.extend(mentions(&ev.lexicon, s).iter().map(|x| x.term));
    }
    let skill_groups = skills(profile, ev, m, &in_text, &in_chosen, budget.max_skills);
    Tailored {
        person: profile.person.clone(),
        summary,
        skills: skill_groups.iter().flat_map(|g| g.skills.clone()).collect(),
        skill_groups,
        experience: experience.into_iter().map(|(_, t)| t).collect(),
        highlights: pick(&profile.general),
        certifications: profile.certifications.clone(),
        education: profile.education.clone(),
        target: Target {
            title: m.posting.title.clone(),
            company: m.posting.company.clone(),
            source: m.posting.source.clone(),
        },
    }
}

/// Which summary the résumé for these chosen bullets opens with, and why.
pub fn summary_choice(
    profile: &Profile,
    ev: &Evidence,
    m: &Match,
    budget: &Budget,
    chosen: &[&str],
) -> Option<SummaryChoice> {
    let ids: HashSet<&str> = chosen.iter().copied().collect();
    let by_bullets: HashSet<TermId> = ev
        .bullets
        .iter()
        .filter(|b| ids.contains(b.id.as_str()))
        .flat_map(|b| b.terms.iter().copied())
        .collect();
    choose_summary(profile, ev, m, budget, &by_bullets).map(|(i, reason)| SummaryChoice {
        id: profile.summaries[i].id.clone(),
        reason,
    })
}

/// What a summary tag found in the posting's title counts: the title says
/// what the job is, so "Platform Engineer" picks the `platform` summary
/// over one that names a few more of the posting's terms.
const TITLE_TAG: f64 = 3.0;

/// Whether a summary tag names the job in a title: as words of it
/// ("platform" in "Senior Platform Engineer", "full-stack" in "Full Stack
/// Developer") or as the initials of consecutive title words ("sre" in
/// "Site Reliability Engineer").
fn tag_in_title(tag: &str, title_words: &[&str]) -> bool {
    let tag = norm(tag);
    let tag_words: Vec<&str> = tag.split(' ').filter(|w| !w.is_empty()).collect();
    if tag_words.is_empty() {
        return false;
    }
    let n = tag_words.len();
    if title_words.windows(n).any(|w| w == tag_words.as_slice()) {
        return true;
    }
    let k = tag.chars().count();
    n == 1
        && k >= 2
        && title_words.windows(k).any(|w| {
            w.iter()
                .map(|x| x.chars().next().unwrap_or(' '))
                .eq(tag.chars())
        })
}

/// The summary that fits the posting best, as an index into the profile's
/// summaries, with the reason. A summary scores
/// - [`TITLE_TAG`] for each of its tags the posting's title names;
/// - 1 for each other tag among the words of the posting's terms (its
///   role words: "devops", "cloud", "backend");
/// - the weight of each matched posting term its text mentions, double for
///   a term no chosen bullet shows (the summary is the one place left to
///   show it).
///
/// `--summary ID` ([`Budget::summary`]) overrides the choice. Ties go to
/// the first in the profile.
fn choose_summary(
    profile: &Profile,
    ev: &Evidence,
    m: &Match,
    budget: &Budget,
    by_bullets: &HashSet<TermId>,
) -> Option<(usize, String)> {
    if let Some(id) = &budget.summary {
        if let Some(i) = profile.summaries.iter().position(|s| &s.id == id) {
            return Some((i, format!("summary {id}: chosen with --summary")));
        }
    }
    let weights: HashMap<TermId, f64> = m
        .keywords
        .iter()
        .filter(|k| k.matched)
        .map(|k| (k.id, k.weight))
        .collect();
    let title = norm(m.posting.title.as_deref().unwrap_or(""));
    let title_words: Vec<&str> = title.split(' ').filter(|w| !w.is_empty()).collect();
    let mut term_words: HashSet<String> = HashSet::new();
    for k in &m.keywords {
        term_words.extend(norm(&k.term).split(' ').map(str::to_owned));
    }
    let mut best: Option<(f64, usize, String)> = None;
    for (i, s) in profile.summaries.iter().enumerate() {
        let mut seen = HashSet::new();
        let mut terms: Vec<&str> = Vec::new();
        let term_score: f64 = mentions(&ev.lexicon, &s.text)
            .iter()
            .filter(|x| seen.insert(x.term))
            .filter_map(|x| {
                let w = weights.get(&x.term)?;
                terms.push(ev.lexicon.term(x.term).name);
                Some(if by_bullets.contains(&x.term) {
                    *w
                } else {
                    2.0 * w
                })
            })
            .sum();
        let in_title: Vec<&str> = s
            .tags
            .iter()
            .filter(|t| tag_in_title(t, &title_words))
            .map(String::as_str)
            .collect();
        let in_terms: Vec<&str> = s
            .tags
            .iter()
            .filter(|t| !in_title.contains(&t.as_str()) && term_words.contains(&norm(t)))
            .map(String::as_str)
            .collect();
        let score = term_score + TITLE_TAG * in_title.len() as f64 + in_terms.len() as f64;
        if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            let mut why = vec![format!("score {score:.2}")];
            if !in_title.is_empty() {
                why.push(format!("the title names {}", in_title.join(", ")));
            }
            if !in_terms.is_empty() {
                why.push(format!("posting terms name {}", in_terms.join(", ")));
            }
            if !terms.is_empty() {
                why.push(format!("mentions {}", terms.join(", ")));
            }
            best = Some((score, i, format!("summary {}: {}", s.id, why.join("; "))));
        }
    }
    best.map(|(_, i, why)| (i, why))
}

/// Skill entries shown beside the posting's matched skills: the profile's
/// core skills (those the most bullets evidence), never more than this many.
const MAX_CORE_SKILLS: usize = 6;

/// Skills-line groups in the order résumés print them (see
/// [`skill_group`]).
pub const SKILL_GROUPS: [&str; 6] = [
    "Languages",
    "Infrastructure",
    "Data",
    "Frameworks & tools",
    "Practices",
    "Domains",
];

/// The skills-line group of a skill: from its lexicon category where that
/// is telling (`language`, `cloud`, `database`, …); otherwise a cloud
/// vendor's product is infrastructure, and a name with a lower-case word
/// after the first, or ending in "Pattern", reads as a practice ("Contract
/// testing", "Multi-tenancy", "Saga Pattern"), any other name as a tool
/// ("Temporal", "S3").
pub fn skill_group(category: Option<Category>, name: &str) -> usize {
    use Category as C;
    match category {
        Some(C::Language) => 0,
        Some(C::Cloud | C::Platform | C::Devops | C::Infrastructure | C::Security) => 1,
        Some(C::Database | C::Data) => 2,
        Some(C::Framework | C::Software | C::Tool) => 3,
        Some(C::Architecture | C::Concept | C::Methodology) => 4,
        Some(C::Business | C::Domain) => 5,
        _ => {
            let vendor = ["AWS ", "Amazon ", "Azure ", "Google Cloud ", "GCP "];
            let mut words = name.split([' ', '-']).filter(|w| !w.is_empty());
            words.next();
            let practice = words.any(|w| w.starts_with(|c: char| c.is_lowercase()))
                || name.ends_with(" Pattern");
            if vendor.iter().any(|v| name.starts_with(v)) {
                1
            } else if practice {
                4
            } else {
                3
            }
        }
    }
}

/// One candidate entry of the skills line.
struct SkillEntry<'a> {
    text: Cow<'a, str>,
    term: Option<TermId>,
    /// Best rank among the matched posting terms it stands for.
    rank: Option<usize>,
    /// Bullets evidencing its term(s).
    evidence: usize,
    level: f64,
    order: usize,
}

/// The skills line: profile skill keywords, each once, grouped.
///
/// 1. Keywords that are terms the posting asks for and the profile
///    evidences, most important first, up to `max`.
/// 2. Then the profile's core skills: those the most chosen bullets
///    evidence (the résumé's own core), then the most bullets of the whole
///    profile, then by the level of their area and profile order; at most
///    [`MAX_CORE_SKILLS`] and never past `max`. A posting that matches
///    little gets a short list, never one padded to a fixed count.
///
/// A compound keyword ("Cloud Logging & Monitoring") absorbs the keywords
/// that are its parts ("Cloud Logging", "Cloud Monitoring"): one entry,
/// matched if any of them is. A keyword that mentions a term the posting
/// asks for and the profile does not evidence ("Azure Enterprise Apps" when
/// Azure is missing) is left out, so the line never contradicts the report.
/// A bullet's tag, or a skill area's name naming one term, joins the
/// matched entries when the posting asks for it; so does a required term
/// the résumé would otherwise not show, named as a name in profile text it
/// does not print (a project's narrative), in the profile's spelling.
/// Groups are [`SKILL_GROUPS`] in that order; entries keep their order
/// (matched by importance, then core) within a group.
fn skills(
    profile: &Profile,
    ev: &Evidence,
    m: &Match,
    in_bullets: &HashSet<TermId>,
    in_chosen: &HashMap<TermId, usize>,
    max: usize,
) -> Vec<SkillGroup> {
    let rank: HashMap<TermId, usize> = m
        .keywords
        .iter()
        .filter(|k| k.matched)
        .enumerate()
        .map(|(i, k)| (k.id, i))
        .collect();
    let missing: HashSet<TermId> = m
        .keywords
        .iter()
        .filter(|k| !k.matched)
        .map(|k| k.id)
        .collect();
    let mut evidence: HashMap<TermId, usize> = HashMap::new();
    for b in &ev.bullets {
        for t in &b.terms {
            *evidence.entry(*t).or_insert(0) += 1;
        }
    }
    let mut seen_terms = HashSet::new();
    let mut seen_text = HashSet::new();
    let mut all: Vec<SkillEntry> = Vec::new();
    for area in &profile.skills {
        for k in &area.keywords {
            let term = ev.lexicon.find(k);
            if term.is_some_and(|t| !seen_terms.insert(t)) || !seen_text.insert(norm(k)) {
                continue;
            }
            let contradicts = term.is_some_and(|t| missing.contains(&t))
                || mentions(&ev.lexicon, k)
                    .iter()
                    .any(|x| missing.contains(&x.term) && Some(x.term) != term);
            if contradicts {
                continue;
            }
            all.push(SkillEntry {
                text: Cow::Borrowed(k),
                term,
                rank: term.and_then(|t| rank.get(&t)).copied(),
                evidence: term.and_then(|t| evidence.get(&t)).copied().unwrap_or(0),
                level: area.level.weight(),
                order: all.len(),
            });
        }
    }
    // A bullet's tag names a skill it proves: shown when the posting asks
    // for it ("Distributed systems", "REST APIs"), never as core filler.
    for (_, b) in profile.bullets() {
        for k in &b.tags {
            let Some(t) = ev.lexicon.find(k) else {
                continue;
            };
            let Some(&r) = rank.get(&t) else {
                continue;
            };
            if !seen_terms.insert(t) || !seen_text.insert(norm(k)) {
                continue;
            }
            all.push(SkillEntry {
                text: Cow::Borrowed(k),
                term: Some(t),
                rank: Some(r),
                evidence: evidence.get(&t).copied().unwrap_or(0),
                level: 0.0,
                order: all.len(),
            });
        }
    }
    // A skill area's name ("Performance Tuning", "DevOps Tooling") when it
    // names one term the posting asks for.
    // Only a short name reads as a skill ("Deployment, Scaling, and
    // Management of Containerized Applications" does not).
    let short = |name: &str| !name.contains(',') && name.split_whitespace().count() <= 3;
    for area in profile.skills.iter().filter(|a| short(&a.name)) {
        let term = ev.lexicon.find(&area.name).or_else(|| {
            let found = mentions(&ev.lexicon, &area.name);
            match found.as_slice() {
                [one] => Some(one.term),
                _ => None,
            }
        });
        let Some(t) = term else {
            continue;
        };
        let Some(&r) = rank.get(&t) else {
            continue;
        };
        if !seen_terms.insert(t) || !seen_text.insert(norm(&area.name)) {
            continue;
        }
        all.push(SkillEntry {
            text: Cow::Borrowed(&area.name),
            term: Some(t),
            rank: Some(r),
            evidence: evidence.get(&t).copied().unwrap_or(0),
            level: area.level.weight(),
            order: all.len(),
        });
    }
    // A required technology the profile names ("TypeScript") only where the
    // résumé does not print it (a project's narrative, another summary, a
    // bullet not chosen), and that neither the chosen text nor another
    // entry shows: otherwise the résumé would leave out a requirement the
    // profile meets. In the profile's own spelling, and only as a name (a
    // capital or a digit in it): prose ("containerized applications")
    // reads as no skill. Only a language, framework, database, cloud
    // service, platform or tool: a narrative names those as what was used,
    // while it names practices and concepts loosely ("worked with product
    // owners and UX", "the Maestro Study Orchestration project").
    let named_tech = |t: TermId| {
        use Category as C;
        matches!(
            ev.lexicon.term(t).category,
            C::Language
                | C::Framework
                | C::Database
                | C::Cloud
                | C::Platform
                | C::Software
                | C::Tool
        )
    };
    let required: Vec<(TermId, usize)> = m
        .keywords
        .iter()
        .filter(|k| k.matched && k.required && !in_bullets.contains(&k.id))
        .filter(|k| named_tech(k.id))
        .filter_map(|k| rank.get(&k.id).map(|&r| (k.id, r)))
        .filter(|(t, _)| !seen_terms.contains(t))
        .collect();
    if !required.is_empty() {
        let narratives = profile
            .projects
            .iter()
            .filter_map(|p| p.summary.as_deref())
            .chain(profile.summaries.iter().map(|s| s.text.as_str()))
            .chain(profile.bullets().map(|(_, b)| b.text.as_str()));
        let mut named: HashMap<TermId, String> = HashMap::new();
        for text in narratives {
            for x in mentions(&ev.lexicon, text) {
                let name_like = x
                    .surface
                    .chars()
                    .any(|c| c.is_uppercase() || c.is_ascii_digit());
                if name_like && required.iter().any(|(t, _)| *t == x.term) {
                    named.entry(x.term).or_insert(x.surface);
                }
            }
        }
        for (t, r) in required {
            let Some(surface) = named.remove(&t) else {
                continue;
            };
            if !seen_terms.insert(t) || !seen_text.insert(norm(&surface)) {
                continue;
            }
            all.push(SkillEntry {
                text: Cow::Owned(surface),
                term: Some(t),
                rank: Some(r),
                evidence: evidence.get(&t).copied().unwrap_or(0),
                level: 0.0,
                order: all.len(),
            });
        }
    }
    merge_compounds(&mut all);

    let (mut matched, mut core): (Vec<SkillEntry>, Vec<SkillEntry>) =
        all.into_iter().partition(|e| e.rank.is_some());
    matched.sort_by_key(|e| {
        (
            e.term.is_some_and(|t| in_bullets.contains(&t)),
            e.rank,
            e.order,
        )
    });
    matched.truncate(max);
    let group = |e: &SkillEntry| match e.term {
        Some(t) if domain_tag(profile, ev, t) => 5,
        Some(t) => {
            let term = ev.lexicon.term(t);
            skill_group(Some(term.category), term.name)
        }
        None => skill_group(None, &e.text),
    };
    // Core skills are ones bullets show, and they fill out the areas the
    // posting asks about (any area when it asks about none): the same few
    // core skills on every résumé, AWS on a sales job's, read as filler
    // (issue 10: no entry on more than half the résumés unless asked).
    let asked: HashSet<usize> = matched.iter().map(group).collect();
    core.retain(|e| e.evidence > 0 && (asked.is_empty() || asked.contains(&group(e))));
    let chosen = |e: &SkillEntry| e.term.and_then(|t| in_chosen.get(&t)).copied().unwrap_or(0);
    core.sort_by(|a, b| {
        chosen(b)
            .cmp(&chosen(a))
            .then(b.evidence.cmp(&a.evidence))
            .then(b.level.total_cmp(&a.level))
            .then(a.order.cmp(&b.order))
    });
    core.truncate(MAX_CORE_SKILLS.min(max - matched.len()));

    let mut groups: Vec<Vec<String>> = vec![Vec::new(); SKILL_GROUPS.len()];
    for e in matched.iter().chain(&core) {
        groups[group(e)].push(e.text.to_string());
    }
    SKILL_GROUPS
        .iter()
        .zip(groups)
        .filter(|(_, skills)| !skills.is_empty())
        .map(|(name, skills)| SkillGroup {
            name: (*name).to_owned(),
            skills,
        })
        .collect()
}

/// Whether a term the lexicon does not know (one the profile brought) is a
/// domain: never a skill keyword, and every bullet tagged with it also
/// carries a domain tag ("Pharmacovigilance" beside "Healthcare").
fn domain_tag(profile: &Profile, ev: &Evidence, t: TermId) -> bool {
    if ev.lexicon.term(t).category != Category::Profile {
        return false;
    }
    let is = |k: &String| ev.lexicon.find(k) == Some(t);
    if profile.skills.iter().any(|a| a.keywords.iter().any(is)) {
        return false;
    }
    let domain = |k: &String| {
        ev.lexicon
            .find(k)
            .is_some_and(|d| ev.lexicon.term(d).category == Category::Domain)
    };
    let mut tagged = profile
        .bullets()
        .filter(|(_, b)| b.tags.iter().any(is))
        .peekable();
    tagged.peek().is_some() && tagged.all(|(_, b)| b.tags.iter().any(domain))
}

/// Folds the parts of a compound keyword into it: "Cloud Logging &
/// Monitoring" stands for "Cloud Logging" and "Cloud Monitoring" (every
/// word of a part is a word of the compound, and the compound joins with
/// `&` or `and`). The compound keeps the best rank and evidence of all.
fn merge_compounds(all: &mut Vec<SkillEntry>) {
    let words = |s: &str| -> HashSet<String> { norm(s).split(' ').map(str::to_owned).collect() };
    let mut absorbed = vec![false; all.len()];
    for i in 0..all.len() {
        let text = &all[i].text;
        if !(text.contains(" & ") || text.contains(" and ")) {
            continue;
        }
        let whole = words(text);
        for j in 0..all.len() {
            if i == j || absorbed[j] || absorbed[i] {
                continue;
            }
            if words(&all[j].text).is_subset(&whole) {
                absorbed[j] = true;
                let (rank, evidence) = (all[j].rank, all[j].evidence);
                let e = &mut all[i];
                e.rank = match (e.rank, rank) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                e.evidence = e.evidence.max(evidence);
            }
        }
    }
    let mut k = 0;
    all.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keywords::Lexicon;
    use crate::posting;
    use crate::profile::load;
    use crate::score;

    fn profile() -> Profile {
        load::parse(
            r#"
person:
  name: Test Person
summaries:
  - id: web
    text: I build web front ends.
    tags: [frontend]
  - id: ops
    text: I run Kubernetes clusters on AWS.
    tags: [platform]
skills:
  - name: Cloud
    level: expert
    keywords: [AWS, Kubernetes, Terraform]
  - name: Web
    level: basic
    keywords: [React, CSS]
projects:
  - id: old
    name: Old Project
    start: 2015
    end: 2017
    bullets:
      - id: old-1
        text: Built React pages with CSS.
      - id: old-2
        text: Wrote a Terraform module for the web tier.
  - id: new
    name: New Project
    start: 2020
    end: present
    bullets:
      - id: new-1
        text: Ran Kubernetes clusters on AWS with Terraform.
      - id: new-2
        text: Ran Kubernetes clusters on AWS with Terraform and Helm.
      - id: new-3
        text: Cut AWS costs by a third.
      - id: new-4
        text: Mentored two engineers.
"#,
            "test.yaml",
        )
        .expect("valid test profile")
    }

    /// Indexes `p`, scores the posting against it and selects.
    fn select_for(p: &Profile, posting_text: &str, budget: &Budget) -> (Selection, Match) {
        let ev = Evidence::new(p, Lexicon::builtin(), score::profile_now(p));
        let posting = posting::analyse(posting_text, "test").expect("posting");
        let m = score::score(&ev, &posting);
        (select(p, &ev, &m, budget), m)
    }

    /// A test profile from its YAML.
    fn test_profile(yaml: &str) -> Profile {
        load::parse(yaml, "test.yaml").expect("valid test profile")
    }

    fn run(posting_text: &str, budget: &Budget) -> (Selection, Match) {
        select_for(&profile(), posting_text, budget)
    }

    const POSTING: &str = "# Platform Engineer\n\n## Requirements\n\n\
        - Kubernetes and AWS\n- Terraform\n- Helm\n\n## Nice to have\n\n- React\n";

    #[test]
    fn covers_every_evidenced_term_and_skips_near_duplicates() {
        let (s, m) = run(POSTING, &Budget::default());
        assert!(s.unshown.is_empty(), "unshown: {:?}", s.unshown);
        let ids: Vec<&str> = s.chosen.iter().map(|c| c.id.as_str()).collect();
        // new-1 and new-2 say nearly the same; only one may appear.
        assert!(
            !(ids.contains(&"new-1") && ids.contains(&"new-2")),
            "{ids:?}"
        );
        assert!(
            ids.contains(&"new-2"),
            "Helm is shown only by new-2: {ids:?}"
        );
        assert!(
            ids.contains(&"old-1"),
            "React is shown only by old-1: {ids:?}"
        );
        assert!(m.keywords.iter().any(|k| k.term == "Helm" && k.matched));
    }

    #[test]
    fn experience_is_most_recent_first_and_bullets_are_verbatim() {
        let (s, _) = run(POSTING, &Budget::default());
        let names: Vec<&str> = s
            .tailored
            .experience
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["New Project", "Old Project"]);
        let p = profile();
        let texts: HashSet<&str> = p.bullets().map(|(_, b)| b.text.as_str()).collect();
        for t in s.tailored.bullet_texts() {
            assert!(texts.contains(t), "not profile text: {t}");
        }
    }

    #[test]
    fn budget_limits_hold() {
        let budget = Budget {
            max_projects: 1,
            max_bullets_per_project: 1,
            max_bullets: 16,
            max_skills: 2,
            summary: None,
        };
        let (s, _) = run(POSTING, &budget);
        assert_eq!(s.tailored.experience.len(), 1);
        assert_eq!(s.tailored.experience[0].id, "new");
        assert_eq!(s.tailored.experience[0].bullets.len(), 1);
        assert_eq!(s.tailored.skills.len(), 2);
    }

    #[test]
    fn skills_show_matched_terms_then_a_few_core_skills_grouped() {
        let (s, _) = run(POSTING, &Budget::default());
        let t = &s.tailored;
        for k in ["Kubernetes", "AWS", "Terraform", "React"] {
            assert!(t.skills.iter().any(|x| x == k), "{k} not in {:?}", t.skills);
        }
        // CSS is not asked for, nor any language: not filler on the line,
        // though a bullet evidences it (issue 10).
        assert!(!t.skills.iter().any(|x| x == "CSS"), "{:?}", t.skills);
        // A core skill fills out an area the posting asks about: asked for
        // AWS alone, the line adds Kubernetes and Terraform, not CSS.
        let (only_aws, _) = run(
            "# Platform Engineer\n\n## Requirements\n\n- AWS\n",
            &Budget::default(),
        );
        let k = &only_aws.tailored.skills;
        assert!(k.iter().any(|x| x == "AWS"), "{k:?}");
        assert!(
            k.iter().any(|x| x == "Kubernetes" || x == "Terraform"),
            "{k:?}"
        );
        assert!(!k.iter().any(|x| x == "CSS" || x == "React"), "{k:?}");
        let flat: Vec<String> = t
            .skill_groups
            .iter()
            .flat_map(|g| g.skills.clone())
            .collect();
        assert_eq!(flat, t.skills);
        let names: Vec<&str> = t.skill_groups.iter().map(|g| g.name.as_str()).collect();
        let mut order = SKILL_GROUPS.iter();
        assert!(
            names.iter().all(|n| order.any(|g| g == n)),
            "groups out of order: {names:?}"
        );
        assert_eq!(
            t.summary.as_deref(),
            Some("I run Kubernetes clusters on AWS.")
        );
    }

    const FILLER: &str = r#"
person:
  name: Test Person
skills:
  - name: Observability
    level: expert
    keywords: [Cloud Logging & Monitoring, Cloud Logging, Cloud Monitoring,
      Azure Enterprise Apps, Kubernetes, Python, SQL, DNS, Docker,
      Terraform, Helm, Redis, Kafka, PostgreSQL, React, GraphQL, Jest,
      Prometheus, Grafana]
projects:
  - id: p
    name: P
    start: 2020
    end: present
    bullets:
      - id: p-1
        text: Set up Cloud Logging & Monitoring for Kubernetes services.
        tags: [Cloud Logging & Monitoring, Cloud Logging, Cloud Monitoring, Kubernetes]
      - id: p-2
        text: Wrote Python jobs over PostgreSQL with SQL.
        tags: [Distributed systems]
      - id: p-3
        text: Shipped Terraform and Helm charts, watched with Prometheus and Grafana.
"#;

    fn run_filler(posting_text: &str) -> (Selection, Match) {
        select_for(&test_profile(FILLER), posting_text, &Budget::default())
    }

    /// Issue 10: "Cloud Logging & Monitoring, Cloud Logging, Cloud
    /// Monitoring" side by side, "Azure Enterprise Apps" while the report
    /// says Azure is missing, 30 skills whatever the posting.
    #[test]
    fn skills_merge_a_term_and_its_parts_and_never_contradict_the_report() {
        let (s, m) = run_filler(
            "# Cloud Engineer\n\n## Requirements\n\n- Azure\n- Kubernetes\n\
             - Cloud Monitoring\n- Distributed systems\n",
        );
        let skills = &s.tailored.skills;
        assert!(
            m.keywords.iter().any(|k| k.term == "Azure" && !k.matched),
            "{:?}",
            m.keywords
                .iter()
                .map(|k| (&k.term, k.matched, &k.how, &k.evidence))
                .collect::<Vec<_>>()
        );
        assert!(skills.iter().all(|k| !k.contains("Azure")), "{skills:?}");
        let cloud: Vec<&String> = skills.iter().filter(|k| k.starts_with("Cloud")).collect();
        assert_eq!(cloud, ["Cloud Logging & Monitoring"], "{skills:?}");
        // A bullet's tag the posting asks for joins the line.
        assert!(
            skills.iter().any(|k| k == "Distributed systems"),
            "{skills:?}"
        );
        // Matched ones, then at most MAX_CORE_SKILLS core ones.
        assert!(skills.len() <= 3 + MAX_CORE_SKILLS, "{skills:?}");
    }

    #[test]
    fn a_skill_areas_name_may_stand_for_the_term_it_names() {
        let (s, m) = run_filler("# SRE\n\n## Requirements\n\n- Observability\n");
        assert!(m
            .keywords
            .iter()
            .any(|k| k.term == "Observability" && k.matched));
        assert!(
            s.tailored.skills.iter().any(|k| k == "Observability"),
            "{:?}",
            s.tailored.skills
        );
    }

    #[test]
    fn skills_are_a_short_list_when_little_matches() {
        let (s, _) = run_filler("# Pastry Chef\n\n## Requirements\n\n- Croissants\n");
        let skills = &s.tailored.skills;
        assert!(!skills.is_empty());
        assert!(skills.len() <= MAX_CORE_SKILLS, "{skills:?}");
        // Core skills are the evidenced ones: never a keyword no bullet shows.
        for k in ["Redis", "Kafka", "DNS", "React", "Jest"] {
            assert!(!skills.iter().any(|x| x == k), "{k} in {skills:?}");
        }
    }

    const WORK: &str = r#"
person:
  name: Test Person
skills:
  - name: Cloud
    level: expert
    keywords: [Kubernetes, AWS Lambda, Python]
projects:
  - id: old
    name: Old
    start: 2015
    end: 2016
    bullets:
      - id: old-trials
        text: Led the data team of a clinical trials platform for healthcare partners.
        tags: [Clinical trials, Healthcare, Pharmaceutical industry]
  - id: pay
    name: Payments
    summary: A payments platform for small shops.
    start: 2020
    end: present
    bullets:
      - id: pay-context
        text: Worked on a payments platform for small shops across Europe.
      - id: pay-k8s
        text: Ran Kubernetes clusters for the payment services.
        tags: [Kubernetes]
      - id: pay-bridge
        text: Leveraged AWS EventBridge and to trigger Lambdas for near processing of IMS updates.
        tags: [EventBridge, AWS Lambda, AWS]
      - id: pay-streams
        text: Leveraged DynamoDB streams and Lambda triggers for near real-time processing of IMS updates.
        tags: [DynamoDB Streams, AWS Lambda, DynamoDB, AWS]
      - id: pay-python
        text: Wrote Python services for refunds.
        tags: [Python]
"#;

    fn run_work(posting_text: &str, budget: &Budget) -> (Selection, Match) {
        select_for(&test_profile(WORK), posting_text, budget)
    }

    /// The blurb opens the posting, under no heading: the company's own
    /// "About us" section would name no skill at all.
    const WORK_POSTING: &str = "# Platform Engineer\n\n\
        We are a healthcare company running clinical trials for the \
        pharmaceutical industry.\n\n## Requirements\n\n\
        - Kubernetes\n- AWS Lambda\n- Python\n";

    /// Issue 10: the context bullet ("Worked on a multi-tenant … platform")
    /// came last and was the first `--pages` dropped.
    #[test]
    fn a_projects_context_bullet_comes_first_and_is_dropped_last() {
        let (s, _) = run_work(WORK_POSTING, &Budget::default());
        let pay = s
            .tailored
            .experience
            .iter()
            .find(|p| p.id == "pay")
            .expect("pay shown");
        assert_eq!(pay.bullets[0].id, "pay-context", "{:?}", pay.bullets);
        let order: Vec<&str> = s.chosen.iter().map(|c| c.id.as_str()).collect();
        let ctx = order.iter().position(|&i| i == "pay-context").unwrap();
        let others = order.iter().filter(|i| i.starts_with("pay-")).count();
        assert!(others > 1);
        assert!(
            order[..ctx].iter().all(|i| !i.starts_with("pay-")),
            "the context bullet is chosen before the project's others: {order:?}"
        );
        assert_eq!(s.chosen[ctx].reason, "context");
    }

    /// Issue 10: "Leveraged AWS EventBridge and to trigger Lambdas…" beside
    /// "Leveraged DynamoDB streams and Lambda triggers…".
    #[test]
    fn bullets_that_share_their_terms_are_near_duplicates() {
        let (s, _) = run_work(WORK_POSTING, &Budget::default());
        let ids: Vec<&str> = s.chosen.iter().map(|c| c.id.as_str()).collect();
        assert!(
            !(ids.contains(&"pay-bridge") && ids.contains(&"pay-streams")),
            "{ids:?}"
        );
        assert!(ids.contains(&"pay-bridge") || ids.contains(&"pay-streams"));
    }

    /// Issue 10: a domain named once in the company blurb outweighed the
    /// posting's requirements.
    #[test]
    fn terms_from_the_company_blurb_weigh_little() {
        let (s, m) = run_work(WORK_POSTING, &Budget::default());
        assert!(m
            .keywords
            .iter()
            .any(|k| k.term == "Clinical trials" && k.matched));
        let ids: Vec<&str> = s.chosen.iter().map(|c| c.id.as_str()).collect();
        let trials = ids.iter().position(|&i| i == "old-trials");
        for must in ["pay-k8s", "pay-python"] {
            let at = ids.iter().position(|&i| i == must).expect(must);
            assert!(trials.is_none_or(|t| t > at), "{ids:?}");
        }
    }

    #[test]
    fn a_low_fit_takes_one_bullet_per_term_then_recent_work() {
        let (s, m) = run_work(
            "# Nurse\n\n## Requirements\n\n- EHR\n- ACLs\n- Triage\n- Python\n",
            &Budget::default(),
        );
        assert!(m.fit < LOW_FIT, "fit {}", m.fit);
        let reasons: Vec<&str> = s.chosen.iter().map(|c| c.reason).collect();
        assert_eq!(
            reasons.iter().filter(|r| **r == "coverage").count(),
            1,
            "{reasons:?}"
        );
        assert!(!reasons.contains(&"relevance"), "{reasons:?}");
    }

    #[test]
    fn skill_groups_follow_lexicon_categories_and_name_shape() {
        assert_eq!(
            SKILL_GROUPS[skill_group(Some(Category::from_name("language")), "Python")],
            "Languages"
        );
        assert_eq!(
            SKILL_GROUPS[skill_group(Some(Category::from_name("cloud")), "AWS Lambda")],
            "Infrastructure"
        );
        assert_eq!(
            SKILL_GROUPS[skill_group(Some(Category::from_name("database")), "DynamoDB")],
            "Data"
        );
        assert_eq!(
            SKILL_GROUPS[skill_group(Some(Category::from_name("domain")), "Healthcare")],
            "Domains"
        );
        assert_eq!(
            SKILL_GROUPS[skill_group(None, "Temporal")],
            "Frameworks & tools"
        );
        assert_eq!(
            SKILL_GROUPS[skill_group(Some(Category::from_name("skill")), "Contract testing")],
            "Practices"
        );
        assert_eq!(
            SKILL_GROUPS[skill_group(None, "Multi-tenancy")],
            "Practices"
        );
        assert_eq!(
            SKILL_GROUPS[skill_group(Some(Category::from_name("skill")), "Saga Pattern")],
            "Practices"
        );
        assert_eq!(
            SKILL_GROUPS[skill_group(None, "AWS Secrets Manager")],
            "Infrastructure"
        );
    }

    #[test]
    fn an_unrelated_posting_still_gets_recent_work() {
        let (s, m) = run(
            "# Pastry Chef\n\n## Requirements\n\n- Croissants\n",
            &Budget::default(),
        );
        assert!(m.bullets.is_empty());
        // Every bullet but new-2, the near duplicate of new-1: five, one
        // short of the minimum.
        assert_eq!(s.chosen.len(), 5);
        assert!(s.chosen.iter().all(|c| c.reason == "recent work"));
        assert_eq!(s.tailored.experience[0].id, "new");
        assert_eq!(s.tailored.experience[0].bullets[0].id, "new-1");
    }

    const NARRATIVE: &str = r#"
person:
  name: Test Person
skills:
  - name: Cloud
    level: expert
    keywords: [Kubernetes, Docker]
projects:
  - id: billing
    name: Billing
    summary: Rebuilt the billing service in TypeScript on Kubernetes, with product owners and UX.
    start: 2020
    end: present
    bullets:
      - id: billing-k8s
        text: Ran the billing services on Kubernetes.
      - id: billing-docker
        text: Packaged every service as a Docker image.
"#;

    fn run_narrative(posting_text: &str) -> (Selection, Match) {
        select_for(&test_profile(NARRATIVE), posting_text, &Budget::default())
    }

    /// Issue 10: a required skill only a project's narrative names
    /// (TypeScript, in a summary the résumé does not print) was left off
    /// the résumé though the report counted it as met.
    #[test]
    fn the_skills_line_names_a_required_skill_only_a_narrative_names() {
        let (s, m) =
            run_narrative("# Engineer\n\n## Requirements\n\n- TypeScript\n- Kubernetes\n- UX\n");
        assert!(
            s.tailored.skills.iter().any(|k| k == "TypeScript"),
            "{:?}",
            s.tailored.skills
        );
        assert!(
            !s.unshown.iter().any(|t| t == "TypeScript"),
            "{:?}",
            s.unshown
        );
        // A practice a narrative names in passing ("with product owners and
        // UX") is no claim of the skill: not on the line, though matched.
        assert!(
            m.keywords
                .iter()
                .any(|k| k.forms.iter().any(|f| f == "UX") && k.matched && k.required),
            "{:?}",
            m.keywords
        );
        assert!(
            !s.tailored.skills.iter().any(|k| k.contains("UX")),
            "{:?}",
            s.tailored.skills
        );
        // Only asked for as a plus: not on the line (no padding).
        let (s, _) = run_narrative(
            "# Engineer\n\n## Requirements\n\n- Kubernetes\n\n## Nice to have\n\n- TypeScript\n",
        );
        assert!(
            !s.tailored.skills.iter().any(|k| k == "TypeScript"),
            "{:?}",
            s.tailored.skills
        );
    }

    const SPREAD: &str = r#"
person:
  name: Test Person
projects:
  - id: p
    name: P
    start: 2020
    end: present
    bullets:
      - id: p-infra
        text: Provisioned Docker hosts with Terraform and Ansible.
      - id: p-data
        text: Ran PostgreSQL and Redis for the shop, fed by Kafka.
      - id: p-helm
        text: Packaged the services as Helm charts.
"#;

    /// A bullet that alone shows a required term gets a project's last
    /// place before one that shows more terms the posting does not require.
    #[test]
    fn a_required_terms_only_bullet_wins_a_place_over_nice_to_haves() {
        let budget = Budget {
            max_bullets_per_project: 2,
            ..Budget::default()
        };
        let (s, _) = select_for(
            &test_profile(SPREAD),
            "# Engineer\n\n## Responsibilities\n\n- Run Docker hosts with Terraform and Ansible\n\
             - Run PostgreSQL, Redis and Kafka\n\n## Requirements\n\n- Helm\n",
            &budget,
        );
        let ids: Vec<&str> = s.chosen.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.first(), Some(&"p-helm"), "{ids:?}");
        assert_eq!(ids.len(), 2, "{ids:?}");
    }

    const NAMING: &str = r#"
person:
  name: Test Person
projects:
  - id: p
    name: Platform
    start: 2020
    end: present
    bullets:
      - id: p-context
        text: Worked on a payments platform on GCP.
      - id: p-ecs
        text: Ran ECS services provisioned with Terraform.
      - id: p-templates
        text: Wrote ECS templates.
        tags: [Docker]
      - id: p-docker
        text: Used Docker with docker-compose for local development of several services.
      - id: p-containers
        text: Packaged the billing services as containers.
"#;

    /// A bullet that names a required term in its words shows it to a
    /// recruiter and an ATS; one that evidences it by a tag does not. With
    /// room for one bullet, the one that says "Docker" is chosen over a
    /// shorter, higher-scoring one only tagged Docker.
    #[test]
    fn a_bullet_that_names_a_term_is_preferred_over_one_tagged_with_it() {
        let budget = Budget {
            max_bullets: 1,
            ..Budget::default()
        };
        let (s, m) = select_for(
            &test_profile(NAMING),
            "# Engineer\n\n## Requirements\n\n- Docker\n",
            &budget,
        );
        let score = |id: &str| m.bullets.iter().find(|b| b.id == id).map(|b| b.score);
        assert!(
            score("p-templates") > score("p-docker"),
            "the test needs the tagged bullet to score higher: {:?}",
            m.bullets
        );
        let ids: Vec<&str> = s.chosen.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["p-docker"]);
    }

    /// Containers the profile lists nowhere as a skill or tag, so only a
    /// bullet's words can show it: after a bullet that implies it (ECS),
    /// coverage takes one that names it, and says so.
    #[test]
    fn coverage_goes_on_to_a_bullet_that_names_a_term_only_implied_so_far() {
        let (s, m) = select_for(
            &test_profile(NAMING),
            "# Engineer\n\n## Requirements\n\n- Terraform and ECS\n- Containers\n",
            &Budget::default(),
        );
        let containers = m.keywords.iter().find(|k| k.term == "Containers");
        assert!(
            containers.is_some_and(|k| k.matched && k.evidence.iter().any(|e| e == "p-ecs")),
            "the test needs ECS to imply Containers: {:?}",
            m.keywords
        );
        let at = |id: &str| s.chosen.iter().position(|c| c.id == id);
        let (ecs, named) = (at("p-ecs"), at("p-containers"));
        assert!(ecs.is_some() && named.is_some(), "{:?}", s.chosen);
        let named = &s.chosen[named.unwrap_or_default()];
        assert_eq!(named.reason, "coverage", "{:?}", s.chosen);
        assert!(
            named.new_terms.iter().any(|t| t == "Containers"),
            "{named:?}"
        );
    }

    /// The context bullet shows what it names like any chosen bullet
    /// ("…platform on GCP"): no other bullet is taken to show GCP.
    #[test]
    fn the_context_bullet_shows_its_terms() {
        let (s, _) = select_for(
            &test_profile(NAMING),
            "# Engineer\n\n## Requirements\n\n- Terraform\n- GCP\n",
            &Budget::default(),
        );
        let ctx = s.chosen.iter().find(|c| c.id == "p-context");
        assert!(
            ctx.is_some_and(|c| c.reason == "context" && c.new_terms.iter().any(|t| t == "GCP")),
            "{:?}",
            s.chosen
        );
        let chosen_for_terms = s
            .chosen
            .iter()
            .filter(|c| c.reason == "coverage" || c.reason == "relevance");
        assert_eq!(chosen_for_terms.count(), 1, "{:?}", s.chosen);
    }

    const POSTING_WORDS: &str = r#"
person:
  name: Test Person
projects:
  - id: p
    name: Platform
    start: 2020
    end: present
    bullets:
      - id: p-run
        text: Ran compute with auto-scaling and automatic container restarts.
      - id: p-apps
        text: Deployed containerized applications for the billing team.
"#;

    /// An ATS matches the posting's words literally: after a bullet that
    /// names Containers in other words ("container restarts"), coverage
    /// takes one in the posting's words ("containerized applications"),
    /// since no skill or tag of the profile lists Containers.
    #[test]
    fn coverage_goes_on_to_a_bullet_in_the_postings_own_words() {
        let (s, m) = select_for(
            &test_profile(POSTING_WORDS),
            "# Engineer\n\n## Requirements\n\n- Auto-scaling\n- Containerized applications\n",
            &Budget::default(),
        );
        let containers = m.keywords.iter().find(|k| k.term == "Containers");
        assert!(
            containers.is_some_and(|k| k.matched
                && ["p-run", "p-apps"]
                    .iter()
                    .all(|b| k.evidence.iter().any(|e| e == b))),
            "the test needs both bullets to name Containers: {:?}",
            m.keywords
        );
        let ids: Vec<&str> = s.chosen.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["p-run", "p-apps"], "{:?}", s.chosen);
        assert_eq!(s.chosen[1].reason, "coverage", "{:?}", s.chosen);
        assert!(s.chosen[1].new_terms.iter().any(|t| t == "Containers"));
    }

    const PHRASES: &str = r#"
person:
  name: Test Person
projects:
  - id: p
    name: Platform
    start: 2020
    end: present
    bullets:
      - id: p-workflows
        text: Ran CI/CD pipelines for containerized workflows.
      - id: p-apps
        text: Deployed containerized applications for the billing team.
"#;

    /// Recruiters skim for the posting's phrase: where it asks for
    /// "containerized applications", the bullet that says so is chosen
    /// over one that says "containerized workflows", which a tie would
    /// give (it is first in the profile and scores as high).
    #[test]
    fn a_bullet_in_the_postings_phrase_is_preferred_over_one_in_its_word() {
        let budget = Budget {
            max_bullets: 1,
            ..Budget::default()
        };
        let posting = "# Engineer\n\n## Requirements\n\n\
            - Operating containerized applications in production\n";
        let (s, m) = select_for(&test_profile(PHRASES), posting, &budget);
        let containers = m.keywords.iter().find(|k| k.term == "Containers");
        assert!(
            containers.is_some_and(
                |k| k.matched && k.phrases.iter().any(|p| p == "containerized applications")
            ),
            "the test needs Containers matched with its phrase: {:?}",
            m.keywords
        );
        let score = |id: &str| m.bullets.iter().find(|b| b.id == id).map(|b| b.score);
        assert!(
            score("p-workflows") >= score("p-apps"),
            "the test needs the other bullet to win a tie: {:?}",
            m.bullets
        );
        let ids: Vec<&str> = s.chosen.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["p-apps"], "{:?}", s.chosen);
    }

    /// Without a bullet in the posting's phrase, the posting's word is the
    /// best the profile offers and shows the term fully: coverage takes no
    /// second bullet for it.
    #[test]
    fn the_postings_word_shows_a_term_fully_when_no_bullet_has_its_phrase() {
        let posting = "# Engineer\n\n## Requirements\n\n\
            - Operating containerized services in production\n";
        let (s, _) = select_for(&test_profile(PHRASES), posting, &Budget::default());
        let coverage = s.chosen.iter().filter(|c| c.reason == "coverage").count();
        assert_eq!(coverage, 1, "{:?}", s.chosen);
    }
}
