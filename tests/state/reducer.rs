//! The reducer (`state`): every action, on plain values, natively.

use std::rc::Rc;

use phuluc_cchc::core::edit::{Edit, IdentityEdit};
use phuluc_cchc::core::exchange::Imported;
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::Report;
use phuluc_cchc::core::text::{Lang, Text};
use phuluc_cchc::core::workspace::Templates;
use phuluc_cchc::state::{
    Action, AppState, BrokenReport, Fresh, Incoming, Restored, SaveState, Shelved, Storage, Tab,
    WriteFailure,
};

pub fn templates() -> Rc<Templates> {
    Rc::new(Templates::builtin().expect("the built-in templates compile"))
}

pub fn fresh(id: &str) -> Fresh {
    Fresh {
        id: id.into(),
        year: 2027,
    }
}

pub fn report(t: &Templates, id: &str, commune: &str, period: PeriodKind) -> Report {
    let mut r = t.new_report(id);
    r.identity.commune = commune.into();
    r.identity.period = period;
    r
}

pub fn shelved(report: Report, saved_at: Option<f64>) -> Shelved {
    Shelved {
        report: Rc::new(report),
        saved_at,
    }
}

/// A state with reports "a" (saved at 100) and "b" (saved at 200), "a" open.
/// A state restored with one stored report, `id`, that could not be read, and "r" open.
fn with_broken_report(t: Rc<Templates>, id: &str) -> Rc<AppState> {
    let broken = BrokenReport {
        id: id.into(),
        entry: None,
        message: Text::from("hỏng"),
        raw: "{".into(),
        dismissed: false,
    };
    let restored = Restored {
        broken: vec![broken],
        ..Restored::default()
    };
    Rc::new(AppState::restore(
        t,
        restored,
        Storage::Available,
        fresh("r"),
    ))
}

pub fn two_reports() -> Rc<AppState> {
    let t = templates();
    let restored = Restored {
        shelf: vec![
            shelved(report(&t, "a", "Tân Hà", PeriodKind::Q1), Some(100.0)),
            shelved(report(&t, "b", "Đức Thọ", PeriodKind::Q2), Some(200.0)),
        ],
        last_open: Some("a".into()),
        ..Restored::default()
    };
    Rc::new(AppState::restore(
        t,
        restored,
        Storage::Available,
        fresh("new"),
    ))
}

pub fn imported(report: Report) -> Box<Imported> {
    Box::new(Imported {
        report,
        notes: Vec::new(),
    })
}

pub fn reduce(state: &Rc<AppState>, action: Action) -> Rc<AppState> {
    state.clone().apply(action)
}

pub fn shelf_ids(state: &AppState) -> Vec<&str> {
    state.shelf.iter().map(|s| s.report.id.as_str()).collect()
}

pub fn commune(name: &str) -> Action {
    Action::Edit(Edit::Identity(IdentityEdit::Commune(name.into())))
}

#[test]
fn with_nothing_stored_a_blank_report_of_this_year_opens_unsaved() {
    let s = AppState::restore(
        templates(),
        Restored::default(),
        Storage::Available,
        fresh("r1"),
    );
    assert_eq!(s.report.id, "r1");
    assert_eq!(s.report.identity.year, 2027);
    assert!(s.shelf.is_empty(), "listed once something is typed in it");
    assert_eq!(s.open_saved_at(), None);
    assert_eq!((s.tab, s.lang, s.revision), (Tab::Identity, Lang::Vi, 0));
}

#[test]
fn restore_reopens_the_last_open_report_else_the_newest() {
    let s = two_reports();
    assert_eq!(s.report.id, "a");
    assert_eq!(shelf_ids(&s), vec!["b", "a"], "newest saved first");
    let t = templates();
    let gone = Restored {
        shelf: vec![
            shelved(report(&t, "a", "", PeriodKind::Q1), Some(100.0)),
            shelved(report(&t, "b", "", PeriodKind::Q2), Some(200.0)),
        ],
        last_open: Some("deleted-meanwhile".into()),
        lang: Some(Lang::En),
        ..Restored::default()
    };
    let s = AppState::restore(t, gone, Storage::Available, fresh("new"));
    assert_eq!(s.report.id, "b");
    assert_eq!(s.lang, Lang::En);
}

