//! Several postings on one command line (`tailor build job-descriptions/*.md`):
//! one batch, as a folder is, with one résumé each and one index ranked by
//! fit; `tailor match` of several gives one report each, best fit first.

use crate::test::Test;

const NORTHWIND: &str = "job-descriptions/northwind-health-platform-engineer.md";
const POCKETMEADOW: &str = "job-descriptions/pocketmeadow-ios-engineer.md";
const QUARRY: &str = "job-descriptions/quarry-lane-analytics-backend-data-engineer.txt";

#[test]
fn build_of_several_postings_is_one_batch_ranked_in_one_index() {
    let done = Test::in_temp()
        .copy("profile.yaml")
        .copy(NORTHWIND)
        .copy(POCKETMEADOW)
        .copy(QUARRY)
        // Named twice (once through its folder's path): built once.
        .args([
            "build",
            "-q",
            POCKETMEADOW,
            NORTHWIND,
            QUARRY,
            "job-descriptions/../",
            "-o",
            "cvs",
        ])
        .arg("job-descriptions/./northwind-health-platform-engineer.md")
        .run();
    let index: serde_json::Value = serde_json::from_str(&done.read("cvs/index.json")).unwrap();
    let postings = index["postings"].as_array().unwrap();
    let sources: Vec<&str> = postings
        .iter()
        .map(|p| p["posting"].as_str().unwrap())
        .collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
    assert!(
        sources[0].ends_with("northwind-health-platform-engineer.md"),
        "{sources:?}"
    );
    let fits: Vec<f64> = postings
        .iter()
        .map(|p| p["fit"].as_f64().unwrap())
        .collect();
    assert!(fits.windows(2).all(|w| w[0] >= w[1]), "{fits:?}");
    for p in postings {
        let file = p["files"][0].as_str().unwrap();
        assert!(done.dir.join("cvs").join(file).is_file(), "{file}");
    }
    assert!(done
        .read("cvs/index.md")
        .starts_with("# Postings ranked by fit"));
}

#[test]
fn standard_input_cannot_be_one_of_several() {
    Test::new()
        .args(["build", NORTHWIND, "-"])
        .expect_status(2)
        .stderr_has("- (standard input) cannot be one of several postings")
        .stderr_has("hint: ")
        .run();
}

#[test]
fn match_of_several_postings_reports_each_best_fit_first() {
    let json = Test::new()
        .args(["match", "--json", POCKETMEADOW, NORTHWIND])
        .run();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let all = v.as_array().expect("an array of reports");
    assert_eq!(all.len(), 2);
    assert!(all[0]["fit"].as_f64() >= all[1]["fit"].as_f64());
    assert_eq!(all[0]["posting"]["source"], NORTHWIND);
    // The human reports, in the same order, one each.
    let text = Test::new().args(["match", POCKETMEADOW, NORTHWIND]).run();
    let sources: Vec<&str> = text
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("source: "))
        .collect();
    assert_eq!(sources, [NORTHWIND, POCKETMEADOW]);
    // A posting that cannot be read is named; the rest are reported.
    let partly = Test::new()
        .args(["match", NORTHWIND, "no/such-posting.md"])
        .expect_status(1)
        .stderr_has("no/such-posting.md")
        .run();
    assert!(partly.stdout.contains(&format!("source: {NORTHWIND}")));
}
