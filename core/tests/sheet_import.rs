//! Spreadsheet import of a criteria table: CSV reading, header and hierarchy, rules read from
//! the optional columns, broken rows listed, and the result compiled against the appendix.

use cchc_core::authoring::import::{import_criteria, CriteriaImport, NoteKind, SetMeta};
use cchc_core::authoring::sheet::parse_csv;
use cchc_core::report::Evidence;
use cchc_core::scoring::ItemStatus;
use cchc_core::template::criteria::{AreaKind, Item, RatioSource, Rule, WhenEmpty};
use cchc_core::workspace::{evaluate, Templates};

use crate::support::{give_evidence, report, templates, SEED_000};

const SAMPLE_CSV: &str = include_str!("../../docs/samples/tieu-chi-xa-mau.csv");

fn import_csv(csv: &str) -> CriteriaImport {
    let sheet = parse_csv(csv).expect("CSV reads");
    import_criteria(&sheet, &templates().appendix, SetMeta::default()).expect("a table")
}

fn item<'a>(imp: &'a CriteriaImport, id: &str) -> &'a Item {
    imp.template
        .areas
        .iter()
        .flat_map(|a| &a.criteria)
        .flat_map(|c| &c.items)
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn rows_of(imp: &CriteriaImport, kind: NoteKind) -> Vec<usize> {
    imp.notes
        .iter()
        .filter(|n| n.kind == kind)
        .map(|n| n.row)
        .collect()
}

// ---- CSV -----------------------------------------------------------------------------------

#[test]
fn csv_reads_quotes_commas_and_doubled_quotes() {
    let s = parse_csv("a,\"b, c\",\"say \"\"có\"\"\"\n1,2,3\n").unwrap();
    assert_eq!(
        s,
        vec![vec!["a", "b, c", "say \"có\""], vec!["1", "2", "3"]]
    );
}

#[test]
fn csv_semicolons_bom_and_crlf_as_excel_writes_with_vietnamese_settings() {
    let s = parse_csv("\u{feff}STT;Nội dung;Điểm\r\n1.1;Kế hoạch;0,5\r\n").unwrap();
    assert_eq!(
        s,
        vec![
            vec!["STT", "Nội dung", "Điểm"],
            vec!["1.1", "Kế hoạch", "0,5"]
        ]
    );
}

#[test]
fn csv_line_break_inside_quotes_stays_in_the_field() {
    let s = parse_csv("x,\"dòng 1\r\ndòng 2\",y\r\nz").unwrap();
    assert_eq!(s, vec![vec!["x", "dòng 1\ndòng 2", "y"], vec!["z"]]);
}

#[test]
fn csv_tabs_are_a_delimiter_too() {
    let s = parse_csv("STT\tNội dung\n1\tA, B\n").unwrap();
    assert_eq!(s[1], vec!["1", "A, B"]);
}

#[test]
fn csv_an_unclosed_quote_is_an_error_naming_its_line() {
    let e = parse_csv("a,b\n1,\"không đóng\n2,3\n").unwrap_err();
    assert!(e.vi.contains("dòng 2"), "{}", e.vi);
}

// ---- the sample table ----------------------------------------------------------------------

#[test]
fn sample_table_gives_43_items_that_compile_against_the_appendix() {
    let imp = import_csv(SAMPLE_CSV);
    assert!(imp.problem.is_none(), "{:?}", imp.problem);
    assert_eq!(imp.item_count(), 43);
    assert_eq!(imp.template.scale, 100.0);
    let kinds: Vec<AreaKind> = imp.template.areas.iter().map(|a| a.kind).collect();
    use AreaKind::*;
    assert_eq!(
        kinds,
        [Regular, Regular, Regular, Regular, Regular, Regular, Regular, Survey, Bonus, Penalty]
    );
    let maxima: Vec<f64> = imp.template.areas.iter().map(|a| a.max).collect();
    assert_eq!(
        maxima,
        [10.0, 6.0, 18.0, 6.0, 9.0, 7.0, 14.0, 30.0, 2.0, 3.0]
    );
}

#[test]
fn sample_table_roman_areas_restart_numbering_so_ids_carry_the_area() {
    let imp = import_csv(SAMPLE_CSV);
    let i = item(&imp, "II.1.2");
    assert_eq!(i.stt, "1.2");
    assert_eq!(i.title.vi, "Ban hành Kế hoạch theo dõi thi hành pháp luật");
    assert!(!imp.notes.iter().any(|n| n.message.vi.contains("trùng")));
}

