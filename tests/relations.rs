//! The public relations set of `../shared/eval/relations/`: 330 relations
//! that published texts state, each broken by one realistic slip, scored by
//! the set's own `score.py` against this build's binary (a slip counts as
//! caught when a new error or warning appears at the relation).
//!
//! Issue 21's bar is 75% of the slips caught. Until it is met, this test holds
//! the recall measured on main as a floor ([`FLOOR`]): a change that loses
//! relations fails here, and the floor is raised as recall rises. No original
//! relation may draw an error-level finding (FALSE 0 in both files).

mod support;

use std::process::Command;

/// The least share of the 330 slips caught: measured 219 of 330 (66.4%) on
/// 2026-12-06, the floor a little under it.
const FLOOR: f64 = 0.65;

#[test]
fn relations_recall_holds_its_floor_and_no_true_relation_draws_an_error() {
    let Some(script) = support::shared("eval/relations/score.py") else { return };
    let Some(corpus) = support::shared("corpus") else { return };
    let dir = script.parent().expect("the script's folder");
    let (mut caught, mut total) = (0usize, 0usize);
    for tsv in ["relations.tsv", "relations-real2.tsv"] {
        let out = Command::new("python3")
            .arg(&script)
            .args(["--bin", env!("CARGO_BIN_EXE_briefdesk")])
            .arg("--corpus")
            .arg(&corpus)
            .arg("--tsv")
            .arg(dir.join(tsv))
            .output()
            .expect("python3 runs score.py");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{tsv}: score.py failed: {}\n{text}", String::from_utf8_lossy(&out.stderr));
        // ALL <caught> <relations> <recall>
        let all: Vec<usize> = text
            .lines()
            .find_map(|l| l.strip_prefix("ALL\t"))
            .map(|l| l.split('\t').take(2).filter_map(|n| n.parse().ok()).collect())
            .unwrap_or_default();
        let [c, n] = all[..] else { panic!("{tsv}: no ALL line in the score:\n{text}") };
        let false_errors = text.lines().find_map(|l| l.strip_prefix("FALSE: ")).and_then(|l| l.split(' ').next());
        assert_eq!(false_errors, Some("0"), "{tsv}: true relations draw errors:\n{text}");
        eprintln!("{tsv}: {c} of {n} slips caught");
        caught += c;
        total += n;
    }
    let recall = caught as f64 / total as f64;
    assert!(
        recall >= FLOOR,
        "{caught} of {total} slips caught ({:.1}%), below the floor of {:.0}%",
        recall * 100.0,
        FLOOR * 100.0
    );
}
