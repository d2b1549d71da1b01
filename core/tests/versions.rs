//! Template version changes: what opening a report with another version of its appendix or
//! criteria set would drop, add, rename or relabel, and what typed figures would be lost.

use cchc_core::authoring::changes::{
    appendix_changes, apply_appendix_changes, apply_criteria_changes, builtin_appendix,
    builtin_criteria, criteria_changes,
};
use cchc_core::report::{Assessment, TemplateRef};
use cchc_core::template::builtin::{APPENDIX_XA, APPENDIX_XA_V2, CRITERIA_SAMPLE};
use cchc_core::template::{Appendix, CellKind, Criteria};
use cchc_core::workspace::AppendixError;
use serde_json::Value;

use crate::support::{report, templates, SEED_000};

fn v2() -> Appendix {
    Appendix::from_json(APPENDIX_XA_V2).unwrap()
}

/// The built-in appendix with `edit` applied to its JSON, as version 2.
fn edited(edit: impl FnOnce(&mut Value)) -> Appendix {
    let mut v: Value = serde_json::from_str(APPENDIX_XA).unwrap();
    v["version"] = 2.into();
    edit(&mut v);
    Appendix::from_json(&v.to_string()).unwrap()
}

/// The row `id` of the first section's first table (Kế hoạch CCHC).
fn plan_row(v: &mut Value, id: &str) -> usize {
    v["sections"][0]["tables"][0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["id"] == id)
        .unwrap()
}

#[test]
fn same_version_has_no_changes() {
    let r = report(SEED_000);
    let a = &templates().appendix;
    assert!(appendix_changes(a, a, &r).is_empty());
}

#[test]
fn v1_to_v2_only_adds_section_ix_and_loses_nothing() {
    let r = report(SEED_000);
    let ch = appendix_changes(&templates().appendix, &v2(), &r);
    assert!(ch.dropped.is_empty() && ch.renamed.is_empty() && ch.changed.is_empty());
    assert!(ch.relabelled.is_empty());
    assert_eq!(ch.added.len(), 17);
    assert!(ch.added.iter().any(|c| c.id == "p766_hl_pakn"));
    assert!(ch.lost().is_empty());
    assert_eq!(
        ch.summary().vi,
        "Phụ lục «phuluc-xa» phiên bản 1 → 2: thêm 17 ô, bỏ 0 ô, đổi mã 0 ô, đổi tên 0 ô, đổi kiểu 0 ô; 0 số liệu đã nhập sẽ mất."
    );
    let moved = apply_appendix_changes(&r, &ch);
    assert_eq!(moved.values, r.values);
    assert_eq!(
        moved.appendix,
        TemplateRef {
            id: "phuluc-xa".into(),
            version: 2
        }
    );
}

#[test]
fn a_dropped_cell_lists_the_figure_typed_there() {
    let new = edited(|v| {
        let i = plan_row(v, "kh_van_ban");
        v["sections"][0]["tables"][0]["rows"]
            .as_array_mut()
            .unwrap()
            .remove(i);
    });
    let r = report(&[("kh_van_ban", "12"), ("kh_nhiem_vu", "42")]);
    let ch = appendix_changes(&templates().appendix, &new, &r);
    assert_eq!(ch.dropped.len(), 1);
    assert_eq!(ch.dropped[0].id, "kh_van_ban");
    assert_eq!(ch.dropped[0].typed.as_deref(), Some("12"));
    assert_eq!(
        ch.lost()
            .iter()
            .map(|(id, _, v)| (*id, *v))
            .collect::<Vec<_>>(),
        [("kh_van_ban", "12")]
    );
    let moved = apply_appendix_changes(&r, &ch);
    assert!(!moved.values.contains_key("kh_van_ban"));
    assert_eq!(moved.value("kh_nhiem_vu"), "42");
}