#[test]
fn sample_table_rules_are_read_with_cells_and_rates_named_by_their_labels() {
    let imp = import_csv(SAMPLE_CSV);
    match &item(&imp, "I.1.2").rule {
        Rule::RatioBands { ratio, bands, .. } => {
            assert_eq!(ratio, &RatioSource::Cell("kh_ty_le".into()));
            let b: Vec<(f64, f64)> = bands.iter().map(|b| (b.min, b.points)).collect();
            assert_eq!(b, [(100.0, 1.0), (90.0, 0.5), (0.0, 0.0)]);
        }
        r => panic!("{r:?}"),
    }
    assert_eq!(
        item(&imp, "I.1.3").rule,
        Rule::YesNo {
            cell: Some("kh_bao_cao_dung_han".into())
        }
    );
    // A rate by its label, slash and all.
    assert_eq!(
        item(&imp, "III.2.3").rule,
        Rule::Threshold {
            ratio: RatioSource::Rate("tien_do".into()),
            threshold: 95.0,
            when_empty: WhenEmpty::NotApplicable
        }
    );
    assert_eq!(
        item(&imp, "III.2.4").rule,
        Rule::Deduction {
            cell: "hs_tong.c10".into(),
            per_case: 0.25
        }
    );
    match &item(&imp, "I.3.2").rule {
        Rule::Additive { parts } => {
            assert_eq!(parts.len(), 3);
            assert_eq!(parts[1].label.vi, "Trên hệ thống truyền thanh");
            assert_eq!(parts[1].points, 0.5);
        }
        r => panic!("{r:?}"),
    }
    assert!(matches!(
        item(&imp, "I.2.2").rule,
        Rule::Proportional {
            when_empty: WhenEmpty::Full,
            ..
        }
    ));
}

#[test]
fn sample_table_vietnamese_decimals_and_points_with_a_unit() {
    let imp = import_csv(SAMPLE_CSV);
    assert_eq!(item(&imp, "I.2.1").max, 0.5);
    assert_eq!(item(&imp, "I.2.2").max, 1.5);
    // "2 điểm" in the maximum column.
    assert_eq!(item(&imp, "V.3").max, 2.0);
}

#[test]
fn sample_table_merged_stt_row_continues_the_rule_text_of_the_row_above() {
    let imp = import_csv(SAMPLE_CSV);
    let i = item(&imp, "I.1.1");
    assert!(i.guide.vi.starts_with("Ban hành trong tháng 01: 1"));
    assert!(i
        .guide
        .vi
        .ends_with("sau tháng 02 hoặc không ban hành: 0 (tính theo ngày ký)"));
    assert_eq!(rows_of(&imp, NoteKind::Structure), [10]);
}

#[test]
fn sample_table_rows_left_manual_are_listed_with_their_row_numbers() {
    let imp = import_csv(SAMPLE_CSV);
    // Row 42 names a rule that does not exist; the others give none.
    assert_eq!(rows_of(&imp, NoteKind::Unreadable), [42]);
    assert_eq!(
        rows_of(&imp, NoteKind::Manual),
        [9, 19, 20, 23, 39, 45, 46, 50, 53, 71]
    );
    assert_eq!(imp.to_finish().count(), 11);
    assert!(matches!(item(&imp, "III.4.2").rule, Rule::Manual { .. }));
    let note = imp.notes.iter().find(|n| n.row == 42).unwrap();
    assert!(
        note.message.vi.contains("«theo cảm nhận»"),
        "{}",
        note.message.vi
    );
}

#[test]
fn sample_table_not_applicable_column_and_evidence_hints() {
    let imp = import_csv(SAMPLE_CSV);
    assert!(item(&imp, "II.1.1").na_allowed);
    assert!(!item(&imp, "II.1.2").na_allowed);
    assert_eq!(
        item(&imp, "VI.1").evidence_hint.vi,
        "Quy chế chi tiêu nội bộ"
    );
}

