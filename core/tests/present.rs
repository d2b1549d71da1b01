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

#[test]
fn points_are_trimmed_to_two_places_rounded_half_up() {
    assert_eq!(value::points(0.75), "0,75");
    assert_eq!(value::points(1.0), "1");
    assert_eq!(value::points(0.125), "0,13");
    assert_eq!(value::points(1234.5), "1.234,5");
    assert_eq!(value::points(f64::NAN), "—");
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

// Phụ lục II and Phụ lục I as every view lays them out (present::scores, present::sheets).

use cchc_core::present::scores::{self, Points, RowKind};
use cchc_core::present::sheets::{self, Block, Sections};
use cchc_core::report::Evidence;
use cchc_core::template::compile::ScoringRule;

/// Each sub-criterion's row names its own template item, in template order, under its
/// criterion; the table ends with the totals. (The views once zipped template items with
/// score slices cut by running counts.)
#[test]
fn the_scoring_rows_carry_their_template_items_in_order() {
    let t = templates();
    let r = report(&[]);
    let rows = scores::rows(&t.criteria, &r, &eval(&r).scorecard);
    let items: Vec<&str> = rows.iter().filter_map(|r| r.item.as_deref()).collect();
    let expected: Vec<&str> = (0..t.criteria.items.len())
        .map(|ix| t.criteria.def(ix).id.as_str())
        .collect();
    assert_eq!(items, expected);
    for (i, row) in rows.iter().enumerate() {
        if row.kind == RowKind::Item {
            let above = rows[..i].iter().rev().find(|r| r.kind != RowKind::Item);
            assert_eq!(
                above.map(|r| r.kind),
                Some(RowKind::Criterion),
                "{}",
                row.stt
            );
        }
    }
    let last = rows.last().unwrap();
    assert_eq!(
        (last.kind, last.title.as_str()),
        (RowKind::Total, "TỔNG ĐIỂM TỰ CHẤM")
    );
    // A blank report has nothing scored: no group shows points, nothing reads as 0.
    assert!(rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Criterion | RowKind::Area(_)))
        .all(|r| r.points == Points::Blank));
}

#[test]
fn a_score_that_cannot_be_read_is_written_as_typed_and_marked() {
    let t = templates();
    let mut r = report(&[]);
    let manual = (0..t.criteria.items.len())
        .find(|&ix| matches!(t.criteria.items[ix].rule, ScoringRule::Manual { .. }))
        .expect("the sample set has an item scored by hand");
    let item = t.criteria.def(manual).id.clone();
    r.assessments.entry(item.clone()).or_default().score = " hai ".into();
    let card = eval(&r).scorecard;
    let rows = scores::rows(&t.criteria, &r, &card);
    let row = rows
        .iter()
        .find(|x| x.item.as_deref() == Some(&item))
        .unwrap();
    assert_eq!(row.points, Points::Invalid("hai".into()));
    assert_eq!(row.points.text(), "hai(*)");
    assert!(
        row.basis.is_some(),
        "why the score is refused is part of the explanation"
    );
    assert!(scores::has_invalid(&card));
}

/// The table lists the documents scoring counts, and nothing else: a date or a page alone
/// names no document.
#[test]
fn the_table_lists_the_documents_scoring_counts() {
    let t = templates();
    let mut r = report(&[]);
    let item = t.criteria.def(0).id.clone();
    let a = r.assessments.entry(item.clone()).or_default();
    a.evidence.push(Evidence {
        date: "05/01/2026".into(),
        location: "tr. 3".into(),
        ..Evidence::default()
    });
    a.evidence.push(Evidence {
        title: " Kế hoạch CCHC năm 2026 ".into(),
        number: "12/KH-UBND".into(),
        date: "05/01/2026".into(),
        location: "tr. 2".into(),
    });
    a.explanation = "Đã ban hành đúng hạn.".into();
    let rows = scores::rows(&t.criteria, &r, &eval(&r).scorecard);
    let row = rows
        .iter()
        .find(|x| x.item.as_deref() == Some(&item))
        .unwrap();
    assert_eq!(row.lines(), 1);
    assert_eq!(
        row.documents[0].columns(),
        ["Kế hoạch CCHC năm 2026 (tr. 2)", "12/KH-UBND", "05/01/2026"]
    );
    assert!(row.why().starts_with("Đã ban hành đúng hạn."));
}

