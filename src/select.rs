//! Pure selection: a [`Match`] and a [`Budget`] -> the [`Tailored`] résumé.
//!
//! Bullets are chosen greedily in two passes over the bullets that evidence
//! something the posting asks for:
//!
//! 1. coverage: each step takes the bullet that shows the most posting weight
//!    not yet shown by a chosen bullet, until every evidenced term is shown;
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

use std::collections::{HashMap, HashSet};

use crate::keywords::normalize::norm;
use crate::keywords::{mentions, TermId};
use crate::profile::schema::{Bullet, End, Profile, Project};
use crate::score::{Evidence, Match};
use crate::tailored::{display_dates, Tailored, TailoredBullet, TailoredProject, Target};

/// How much the résumé may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub max_projects: usize,
    pub max_bullets_per_project: usize,
    pub max_bullets: usize,
    /// Most skill keywords in the Skills section.
    pub max_skills: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            max_projects: 5,
            max_bullets_per_project: 5,
            max_bullets: 16,
            max_skills: 30,
        }
    }
}

/// Bullets a résumé shows even for a posting it matches little, budget
/// allowing: the most recent work.
const MIN_BULLETS: usize = 6;

/// One chosen bullet and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    pub id: String,
    /// Its relevance score in the match (0 for a fill bullet).
    pub score: f64,
    /// Posting terms this bullet was the first chosen bullet to show.
    pub new_terms: Vec<String>,
    /// Why: `coverage`, `relevance` or `recent work`.
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
}