#[test]
fn a_new_id_with_the_same_label_is_a_rename_and_the_value_moves() {
    let new = edited(|v| {
        let i = plan_row(v, "kh_van_ban");
        v["sections"][0]["tables"][0]["rows"][i]["id"] = "kh_so_van_ban".into();
    });
    let r = report(&[("kh_van_ban", "12")]);
    let ch = appendix_changes(&templates().appendix, &new, &r);
    assert!(ch.dropped.is_empty() && ch.added.is_empty());
    assert_eq!(ch.renamed.len(), 1);
    assert_eq!(
        (ch.renamed[0].from.as_str(), ch.renamed[0].to.as_str()),
        ("kh_van_ban", "kh_so_van_ban")
    );
    assert!(ch.lost().is_empty());
    let moved = apply_appendix_changes(&r, &ch);
    assert_eq!(moved.value("kh_so_van_ban"), "12");
    assert_eq!(moved.value("kh_van_ban"), "");
}

#[test]
fn a_reworded_row_is_relabelled_and_keeps_its_value() {
    let new = edited(|v| {
        let i = plan_row(v, "kh_nhiem_vu");
        v["sections"][0]["tables"][0]["rows"][i]["label"] =
            "Số nhiệm vụ CCHC trong kế hoạch năm".into();
    });
    let r = report(&[("kh_nhiem_vu", "42")]);
    let ch = appendix_changes(&templates().appendix, &new, &r);
    assert_eq!(ch.relabelled.len(), 1);
    assert_eq!(
        ch.relabelled[0].to.vi,
        "Số nhiệm vụ CCHC trong kế hoạch năm"
    );
    assert!(ch.lost().is_empty());
    assert_eq!(apply_appendix_changes(&r, &ch).value("kh_nhiem_vu"), "42");
}

#[test]
fn a_typed_cell_that_becomes_computed_or_changes_kind_is_listed_as_lost() {
    let new = edited(|v| {
        let i = plan_row(v, "kh_hoan_thanh");
        v["sections"][0]["tables"][0]["rows"][i]["formula"] =
            serde_json::json!({"sum": ["kh_van_ban"]});
        let j = plan_row(v, "kh_bao_cao_dung_han");
        v["sections"][0]["tables"][0]["rows"][j]["kind"] = "count".into();
    });
    let r = report(&[("kh_hoan_thanh", "40"), ("kh_bao_cao_dung_han", "có")]);
    let ch = appendix_changes(&templates().appendix, &new, &r);
    let changed: Vec<(&str, bool, CellKind)> = ch
        .changed
        .iter()
        .map(|c| (c.id.as_str(), c.now_computed, c.to))
        .collect();
    assert_eq!(
        changed,
        [
            ("kh_hoan_thanh", true, CellKind::Count),
            ("kh_bao_cao_dung_han", false, CellKind::Count)
        ]
    );
    assert_eq!(ch.lost().len(), 2);
}

#[test]
fn the_builtin_appendix_a_report_names_is_found_by_id_and_version() {
    let v = |n| TemplateRef {
        id: "phuluc-xa".into(),
        version: n,
    };
    assert_eq!(
        builtin_appendix(&v(1)).unwrap().unwrap().template.version,
        1
    );
    assert_eq!(
        builtin_appendix(&v(2)).unwrap().unwrap().template.version,
        2
    );
    assert!(builtin_appendix(&v(3)).is_none());
}

fn sample_edited(edit: impl FnOnce(&mut Value)) -> Criteria {
    let mut v: Value = serde_json::from_str(CRITERIA_SAMPLE).unwrap();
    v["version"] = 2.into();
    edit(&mut v);
    Criteria::from_json(&v.to_string(), &templates().appendix).unwrap()
}

