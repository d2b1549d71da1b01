//! A province's appendix in the state (loaded from a file with the criteria set checked against
//! it, refused with the fault named, kept, back to the built-in one), and the explicit move of
//! a report made on other templates: what it lists, what it applies, one undo step.

use std::rc::Rc;

use phuluc_cchc::core::edit::Edit;
use phuluc_cchc::core::report::{Report, TemplateRef};
use phuluc_cchc::core::template::builtin::APPENDIX_XA;
use phuluc_cchc::state::appendix::{AppendixSwitch, CriteriaSwitch};
use phuluc_cchc::state::{
    Action, AppState, AppendixFault, AppendixNotice, CriteriaNotice, ReadFailure, Restored,
    Shelved, Storage,
};
use serde_json::Value;

use crate::criteria::{fresh, province_ref, sample_ref, shipped};
use crate::fixtures::province;

/// The built-in appendix as version 3 of a province, changed by `edit`.
pub fn appendix_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(APPENDIX_XA).unwrap();
    v["version"] = 3.into();
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

fn rows(v: &mut Value) -> &mut Vec<Value> {
    v["sections"][0]["tables"][0]["rows"]
        .as_array_mut()
        .unwrap()
}

/// Row "Số văn bản chỉ đạo…" (kh_van_ban) removed, and "Số nhiệm vụ đã hoàn thành" reworded.
pub fn province_appendix() -> String {
    appendix_with(|v| {
        let rows = rows(v);
        rows.retain(|r| r["id"] != "kh_van_ban");
        let done = rows
            .iter_mut()
            .find(|r| r["id"] == "kh_hoan_thanh")
            .unwrap();
        done["label"]["vi"] = "Số nhiệm vụ CCHC đã hoàn thành trong năm".into();
    })
}

fn v(n: u32) -> TemplateRef {
    TemplateRef {
        id: "phuluc-xa".into(),
        version: n,
    }
}

fn restore(
    appendix: Option<String>,
    criteria: Option<String>,
    shelf: Vec<Shelved>,
) -> Rc<AppState> {
    let restored = Restored {
        shelf,
        appendix,
        criteria,
        ..Restored::default()
    };
    Rc::new(AppState::restore(
        shipped(),
        restored,
        Storage::Available,
        fresh(),
    ))
}

fn load(state: &Rc<AppState>, file: &str, text: Result<String, ReadFailure>) -> Rc<AppState> {
    state.clone().apply(Action::AppendixFile {
        file: file.into(),
        text,
    })
}