#[test]
fn sample_table_scores_seed_000_from_the_appendix() {
    let imp = import_csv(SAMPLE_CSV);
    let t = templates().with_criteria(&serde_json::to_string(&imp.template).unwrap());
    let t: Templates = t.expect("the imported set loads as a file would");
    let mut r = report(SEED_000);
    r.criteria = t.criteria_ref();
    let document = Evidence {
        title: "Báo cáo".into(),
        ..Default::default()
    };
    give_evidence(&t.criteria, &mut r, &document);
    let card = evaluate(&t, &r).scorecard;
    let by_id = |id: &str| {
        card.items
            .iter()
            .find(|s| t.criteria.def(s.item).id == id)
            .unwrap()
    };
    // 1779 of 1781 on time = 99,89 %: the 95 % band, 2 of 4 points.
    assert_eq!(by_id("III.2.1").points, 2.0);
    // 2 late dossiers × 0,25 off 2 points.
    assert_eq!(by_id("III.2.4").points, 1.5);
    // Progress ((8)+(9)+(12))/(3) = (1779 + 11) / 1794 = 99,78 % ≥ 95 %: full points.
    assert_eq!(by_id("III.2.3").points, 2.0);
    // 2 pending overdue × 0,5 penalty.
    assert_eq!(by_id("X.1").points, 1.0);
    assert_eq!(by_id("I.1.1").status, ItemStatus::Pending);
}

// ---- headers, hierarchy, broken rows -------------------------------------------------------

fn sheet(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
}

fn import(rows: &[&[&str]]) -> CriteriaImport {
    import_criteria(&sheet(rows), &templates().appendix, SetMeta::default()).unwrap()
}

#[test]
fn header_is_found_by_its_labels_without_accents_or_case_below_a_title() {
    let imp = import(&[
        &["BỘ TIÊU CHÍ"],
        &[],
        &[
            "so tt",
            "NỘI DUNG TIÊU CHÍ",
            "DIEM TOI DA",
            "Phương pháp chấm",
        ],
        &["1", "Chỉ đạo", "1"],
        &["1.1", "Kế hoạch", "1"],
        &["1.1.1", "Ban hành kế hoạch", "1", "Có: 1"],
    ]);
    assert_eq!(imp.item_count(), 1);
    assert_eq!(item(&imp, "1.1.1").guide.vi, "Có: 1");
}

#[test]
fn no_header_row_is_an_error_that_names_the_columns() {
    let e = import_criteria(
        &sheet(&[&["a", "b"], &["1", "2"]]),
        &templates().appendix,
        SetMeta::default(),
    )
    .unwrap_err();
    assert!(
        e.vi.contains("STT") && e.vi.contains("Điểm tối đa"),
        "{}",
        e.vi
    );
}

#[test]
fn arabic_hierarchy_of_three_levels_as_bac_kan_publishes_it() {
    let imp = import(&[
        &["STT", "Tiêu chí", "Điểm tối đa", "Cách chấm"],
        &["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "3"],
        &["1.1", "Kế hoạch CCHC hằng năm", "3"],
        &[
            "1.1.1",
            "Ban hành kế hoạch CCHC năm",
            "1",
            "Ban hành trong tháng 01: 01",
        ],
        &["1.1.2", "Chất lượng kế hoạch CCHC", "1"],
        &["1.1.3", "Mức độ thực hiện kế hoạch CCHC", "1"],
    ]);
    let a = &imp.template.areas[0];
    assert_eq!((a.id.as_str(), a.max), ("lv1", 3.0));
    assert_eq!(a.criteria[0].id, "1.1");
    let ids: Vec<&str> = a.criteria[0].items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["1.1.1", "1.1.2", "1.1.3"]);
    // 3 of a scale of 3: it compiles.
    assert!(imp.problem.is_none(), "{:?}", imp.problem);
}

#[test]
fn linh_vuc_rows_are_areas_even_without_a_roman_numeral() {
    let imp = import(&[
        &["STT", "Nội dung", "Điểm"],
        &["", "Lĩnh vực 1: Chỉ đạo, điều hành", "2"],
        &["1", "Kế hoạch", "1"],
        &["2", "Báo cáo", "1"],
        &["", "Lĩnh vực 2: Thể chế", "1"],
        &["1", "Rà soát", "1"],
    ]);
    assert_eq!(imp.template.areas.len(), 2);
    assert_eq!(
        imp.template.areas[1].criteria[0].items[0].title.vi,
        "Rà soát"
    );
}

#[test]
fn a_fourth_level_is_scored_as_sub_criteria_titled_after_its_parent() {
    let imp = import(&[
        &["STT", "Nội dung", "Điểm tối đa"],
        &["I", "Thủ tục hành chính", "2"],
        &["1", "Giải quyết TTHC", "2"],
        &["1.1", "Hồ sơ", "2"],
        &["1.1.1", "Đúng hạn", "1"],
        &["1.1.2", "Xin lỗi", "1"],
    ]);
    let items = &imp.template.areas[0].criteria[0].items;
    let titles: Vec<&str> = items.iter().map(|i| i.title.vi.as_str()).collect();
    assert_eq!(titles, ["Hồ sơ — Đúng hạn", "Hồ sơ — Xin lỗi"]);
    assert!(imp
        .notes
        .iter()
        .any(|n| n.row == 4 && n.kind == NoteKind::Structure));
}