#[test]
fn the_lines_under_the_table_give_the_index_and_band_as_compared() {
    let t = templates();
    let r = report(&[]);
    let card = eval(&r).scorecard;
    let s = scores::summary(&t.criteria, &card);
    assert_eq!(s.index, cchc_core::number::format_percent(card.index));
    assert_eq!(
        s.index_line(),
        format!(
            "Chỉ số cải cách hành chính tự đánh giá: {}; xếp loại: {}.",
            s.index, s.band
        )
    );
    assert!(s.total.starts_with("Tổng điểm tự chấm: 0 / "));
    assert_eq!(
        scores::sample_note(&t.criteria).is_some(),
        t.criteria.template.sample
    );
}

/// Print, Word and Excel page Phụ lục I alike: list tables in runs, each grid alone, and an
/// optional section only when the report includes it.
#[test]
fn phu_luc_i_is_paged_alike_for_every_view() {
    let t = templates();
    let mut r = report(&[]);
    let optional: Vec<_> = t
        .appendix
        .template
        .sections
        .iter()
        .filter(|s| s.optional)
        .map(|s| s.id.clone())
        .collect();
    let tables = |blocks: &[Block]| -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Lists(run) => run.len(),
                Block::Grid(_) => 1,
            })
            .sum()
    };
    let without = sheets::blocks(&t.appendix, &r);
    r.optional_sections.extend(optional.iter().cloned());
    let with = sheets::blocks(&t.appendix, &r);
    assert!(
        !optional.is_empty(),
        "the built-in appendix has an optional section"
    );
    assert!(tables(&with) > tables(&without));
    for b in &with {
        match b {
            Block::Grid(at) => assert!(!sheets::table_at(&t.appendix, *at).columns.is_empty()),
            Block::Lists(run) => assert!(run
                .iter()
                .all(|&at| sheets::table_at(&t.appendix, at).columns.is_empty())),
        }
    }
    // Grids and lists alternate: two list blocks never follow each other.
    assert!(with
        .windows(2)
        .all(|w| !matches!(w, [Block::Lists(_), Block::Lists(_)])));
}

#[test]
fn a_section_resumed_after_a_form_says_so() {
    let t = templates();
    let section = &t.appendix.template.sections[0];
    let mut s = Sections::default();
    let first = s.heading(0, section);
    assert_eq!(first, section.title.vi.to_uppercase());
    assert_eq!(s.heading(0, section), format!("{first} (tiếp theo)"));
}

/// Spreadsheets and Word place header cells by row and column: a grouped column's label sits
/// under its group, beside the columns whose headers span both rows.
#[test]
fn the_grid_header_places_every_cell_once() {
    let t = templates();
    let table = t
        .appendix
        .template
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .find(|tb| tb.columns.iter().any(|c| !c.group.is_empty()))
        .expect("a grouped grid (Biểu 06)");
    let header = grid_header(table);
    let placed = header.placed();
    let width = cchc_core::present::table::GridHeader::width(table);
    for r in 0..header.rows.len() {
        for c in 0..width {
            let n = placed.iter().filter(|p| p.covers(r, c)).count();
            assert_eq!(n, 1, "header row {r}, column {c}");
        }
    }
    let stt = placed.iter().find(|p| p.cell.heads == Heads::Stt).unwrap();
    assert_eq!((stt.row, stt.col, stt.cell.rowspan), (0, 0, 2));
}