/// A bullet the greedy passes may choose.
struct Candidate<'a> {
    index: usize,
    bullet: &'a Bullet,
    project: Option<usize>,
    score: f64,
    /// (matched posting term, contribution), from the match.
    terms: Vec<(TermId, f64)>,
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
    let term_ids: HashMap<&str, TermId> = m
        .keywords
        .iter()
        .filter(|k| k.matched)
        .map(|k| (k.term.as_str(), k.id))
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
                .filter_map(|(t, c)| term_ids.get(t.as_str()).map(|&id| (id, *c)))
                .collect(),
        })
        .collect();

    // Projects allowed, most relevant first; the rest may only fill.
    let relevant: Vec<usize> = m
        .projects
        .iter()
        .filter(|p| p.score > 0.0)
        .filter_map(|p| project_index.get(p.id.as_str()).copied())
        .take(budget.max_projects)
        .collect();
    candidates.retain(|c| c.project.is_none_or(|p| relevant.contains(&p)));

    let mut state = State {
        budget,
        ev,
        chosen: Vec::new(),
        taken: HashSet::new(),
        per_project: HashMap::new(),
        shown: HashMap::new(),
    };
    state.coverage_pass(&candidates);
    state.relevance_pass(&candidates);
    state.fill(profile, &bullets, &project_index);

    let chosen = state.chosen;
    let chosen_ids: Vec<&str> = chosen.iter().map(|c| c.id.as_str()).collect();
    let tailored = assemble(profile, ev, m, budget, &chosen_ids);
    let unshown = unshown(ev, m, &tailored);
    Selection {
        tailored,
        chosen,
        unshown,
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
    }

    fn take(&mut self, c: &Candidate, reason: &'static str) {
        let mut new_terms = Vec::new();
        for (t, _) in &c.terms {
            let n = self.shown.entry(*t).or_insert(0);
            if *n == 0 {
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

    fn coverage_pass(&mut self, candidates: &[Candidate]) {
        self.greedy(candidates, "coverage", |s, c| {
            c.terms
                .iter()
                .filter(|(t, _)| !s.shown.contains_key(t))
                .map(|(_, w)| w)
                .sum()
        });
    }

    fn relevance_pass(&mut self, candidates: &[Candidate]) {
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

    Tailored {
        person: profile.person.clone(),
        summary: best_summary(profile, ev, m, &by_bullets),
        skills: skills(profile, ev, m, budget.max_skills),
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

/// The profile summary that fits the posting best: the weight of matched
/// posting terms it mentions, plus its tags found in the posting's title or
/// terms. Ties go to the first in the profile.
fn best_summary(
    profile: &Profile,
    ev: &Evidence,
    m: &Match,
    by_bullets: &HashSet<TermId>,
) -> Option<String> {
    let weights: HashMap<TermId, f64> = m
        .keywords
        .iter()
        .filter(|k| k.matched)
        .map(|k| (k.id, k.weight))
        .collect();
    let mut posting_words: HashSet<String> = HashSet::new();
    let title = m.posting.title.as_deref().unwrap_or("");
    for text in std::iter::once(title).chain(m.keywords.iter().map(|k| k.term.as_str())) {
        posting_words.extend(norm(text).split(' ').map(str::to_owned));
    }
    let mut best: Option<(f64, &str)> = None;
    for s in &profile.summaries {
        let mut seen = HashSet::new();
        let mut score: f64 = mentions(&ev.lexicon, &s.text)
            .iter()
            .filter(|x| seen.insert(x.term))
            .filter_map(|x| {
                // A term no chosen bullet shows counts double: the summary
                // is the one place left to show it.
                let w = weights.get(&x.term)?;
                Some(if by_bullets.contains(&x.term) {
                    *w
                } else {
                    2.0 * w
                })
            })
            .sum();
        score += s
            .tags
            .iter()
            .filter(|t| posting_words.contains(&norm(t)))
            .count() as f64;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, &s.text));
        }
    }
    best.map(|(_, t)| t.to_owned())
}

/// Skill keywords from the profile, each once: those that match a posting
/// term first (most important first), then the rest by the level of their
/// area and profile order; at most `max`.
fn skills(profile: &Profile, ev: &Evidence, m: &Match, max: usize) -> Vec<String> {
    let rank: HashMap<TermId, usize> = m
        .keywords
        .iter()
        .filter(|k| k.matched)
        .enumerate()
        .map(|(i, k)| (k.id, i))
        .collect();
    let mut seen_terms = HashSet::new();
    let mut seen_text = HashSet::new();
    let mut all: Vec<(usize, f64, usize, &str)> = Vec::new();
    for area in &profile.skills {
        for k in &area.keywords {
            let term = ev.lexicon.find(k);
            if let Some(t) = term {
                if !seen_terms.insert(t) {
                    continue;
                }
            }
            if !seen_text.insert(k.to_lowercase()) {
                continue;
            }
            let r = term
                .and_then(|t| rank.get(&t))
                .copied()
                .unwrap_or(usize::MAX);
            all.push((r, -area.level.weight(), all.len(), k));
        }
    }
    all.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    all.into_iter()
        .take(max)
        .map(|(_, _, _, k)| k.to_owned())
        .collect()
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

    fn run(posting_text: &str, budget: &Budget) -> (Selection, Match) {
        let p = profile();
        let ev = Evidence::new(&p, Lexicon::builtin(), score::profile_now(&p));
        let posting = posting::analyse(posting_text, "test").expect("posting");
        let m = score::score(&ev, &posting);
        (select(&p, &ev, &m, budget), m)
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
        };
        let (s, _) = run(POSTING, &budget);
        assert_eq!(s.tailored.experience.len(), 1);
        assert_eq!(s.tailored.experience[0].id, "new");
        assert_eq!(s.tailored.experience[0].bullets.len(), 1);
        assert_eq!(s.tailored.skills.len(), 2);
    }

    #[test]
    fn skills_put_matched_terms_first_and_summary_fits() {
        let (s, _) = run(POSTING, &Budget::default());
        let first: Vec<&str> = s
            .tailored
            .skills
            .iter()
            .take(4)
            .map(String::as_str)
            .collect();
        for t in ["Kubernetes", "AWS", "Terraform", "React"] {
            assert!(first.contains(&t), "{t} not among {first:?}");
        }
        assert_eq!(s.tailored.skills.last().map(String::as_str), Some("CSS"));
        assert_eq!(
            s.tailored.summary.as_deref(),
            Some("I run Kubernetes clusters on AWS.")
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
}