fn fault(state: &AppState) -> &AppendixFault {
    match &state.appendix_notice {
        Some(AppendixNotice::Rejected { fault, .. }) => fault,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// A report made on the built-in appendix (v1) with figures typed in the row the province
/// removed and the one it reworded, and a score.
fn made_on_v1() -> Shelved {
    let mut r = shipped().new_report("old");
    r.apply(Edit::Value {
        cell: "kh_van_ban".into(),
        raw: "7".into(),
    });
    r.apply(Edit::Value {
        cell: "kh_hoan_thanh".into(),
        raw: "12".into(),
    });
    Shelved {
        report: Rc::new(r),
        saved_at: Some(1.0),
    }
}

#[test]
fn a_loaded_appendix_is_put_in_use_with_the_criteria_set_compiled_on_it() {
    let s = restore(None, None, Vec::new());
    let s = load(&s, "phu-luc-tinh.json", Ok(province_appendix()));
    assert_eq!(s.appendix_notice, None);
    assert_eq!(s.templates.appendix_ref(), v(3));
    assert_eq!(s.templates.criteria_ref(), sample_ref());
    assert!(s.templates.appendix.cell("kh_van_ban").is_none());
    assert_eq!(
        s.appendix_file.as_deref(),
        Some(province_appendix().as_str())
    );
    let s = s.apply(Action::NewReport(fresh()));
    assert_eq!(s.report.appendix, v(3));
    assert_eq!(s.switch(), None);
    // A province's criteria set loaded afterwards is compiled on that appendix too.
    let s = s.apply(Action::CriteriaFile {
        file: "tinh-x.json".into(),
        text: Ok(province()),
    });
    assert_eq!(s.criteria_notice, None);
    assert_eq!(
        (s.templates.appendix_ref(), s.templates.criteria_ref()),
        (v(3), province_ref())
    );
    // Back to the sample criteria keeps the province's appendix.
    let s = s.apply(Action::UseSampleCriteria);
    assert_eq!(
        (s.templates.appendix_ref(), s.templates.criteria_ref()),
        (v(3), sample_ref())
    );
}

#[test]
fn an_appendix_the_criteria_set_cannot_read_is_refused_saying_which_criterion_reads_which_cell() {
    let s = restore(None, None, Vec::new());
    let lacking = appendix_with(|v| rows(v).retain(|r| r["id"] != "kh_bao_cao_dung_han"));
    let after = load(&s, "thieu.json", Ok(lacking));
    assert!(Rc::ptr_eq(&after.templates, &s.templates));
    assert_eq!(after.appendix_file, None);
    match fault(&after) {
        AppendixFault::CriteriaDoNotFit { criteria, error } => {
            assert_eq!(*criteria, sample_ref());
            let msg = error.to_string();
            assert!(msg.contains("«kh_bao_cao_dung_han»"), "{msg}");
            assert!(msg.contains("tham chiếu ô không tồn tại"), "{msg}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &after.appendix_notice,
        Some(AppendixNotice::Rejected { file, .. }) if file == "thieu.json"
    ));
    assert_eq!(
        after.apply(Action::DismissAppendixNotice).appendix_notice,
        None
    );
}

#[test]
fn a_broken_or_unreadable_or_same_version_file_is_refused_and_the_appendix_stays() {
    let s = restore(None, None, Vec::new());
    let broken = load(&s, "hong.json", Ok("{ \"id\": ".into()));
    assert!(matches!(fault(&broken), AppendixFault::Invalid(_)));
    assert!(Rc::ptr_eq(&broken.templates, &s.templates));
    let unreadable = load(&s, "mat.json", Err(ReadFailure::Aborted));
    assert_eq!(
        fault(&unreadable),
        &AppendixFault::Unreadable(ReadFailure::Aborted)
    );
    let same = appendix_with(|v| {
        v["version"] = 1.into();
        rows(v).retain(|r| r["id"] != "kh_van_ban");
    });
    assert_eq!(
        fault(&load(&s, "cung-phien-ban.json", Ok(same))),
        &AppendixFault::SameVersion(v(1))
    );
    // The built-in file itself is fine, and changes nothing but where it came from.
    let again = load(&s, "goc.json", Ok(APPENDIX_XA.into()));
    assert_eq!(again.appendix_notice, None);
    assert_eq!(again.templates.appendix_ref(), v(1));
}

#[test]
fn the_kept_appendix_is_restored_at_start_and_the_builtin_one_can_be_taken_up_again() {
    let s = restore(Some(province_appendix()), Some(province()), Vec::new());
    assert_eq!(
        (s.templates.appendix_ref(), s.templates.criteria_ref()),
        (v(3), province_ref())
    );
    assert_eq!(
        (s.appendix_notice.clone(), s.criteria_notice.clone()),
        (None, None)
    );
    assert_eq!(s.report.appendix, v(3), "the blank report is on it");
    let s = s.apply(Action::UseBuiltinAppendix);
    assert_eq!(
        (s.templates.appendix_ref(), s.templates.criteria_ref()),
        (v(1), province_ref())
    );
    assert_eq!(
        (s.appendix_file.clone(), s.appendix_notice.clone()),
        (None, None)
    );
    let s = s.apply(Action::UseSampleCriteria);
    assert!(Rc::ptr_eq(&s.templates, &s.shipped));
}

#[test]
fn a_kept_appendix_that_no_longer_compiles_or_fits_leaves_the_builtin_one_in_use() {
    let s = restore(Some("không phải JSON".into()), None, Vec::new());
    assert!(Rc::ptr_eq(&s.templates, &s.shipped));
    assert_eq!(s.appendix_file, None);
    assert!(matches!(
        s.appendix_notice,
        Some(AppendixNotice::StoredInvalid(_))
    ));

    let lacking = appendix_with(|v| rows(v).retain(|r| r["id"] != "kh_bao_cao_dung_han"));
    let s = restore(Some(lacking), Some(province()), Vec::new());
    assert_eq!(s.templates.appendix_ref(), v(1));
    assert_eq!(
        s.templates.criteria_ref(),
        province_ref(),
        "the set still fits the built-in one"
    );
    assert!(matches!(
        s.appendix_notice,
        Some(AppendixNotice::StoredInvalid(_))
    ));
    assert!(!matches!(
        s.criteria_notice,
        Some(CriteriaNotice::StoredInvalid(_))
    ));
}

#[test]
fn a_report_made_on_v1_lists_the_figures_dropped_and_the_rows_renamed_and_moves_as_one_undo_step() {
    let s = restore(None, None, vec![made_on_v1()]);
    assert_eq!(s.report.id, "old");
    assert_eq!(s.switch(), None, "made on the appendix in use");
    let s = load(&s, "phu-luc-tinh.json", Ok(province_appendix()));
    assert_eq!(s.made_on_other_appendix(), Some(&v(1)));
    let switch = s.switch().expect("a switch to offer");
    assert_eq!(switch.criteria, None);
    let Some(AppendixSwitch::Known(ch)) = &switch.appendix else {
        panic!("{switch:?}");
    };
    assert_eq!((&ch.from, &ch.to), (&v(1), &v(3)));
    let dropped: Vec<_> = ch
        .dropped
        .iter()
        .map(|c| (c.id.as_str(), c.typed.as_deref()))
        .collect();
    assert_eq!(dropped, [("kh_van_ban", Some("7"))]);
    assert!(ch.dropped[0].label.vi.contains("Số văn bản chỉ đạo"));
    let relabelled: Vec<_> = ch.relabelled.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(relabelled, ["kh_hoan_thanh"]);
    let lost = switch.appendix.as_ref().unwrap().lost();
    assert_eq!(lost.len(), 1);
    assert_eq!(lost[0].1, "7");

    let moved = s.clone().apply(Action::AdoptTemplates);
    assert_eq!(moved.report.appendix, v(3));
    assert_eq!(moved.report.values.get("kh_van_ban"), None);
    assert_eq!(
        moved.report.values.get("kh_hoan_thanh").map(String::as_str),
        Some("12")
    );
    assert_eq!(moved.switch(), None);
    assert!(moved.revision > s.revision);
    let shelved = moved.shelved("old").unwrap();
    assert_eq!(
        shelved.report, moved.report,
        "the shelf has the moved report"
    );

    let undone = moved.apply(Action::Undo);
    assert_eq!(undone.report, s.report, "the dropped figure is back");
    assert_eq!(
        undone.report.values.get("kh_van_ban").map(String::as_str),
        Some("7")
    );
    // Nothing to move: the same state.
    let same = restore(None, None, vec![made_on_v1()]);
    assert!(Rc::ptr_eq(
        &same.clone().apply(Action::AdoptTemplates),
        &same
    ));
}

#[test]
fn a_report_on_an_appendix_this_browser_lacks_lists_its_figures_the_one_in_use_has_no_cell_for() {
    let mut r: Report = (*made_on_v1().report).clone();
    let older = TemplateRef {
        id: "phuluc-tinh-y".into(),
        version: 7,
    };
    r.appendix = older.clone();
    r.values.insert("tinh_y_rieng".into(), "5".into());
    let s = restore(
        None,
        None,
        vec![Shelved {
            report: Rc::new(r),
            saved_at: Some(1.0),
        }],
    );
    let switch = s.switch().unwrap();
    let Some(AppendixSwitch::Unknown { from, to, dropped }) = &switch.appendix else {
        panic!("{switch:?}");
    };
    assert_eq!((from, to), (&older, &v(1)));
    let dropped: Vec<_> = dropped
        .iter()
        .map(|c| (c.id.as_str(), c.typed.as_deref()))
        .collect();
    assert_eq!(dropped, [("tinh_y_rieng", Some("5"))]);
    let moved = s.clone().apply(Action::AdoptTemplates);
    assert_eq!(moved.report.appendix, v(1));
    assert_eq!(moved.report.values.get("tinh_y_rieng"), None);
    assert_eq!(
        moved.report.values.get("kh_van_ban").map(String::as_str),
        Some("7")
    );
    assert_eq!(moved.apply(Action::Undo).report, s.report);
}

#[test]
fn a_report_scored_on_another_set_lists_changed_items_or_what_it_alone_shows() {
    // Scored on the sample, the province's set in use: 2.1.1 worth 2 points instead of 1,5.
    let mut r = shipped().new_report("old");
    r.apply(Edit::Score {
        item: "2.1.1".into(),
        raw: "1,5".into(),
    });
    let shelf = vec![Shelved {
        report: Rc::new(r.clone()),
        saved_at: Some(1.0),
    }];
    let s = restore(None, Some(province()), shelf);
    let switch = s.switch().unwrap();
    assert_eq!(switch.appendix, None);
    let Some(CriteriaSwitch::Known(ch)) = &switch.criteria else {
        panic!("{switch:?}");
    };
    assert_eq!((&ch.from, &ch.to), (&sample_ref(), &province_ref()));
    let changed: Vec<_> = ch
        .changed
        .iter()
        .map(|c| (c.id.as_str(), c.to.max))
        .collect();
    assert!(changed.contains(&("2.1.1", 2.0)), "{changed:?}");
    assert!(ch.dropped.is_empty());
    let moved = s.clone().apply(Action::AdoptTemplates);
    assert_eq!(moved.report.criteria, province_ref());
    assert_eq!(moved.scored_against_other(), None);
    assert_eq!(moved.report.assessments, r.assessments, "nothing dropped");

    // Scored on a set this browser lacks: its assessments of items the set in use has not.
    r.criteria = TemplateRef {
        id: "tinh-y".into(),
        version: 4,
    };
    r.apply(Edit::Score {
        item: "9.9.9".into(),
        raw: "0,5".into(),
    });
    let s = restore(
        None,
        None,
        vec![Shelved {
            report: Rc::new(r),
            saved_at: Some(1.0),
        }],
    );
    let switch = s.switch().unwrap();
    let Some(CriteriaSwitch::Unknown { dropped, .. }) = &switch.criteria else {
        panic!("{switch:?}");
    };
    let dropped: Vec<_> = dropped
        .iter()
        .map(|o| (o.id.as_str(), o.assessment.score.as_str()))
        .collect();
    assert_eq!(dropped, [("9.9.9", "0,5")]);
    let moved = s.clone().apply(Action::AdoptTemplates);
    assert_eq!(moved.report.criteria, sample_ref());
    assert!(!moved.report.assessments.contains_key("9.9.9"));
    assert!(moved.report.assessments.contains_key("2.1.1"));
    assert_eq!(moved.apply(Action::Undo).report, s.report);
}

#[test]
fn the_appendix_put_in_use_in_another_tab_is_followed() {
    use phuluc_cchc::state::{FromOtherTab, OtherTab};
    let s = restore(None, Some(province()), Vec::new());
    let s = s.apply(Action::OtherTab(FromOtherTab::Appendix(Some(
        province_appendix(),
    ))));
    assert_eq!(
        (s.templates.appendix_ref(), s.templates.criteria_ref()),
        (v(3), province_ref())
    );
    assert!(s.appendix_file.is_some());
    assert_eq!(s.other_tab, Some(OtherTab::Appendix));
    let same = s
        .clone()
        .apply(Action::OtherTab(FromOtherTab::Appendix(Some(
            province_appendix(),
        ))));
    assert!(Rc::ptr_eq(&s, &same));
    // One this tab's criteria set cannot read is not put in use.
    let lacking = appendix_with(|v| rows(v).retain(|r| r["id"] != "kh_bao_cao_dung_han"));
    let kept = s
        .clone()
        .apply(Action::OtherTab(FromOtherTab::Appendix(Some(lacking))));
    assert!(Rc::ptr_eq(&s, &kept));
    let back = s.apply(Action::OtherTab(FromOtherTab::Appendix(None)));
    assert_eq!(back.templates.appendix_ref(), v(1));
    assert_eq!(back.templates.criteria_ref(), province_ref());
    assert_eq!(back.appendix_file, None);
}

#[test]
fn an_appendix_edited_in_the_app_is_put_in_use_as_a_file_and_a_v1_report_moves_only_when_asked() {
    use phuluc_cchc::core::authoring::appendix_editor::{AppendixDraft, AppendixEdit, Place};
    // A report made on v1 (open: saved last), and one naming version 4, a draft made earlier.
    let mut older = (*made_on_v1().report).clone();
    older.id = "older".into();
    older.appendix = v(4);
    let shelf = vec![
        made_on_v1(),
        Shelved {
            report: Rc::new(older),
            saved_at: Some(0.5),
        },
    ];
    let s = restore(None, None, shelf);
    let named = s.appendix_refs_named();
    assert!(named.contains(&v(1)) && named.contains(&v(4)), "{named:?}");

    let mut d = AppendixDraft::start(&s.templates.appendix.template, &named);
    let row = d.apply(AppendixEdit::AddRow(Place::Table(0, 0)), &s.templates);
    assert_eq!(row, Some(Place::Row(0, 0, 5)));
    d.apply(
        AppendixEdit::Label(Place::Row(0, 0, 5), "Số cuộc họp về CCHC".into()),
        &s.templates,
    );
    assert_eq!(
        d.template.version, 5,
        "above v4, which a saved report names"
    );
    assert_eq!(d.problems(&s.templates), []);

    // "Dùng mẫu này": the same action as a loaded file.
    let s = load(&s, "trình soạn mẫu phụ lục", Ok(d.to_json()));
    assert_eq!(s.appendix_notice, None);
    assert_eq!(s.templates.appendix_ref(), v(5));
    assert!(s.templates.appendix.cell("t1_ke_hoach_dong1").is_some());
    assert_eq!(s.appendix_file.as_deref(), Some(d.to_json().as_str()));

    // The open report was made on v1: moving it is the dialog's choice, listing the new row.
    assert_eq!(s.made_on_other_appendix(), Some(&v(1)));
    let switch = s.switch().expect("a switch to offer");
    let Some(AppendixSwitch::Known(ch)) = &switch.appendix else {
        panic!("{switch:?}");
    };
    let added: Vec<_> = ch.added.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(added, ["t1_ke_hoach_dong1"]);
    assert!(ch.dropped.is_empty());
    let moved = s.apply(Action::AdoptTemplates);
    assert_eq!(moved.report.appendix, v(5));
    assert_eq!(
        moved.report.values.get("kh_van_ban").map(String::as_str),
        Some("7")
    );
}
