//! Duplicating for the next period and aggregating many reports.

use cchc_core::period::PeriodKind;
use cchc_core::workspace::{aggregate, next_period};

use crate::support::{eval, num, report, templates, SEED_000};

#[test]
fn the_next_period_carries_pending_into_carried_over() {
    let mut r = report(SEED_000);
    r.identity.commune = "Tân Hà".into();
    r.identity.period = PeriodKind::Q4;
    r.identity.year = 2025;
    let next = next_period(templates(), &r, "n");
    assert_eq!(
        (next.identity.period, next.identity.year),
        (PeriodKind::Q1, 2026)
    );
    assert_eq!(next.identity.commune, "Tân Hà");
    assert_eq!(next.value("hs_ho_tich.c6"), "13");
    assert_eq!(next.values.len(), 1, "nothing else is carried");
    assert!(next.assessments.is_empty());
    let e = eval(&next);
    assert_eq!(num(&e, "hs_tong.c6"), Some(13.0));
}

#[test]
fn the_next_period_drops_the_number_and_date() {
    let mut r = report(&[]);
    r.identity.number = "15/BC-UBND".into();
    r.identity.date = chrono::NaiveDate::from_ymd_opt(2026, 6, 16);
    let next = next_period(templates(), &r, "n");
    assert!(next.identity.number.is_empty() && next.identity.date.is_none());
}

#[test]
fn aggregation_adds_typed_quantities_and_recomputes_rates() {
    let a = report(SEED_000);
    let b = report(&[
        ("hs_dat_dai.c4", "200"),
        ("hs_dat_dai.c9", "198"),
        ("hs_dat_dai.c10", "2"),
    ]);
    let total = aggregate(&templates().appendix, [&a, &b]);
    let ix = |id: &str| templates().appendix.cell(id).unwrap();
    assert_eq!(total.number(ix("hs_tong.c3")), Some(1994.0));
    assert_eq!(total.number(ix("hs_tong.c7")), Some(1981.0));
    let rate = total.number(ix("hs_ty_le_dung_han")).unwrap();
    assert!((rate - 1977.0 / 1981.0 * 100.0).abs() < 1e-9);
}

#[test]
fn aggregation_leaves_typed_percentages_empty() {
    let a = report(&[("hs_ty_le_dung_han_he_thong", "99")]);
    let total = aggregate(&templates().appendix, [&a, &a]);
    assert_eq!(
        total.number(
            templates()
                .appendix
                .cell("hs_ty_le_dung_han_he_thong")
                .unwrap()
        ),
        None
    );
}

#[test]
fn aggregation_of_nothing_is_empty() {
    let total = aggregate(&templates().appendix, []);
    assert!(total.numbers.iter().all(Option::is_none));
}

#[test]
fn a_provinces_criteria_file_replaces_the_sample() {
    use cchc_core::template::builtin::CRITERIA_SAMPLE;
    let mut v: serde_json::Value = serde_json::from_str(CRITERIA_SAMPLE).unwrap();
    v["id"] = "tinh-x-2026".into();
    v["sample"] = false.into();
    let t = templates().with_criteria(&v.to_string()).unwrap();
    assert_eq!(t.criteria_ref().id, "tinh-x-2026");
    assert!(!t.criteria.template.sample);
    assert_eq!(t.appendix_ref(), templates().appendix_ref());
}

#[test]
fn a_broken_criteria_file_is_refused_and_the_templates_stay() {
    let e = templates().with_criteria("{\"id\": 1}").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Mẫu «bộ tiêu chí» không đọc được"),
        "{e}"
    );
}