#[test]
fn an_edit_changes_the_open_report_and_its_shelf_copy_and_asks_for_a_save() {
    let s = reduce(&two_reports(), commune("Tân Hà 2"));
    assert_eq!(s.report.identity.commune, "Tân Hà 2");
    assert_eq!(s.shelved("a").unwrap().report.identity.commune, "Tân Hà 2");
    assert_eq!(
        s.shelved("a").unwrap().saved_at,
        Some(100.0),
        "not saved yet"
    );
    assert_eq!((s.revision, &s.save), (1, &SaveState::Pending));
}

#[test]
fn an_edit_that_changes_nothing_is_no_change() {
    let s = two_reports();
    let same = reduce(&s, commune("Tân Hà"));
    assert!(Rc::ptr_eq(&s, &same));
}

#[test]
fn opening_a_report_needs_no_save() {
    let s = reduce(
        &reduce(&two_reports(), Action::SetTab(Tab::Reports)),
        Action::Open("b".into()),
    );
    assert_eq!(s.report.id, "b");
    assert_eq!((s.tab, s.revision), (Tab::Identity, 0));
    assert!(Rc::ptr_eq(&s, &reduce(&s, Action::Open("no-such".into()))));
}

#[test]
fn duplicating_starts_the_next_period_with_bieu_06_carried_over() {
    let s = reduce(
        &two_reports(),
        Action::Edit(Edit::Value {
            cell: "hs_ho_tich.c12".into(),
            raw: "11".into(),
        }),
    );
    let s = reduce(
        &s,
        Action::Edit(Edit::Value {
            cell: "hs_ho_tich.c13".into(),
            raw: "2".into(),
        }),
    );
    let s = reduce(
        &s,
        Action::DuplicateNext {
            from: "a".into(),
            id: "a2".into(),
        },
    );
    assert_eq!(s.report.id, "a2");
    assert_eq!(
        (s.report.identity.period, s.report.identity.commune.as_str()),
        (PeriodKind::Q2, "Tân Hà")
    );
    assert_eq!(
        s.report.value("hs_ho_tich.c6"),
        "13",
        "(6) of the next period is (11) = (12) + (13) of this one"
    );
    assert_eq!(shelf_ids(&s), vec!["a2", "b", "a"]);
    assert_eq!(s.revision, 3);
}

#[test]
fn deleting_the_open_report_opens_the_newest_other_one_or_a_blank_one() {
    let s = reduce(
        &two_reports(),
        Action::Delete {
            id: "b".into(),
            fresh: fresh("x"),
        },
    );
    assert_eq!((s.report.id.as_str(), shelf_ids(&s)), ("a", vec!["a"]));
    let s = reduce(
        &s,
        Action::Delete {
            id: "a".into(),
            fresh: fresh("x"),
        },
    );
    assert_eq!((s.report.id.as_str(), shelf_ids(&s)), ("x", vec![]));
    assert_eq!(s.report.identity.year, 2027);
    let s = reduce(&s, commune("Tân Hà"));
    assert_eq!(
        shelf_ids(&s),
        vec!["x"],
        "the blank report is listed once changed"
    );
}

#[test]
fn deleting_a_broken_report_forgets_it() {
    let s = with_broken_report(templates(), "z");
    let s = reduce(&s, Action::DismissBroken("z".into()));
    assert!(
        s.broken[0].dismissed,
        "hidden from the banner, still listed"
    );
    let s = reduce(
        &s,
        Action::Delete {
            id: "z".into(),
            fresh: fresh("y"),
        },
    );
    assert!(s.broken.is_empty());
    assert_eq!(s.report.id, "r", "the open report stays");
}

