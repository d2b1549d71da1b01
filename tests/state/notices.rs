//! What the banners decide to show (`AppState::notices`), most serious first.

use std::rc::Rc;

use phuluc_cchc::core::edit::Edit;
use phuluc_cchc::core::report::TemplateRef;
use phuluc_cchc::core::text::Text;
use phuluc_cchc::core::workspace::Templates;
use phuluc_cchc::state::notices::Notice;
use phuluc_cchc::state::{
    Action, AppState, BrokenReport, Fresh, Restored, SaveState, Storage, Tab, WriteFailure,
};

fn state(storage: Storage, restored: Restored) -> Rc<AppState> {
    let t = Rc::new(Templates::builtin().expect("the built-in templates compile"));
    Rc::new(AppState::restore(
        t,
        restored,
        storage,
        Fresh {
            id: "r".into(),
            year: 2026,
        },
    ))
}

fn broken(id: &str) -> BrokenReport {
    BrokenReport {
        id: id.into(),
        entry: None,
        message: Text::from("hỏng"),
        raw: "{".into(),
        dismissed: false,
    }
}

#[test]
fn a_healthy_start_has_nothing_to_say() {
    assert_eq!(
        state(Storage::Available, Restored::default()).notices(false),
        vec![]
    );
}

#[test]
fn no_storage_comes_first_and_a_new_version_last() {
    let s = state(
        Storage::Unavailable,
        Restored {
            broken: vec![broken("x")],
            ..Restored::default()
        },
    );
    let n = s.notices(true);
    assert_eq!(n.first(), Some(&Notice::StorageUnavailable));
    assert!(matches!(n[1], Notice::Broken(ref b) if b.id == "x"));
    assert_eq!(n.last(), Some(&Notice::UpdateReady));
}

#[test]
fn a_failed_save_says_whether_storage_is_full() {
    let s = state(Storage::Available, Restored::default());
    let full = s.clone().apply(Action::StorageFailed(WriteFailure::Full));
    assert_eq!(full.notices(false), vec![Notice::StorageFull]);
    assert_eq!(full.save, SaveState::Failed(WriteFailure::Full));
    let other = s.apply(Action::StorageFailed(WriteFailure::Other(
        "QuotaError".into(),
    )));
    assert_eq!(
        other.notices(false),
        vec![Notice::StorageFailed("QuotaError".into())]
    );
}

#[test]
fn a_dismissed_broken_report_leaves_the_banners_but_not_storage() {
    let s = state(
        Storage::Available,
        Restored {
            broken: vec![broken("x"), broken("y")],
            ..Restored::default()
        },
    );
    let s = s.apply(Action::DismissBroken("x".into()));
    let n = s.notices(false);
    assert_eq!(n.len(), 1);
    assert!(matches!(n[0], Notice::Broken(ref b) if b.id == "y"));
    assert_eq!(s.broken.len(), 2, "still listed with the saved reports");
}

#[test]
fn a_refused_file_is_told_until_dismissed() {
    let s = state(Storage::Available, Restored::default()).apply(Action::ImportRejected {
        file: "a.docx".into(),
        message: Text::from("không phải báo cáo"),
    });
    assert!(matches!(&s.notices(false)[..], [Notice::Rejected { file, .. }] if file == "a.docx"));
    assert_eq!(s.apply(Action::ImportCancel).notices(false), vec![]);
}

#[test]
fn scores_on_another_set_are_told_only_where_scores_show() {
    let s = state(Storage::Available, Restored::default());
    let other = TemplateRef {
        id: "tinh-x".into(),
        version: 3,
    };
    let s = s.apply(Action::Edit(Edit::Criteria(other.clone())));
    assert_eq!(
        s.clone()
            .apply(Action::SetTab(Tab::Appendix))
            .notices(false),
        vec![]
    );
    for tab in [Tab::Scoring, Tab::Summary, Tab::Print] {
        let n = s.clone().apply(Action::SetTab(tab)).notices(false);
        assert!(
            matches!(&n[..], [Notice::OtherCriteria { scored, .. }] if *scored == other),
            "{tab:?}: {n:?}"
        );
    }
}

#[test]
fn a_report_made_on_another_appendix_is_told_on_the_appendix_and_where_scores_show() {
    let s = state(Storage::Available, Restored::default());
    let other = TemplateRef {
        id: "phuluc-xa".into(),
        version: 2,
    };
    let mut report = (*s.report).clone();
    report.appendix = other.clone();
    let s = s.apply(Action::ImportPreview(Box::new(
        phuluc_cchc::core::exchange::Imported {
            report,
            notes: Vec::new(),
        },
    )));
    let s = s.apply(Action::ImportConfirm);
    assert_eq!(
        s.clone()
            .apply(Action::SetTab(Tab::Identity))
            .notices(false),
        vec![]
    );
    for tab in [Tab::Appendix, Tab::Scoring, Tab::Summary, Tab::Print] {
        let n = s.clone().apply(Action::SetTab(tab)).notices(false);
        assert!(
            matches!(&n[..], [Notice::OtherAppendix { made, in_use }]
                if *made == other && in_use.version == 1),
            "{tab:?}: {n:?}"
        );
    }
}
