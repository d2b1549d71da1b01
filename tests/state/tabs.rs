//! Two tabs on one storage: another tab's save adopted or merged, conflicts settled, deletions
//! and the criteria set followed.

use std::rc::Rc;

use phuluc_cchc::core::edit::Edit;
use phuluc_cchc::core::merge::Field;
use phuluc_cchc::core::report::Report;
use phuluc_cchc::state::notices::Notice;
use phuluc_cchc::state::{Action, AppState, FromOtherTab, OtherTab, SaveState};

use crate::fixtures::province;
use crate::reducer::{fresh, reduce, shelf_ids, two_reports};

fn value(cell: &str, raw: &str) -> Action {
    Action::Edit(Edit::Value {
        cell: cell.into(),
        raw: raw.into(),
    })
}

/// The stored copy of `id` as this tab knows it, with `edits` made in another tab.
fn theirs(s: &AppState, id: &str, edits: &[(&str, &str)]) -> Report {
    let mut r = (*s.stored[id]).clone();
    for (cell, raw) in edits {
        r.set_value(cell, raw);
    }
    r
}

fn saved_elsewhere(report: Report, at: f64) -> Action {
    Action::OtherTab(FromOtherTab::Saved {
        report: Rc::new(report),
        saved_at: Some(at),
    })
}

#[test]
fn a_report_unchanged_here_takes_the_other_tabs_save() {
    let s = two_reports();
    let other = theirs(&s, "a", &[("kh_hoan_thanh", "30")]);
    let after = reduce(&s, saved_elsewhere(other.clone(), 500.0));
    assert_eq!(*after.report, other);
    assert_eq!(after.base().map(|b| &**b), Some(&other));
    assert_eq!(after.save, SaveState::Saved);
    assert_eq!(
        after.revision, s.revision,
        "nothing to write: storage has it"
    );
    assert_eq!(after.other_tab, Some(OtherTab::Adopted));
    assert_eq!(after.open_saved_at(), Some(500.0));
    assert_eq!(shelf_ids(&after), vec!["a", "b"], "the newest save first");
    assert!(after
        .notices(false)
        .contains(&Notice::OtherTab(OtherTab::Adopted)));
}

#[test]
fn different_cells_changed_in_two_tabs_are_merged_and_written() {
    // The case: here 40 plan tasks, there 30 completed.
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let other = theirs(&s, "a", &[("kh_hoan_thanh", "30")]);
    let after = reduce(&s, saved_elsewhere(other.clone(), 500.0));
    assert_eq!(after.report.value("kh_nhiem_vu"), "40");
    assert_eq!(after.report.value("kh_hoan_thanh"), "30");
    assert_eq!(after.conflict, None);
    assert_eq!(after.other_tab, Some(OtherTab::Merged));
    assert_eq!(after.base().map(|b| &**b), Some(&other), "the new base");
    assert!(after.revision > s.revision, "the merge is written");
    assert_eq!(after.save, SaveState::Pending);
    assert_eq!(after.shelved("a").map(|x| &*x.report), Some(&*after.report));
}

#[test]
fn the_same_change_in_both_tabs_is_simply_stored() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let other = theirs(&s, "a", &[("kh_nhiem_vu", "40")]);
    let after = reduce(&s, saved_elsewhere(other, 500.0));
    assert_eq!(after.conflict, None);
    assert_eq!(after.save, SaveState::Saved);
    assert_eq!(after.other_tab, None, "nothing changed for the officer");
}