#[test]
fn an_import_waits_for_confirmation_then_adds_and_opens_the_report() {
    let t = templates();
    let incoming = report(&t, "c", "Hòa Bình", PeriodKind::SixMonths);
    let s = reduce(
        &two_reports(),
        Action::ImportPreview(imported(incoming.clone())),
    );
    assert_eq!(
        s.report.id, "a",
        "nothing changes before the officer confirms"
    );
    assert!(matches!(&s.incoming, Some(Incoming::Preview { report: r, .. }) if r.id == "c"));
    let s = reduce(&s, Action::ImportConfirm);
    assert_eq!((s.report.id.as_str(), s.incoming.is_none()), ("c", true));
    assert_eq!(shelf_ids(&s), vec!["c", "b", "a"]);
    assert_eq!(s.revision, 1);
}

#[test]
fn an_import_with_a_known_id_replaces_that_report() {
    let t = templates();
    let incoming = report(&t, "b", "Đức Thọ (sửa)", PeriodKind::Q2);
    let s = reduce(
        &reduce(&two_reports(), Action::ImportPreview(imported(incoming))),
        Action::ImportConfirm,
    );
    assert_eq!(shelf_ids(&s), vec!["b", "a"]);
    assert_eq!(s.report.identity.commune, "Đức Thọ (sửa)");
    assert_eq!(
        s.shelved("b").unwrap().saved_at,
        Some(200.0),
        "until the autosave writes it"
    );
}

#[test]
fn importing_a_report_that_could_not_be_read_repairs_it() {
    let t = templates();
    let s = with_broken_report(t.clone(), "z");
    let s = reduce(
        &s,
        Action::ImportPreview(imported(report(&t, "z", "Đức Thọ", PeriodKind::Year))),
    );
    let s = reduce(&s, Action::ImportConfirm);
    assert!(s.broken.is_empty());
    assert_eq!((s.report.id.as_str(), shelf_ids(&s)), ("z", vec!["z"]));
}

#[test]
fn a_cancelled_or_rejected_import_leaves_the_open_report_alone() {
    let t = templates();
    let s = reduce(
        &two_reports(),
        Action::ImportPreview(imported(report(&t, "c", "", PeriodKind::Q1))),
    );
    let s = reduce(&s, Action::ImportCancel);
    assert!(s.incoming.is_none());
    let s = reduce(
        &s,
        Action::ImportRejected {
            file: "x.docx".into(),
            message: Text::from("Không phải JSON"),
        },
    );
    assert!(matches!(&s.incoming, Some(Incoming::Rejected { file, .. }) if file == "x.docx"));
    let after = reduce(&s, Action::ImportConfirm);
    assert!(Rc::ptr_eq(&s, &after), "there is nothing to confirm");
    assert_eq!((s.report.id.as_str(), shelf_ids(&s)), ("a", vec!["b", "a"]));
}

#[test]
fn a_save_stamps_the_report_and_moves_it_first() {
    let s = reduce(&two_reports(), commune("Tân Hà 2"));
    let s = reduce(
        &s,
        Action::Saved {
            report: s.report.clone(),
            at: 300.0,
        },
    );
    assert_eq!(s.save, SaveState::Saved);
    assert_eq!(s.open_saved_at(), Some(300.0));
    assert_eq!(shelf_ids(&s), vec!["a", "b"]);
}

#[test]
fn a_failed_write_is_remembered_until_the_next_save() {
    let s = reduce(&two_reports(), Action::StorageFailed(WriteFailure::Full));
    assert_eq!(s.save, SaveState::Failed(WriteFailure::Full));
    let s = reduce(
        &s,
        Action::Saved {
            report: s.report.clone(),
            at: 1.0,
        },
    );
    assert_eq!(s.save, SaveState::Saved);
}

#[test]
fn language_and_tab_are_plain_settings() {
    let s = reduce(
        &reduce(&two_reports(), Action::SetLang(Lang::En)),
        Action::SetTab(Tab::Summary),
    );
    assert_eq!((s.lang, s.tab, s.revision), (Lang::En, Tab::Summary, 0));
}
