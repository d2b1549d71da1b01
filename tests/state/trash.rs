//! The trash: a deleted report is kept `trash::KEEP_DAYS` days, can be put back as it was, or
//! forgotten for good; expired ones are dropped when the app starts (storage asks `expired`).

use std::rc::Rc;

use phuluc_cchc::core::edit::{Edit, IdentityEdit};
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::Report;
use phuluc_cchc::core::workspace::Templates;
use phuluc_cchc::state::trash::{self, Trashed, KEEP_DAYS};
use phuluc_cchc::state::{Action, AppState, Fresh, Restored, Shelved, Storage};

const DAY: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

fn templates() -> Rc<Templates> {
    Rc::new(Templates::builtin().expect("the built-in templates compile"))
}

fn fresh(id: &str) -> Fresh {
    Fresh {
        id: id.into(),
        year: 2027,
    }
}

fn report(t: &Templates, id: &str, commune: &str) -> Report {
    let mut r = t.new_report(id);
    r.identity.commune = commune.into();
    r.identity.period = PeriodKind::Q1;
    r.values.insert("hs_ho_tich.c5".into(), "120".into());
    r
}

/// "a" (saved at 100, open) and "b" (saved at 200) on the shelf; `trash` in the trash.
fn state(trash: Vec<Trashed>) -> Rc<AppState> {
    let t = templates();
    let shelved = |r: Report, at: f64| Shelved {
        report: Rc::new(r),
        saved_at: Some(at),
    };
    let restored = Restored {
        shelf: vec![
            shelved(report(&t, "a", "Tân Hà"), 100.0),
            shelved(report(&t, "b", "Đức Thọ"), 200.0),
        ],
        last_open: Some("a".into()),
        trash,
        ..Restored::default()
    };
    Rc::new(AppState::restore(
        t,
        restored,
        Storage::Available,
        fresh("new"),
    ))
}

fn ids<'a>(it: impl Iterator<Item = &'a Rc<Report>>) -> Vec<&'a str> {
    it.map(|r| r.id.as_str()).collect()
}

fn shelf(s: &AppState) -> Vec<&str> {
    ids(s.shelf.iter().map(|x| &x.report))
}

fn trashed(s: &AppState) -> Vec<&str> {
    ids(s.trash.iter().map(|x| &x.report))
}

fn restore(id: &str, as_id: &str) -> Action {
    Action::Restore {
        id: id.into(),
        as_id: as_id.into(),
    }
}

fn trash(s: &Rc<AppState>, id: &str, at: f64) -> Rc<AppState> {
    s.clone().apply(Action::Trash {
        id: id.into(),
        at,
        fresh: fresh("x"),
    })
}

#[test]
fn deleting_moves_the_report_to_the_trash_with_its_figures_and_times() {
    let s = trash(&state(vec![]), "b", 5_000.0);
    assert_eq!(shelf(&s), vec!["a"]);
    assert_eq!(trashed(&s), vec!["b"]);
    let t = &s.trash[0];
    assert_eq!(t.deleted_at, 5_000.0);
    assert_eq!(t.saved_at, Some(200.0));
    assert_eq!(t.report.values["hs_ho_tich.c5"], "120");
    assert_eq!(t.expires_at(), 5_000.0 + f64::from(KEEP_DAYS) * DAY);
    assert_eq!(
        s.report.id, "a",
        "another report's deletion leaves the open one"
    );
    assert_eq!(
        s.revision, 0,
        "storage moved it already: nothing for the autosave"
    );
}

#[test]
fn deleting_the_open_report_opens_the_newest_other_one_or_a_blank_one() {
    let s = trash(&state(vec![]), "a", 1.0);
    assert_eq!(s.report.id, "b");
    let s = trash(&s, "b", 2.0);
    assert_eq!((s.report.id.as_str(), shelf(&s)), ("x", vec![]));
    assert_eq!(trashed(&s), vec!["b", "a"], "most recently deleted first");
}

#[test]
fn a_report_not_on_the_shelf_cannot_be_trashed() {
    let s = state(vec![]);
    assert!(Rc::ptr_eq(&s, &trash(&s, "nope", 1.0)));
}

