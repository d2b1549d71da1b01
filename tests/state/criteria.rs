//! A province's criteria set in the state: kept from an earlier visit, loaded from a file,
//! refused with the fault named, back to the sample.

use std::rc::Rc;

use phuluc_cchc::core::report::TemplateRef;
use phuluc_cchc::core::workspace::Templates;
use phuluc_cchc::state::{
    Action, AppState, CriteriaFault, CriteriaNotice, Fresh, ReadFailure, Restored, Shelved, Storage,
};

use crate::fixtures::{province, sample_with, with_band_gap};

pub fn shipped() -> Rc<Templates> {
    Rc::new(Templates::builtin().expect("the built-in templates compile"))
}

pub fn fresh() -> Fresh {
    Fresh {
        id: "new".into(),
        year: 2027,
    }
}

pub fn sample_ref() -> TemplateRef {
    shipped().criteria_ref()
}

pub fn province_ref() -> TemplateRef {
    TemplateRef {
        id: "tinh-x-2026".into(),
        version: 1,
    }
}

pub fn restore(criteria: Option<String>, shelf: Vec<Shelved>) -> Rc<AppState> {
    let restored = Restored {
        shelf,
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

pub fn load(state: &Rc<AppState>, file: &str, text: Result<String, ReadFailure>) -> Rc<AppState> {
    state.clone().apply(Action::CriteriaFile {
        file: file.into(),
        text,
    })
}

pub fn rejected(state: &AppState) -> &CriteriaFault {
    match &state.criteria_notice {
        Some(CriteriaNotice::Rejected { fault, .. }) => fault,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_set_kept_from_an_earlier_visit_is_in_use_and_new_reports_name_it() {
    let s = restore(Some(province()), Vec::new());
    assert_eq!(s.templates.criteria_ref(), province_ref());
    assert!(!s.templates.criteria.template.sample);
    assert_eq!(s.criteria_file.as_deref(), Some(province().as_str()));
    assert_eq!(s.criteria_notice, None);
    assert_eq!(
        s.report.criteria,
        province_ref(),
        "the blank report is on it"
    );
    assert_eq!(s.scored_against_other(), None);
}

#[test]
fn a_kept_set_that_no_longer_compiles_leaves_the_sample_in_use_and_says_why() {
    let s = restore(Some(with_band_gap()), Vec::new());
    assert_eq!(s.templates.criteria_ref(), sample_ref());
    assert_eq!(s.criteria_file, None);
    match &s.criteria_notice {
        Some(CriteriaNotice::StoredInvalid(e)) => {
            assert_eq!(e.to_string(), "Khoảng xếp loại bị hở giữa 70% và 75%.")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_loaded_file_is_put_in_use_and_older_reports_say_they_were_scored_on_another_set() {
    let s = restore(None, Vec::new());
    assert_eq!(s.report.criteria, sample_ref());
    let s = load(&s, "tinh-x.json", Ok(province()));
    assert_eq!(s.templates.criteria_ref(), province_ref());
    assert_eq!(s.criteria_file.as_deref(), Some(province().as_str()));
    let item = &s.templates.criteria.template.areas[1].criteria[0].items[0];
    assert_eq!((item.id.as_str(), item.max), ("2.1.1", 2.0));
    assert_eq!(s.scored_against_other(), Some(&sample_ref()));
    let s = s.apply(Action::NewReport(Fresh {
        id: "after".into(),
        year: 2027,
    }));
    assert_eq!(s.report.criteria, province_ref());
    assert_eq!(s.scored_against_other(), None);
}

#[test]
fn a_file_with_a_fault_is_refused_with_the_fault_named_and_the_set_in_use_stays() {
    let s = load(&restore(None, Vec::new()), "tinh-x.json", Ok(province()));
    let after = load(&s, "sai.json", Ok(with_band_gap()));
    assert!(Rc::ptr_eq(&after.templates, &s.templates));
    assert_eq!(after.criteria_file, s.criteria_file);
    match rejected(&after) {
        CriteriaFault::Invalid(e) => {
            assert_eq!(e.to_string(), "Khoảng xếp loại bị hở giữa 70% và 75%.")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &after.criteria_notice,
        Some(CriteriaNotice::Rejected { file, .. }) if file == "sai.json"
    ));
    let dismissed = after.apply(Action::DismissCriteriaNotice);
    assert_eq!(dismissed.criteria_notice, None);

    let unreadable = load(&s, "mat.json", Err(ReadFailure::NotReadable));
    assert_eq!(
        rejected(&unreadable),
        &CriteriaFault::Unreadable(ReadFailure::NotReadable)
    );
    let not_json = load(&s, "ghi-chu.txt", Ok("Bộ tiêu chí".into()));
    assert!(matches!(rejected(&not_json), CriteriaFault::Invalid(_)));
}

#[test]
fn an_edited_set_must_take_a_new_version_but_the_same_file_again_is_fine() {
    let s = restore(None, Vec::new());
    let edited = sample_with(|set| set["areas"][1]["criteria"][0]["title"]["vi"] = "Khác".into());
    let after = load(&s, "mau-sua.json", Ok(edited));
    assert_eq!(rejected(&after), &CriteriaFault::SameVersion(sample_ref()));
    assert!(Rc::ptr_eq(&after.templates, &s.templates));

    // The sample itself, laid out differently: nothing changes but where it came from.
    let same = sample_with(|_| {});
    let after = load(&s, "mau.json", Ok(same.clone()));
    assert_eq!(after.criteria_notice, None);
    assert_eq!(after.templates.criteria_ref(), sample_ref());
    assert_eq!(after.criteria_file.as_deref(), Some(same.as_str()));
}

#[test]
fn the_sample_can_be_taken_up_again() {
    let s = restore(Some(province()), Vec::new());
    let s = s.apply(Action::UseSampleCriteria);
    assert!(Rc::ptr_eq(&s.templates, &s.shipped));
    assert_eq!(
        (s.criteria_file.clone(), s.criteria_notice.clone()),
        (None, None)
    );
    assert_eq!(s.scored_against_other(), Some(&province_ref()));
}
