//! The golden save of the first schema: `tests/fixtures/schema-1/stored-report.json` is a
//! report exactly as the app's first version wrote it to localStorage (`phuluc-cchc/report/<id>`:
//! the export's envelope around the report; every field of schema 1, none added since). It
//! must always open with its figures: the e2e test `storage-faults` loads it in the browser.

use phuluc_cchc::core::exchange;
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::CommuneKind;
use phuluc_cchc::core::workspace::{self, Templates};

const STORED: &str = include_str!("../fixtures/schema-1/stored-report.json");

#[test]
fn a_report_saved_by_the_first_schema_opens_with_its_figures() {
    let imported = exchange::import_with_notes(STORED).expect("schema 1 still reads");
    assert!(
        imported.notes.is_empty(),
        "nothing dropped: {:?}",
        imported.notes
    );
    let r = imported.report;
    assert_eq!(r.id, "r-schema1-golden");
    assert_eq!(r.identity.commune_kind, CommuneKind::Phuong);
    assert_eq!(r.identity.commune, "Hòa Bình");
    assert_eq!(r.identity.period, PeriodKind::Q1);
    assert_eq!(r.identity.year, 2026);
    assert_eq!(r.identity.signer_title, "PHÓ CHỦ TỊCH");
    assert_eq!(r.values["hs_ho_tich.c5"], "1.794");
    assert_eq!(r.values.len(), 8);
    let a = &r.assessments["1.1.1"];
    assert_eq!(a.answer, Some(true));
    assert_eq!(a.evidence[0].number, "03/KH-UBND");
    assert!(r.narrative.is_empty(), "added later, empty in an old save");

    let t = Templates::builtin().expect("built-in templates");
    let eval = workspace::evaluate(&t, &r);
    let c5 = t
        .appendix
        .cell("hs_ho_tich.c5")
        .expect("the cell still exists");
    assert_eq!(eval.computed.number(c5), Some(1794.0));
}