#[test]
fn the_same_cell_changed_differently_waits_for_the_officer() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(&s, value("kh_hoan_thanh", "5"));
    let other = theirs(&s, "a", &[("kh_nhiem_vu", "41")]);
    let s = reduce(&s, saved_elsewhere(other, 500.0));
    let field = Field::Value("kh_nhiem_vu".into());
    let conflict = s.conflict.clone().expect("a conflict");
    assert_eq!(conflict.fields, vec![field.clone()]);
    assert_eq!(
        s.report.value("kh_nhiem_vu"),
        "40",
        "this tab's value meanwhile"
    );
    assert_eq!(s.report.value("kh_hoan_thanh"), "5");
    assert_eq!(conflict.theirs.value("kh_nhiem_vu"), "41");
    assert_eq!(s.other_tab, Some(OtherTab::Conflicts));
    // Leaving the report or going back in it waits until the conflict is settled.
    for action in [
        Action::Open("b".into()),
        Action::Undo,
        Action::NewReport(fresh("x")),
    ] {
        assert!(Rc::ptr_eq(&s, &reduce(&s, action)));
    }
    assert!(!s.can_undo());

    let settled = reduce(
        &s,
        Action::Settle {
            field: field.clone(),
            theirs: true,
        },
    );
    assert_eq!(settled.report.value("kh_nhiem_vu"), "41");
    assert_eq!(settled.report.value("kh_hoan_thanh"), "5");
    assert_eq!(settled.conflict, None);
    assert_eq!(settled.other_tab, None);
    assert!(
        settled.revision > s.revision,
        "the settled report is written"
    );
    // Settling is a step of its own: undo gives back this tab's value.
    let undone = reduce(&settled, Action::Undo);
    assert_eq!(undone.report.value("kh_nhiem_vu"), "40");
}

#[test]
fn keeping_all_of_this_tab_still_writes_the_report() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(&s, value("kh_hoan_thanh", "4"));
    let other = theirs(&s, "a", &[("kh_nhiem_vu", "41"), ("kh_hoan_thanh", "31")]);
    let s = reduce(&s, saved_elsewhere(other.clone(), 500.0));
    assert_eq!(s.conflict.as_ref().map(|c| c.fields.len()), Some(2));
    let mine = reduce(&s, Action::SettleAll { theirs: false });
    assert_eq!(mine.conflict, None);
    assert_eq!(*mine.report, *s.report);
    assert!(
        mine.revision > s.revision,
        "this tab's values go to storage"
    );
    let all_theirs = reduce(&s, Action::SettleAll { theirs: true });
    assert_eq!(all_theirs.report.value("kh_nhiem_vu"), "41");
    assert_eq!(all_theirs.report.value("kh_hoan_thanh"), "31");
    // A field not in conflict changes nothing.
    let none = reduce(
        &s,
        Action::Settle {
            field: Field::Value("kh_other".into()),
            theirs: true,
        },
    );
    assert!(Rc::ptr_eq(&s, &none));
}

#[test]
fn a_second_save_elsewhere_during_a_conflict_keeps_both_lists() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(&s, value("kh_hoan_thanh", "4"));
    let first = theirs(&s, "a", &[("kh_nhiem_vu", "41")]);
    let s = reduce(&s, saved_elsewhere(first.clone(), 500.0));
    let mut second = first;
    second.set_value("kh_hoan_thanh", "31");
    let s = reduce(&s, saved_elsewhere(second, 600.0));
    let fields = &s.conflict.as_ref().expect("conflict").fields;
    assert_eq!(
        fields,
        &vec![
            Field::Value("kh_nhiem_vu".into()),
            Field::Value("kh_hoan_thanh".into())
        ]
    );
}

#[test]
fn this_tabs_own_save_echoed_back_changes_nothing() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(
        &s,
        Action::Saved {
            report: s.report.clone(),
            at: 400.0,
        },
    );
    assert_eq!(s.base(), Some(&s.report));
    let again = reduce(&s, saved_elsewhere((*s.report).clone(), 400.0));
    assert!(Rc::ptr_eq(&s, &again));
}

#[test]
fn other_reports_saved_elsewhere_update_the_list() {
    let s = two_reports();
    let mut b = theirs(&s, "b", &[("kh_nhiem_vu", "7")]);
    b.identity.commune = "Đức Thọ mới".into();
    let s = reduce(&s, saved_elsewhere(b, 900.0));
    assert_eq!(s.report.id, "a", "the open report stays");
    assert_eq!(shelf_ids(&s), vec!["b", "a"]);
    assert_eq!(
        s.shelved("b").map(|x| x.report.identity.commune.as_str()),
        Some("Đức Thọ mới")
    );
    assert_eq!(s.other_tab, None);
    // A report made in the other tab joins the list.
    let mut c = (*s.stored["a"]).clone();
    c.id = "c".into();
    let s = reduce(&s, saved_elsewhere(c, 1000.0));
    assert_eq!(shelf_ids(&s), vec!["c", "b", "a"]);
}

