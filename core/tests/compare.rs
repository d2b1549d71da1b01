//! Periods side by side: previous value and change per cell, the multi-period table, and the
//! carried-over column against the previous period's pending.

use cchc_core::checks::FindingKind;
use cchc_core::compare::{
    self, baseline, can_attach, carry_over_findings, changes, period_table, previous, AttachError,
    Change,
};
use cchc_core::compute::compute;
use cchc_core::period::PeriodKind;
use cchc_core::report::Report;
use cchc_core::template::CellKind;
use cchc_core::workspace::next_period;

use crate::support::{report, templates, SEED_000};

fn commune(name: &str, period: PeriodKind, year: i32, values: &[(&str, &str)]) -> Report {
    let mut r = report(values);
    r.identity.commune = name.into();
    r.identity.period = period;
    r.identity.year = year;
    r
}

fn ix(id: &str) -> usize {
    templates().appendix.cell(id).expect("known cell")
}

fn change(previous: Option<f64>, current: Option<f64>) -> Change {
    Change { previous, current }
}

#[test]
fn a_change_is_absolute_and_relative() {
    let c = change(Some(120.0), Some(130.0));
    assert_eq!(c.delta(), Some(10.0));
    assert!((c.percent().unwrap() - 8.333_333).abs() < 1e-5);
    assert_eq!(c.delta_shown(CellKind::Count), "+10");
    assert_eq!(c.percent_shown(), "+8,33%");
    let down = change(Some(1794.0), Some(897.0));
    assert_eq!(down.delta_shown(CellKind::Count), "-897");
    assert_eq!(down.percent_shown(), "-50,00%");
    let same = change(Some(5.0), Some(5.0));
    assert_eq!(
        (same.delta_shown(CellKind::Count), same.percent_shown()),
        ("0".into(), "0,00%".into())
    );
}

#[test]
fn nothing_to_divide_by_shows_a_dash() {
    let from_zero = change(Some(0.0), Some(12.0));
    assert_eq!(from_zero.delta(), Some(12.0));
    assert_eq!(from_zero.percent(), None);
    assert_eq!(from_zero.percent_shown(), "—");
    let no_previous = change(None, Some(12.0));
    assert_eq!(
        (
            no_previous.delta_shown(CellKind::Count),
            no_previous.percent_shown()
        ),
        ("—".into(), "—".into())
    );
    let no_current = change(Some(3.0), None);
    assert_eq!(no_current.delta(), None);
}

#[test]
fn a_percentage_changes_by_points() {
    let c = change(Some(99.89), Some(98.64));
    assert_eq!(c.delta_shown(CellKind::Percent), "-1,25");
}

#[test]
fn every_cell_has_its_previous_value_and_change() {
    let before = commune("A", PeriodKind::Year, 2025, SEED_000);
    let now = commune(
        "A",
        PeriodKind::Year,
        2026,
        &[
            ("hs_ho_tich.c5", "2.000"),
            ("hs_ho_tich.c6", "13"),
            ("hs_ho_tich.c9", "2.013"),
        ],
    );
    let t = templates();
    let c = changes(&compute(&t.appendix, &now), &compute(&t.appendix, &before));
    let received = c[ix("hs_tong.c3")];
    assert_eq!(
        (received.previous, received.current),
        (Some(1794.0), Some(2013.0))
    );
    assert_eq!(received.delta_shown(CellKind::Count), "+219");
    assert_eq!(received.percent_shown(), "+12,21%");
    let on_time = c[ix("hs_ty_le_dung_han")];
    assert_eq!(on_time.current, Some(100.0));
    assert_eq!(on_time.delta_shown(CellKind::Percent), "+0,11");
    let empty = c[ix("kh_nhiem_vu")];
    assert_eq!(empty.delta_shown(CellKind::Count), "—");
}

#[test]
fn carried_over_differing_from_previous_pending_is_a_finding() {
    let t = templates();
    let before = commune("A", PeriodKind::Q1, 2026, SEED_000); // pending (11) = 13
    let now = commune(
        "A",
        PeriodKind::Q2,
        2026,
        &[("hs_ho_tich.c6", "12"), ("hs_ho_tich.c9", "12")],
    );
    let f = carry_over_findings(
        t,
        &compute(&t.appendix, &now),
        &before,
        &compute(&t.appendix, &before),
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, FindingKind::CarryOver);
    assert_eq!(f[0].cells, [ix("hs_ho_tich.c6")]);
    assert_eq!(
        f[0].message.vi,
        "Hộ tịch: cột (6) «Từ kỳ trước chuyển qua» kỳ này là 12, khác cột (11) «Số hồ sơ đang giải quyết — Tổng số» của báo cáo kỳ trước (Quý I 2026) là 13."
    );
}

