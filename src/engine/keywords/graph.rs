//! The skill graph: narrower -> broader edges between lexicon terms
//! (FastAPI -> Python, Prometheus -> Observability, Amazon S3 -> AWS).
//! Doing the narrower thing is evidence of the broader one.
//!
//! The data is `data/skill-graph.tsv`, written by `tools/gen_lexicon.py`
//! from the reviewed `data/skill-graph-overrides.txt` and the vendor
//! prefixes of cloud services. Evidence propagation is `score`'s job.

use rustc_hash::FxHashMap;

use super::lexicon::{Lexicon, TermId};

static DATA: &str = include_str!("../../../data/skill-graph.tsv");

/// How many edges a chain may take: FastAPI -> Python is one, Argo CD ->
/// GitOps -> Git two; beyond three, chains drift from what the bullet says.
pub const MAX_DEPTH: usize = 3;

/// Broader terms of each term.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    up: FxHashMap<TermId, Vec<TermId>>,
}

impl Graph {
    /// The built-in graph over `lex`'s terms. An edge whose names the
    /// lexicon does not know is skipped (the generator checks there is none).
    pub fn builtin(lex: &Lexicon) -> Graph {
        let mut up: FxHashMap<TermId, Vec<TermId>> = FxHashMap::default();
        // Each name looked up once: most edges share a name with another
        // ("AWS" is the broader term of dozens).
        let mut ids: FxHashMap<&str, Option<TermId>> = FxHashMap::default();
        let mut find = |name| *ids.entry(name).or_insert_with(|| lex.find(name));
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(a), Some(b)) = (f.next(), f.next()) else {
                continue;
            };
            if let (Some(a), Some(b)) = (find(a), find(b)) {
                if a != b {
                    let list = up.entry(a).or_default();
                    if !list.contains(&b) {
                        list.push(b);
                    }
                }
            }
        }
        Graph { up }
    }

    /// Each term with its broader terms, by term: what the profile cache
    /// keeps of the graph over a profile's lexicon.
    pub fn edges(&self) -> Vec<(TermId, Vec<TermId>)> {
        let mut edges: Vec<_> = self.up.iter().map(|(&t, up)| (t, up.clone())).collect();
        edges.sort_unstable_by_key(|e| e.0);
        edges
    }

    /// The graph of these [`Graph::edges`].
    pub fn from_edges(edges: Vec<(TermId, Vec<TermId>)>) -> Graph {
        Graph {
            up: edges.into_iter().collect(),
        }
    }

    /// Every term `t` implies, each with `t` (the term the evidence names,
    /// for `--explain`), nearest first; `t` itself is not included.
    pub fn implied(&self, t: TermId) -> Vec<(TermId, TermId)> {
        let mut out: Vec<(TermId, TermId)> = Vec::new();
        let mut frontier = vec![t];
        for _ in 0..MAX_DEPTH {
            let mut next = Vec::new();
            for &n in &frontier {
                for &b in self.up.get(&n).map_or(&[][..], Vec::as_slice) {
                    if b != t && !out.iter().any(|&(x, _)| x == b) {
                        out.push((b, t));
                        next.push(b);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn implied(name: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let g = Graph::builtin(&lex);
        g.implied(lex.find(name).unwrap())
            .into_iter()
            .map(|(t, _)| lex.term(t).name.to_string())
            .collect()
    }

    #[test]
    fn edges_round_trip() {
        let lex = Lexicon::builtin();
        let g = Graph::builtin(&lex);
        let edges = g.edges();
        assert!(edges.len() > 100);
        assert_eq!(Graph::from_edges(edges.clone()).edges(), edges);
    }

    #[test]
    fn every_edge_names_lexicon_terms() {
        let lex = Lexicon::builtin();
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(lex.find(f[0]).is_some(), "{line}");
            assert!(lex.find(f[1]).is_some(), "{line}");
        }
    }

    #[test]
    fn narrower_implies_broader_and_never_sideways() {
        assert!(implied("FastAPI").contains(&"Python".to_owned()));
        assert!(implied("Prometheus").contains(&"Observability".to_owned()));
        assert!(implied("Terraform").contains(&"Infrastructure as code".to_owned()));
        // Transitive: Argo CD -> GitOps -> Git.
        assert!(implied("Argo CD").contains(&"Git".to_owned()));
        // Kubernetes does not imply Amazon EKS; Python implies no framework.
        assert!(!implied("Kubernetes").contains(&"Amazon EKS".to_owned()));
        assert!(implied("Python").iter().all(|n| n != "FastAPI"));
        // Azure AD is an identity service, not the Azure cloud.
        assert!(!implied("Azure AD").contains(&"Azure".to_owned()));
    }
}
