//! Every built-in template is valid, and has the shape the domain requires.

use cchc_core::template::appendix::Table;
use cchc_core::template::builtin::{APPENDICES, CRITERIA};
use cchc_core::template::criteria::AreaKind;
use cchc_core::template::{Appendix, Criteria};

use crate::support::templates;

#[test]
fn every_builtin_appendix_compiles() {
    for json in APPENDICES {
        Appendix::from_json(json).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn every_builtin_criteria_set_compiles_against_its_appendix() {
    for (json, appendix) in CRITERIA {
        let a = Appendix::from_json(APPENDICES[*appendix]).unwrap();
        Criteria::from_json(json, &a).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn appendix_has_sections_one_to_eight_with_eight_optional() {
    let s = &templates().appendix.template.sections;
    let stts: Vec<&str> = s.iter().map(|s| s.stt.as_str()).collect();
    assert_eq!(stts, ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
    assert!(s.iter().all(|s| s.optional == (s.stt == "VIII")));
}

fn bieu06() -> &'static Table {
    let sections = &templates().appendix.template.sections;
    sections
        .iter()
        .flat_map(|s| &s.tables)
        .find(|t| t.id == "bieu06")
        .expect("Biểu 06 is built in")
}

#[test]
fn dossier_table_has_the_thirteen_columns_of_bieu_06() {
    let table = bieu06();
    let numbers: Vec<&str> = table.columns.iter().map(|c| c.number.as_str()).collect();
    // (1) STT and (2) the field are the row header; (3)–(13) are the figures.
    assert_eq!(
        numbers,
        ["(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)"]
    );
    assert!(table.rows.last().unwrap().total);
    assert!(table.rows.iter().filter(|r| !r.total).count() >= 5);
    assert_eq!(table.unit_line.vi, "Đơn vị tính: Số hồ sơ TTHC");
}

#[test]
fn every_cell_id_resolves_to_itself() {
    let a = &templates().appendix;
    for (ix, c) in a.cells.iter().enumerate() {
        assert_eq!(a.cell(&c.id), Some(ix));
    }
}

#[test]
fn every_label_has_an_english_translation() {
    let a = &templates().appendix.template;
    for s in &a.sections {
        assert!(!s.title.en.is_empty(), "{}", s.id);
        for t in &s.tables {
            assert!(!t.title.en.is_empty(), "{}", t.id);
            assert!(t.rows.iter().all(|r| !r.label.en.is_empty()), "{}", t.id);
        }
    }
}

#[test]
fn sample_criteria_is_labelled_as_a_sample_with_its_source() {
    let c = &templates().criteria.template;
    assert!(c.sample);
    assert!(c.source.vi.contains("MẪU"));
}

#[test]
fn sample_criteria_make_one_hundred_with_survey_apart() {
    let c = &templates().criteria.template;
    let regular: f64 = c
        .areas
        .iter()
        .filter(|a| a.kind == AreaKind::Regular)
        .map(|a| a.max)
        .sum();
    let survey: f64 = c
        .areas
        .iter()
        .filter(|a| a.kind == AreaKind::Survey)
        .map(|a| a.max)
        .sum();
    assert_eq!((regular, survey, c.scale), (70.0, 30.0, 100.0));
}

#[test]
fn sample_criteria_use_every_rule_kind() {
    use cchc_core::template::criteria::Rule::*;
    let c = &templates().criteria.template;
    let rules: Vec<_> = c
        .areas
        .iter()
        .flat_map(|a| &a.criteria)
        .flat_map(|c| &c.items)
        .map(|i| &i.rule)
        .collect();
    let has = |f: fn(&cchc_core::template::criteria::Rule) -> bool| rules.iter().any(|r| f(r));
    assert!(has(|r| matches!(r, Manual { .. })));
    assert!(has(|r| matches!(r, YesNo { cell: Some(_) })));
    assert!(has(|r| matches!(r, YesNo { cell: None })));
    assert!(has(|r| matches!(r, RatioBands { .. })));
    assert!(has(|r| matches!(r, ProportionalInBand { .. })));
    assert!(has(|r| matches!(r, Proportional { .. })));
    assert!(has(|r| matches!(r, Additive { .. })));
    assert!(has(|r| matches!(r, Deduction { .. })));
    assert!(has(|r| matches!(r, PerCase { .. })));
    assert!(c.areas.iter().any(|a| a.kind == AreaKind::Bonus));
    assert!(c.areas.iter().any(|a| a.kind == AreaKind::Penalty));
}

#[test]
fn bieu_06_header_groups_received_resolved_pending() {
    let table = bieu06();
    let spans: Vec<(&str, usize)> = table
        .column_groups()
        .into_iter()
        .map(|(g, n)| (g.vi.as_str(), n))
        .collect();
    assert_eq!(
        spans,
        [
            ("Số hồ sơ nhận giải quyết", 4),
            ("Số hồ sơ đã giải quyết", 4),
            ("Số hồ sơ đang giải quyết", 3)
        ]
    );
}

#[test]
fn a_grid_cell_label_names_row_group_and_column() {
    let a = &templates().appendix;
    let late = a.cell_label(a.cell("hs_ho_tich.c10").unwrap());
    let overdue = a.cell_label(a.cell("hs_ho_tich.c13").unwrap());
    assert_eq!(late.vi, "Hộ tịch — Số hồ sơ đã giải quyết: (10) Quá hạn");
    assert_eq!(
        overdue.vi,
        "Hộ tịch — Số hồ sơ đang giải quyết: (13) Quá hạn"
    );
    assert_eq!(late.en, "Civil status — Dossiers resolved: (10) Late");
}