#[test]
fn a_report_made_by_next_period_carries_over_without_a_finding() {
    let t = templates();
    let before = commune("A", PeriodKind::Q1, 2026, SEED_000);
    let now = next_period(t, &before, "n");
    let f = carry_over_findings(
        t,
        &compute(&t.appendix, &now),
        &before,
        &compute(&t.appendix, &before),
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn an_empty_dossier_table_is_not_compared() {
    let t = templates();
    let before = commune("A", PeriodKind::Q1, 2026, SEED_000);
    let now = commune("A", PeriodKind::Q2, 2026, &[]);
    let f = carry_over_findings(
        t,
        &compute(&t.appendix, &now),
        &before,
        &compute(&t.appendix, &before),
    );
    assert!(f.is_empty());
}

#[test]
fn a_filled_table_with_nothing_carried_over_differs_from_a_pending_previous() {
    // A blank in a filled grid reads 0, so 0 ≠ 13 is found.
    let t = templates();
    let before = commune("A", PeriodKind::Q1, 2026, SEED_000);
    let now = commune("A", PeriodKind::Q2, 2026, &[("hs_ho_tich.c5", "5")]);
    let f = carry_over_findings(
        t,
        &compute(&t.appendix, &now),
        &before,
        &compute(&t.appendix, &before),
    );
    assert_eq!(f.len(), 1);
    assert!(f[0].message.vi.contains("là 0,") && f[0].message.vi.ends_with("là 13."));
}

#[test]
fn the_multi_period_table_has_periods_as_columns_oldest_first() {
    let t = templates();
    let y24 = commune(
        "A",
        PeriodKind::Year,
        2024,
        &[("hs_ho_tich.c5", "1.000"), ("hs_ho_tich.c9", "1.000")],
    );
    let y25 = commune("A", PeriodKind::Year, 2025, SEED_000);
    let y26 = commune("A", PeriodKind::Year, 2026, &[("hs_ho_tich.c5", "0")]);
    let rows = [ix("hs_tong.c3"), ix("hs_ty_le_dung_han")];
    let table = period_table(t, &[&y26, &y24, &y25], &rows);
    let heads: Vec<&str> = table.columns.iter().map(|c| c.vi.as_str()).collect();
    assert_eq!(heads, ["Năm 2024", "Năm 2025", "Năm 2026"]);
    assert_eq!(
        table.rows[0].values,
        [Some(1000.0), Some(1794.0), Some(0.0)]
    );
    let shown: Vec<String> = table.rows[1]
        .values
        .iter()
        .map(|&v| compare::shown(table.rows[1].kind, v))
        .collect();
    assert_eq!(shown, ["100,00%", "99,89%", "—"]);
}

#[test]
fn the_multi_period_table_of_nothing_is_empty() {
    let table = period_table(templates(), &[], &[ix("hs_tong.c3")]);
    assert!(table.columns.is_empty());
    assert_eq!(table.rows[0].values, Vec::<Option<f64>>::new());
}

#[test]
fn default_rows_are_the_dossier_totals_and_the_named_rates() {
    let rows = compare::default_rows(&templates().appendix);
    assert!(rows.contains(&ix("hs_tong.c3")) && rows.contains(&ix("hs_tong.c13")));
    for rate in [
        "hs_ty_le_dung_han",
        "hs_ty_le_truc_tuyen",
        "sh_ty_le_tiep_nhan",
    ] {
        assert!(rows.contains(&ix(rate)), "{rate}");
    }
}

#[test]
fn only_earlier_reports_of_the_same_commune_can_be_attached() {
    let open = commune("Tân Hà", PeriodKind::Q2, 2026, &[]);
    let q1 = commune("Tân Hà", PeriodKind::Q1, 2026, &[]);
    assert_eq!(can_attach(&open, &[], &q1), Ok(()));
    let other = commune("Tân Lập", PeriodKind::Q1, 2026, &[]);
    let e = can_attach(&open, &[], &other).unwrap_err();
    assert_eq!(
        e.message().vi,
        "Báo cáo của xã Tân Lập, không phải của xã Tân Hà đang mở."
    );
    assert!(matches!(
        can_attach(&open, &[], &open.clone()),
        Err(AttachError::SamePeriod { .. })
    ));
    let later = commune("Tân Hà", PeriodKind::Q3, 2026, &[]);
    assert!(matches!(
        can_attach(&open, &[], &later),
        Err(AttachError::NotEarlier { .. })
    ));
    assert!(matches!(
        can_attach(&open, std::slice::from_ref(&q1), &q1),
        Err(AttachError::AlreadyAttached { .. })
    ));
    let mut v2 = q1.clone();
    v2.appendix.version = 2;
    assert_eq!(can_attach(&open, &[], &v2), Err(AttachError::OtherTemplate));
}

#[test]
fn the_previous_report_is_the_latest_earlier_one() {
    let open = commune("A", PeriodKind::Q3, 2026, &[]);
    let earlier = vec![
        commune("A", PeriodKind::Q1, 2026, &[]),
        commune("A", PeriodKind::Q2, 2026, &[]),
        commune("A", PeriodKind::Year, 2025, &[]),
    ];
    let p = previous(&open, &earlier).unwrap();
    assert_eq!(p.identity.period, PeriodKind::Q2);
    assert!(previous(&open, &[]).is_none());
}

/// The narrative compares with the same period a year before when it is there, else with the
/// latest earlier period; another commune's report or a later one is never a baseline.
#[test]
fn the_baseline_is_the_same_period_last_year_else_the_latest_earlier() {
    let open = commune("Tân Hà", PeriodKind::SixMonths, 2026, &[]);
    let last_year = commune("Tân Hà", PeriodKind::SixMonths, 2025, &[]);
    let q1 = commune("Tân Hà", PeriodKind::Q1, 2026, &[]);
    let other = commune("Tân Lập", PeriodKind::SixMonths, 2025, &[]);
    let later = commune("Tân Hà", PeriodKind::Year, 2026, &[]);
    let found = |earlier: &[&Report]| {
        baseline(&open, earlier.iter().copied()).map(|r| (r.identity.period, r.identity.year))
    };
    assert_eq!(
        found(&[&q1, &last_year, &other, &later]),
        Some((PeriodKind::SixMonths, 2025))
    );
    assert_eq!(found(&[&q1, &other, &later]), Some((PeriodKind::Q1, 2026)));
    assert_eq!(found(&[&other, &later]), None);
}
