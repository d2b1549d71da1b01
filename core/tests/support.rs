//! Shared fixtures: the built-in templates compiled once, and a report builder.

use std::sync::OnceLock;

use cchc_core::checks::{Finding, FindingKind};
use cchc_core::report::{Evidence, Report};
use cchc_core::template::Criteria;
use cchc_core::workspace::{evaluate, Evaluation, Templates};

pub fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| Templates::builtin().expect("built-in templates are valid"))
}

/// A blank report on the built-in templates with `values` typed in.
pub fn report(values: &[(&str, &str)]) -> Report {
    let mut r = templates().new_report("test");
    for (cell, raw) in values {
        assert!(
            templates().appendix.cell(cell).is_some(),
            "no cell {cell} in the built-in appendix"
        );
        r.set_value(cell, raw);
    }
    r
}

pub fn eval(r: &Report) -> Evaluation {
    evaluate(templates(), r)
}

/// The computed number of a cell.
pub fn num(e: &Evaluation, cell: &str) -> Option<f64> {
    e.computed
        .number(templates().appendix.cell(cell).expect("known cell"))
}

pub fn kinds(e: &Evaluation) -> Vec<FindingKind> {
    e.findings.iter().map(|f| f.kind).collect()
}

/// Findings of `kind` that involve `cell`.
pub fn at<'a>(e: &'a Evaluation, kind: FindingKind, cell: &str) -> Vec<&'a Finding> {
    let ix = templates().appendix.cell(cell).expect("known cell");
    e.findings
        .iter()
        .filter(|f| f.kind == kind && f.cells.contains(&ix))
        .collect()
}

/// Seed 000's dossier table (Đức Thọ 2020), all in one field row: 1794 = 1674 + 120;
/// 1781 = 1779 + 2; 13 = 11 + 2.
pub const SEED_000: &[(&str, &str)] = &[
    ("hs_ho_tich.c5", "1.674"),
    ("hs_ho_tich.c6", "120"),
    ("hs_ho_tich.c9", "1.779"),
    ("hs_ho_tich.c10", "2"),
    ("hs_ho_tich.c12", "11"),
    ("hs_ho_tich.c13", "2"),
];

/// Gives every item of `criteria` the evidence document `document`, so that points show as
/// the rules give them (a set may score 0 without evidence).
pub fn give_evidence(criteria: &Criteria, r: &mut Report, document: &Evidence) {
    for ix in 0..criteria.items.len() {
        r.assessments
            .entry(criteria.def(ix).id.clone())
            .or_default()
            .evidence
            .push(document.clone());
    }
}