#[test]
fn restoring_puts_the_report_back_as_it_was_without_opening_it() {
    let s = trash(&trash(&state(vec![]), "a", 1.0), "b", 2.0);
    let s = s.apply(restore("a", "a"));
    assert_eq!(trashed(&s), vec!["b"]);
    assert_eq!(shelf(&s), vec!["a"]);
    let back = s.shelved("a").expect("back on the shelf");
    assert_eq!(back.saved_at, Some(100.0));
    assert_eq!(back.report.values["hs_ho_tich.c5"], "120");
    assert_eq!(back.report.identity.commune, "Tân Hà");
    assert_eq!(
        s.report.id, "x",
        "the blank report opened at deletion stays open"
    );
    // Typing in the open report afterwards does not touch the restored one.
    let s = s.apply(Action::Edit(Edit::Identity(IdentityEdit::Commune(
        "Hòa Bình".into(),
    ))));
    assert_eq!(s.shelved("a").unwrap().report.identity.commune, "Tân Hà");
}

#[test]
fn restoring_or_purging_what_is_not_in_the_trash_changes_nothing() {
    let s = state(vec![]);
    assert!(Rc::ptr_eq(&s, &s.clone().apply(restore("a", "a"))));
    assert!(Rc::ptr_eq(&s, &s.clone().apply(Action::Purge("a".into()))));
}

#[test]
fn purging_forgets_the_report_for_good() {
    let s = trash(&state(vec![]), "b", 2.0);
    let s = s.apply(Action::Purge("b".into()));
    assert!(s.trash.is_empty());
    assert_eq!(shelf(&s), vec!["a"]);
}

#[test]
fn deleting_a_report_twice_keeps_one_copy_in_the_trash() {
    let t = templates();
    let old = Trashed {
        report: Rc::new(report(&t, "b", "Đức Thọ (cũ)")),
        saved_at: Some(1.0),
        deleted_at: 1.0,
    };
    let s = trash(&state(vec![old]), "b", 9.0);
    assert_eq!(trashed(&s), vec!["b"]);
    assert_eq!(s.trash[0].report.identity.commune, "Đức Thọ");
}

#[test]
fn the_trash_restored_at_start_lists_the_most_recently_deleted_first() {
    let t = templates();
    let one = |id: &str, at: f64| Trashed {
        report: Rc::new(report(&t, id, "")),
        saved_at: None,
        deleted_at: at,
    };
    let s = state(vec![one("c", 10.0), one("d", 30.0), one("e", 20.0)]);
    assert_eq!(trashed(&s), vec!["d", "e", "c"]);
}

#[test]
fn a_report_expires_after_thirty_days_not_before() {
    assert_eq!(KEEP_DAYS, 30);
    let deleted = 1_000_000.0;
    assert!(!trash::expired(deleted, deleted));
    assert!(!trash::expired(deleted, deleted + 29.0 * DAY));
    assert!(!trash::expired(deleted, deleted + 30.0 * DAY));
    assert!(trash::expired(deleted, deleted + 30.0 * DAY + 1.0));
    assert!(
        !trash::expired(f64::NAN, deleted),
        "an unreadable time keeps the report"
    );
    assert!(
        !trash::expired(deleted + DAY, deleted),
        "deleted 'tomorrow': a clock set wrong"
    );
}

#[test]
fn a_report_whose_id_was_taken_since_comes_back_under_a_new_one() {
    let t = templates();
    // "b" was deleted, then the same file imported again: a saved "b" and a trashed "b".
    let old = Trashed {
        report: Rc::new(report(&t, "b", "Đức Thọ (đã xóa)")),
        saved_at: Some(1.0),
        deleted_at: 1.0,
    };
    let s = state(vec![old]);
    assert_eq!(s.restore_id("b", "b2".into()), "b2");
    assert_eq!(s.restore_id("c", "c2".into()), "c", "a free id is kept");
    assert!(
        Rc::ptr_eq(&s, &s.clone().apply(restore("b", "b"))),
        "never over the saved one"
    );
    let s = s.apply(restore("b", "b2"));
    assert!(s.trash.is_empty());
    assert_eq!(s.shelved("b").unwrap().report.identity.commune, "Đức Thọ");
    let back = &s.shelved("b2").expect("under the new id").report;
    assert_eq!(back.identity.commune, "Đức Thọ (đã xóa)");
    assert_eq!(back.id, "b2");
}
