//! Template validation: a clear error for each fault, one test per fault.

use cchc_core::template::builtin::{APPENDIX_XA, CRITERIA_SAMPLE};
use cchc_core::template::{Appendix, Criteria, TemplateError};
use serde_json::{json, Value};

/// An appendix with one list table holding `rows` (JSON objects, comma-separated).
pub fn minimal_appendix(rows: &str) -> String {
    format!(
        r#"{{"id":"t","version":1,"title":"T","sections":[{{"id":"s","stt":"I","title":"S","tables":[{{"id":"tb","title":"B","rows":[{rows}]}}]}}]}}"#
    )
}

fn appendix_err(rows: &str) -> TemplateError {
    Appendix::from_json(&minimal_appendix(rows)).expect_err("the template must be rejected")
}

#[test]
fn a_minimal_template_is_valid() {
    Appendix::from_json(&minimal_appendix(
        r#"{"id":"a","stt":"1","label":"A","kind":"count"}"#,
    ))
    .unwrap();
}

#[test]
fn not_json_is_rejected_with_the_parser_message() {
    assert!(matches!(
        Appendix::from_json("{"),
        Err(TemplateError::Json { .. })
    ));
}

#[test]
fn an_unknown_field_is_rejected() {
    let e = appendix_err(r#"{"id":"a","label":"A","kind":"count","colour":"red"}"#);
    assert!(matches!(e, TemplateError::Json { .. }), "{e}");
}

#[test]
fn duplicate_ids_are_rejected() {
    let e = appendix_err(
        r#"{"id":"a","label":"A","kind":"count"},{"id":"a","label":"B","kind":"count"}"#,
    );
    assert_eq!(e, TemplateError::DuplicateId { id: "a".into() });
}

#[test]
fn a_formula_naming_an_unknown_cell_is_rejected() {
    let e = appendix_err(r#"{"id":"a","label":"A","kind":"count","formula":{"sum":["zz"]}}"#);
    assert_eq!(
        e,
        TemplateError::UnknownCell {
            at: "a".into(),
            cell: "zz".into()
        }
    );
}

#[test]
fn an_unknown_rate_is_rejected() {
    let e = appendix_err(r#"{"id":"a","label":"A","kind":"percent","formula":{"rate":"nope"}}"#);
    assert!(matches!(e, TemplateError::UnknownRate { .. }), "{e}");
}

#[test]
fn a_formula_cycle_is_rejected_naming_its_cells() {
    let e = appendix_err(
        r#"{"id":"a","label":"A","kind":"count","formula":{"sum":["b"]}},{"id":"b","label":"B","kind":"count","formula":{"sum":["a"]}}"#,
    );
    match e {
        TemplateError::Cycle { mut cells } => {
            cells.sort();
            assert_eq!(cells, ["a", "b"]);
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_self_reference_is_a_cycle() {
    let e = appendix_err(r#"{"id":"a","label":"A","kind":"count","formula":{"sum":["a"]}}"#);
    assert!(matches!(e, TemplateError::Cycle { .. }));
}

#[test]
fn a_sum_over_a_yes_no_cell_is_the_wrong_kind() {
    let e = appendix_err(
        r#"{"id":"a","label":"A","kind":"yes_no"},{"id":"b","label":"B","kind":"count","formula":{"sum":["a"]}}"#,
    );
    assert!(matches!(e, TemplateError::WrongKind { .. }), "{e}");
}

#[test]
fn a_ratio_into_a_count_cell_is_the_wrong_kind() {
    let e = appendix_err(
        r#"{"id":"a","label":"A","kind":"count"},{"id":"b","label":"B","kind":"count","formula":{"ratio":{"num":["a"],"den":["a"]}}}"#,
    );
    assert!(matches!(e, TemplateError::WrongKind { .. }), "{e}");
}

#[test]
fn a_list_row_without_a_kind_is_rejected() {
    assert_eq!(
        appendix_err(r#"{"id":"a","label":"A"}"#),
        TemplateError::MissingKind { row: "a".into() }
    );
}

#[test]
fn a_repeated_stt_in_one_table_is_rejected() {
    let e = appendix_err(
        r#"{"id":"a","stt":"4","label":"A","kind":"count"},{"id":"b","stt":"4.","label":"B","kind":"count"}"#,
    );
    assert!(matches!(e, TemplateError::DuplicateStt { .. }), "{e}");
}

#[test]
fn a_typed_percent_check_on_a_count_is_the_wrong_kind() {
    let mut v: Value = serde_json::from_str(APPENDIX_XA).unwrap();
    v["checks"] = json!([{"typed_percent": {"cell": "kh_nhiem_vu", "num": ["kh_hoan_thanh"], "den": ["kh_nhiem_vu"]}}]);
    let e = Appendix::from_json(&v.to_string()).unwrap_err();
    assert!(matches!(e, TemplateError::WrongKind { .. }), "{e}");
}

#[test]
fn a_carry_from_an_unknown_column_is_rejected() {
    let mut v: Value = serde_json::from_str(APPENDIX_XA).unwrap();
    let bieu = v["sections"][2]["tables"][1].as_object_mut().unwrap();
    assert_eq!(bieu["id"], "bieu06");
    bieu["columns"][3]["carry_from"] = json!("c99");
    assert!(matches!(
        Appendix::from_json(&v.to_string()),
        Err(TemplateError::UnknownCell { .. })
    ));
}

fn criteria(edit: impl FnOnce(&mut Value)) -> Result<Criteria, TemplateError> {
    let a = Appendix::from_json(APPENDIX_XA).unwrap();
    let mut v: Value = serde_json::from_str(CRITERIA_SAMPLE).unwrap();
    edit(&mut v);
    Criteria::from_json(&v.to_string(), &a)
}

#[test]
fn a_criterion_whose_items_do_not_add_up_is_rejected() {
    let e = criteria(|v| v["areas"][0]["criteria"][0]["max"] = json!(5)).unwrap_err();
    assert!(
        matches!(e, TemplateError::MaxMismatch { declared, sum, .. } if declared == 5.0 && sum == 4.0),
        "{e}"
    );
}

#[test]
fn an_area_whose_criteria_do_not_add_up_is_rejected() {
    let e = criteria(|v| v["areas"][1]["max"] = json!(9)).unwrap_err();
    assert!(matches!(e, TemplateError::MaxMismatch { .. }), "{e}");
}

#[test]
fn areas_that_do_not_make_the_scale_are_rejected() {
    let e = criteria(|v| v["scale"] = json!(90)).unwrap_err();
    assert!(matches!(e, TemplateError::ScaleMismatch { .. }), "{e}");
}

#[test]
fn gapped_bands_are_rejected() {
    let e = criteria(|v| v["bands"][1]["to"] = json!(85)).unwrap_err();
    assert_eq!(
        e,
        TemplateError::BandGap {
            after: 85.0,
            next: 90.0
        }
    );
}

#[test]
fn overlapping_bands_are_rejected() {
    let e = criteria(|v| v["bands"][1]["to"] = json!(95)).unwrap_err();
    assert!(matches!(e, TemplateError::BandOverlap { .. }), "{e}");
}

#[test]
fn bands_not_starting_at_zero_are_rejected() {
    let e = criteria(|v| v["bands"][3]["from"] = json!(10)).unwrap_err();
    assert!(matches!(e, TemplateError::BandEnds { .. }), "{e}");
}

#[test]
fn a_rule_reading_a_cell_of_the_wrong_kind_is_rejected() {
    // 1.2.1 is a yes/no rule: point it at a count.
    let e = criteria(|v| {
        v["areas"][0]["criteria"][1]["items"][0]["rule"]["cell"] = json!("kh_nhiem_vu")
    })
    .unwrap_err();
    assert!(matches!(e, TemplateError::WrongKind { .. }), "{e}");
}

#[test]
fn a_rule_reading_an_unknown_cell_is_rejected() {
    let e =
        criteria(|v| v["areas"][0]["criteria"][1]["items"][0]["rule"]["cell"] = json!("khong_co"))
            .unwrap_err();
    assert!(matches!(e, TemplateError::UnknownCell { .. }), "{e}");
}

#[test]
fn a_band_worth_more_than_the_item_is_rejected() {
    let e = criteria(|v| {
        v["areas"][0]["criteria"][2]["items"][1]["rule"]["bands"][0]["points"] = json!(7)
    })
    .unwrap_err();
    assert!(matches!(e, TemplateError::RulePoints { .. }), "{e}");
}

#[test]
fn additive_parts_that_do_not_make_the_maximum_are_rejected() {
    let e = criteria(|v| {
        v["areas"][0]["criteria"][3]["items"][0]["rule"]["parts"][0]["points"] = json!(1)
    })
    .unwrap_err();
    assert!(matches!(e, TemplateError::RulePoints { .. }), "{e}");
}

#[test]
fn a_manual_maximum_off_its_step_is_rejected() {
    let e = criteria(|v| {
        v["areas"][0]["criteria"][4]["items"][0]["rule"]["step"] = json!(0.75);
    })
    .unwrap_err();
    assert!(matches!(e, TemplateError::RulePoints { .. }), "{e}");
}

#[test]
fn criteria_for_another_appendix_are_rejected() {
    let e = criteria(|v| v["appendix"] = json!("phuluc-huyen")).unwrap_err();
    assert!(matches!(e, TemplateError::WrongAppendix { .. }), "{e}");
}

#[test]
fn every_error_has_a_vietnamese_message() {
    let e = criteria(|v| v["bands"][1]["to"] = json!(85)).unwrap_err();
    assert_eq!(e.to_string(), "Khoảng xếp loại bị hở giữa 85% và 90%.");
}

#[test]
fn every_error_has_an_english_message_too() {
    let e = criteria(|v| v["bands"][1]["to"] = json!(85)).unwrap_err();
    assert_eq!(
        e.message().en,
        "The classification bands leave a gap between 85 % and 90 %."
    );
    let e = criteria(|v| {
        v["areas"][0]["criteria"][3]["items"][0]["rule"]["parts"][0]["points"] = json!(1)
    })
    .unwrap_err();
    assert_eq!(
        e.message().en,
        "Criterion “1.4.1”: the sub-items add up to 2.5, not the maximum 2."
    );
}
