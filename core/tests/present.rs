//! How values are shown: one rule for every view (present::value), the grid header
//! (present::table), and the export's `shown` agreeing with both.

use cchc_core::exchange;
use cchc_core::present::table::{grid_header, Heads};
use cchc_core::present::value::{self, CellText};
use cchc_core::template::appendix::Table;
use cchc_core::template::builtin::{APPENDIX_XA, CRITERIA_SAMPLE};
use cchc_core::template::{Appendix, CellKind, Criteria};
use cchc_core::workspace::{evaluate, Templates};
use serde_json::{json, Value};

use crate::support::{eval, report, templates, SEED_000};

/// The built-in templates with a decimal row added to the first table (the built-in appendix
/// has none, provinces' may).
fn with_decimal_row() -> Templates {
    let mut v: Value = serde_json::from_str(APPENDIX_XA).unwrap();
    let rows = v["sections"][0]["tables"][0]["rows"]
        .as_array_mut()
        .unwrap();
    rows.push(json!({"id": "dien_tich", "stt": "9", "label": "Diện tích (ha)", "kind": "decimal"}));
    let appendix = Appendix::from_json(&v.to_string()).unwrap();
    let criteria = Criteria::from_json(CRITERIA_SAMPLE, &appendix).unwrap();
    Templates { appendix, criteria }
}

fn shown_in_export(t: &Templates, r: &cchc_core::report::Report, cell: &str) -> Option<String> {
    let e = evaluate(t, r);
    let out: Value =
        serde_json::from_str(&exchange::export(t, r, &e, "2026-11-30T00:00:00Z")).unwrap();
    out["computed"]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == cell)
        .map(|c| c["shown"].as_str().unwrap().to_owned())
}

#[test]
fn numbers_are_written_by_their_kind() {
    assert_eq!(value::number(CellKind::Count, 1794.0), "1.794");
    assert_eq!(value::number(CellKind::Money, 10_877_753.0), "10.877.753");
    assert_eq!(value::number(CellKind::Percent, 99.887_579), "99,89%");
    assert_eq!(value::number(CellKind::Decimal, 12.5), "12,5");
    assert_eq!(value::number(CellKind::Decimal, 3.0), "3");
}

/// Defect: a decimal cell showed "12,5" on screen and in print but "12,50" in the export.
#[test]
fn a_decimal_cell_is_written_alike_on_screen_in_print_and_in_the_export() {
    let t = with_decimal_row();
    let mut r = t.new_report("r");
    r.set_value("dien_tich", "12,5");
    let e = evaluate(&t, &r);
    let ix = t.appendix.cell("dien_tich").unwrap();
    assert_eq!(
        value::cell(&t.appendix, &r, &e.computed, ix),
        CellText::Value("12,5".into())
    );
    assert_eq!(
        shown_in_export(&t, &r, "dien_tich").as_deref(),
        Some("12,5")
    );
}

#[test]
fn the_export_shows_every_cell_as_the_views_do() {
    let t = templates();
    let r = report(SEED_000);
    let e = eval(&r);
    for (ix, cell) in t.appendix.cells.iter().enumerate() {
        let shown = value::cell(&t.appendix, &r, &e.computed, ix);
        let exported = shown_in_export(t, &r, &cell.id);
        match shown {
            CellText::Empty => assert_eq!(exported, None, "{}", cell.id),
            other => assert_eq!(exported.as_deref(), Some(other.as_str()), "{}", cell.id),
        }
    }
}

#[test]
fn empty_inputs_show_nothing_and_derived_values_with_nothing_to_compute_show_a_dash() {
    let t = templates();
    let r = report(&[]);
    let e = eval(&r);
    let input = t.appendix.cell("hs_ho_tich.c5").unwrap();
    assert_eq!(
        value::cell(&t.appendix, &r, &e.computed, input),
        CellText::Empty
    );
    let derived = t
        .appendix
        .cells
        .iter()
        .position(|c| !c.is_input() && c.kind == CellKind::Percent)
        .unwrap();
    assert_eq!(
        value::cell(&t.appendix, &r, &e.computed, derived).as_str(),
        "—"
    );
}

#[test]
fn an_unreadable_entry_is_shown_as_typed_and_marked_invalid() {
    let t = templates();
    let r = report(&[("hs_ho_tich.c5", "12a")]);
    let e = eval(&r);
    let ix = t.appendix.cell("hs_ho_tich.c5").unwrap();
    assert_eq!(
        value::cell(&t.appendix, &r, &e.computed, ix),
        CellText::Invalid("12a".into())
    );
}

/// Defect: the summary said "Điểm trừ −0 điểm" on a blank report.
#[test]
fn nothing_taken_away_or_added_is_written_without_a_sign() {
    assert_eq!(value::minus_points(0.0), "0");
    assert_eq!(value::minus_points(0.001), "0");
    assert_eq!(value::minus_points(1.5), "−1,5");
    assert_eq!(value::plus_points(0.0), "0");
    assert_eq!(value::plus_points(2.0), "+2");
}

/// The built-in appendix's grid table.
fn bieu_06() -> &'static Table {
    templates()
        .appendix
        .template
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .find(|t| !t.columns.is_empty())
        .expect("Biểu 06")
}

/// Defect: print wrote "Lĩnh vực" over Biểu 06's row labels where the template names the
/// column ("Lĩnh vực, công việc giải quyết…").
#[test]
fn the_grid_header_names_the_label_column_as_the_template_does() {
    let table = bieu_06();
    assert!(!table.row_header.is_empty());
    let h = grid_header(table);
    let label = &h.rows[0][1];
    assert_eq!(label.heads, Heads::Label);
    assert_eq!(label.text, table.row_header);
    assert_eq!(label.rowspan, h.rows.len());
}

#[test]
fn the_grid_header_groups_columns_and_numbers_them_from_1() {
    let table = bieu_06();
    let h = grid_header(table);
    assert_eq!(h.rows.len(), 2, "Biểu 06 has grouped columns");
    let spans: usize = h.rows[0].iter().map(|c| c.colspan).sum();
    assert_eq!(
        spans,
        table.columns.len() + 2,
        "the top row spans every column"
    );
    let numbers = h.numbers.unwrap();
    assert_eq!(numbers.len(), table.columns.len() + 2);
    assert_eq!(&numbers[..3], ["(1)", "(2)", "(3)"]);
    assert_eq!(numbers.last().unwrap(), "(13)");
}