#[test]
fn lettered_sub_points_under_an_item_become_its_sub_criteria() {
    let imp = import(&[
        &["STT", "Nội dung", "Điểm tối đa"],
        &["1", "Chỉ đạo", "1"],
        &["1.1", "Kế hoạch", "1"],
        &["a)", "Ban hành đúng hạn", "0,5"],
        &["b)", "Đủ nội dung", "0,5"],
    ]);
    let items = &imp.template.areas[0].criteria[0].items;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].stt, "a");
    assert!(imp.problem.is_none(), "{:?}", imp.problem);
}

#[test]
fn broken_rows_are_kept_and_listed_and_the_compiler_says_why_the_set_is_not_ready() {
    let imp = import(&[
        &[
            "STT",
            "Nội dung",
            "Điểm tối đa",
            "Loại quy tắc",
            "Số liệu (ô phụ lục)",
            "Mức",
        ],
        &["I", "Chỉ đạo", "4"],
        &["1", "Kế hoạch", "mười"],
        &[
            "2",
            "Tỷ lệ hoàn thành",
            "1",
            "theo mức tỷ lệ",
            "ô không có",
            "100: 1",
        ],
        &["3", "Đúng hạn", "1", "đủ điểm từ ngưỡng", "dung_han", "120"],
        &[
            "4",
            "Văn bản",
            "1",
            "theo mức tỷ lệ",
            "kh_ty_le",
            "100 điểm 1",
        ],
    ]);
    // An unreadable maximum: kept at 0, listed, and the compiler refuses the set.
    assert!(imp
        .notes
        .iter()
        .any(|n| n.row == 3 && n.kind == NoteKind::Points && n.message.vi.contains("«mười»")));
    assert!(imp.problem.is_some());
    // An unknown cell, a threshold over 100 % (the compiler's own message), a band that
    // cannot be read: each item manual, each row listed.
    assert_eq!(rows_of(&imp, NoteKind::Unreadable), [4, 5, 6]);
    let msg = |row: usize| {
        imp.notes
            .iter()
            .find(|n| n.row == row && n.kind == NoteKind::Unreadable)
            .unwrap()
            .message
            .vi
            .clone()
    };
    assert!(msg(4).contains("không có ô «ô không có»"), "{}", msg(4));
    assert!(msg(5).contains("ngưỡng đạt điểm tối đa"), "{}", msg(5));
    assert!(msg(6).contains("«100 điểm 1»"), "{}", msg(6));
    assert!(matches!(item(&imp, "I.3").rule, Rule::Manual { .. }));
}

#[test]
fn a_parent_without_points_takes_the_sum_and_a_wrong_one_is_listed() {
    let imp = import(&[
        &["STT", "Nội dung", "Điểm tối đa"],
        &["I", "Chỉ đạo", ""],
        &["1", "Kế hoạch", "3"],
        &["1.1", "A", "1"],
        &["1.2", "B", "1"],
    ]);
    assert_eq!(imp.template.areas[0].max, 3.0);
    assert!(imp
        .notes
        .iter()
        .any(|n| n.row == 3 && n.kind == NoteKind::Points));
    assert!(imp.problem.is_some());
}

#[test]
fn a_repeated_stt_gets_its_own_id_and_a_note() {
    let imp = import(&[
        &["STT", "Nội dung", "Điểm tối đa"],
        &["1", "Chỉ đạo", "2"],
        &["1.1", "A", "1"],
        &["1.1", "B", "1"],
    ]);
    let ids: Vec<&str> = imp.template.areas[0]
        .criteria
        .iter()
        .map(|c| c.items[0].id.as_str())
        .collect();
    assert_eq!(ids, ["1.1", "1.1-2"]);
    assert!(imp
        .notes
        .iter()
        .any(|n| n.row == 4 && n.message.vi.contains("trùng")));
}

#[test]
fn a_manual_item_whose_maximum_is_off_the_step_gets_a_finer_step() {
    let imp = import(&[&["STT", "Nội dung", "Điểm tối đa"], &["1", "A", "0,1"]]);
    assert_eq!(item(&imp, "1").rule, Rule::Manual { step: Some(0.05) });
    assert!(imp.problem.is_none(), "{:?}", imp.problem);
}