#[test]
fn a_report_deleted_elsewhere_leaves_the_list() {
    let s = reduce(
        &two_reports(),
        Action::OtherTab(FromOtherTab::Deleted {
            id: "b".into(),
            fresh: fresh("n"),
        }),
    );
    assert_eq!(shelf_ids(&s), vec!["a"]);
    assert_eq!(s.report.id, "a");
    assert!(!s.stored.contains_key("b"));
    let again = reduce(
        &s,
        Action::OtherTab(FromOtherTab::Deleted {
            id: "b".into(),
            fresh: fresh("n"),
        }),
    );
    assert!(Rc::ptr_eq(&s, &again), "already gone");
}

#[test]
fn the_open_report_deleted_elsewhere_closes_unless_changed_here() {
    let deleted = || {
        Action::OtherTab(FromOtherTab::Deleted {
            id: "a".into(),
            fresh: fresh("n"),
        })
    };
    let s = reduce(&two_reports(), deleted());
    assert_eq!(s.report.id, "b");
    assert_eq!(shelf_ids(&s), vec!["b"]);
    assert_eq!(s.other_tab, Some(OtherTab::Deleted));

    // With a change here, nothing typed is thrown away: it stays open and is saved again.
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let after = reduce(&s, deleted());
    assert_eq!(after.report.id, "a");
    assert_eq!(after.report.value("kh_nhiem_vu"), "40");
    assert_eq!(after.other_tab, Some(OtherTab::DeletedKept));
    assert_eq!(after.base(), None);
    assert!(after.revision > s.revision);
    assert_eq!(after.open_saved_at(), None);
}

#[test]
fn the_criteria_set_put_in_use_elsewhere_is_followed() {
    let s = two_reports();
    let sample = s.templates.criteria_ref();
    let s = reduce(
        &s,
        Action::OtherTab(FromOtherTab::Criteria(Some(province()))),
    );
    assert_eq!(s.templates.criteria_ref().id, "tinh-x-2026");
    assert!(s.criteria_file.is_some());
    assert_eq!(s.other_tab, Some(OtherTab::Criteria));
    let back = reduce(&s, Action::OtherTab(FromOtherTab::Criteria(None)));
    assert_eq!(back.templates.criteria_ref(), sample);
    assert_eq!(back.criteria_file, None);
    let same = reduce(&back, Action::OtherTab(FromOtherTab::Criteria(None)));
    assert!(Rc::ptr_eq(&back, &same));
    // A file this version cannot read is not put in use.
    let bad = reduce(
        &back,
        Action::OtherTab(FromOtherTab::Criteria(Some("{".into()))),
    );
    assert!(Rc::ptr_eq(&back, &bad));
    let dismissed = reduce(&s, Action::DismissOtherTab);
    assert_eq!(dismissed.other_tab, None);
}

#[test]
fn an_undo_step_from_before_another_tabs_save_is_dropped() {
    // Undoing a snapshot taken before the other tab's change would silently take it back.
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    assert!(s.can_undo());
    let other = theirs(&s, "a", &[("kh_hoan_thanh", "30")]);
    let s = reduce(&s, saved_elsewhere(other, 500.0));
    assert!(!s.can_undo());
}

#[test]
fn a_later_save_that_agrees_with_this_tab_ends_the_conflict() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(&s, value("kh_hoan_thanh", "4"));
    let first = theirs(&s, "a", &[("kh_nhiem_vu", "41"), ("kh_hoan_thanh", "31")]);
    let s = reduce(&s, saved_elsewhere(first.clone(), 500.0));
    assert_eq!(s.conflict.as_ref().map(|c| c.fields.len()), Some(2));
    // The other tab settles one field this tab's way: one conflict is left.
    let mut second = first.clone();
    second.set_value("kh_nhiem_vu", "40");
    let s = reduce(&s, saved_elsewhere(second.clone(), 600.0));
    let fields = &s.conflict.as_ref().expect("conflict").fields;
    assert_eq!(fields, &vec![Field::Value("kh_hoan_thanh".into())]);
    // And then saves exactly this tab's report: nothing is left to choose.
    let s = reduce(&s, saved_elsewhere((*s.report).clone(), 700.0));
    assert_eq!(s.conflict, None);
    assert_eq!(s.save, SaveState::Saved);
}
