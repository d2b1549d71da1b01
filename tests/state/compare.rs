//! Earlier reports set beside the open one (So sánh các kỳ) and the baseline the narrative
//! compares with: in the state, so every view sees the same, and natively tested.

use std::rc::Rc;

use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::Report;
use phuluc_cchc::core::workspace::Templates;
use phuluc_cchc::state::{Action, AppState, Fresh, Restored, Shelved, Storage};

fn templates() -> Rc<Templates> {
    Rc::new(Templates::builtin().expect("the built-in templates compile"))
}

fn report(t: &Templates, id: &str, commune: &str, period: PeriodKind, year: i32) -> Report {
    let mut r = t.new_report(id);
    r.identity.commune = commune.into();
    r.identity.period = period;
    r.identity.year = year;
    r
}

/// "open" (Tân Hà, 6 tháng 2026) open; saved beside it: Tân Hà Quý I 2026 and Đức Thọ 6 tháng
/// 2025.
fn state() -> (Rc<Templates>, Rc<AppState>) {
    let t = templates();
    let shelf = [
        report(&t, "open", "Tân Hà", PeriodKind::SixMonths, 2026),
        report(&t, "q1", "Tân Hà", PeriodKind::Q1, 2026),
        report(&t, "other", "Đức Thọ", PeriodKind::SixMonths, 2025),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, r)| Shelved {
        report: Rc::new(r),
        saved_at: Some(100.0 - i as f64),
    })
    .collect();
    let restored = Restored {
        shelf,
        last_open: Some("open".into()),
        ..Restored::default()
    };
    let fresh = Fresh {
        id: "new".into(),
        year: 2026,
    };
    let s = AppState::restore(t.clone(), restored, Storage::Available, fresh);
    (t, Rc::new(s))
}

fn period(r: &Option<Rc<Report>>) -> Option<(PeriodKind, i32)> {
    r.as_ref().map(|r| (r.identity.period, r.identity.year))
}

#[test]
fn without_attachments_the_baseline_is_a_saved_report_of_the_same_unit() {
    let (_, s) = state();
    assert_eq!(period(&s.baseline()), Some((PeriodKind::Q1, 2026)));
}

#[test]
fn an_attached_report_of_the_same_period_last_year_is_the_baseline() {
    let (t, s) = state();
    let last_year = report(&t, "ly", "Tân Hà", PeriodKind::SixMonths, 2025);
    let s = s.apply(Action::Attach(last_year));
    assert_eq!(s.attached.len(), 1);
    assert_eq!(period(&s.baseline()), Some((PeriodKind::SixMonths, 2025)));
    let s = s.apply(Action::Detach(0));
    assert!(s.attached.is_empty());
    assert_eq!(period(&s.baseline()), Some((PeriodKind::Q1, 2026)));
}

#[test]
fn a_report_that_cannot_be_set_beside_is_not_attached() {
    let (t, s) = state();
    let before = s.clone();
    let other = report(&t, "x", "Đức Thọ", PeriodKind::Q1, 2026);
    let later = report(&t, "y", "Tân Hà", PeriodKind::Year, 2026);
    let s = s.apply(Action::Attach(other)).apply(Action::Attach(later));
    assert!(Rc::ptr_eq(&s, &before), "nothing changed");
    assert!(Rc::ptr_eq(&s.clone().apply(Action::Detach(3)), &s));
}

#[test]
fn opening_another_report_empties_what_was_attached() {
    let (t, s) = state();
    let s = s.apply(Action::Attach(report(
        &t,
        "ly",
        "Tân Hà",
        PeriodKind::SixMonths,
        2025,
    )));
    let s = s.apply(Action::Open("q1".into()));
    assert!(s.attached.is_empty());
    assert_eq!(
        s.baseline(),
        None,
        "nothing of Tân Hà is earlier than Quý I 2026"
    );
}