#[test]
fn criteria_changes_list_dropped_items_with_their_assessment_and_changed_ones() {
    // Drop the bonus criterion 9.1 and its item (a bonus area's max is a cap, so the set
    // still compiles), retitle
    // 7.3.1 and give it another rule.
    let new = sample_edited(|v| {
        let areas = v["areas"].as_array_mut().unwrap();
        let bonus = areas.iter_mut().find(|a| a["kind"] == "bonus").unwrap();
        bonus["criteria"] = serde_json::json!([]);
        for a in areas.iter_mut() {
            let Some(criteria) = a.get_mut("criteria").and_then(Value::as_array_mut) else {
                continue;
            };
            for c in criteria {
                for i in c["items"].as_array_mut().unwrap() {
                    if i["id"] == "7.3.1" {
                        i["title"] = "Áp dụng ISO 9001:2015 (đã sửa)".into();
                        i["rule"] = serde_json::json!({"kind": "yes_no"});
                    }
                }
            }
        }
    });
    let mut r = report(&[]);
    r.assessments.insert(
        "9.1.1".into(),
        Assessment {
            score: "2".into(),
            explanation: "Bằng khen của UBND tỉnh".into(),
            ..Default::default()
        },
    );
    let old = &templates().criteria;
    let ch = criteria_changes(old, &new, &r);
    assert_eq!(ch.dropped.len(), 1);
    assert_eq!(ch.dropped[0].item.id, "9.1.1");
    assert_eq!(ch.lost().count(), 1);
    assert_eq!(ch.changed.len(), 1);
    assert_eq!(ch.changed[0].id, "7.3.1");
    assert!(ch.changed[0].rule_changed);
    assert!(!ch.bands_or_scale);
    let moved = apply_criteria_changes(&r, &ch);
    assert!(!moved.assessments.contains_key("9.1.1"));
    assert_eq!(moved.criteria.version, 2);
}

#[test]
fn criteria_changes_of_bands_are_said() {
    let new = sample_edited(|v| {
        v["bands"][0]["from"] = 85.into();
        v["bands"][1]["to"] = 85.into();
    });
    let ch = criteria_changes(&templates().criteria, &new, &report(&[]));
    assert!(ch.bands_or_scale);
    assert!(!ch.is_empty());
}

#[test]
fn the_builtin_criteria_set_a_report_names_is_found_compiled_on_its_appendix() {
    let r = |id: &str, n| TemplateRef {
        id: id.into(),
        version: n,
    };
    let sample = templates().criteria_ref();
    let found = builtin_criteria(&sample).unwrap().unwrap();
    assert_eq!(found.template.id, sample.id);
    let national = builtin_criteria(&r("bo-chi-so-766", 1));
    assert!(matches!(national, Some(Ok(_))), "{national:?}");
    assert!(builtin_criteria(&r(&sample.id, 99)).is_none());
    assert!(builtin_criteria(&r("tinh-x", 1)).is_none());
}

#[test]
fn an_appendix_the_criteria_set_cannot_read_is_refused_naming_the_criterion_and_cell() {
    let mut v: Value = serde_json::from_str(APPENDIX_XA).unwrap();
    v["version"] = 3.into();
    let rows = v["sections"][0]["tables"][0]["rows"]
        .as_array_mut()
        .unwrap();
    rows.retain(|r| r["id"] != "kh_bao_cao_dung_han");
    match templates().with_appendix(&v.to_string()) {
        Err(AppendixError::CriteriaDoNotFit(e)) => {
            let msg = e.to_string();
            assert!(msg.contains("kh_bao_cao_dung_han"), "{msg}");
        }
        other => panic!("{:?}", other.map(|t| t.appendix_ref())),
    }
    assert!(matches!(
        templates().with_appendix("{"),
        Err(AppendixError::Invalid(_))
    ));
    // Without a row nobody reads, it is in use with the criteria set recompiled on it.
    let mut v: Value = serde_json::from_str(APPENDIX_XA).unwrap();
    v["version"] = 3.into();
    let rows = v["sections"][0]["tables"][0]["rows"]
        .as_array_mut()
        .unwrap();
    rows.retain(|r| r["id"] != "kh_van_ban");
    let t = templates().with_appendix(&v.to_string()).unwrap();
    assert_eq!(t.appendix_ref().version, 3);
    assert_eq!(t.criteria_ref(), templates().criteria_ref());
}
