//! Undo and redo of the open report's changes.

use std::rc::Rc;

use phuluc_cchc::core::edit::{Edit, IdentityEdit};
use phuluc_cchc::state::history::CAP;
use phuluc_cchc::state::{Action, SaveState};

use crate::reducer::{imported, reduce, two_reports};

fn value(cell: &str, raw: &str) -> Action {
    Action::Edit(Edit::Value {
        cell: cell.into(),
        raw: raw.into(),
    })
}

#[test]
fn typing_into_one_cell_is_one_step() {
    let s = two_reports();
    assert!(!s.can_undo() && !s.can_redo());
    let typed = ["4", "40"]
        .iter()
        .fold(s.clone(), |s, raw| reduce(&s, value("kh_nhiem_vu", raw)));
    assert!(typed.can_undo());
    let undone = reduce(&typed, Action::Undo);
    assert_eq!(undone.report.value("kh_nhiem_vu"), "");
    assert!(!undone.can_undo() && undone.can_redo());
    let redone = reduce(&undone, Action::Redo);
    assert_eq!(redone.report.value("kh_nhiem_vu"), "40");
    assert!(!redone.can_redo());
}

#[test]
fn each_cell_is_a_step_of_its_own() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(&s, value("kh_hoan_thanh", "30"));
    let s = reduce(&s, value("kh_nhiem_vu", "41"));
    let s = reduce(&s, Action::Undo);
    assert_eq!(
        (
            s.report.value("kh_nhiem_vu"),
            s.report.value("kh_hoan_thanh")
        ),
        ("40", "30")
    );
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.report.value("kh_hoan_thanh"), "");
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.report.value("kh_nhiem_vu"), "");
}

#[test]
fn clearing_a_cell_is_undone_on_its_own() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(&s, value("kh_nhiem_vu", ""));
    assert_eq!(s.report.value("kh_nhiem_vu"), "");
    let s = reduce(&s, Action::Undo);
    assert_eq!(
        s.report.value("kh_nhiem_vu"),
        "40",
        "the cleared value is back"
    );
    // Typing again after an undo starts a new step, and drops what could be redone.
    let s = reduce(&s, value("kh_nhiem_vu", "45"));
    assert!(!s.can_redo());
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.report.value("kh_nhiem_vu"), "40");
}

#[test]
fn an_undo_is_a_change_the_autosave_writes() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(
        &s,
        Action::Saved {
            report: s.report.clone(),
            at: 300.0,
        },
    );
    let undone = reduce(&s, Action::Undo);
    assert!(undone.revision > s.revision);
    assert_eq!(undone.save, SaveState::Pending);
    assert_eq!(
        undone.shelved("a").map(|x| &*x.report),
        Some(&*undone.report)
    );
}

#[test]
fn nothing_to_undo_or_redo_changes_nothing() {
    let s = two_reports();
    assert!(Rc::ptr_eq(&s, &reduce(&s, Action::Undo)));
    assert!(Rc::ptr_eq(&s, &reduce(&s, Action::Redo)));
}

#[test]
fn an_import_that_replaced_the_open_report_is_undone_whole() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let mut incoming = (*s.report).clone();
    incoming.values.clear();
    incoming.set_value("kh_hoan_thanh", "9");
    incoming.identity.commune = "Nhập từ tệp".into();
    let s = reduce(&s, Action::ImportPreview(imported(incoming.clone())));
    let s = reduce(&s, Action::ImportConfirm);
    assert_eq!(*s.report, incoming);
    let undone = reduce(&s, Action::Undo);
    assert_eq!(undone.report.value("kh_nhiem_vu"), "40");
    assert_eq!(undone.report.value("kh_hoan_thanh"), "");
    assert_eq!(undone.report.identity.commune, "Tân Hà");
    let redone = reduce(&undone, Action::Redo);
    assert_eq!(*redone.report, incoming);
}

#[test]
fn an_import_over_another_saved_report_is_undone_in_that_report() {
    let s = two_reports();
    let mut incoming = (*s.shelved("b").expect("b").report).clone();
    incoming.set_value("kh_nhiem_vu", "12");
    let s = reduce(&s, Action::ImportPreview(imported(incoming)));
    let s = reduce(&s, Action::ImportConfirm);
    assert_eq!(s.report.id, "b");
    let undone = reduce(&s, Action::Undo);
    assert_eq!(undone.report.id, "b");
    assert_eq!(undone.report.value("kh_nhiem_vu"), "");
}

#[test]
fn figures_applied_together_are_one_step() {
    let s = two_reports();
    let s = reduce(
        &s,
        Action::EditAll(vec![
            Edit::Value {
                cell: "kh_nhiem_vu".into(),
                raw: "40".into(),
            },
            Edit::Value {
                cell: "kh_hoan_thanh".into(),
                raw: "30".into(),
            },
        ]),
    );
    let undone = reduce(&s, Action::Undo);
    assert!(undone.report.values.is_empty());
}

#[test]
fn each_report_keeps_its_own_history_for_the_session() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "40"));
    let s = reduce(&s, Action::Open("b".into()));
    assert!(!s.can_undo(), "b has no steps");
    let s = reduce(
        &s,
        Action::Edit(Edit::Identity(IdentityEdit::Commune("Đức Thọ 2".into()))),
    );
    let s = reduce(&s, Action::Open("a".into()));
    assert!(s.can_undo());
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.report.value("kh_nhiem_vu"), "");
    let s = reduce(&s, Action::Open("b".into()));
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.report.identity.commune, "Đức Thọ");
}

#[test]
fn typing_again_into_a_field_after_leaving_it_is_a_new_step() {
    let s = reduce(&two_reports(), value("kh_nhiem_vu", "4"));
    let s = reduce(&s, Action::Open("b".into()));
    let s = reduce(&s, Action::Open("a".into()));
    let s = reduce(&s, value("kh_nhiem_vu", "40"));
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.report.value("kh_nhiem_vu"), "4");
}

#[test]
fn history_is_capped() {
    let mut s = two_reports();
    for i in 0..CAP + 50 {
        let cell = if i % 2 == 0 {
            "kh_nhiem_vu"
        } else {
            "kh_hoan_thanh"
        };
        s = reduce(&s, value(cell, &i.to_string()));
    }
    let mut undos = 0;
    while s.can_undo() {
        s = reduce(&s, Action::Undo);
        undos += 1;
    }
    assert_eq!(undos, CAP);
}
