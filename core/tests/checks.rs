//! Cross-checks beyond the seeds: sums, parts, typed percentages, equations, period dates.

use cchc_core::checks::{FindingKind, Place, Severity};
use cchc_core::period::PeriodKind;
use chrono::NaiveDate;

use crate::support::{at, eval, kinds, report, templates};

#[test]
fn grades_that_add_up_to_the_appraised_total_pass() {
    let e = eval(&report(&[
        ("dg_tong", "20"),
        ("dg_xuat_sac", "3"),
        ("dg_tot", "12"),
        ("dg_hoan_thanh", "5"),
        ("dg_khong_hoan_thanh", "0"),
    ]));
    assert!(e.findings.is_empty(), "{:?}", e.findings);
}

#[test]
fn grades_that_do_not_add_up_are_caught_at_the_total() {
    let e = eval(&report(&[
        ("dg_tong", "20"),
        ("dg_xuat_sac", "3"),
        ("dg_tot", "12"),
        ("dg_hoan_thanh", "4"),
        ("dg_khong_hoan_thanh", "0"),
    ]));
    let f = at(&e, FindingKind::SumMismatch, "dg_tong");
    assert_eq!(f.len(), 1);
    let ix = templates().appendix.cell("dg_tong").unwrap();
    assert_eq!(f[0].place, Place::Cell(ix));
    assert!(
        f[0].message.vi.contains("19") && f[0].message.vi.contains("20"),
        "{}",
        f[0].message.vi
    );
}

#[test]
fn an_incomplete_breakdown_waits_until_it_is_complete() {
    let e = eval(&report(&[("dg_tong", "20"), ("dg_xuat_sac", "3")]));
    assert!(e.findings.is_empty());
}

#[test]
fn an_incomplete_breakdown_already_over_the_total_is_caught() {
    let e = eval(&report(&[
        ("dg_tong", "20"),
        ("dg_xuat_sac", "13"),
        ("dg_tot", "12"),
    ]));
    assert_eq!(at(&e, FindingKind::SumMismatch, "dg_tong").len(), 1);
}

#[test]
fn staff_in_post_over_quota_is_caught() {
    let e = eval(&report(&[("bm_bien_che", "20"), ("bm_hien_co", "23")]));
    assert_eq!(at(&e, FindingKind::PartExceedsWhole, "bm_hien_co").len(), 1);
}

#[test]
fn a_part_equal_to_its_whole_is_fine() {
    let e = eval(&report(&[("tthc_tong", "105"), ("tthc_cong_khai", "105")]));
    assert!(e.findings.is_empty());
}

#[test]
fn a_part_larger_than_its_whole_shows_at_the_typed_part() {
    let e = eval(&report(&[("tthc_tong", "105"), ("tthc_cong_khai", "106")]));
    let f = at(&e, FindingKind::PartExceedsWhole, "tthc_cong_khai");
    assert_eq!(
        f[0].place,
        Place::Cell(templates().appendix.cell("tthc_cong_khai").unwrap())
    );
    assert_eq!(f[0].severity, Severity::Error);
}

#[test]
fn a_share_finding_names_both_figures() {
    let e = eval(&report(&[("vb_di", "5.202"), ("vb_dien_tu", "14.622")]));
    let f = &at(&e, FindingKind::PartExceedsWhole, "vb_dien_tu")[0];
    assert!(
        f.message.vi.contains("14.622") && f.message.vi.contains("5.202"),
        "{}",
        f.message.vi
    );
    assert!(!f.message.en.is_empty());
}

#[test]
fn online_procedures_beyond_the_commune_total_are_caught() {
    let e = eval(&report(&[
        ("tthc_tong", "100"),
        ("dvc_toan_trinh", "60"),
        ("dvc_mot_phan", "50"),
    ]));
    assert!(kinds(&e).contains(&FindingKind::PartExceedsWhole));
}

#[test]
fn a_typed_percentage_within_its_rounding_passes() {
    // 1779/1781 = 99,8877…: "99,9" typed to one decimal is right.
    let mut v = crate::support::SEED_000.to_vec();
    v.push(("hs_ty_le_dung_han_he_thong", "99,9"));
    assert!(eval(&report(&v)).findings.is_empty());
}

#[test]
fn a_typed_percentage_off_by_more_than_its_rounding_is_a_warning() {
    let mut v = crate::support::SEED_000.to_vec();
    v.push(("hs_ty_le_dung_han_he_thong", "99,80"));
    let e = eval(&report(&v));
    assert_eq!(e.findings.len(), 1);
    assert_eq!(e.findings[0].severity, Severity::Warning);
}

#[test]
fn an_unreadable_entry_is_an_error_finding_quoting_what_was_typed() {
    let e = eval(&report(&[("tt_tin_bai", "mười hai")]));
    assert_eq!(kinds(&e), [FindingKind::InvalidInput]);
    assert!(e.findings[0].message.vi.contains("mười hai"));
}

#[test]
fn errors_come_before_warnings() {
    let mut v = crate::support::SEED_000.to_vec();
    v.push(("hs_ty_le_dung_han_he_thong", "50"));
    v.push(("tt_tin_bai", "x"));
    let e = eval(&report(&v));
    assert_eq!(e.findings.first().unwrap().severity, Severity::Error);
    assert_eq!(e.findings.last().unwrap().severity, Severity::Warning);
}

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

#[test]
fn the_decree_window_raises_nothing() {
    let mut r = report(&[]);
    r.identity.period = PeriodKind::SixMonths;
    r.identity.year = 2026;
    r.identity.date = d(2026, 6, 16);
    assert!(eval(&r).findings.is_empty());
}

#[test]
fn a_reversed_window_is_an_error_at_the_end_date() {
    let mut r = report(&[]);
    r.identity.from = d(2026, 6, 14);
    r.identity.to = d(2026, 3, 15);
    let e = eval(&r);
    let f = e
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::PeriodReversed)
        .unwrap();
    assert_eq!((f.severity, f.place), (Severity::Error, Place::To));
}

#[test]
fn a_window_outside_the_report_year_is_a_warning() {
    let mut r = report(&[]);
    r.identity.year = 2026;
    r.identity.from = d(2025, 1, 1);
    let e = eval(&r);
    let f = e
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::PeriodOutsideYear)
        .unwrap();
    assert_eq!(f.place, Place::From);
}

#[test]
fn a_window_from_the_previous_december_is_inside_the_year() {
    let mut r = report(&[]);
    r.identity.year = 2026;
    r.identity.from = d(2025, 12, 15);
    assert!(eval(&r).findings.is_empty());
}

#[test]
fn a_report_dated_before_its_window_ends_is_a_warning() {
    let mut r = report(&[]);
    r.identity.period = PeriodKind::Q1;
    r.identity.year = 2026;
    r.identity.date = d(2026, 3, 10);
    let e = eval(&r);
    let f = e
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::ReportBeforePeriodEnd)
        .unwrap();
    assert_eq!(f.place, Place::Date);
    assert!(f.message.vi.contains("14/03/2026"), "{}", f.message.vi);
}
