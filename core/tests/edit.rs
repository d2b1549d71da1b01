//! Every change goes through `Report::apply`.

use cchc_core::edit::{Edit, EvidenceField, IdentityEdit};
use cchc_core::period::PeriodKind;
use chrono::NaiveDate;

use crate::support::report;

#[test]
fn typing_a_value_keeps_it_as_typed() {
    let mut r = report(&[]);
    r.apply(Edit::Value {
        cell: "kh_nhiem_vu".into(),
        raw: "1.794".into(),
    });
    assert_eq!(r.value("kh_nhiem_vu"), "1.794");
}

#[test]
fn clearing_a_value_makes_the_cell_empty_not_zero() {
    let mut r = report(&[("kh_nhiem_vu", "3")]);
    r.apply(Edit::Value {
        cell: "kh_nhiem_vu".into(),
        raw: "  ".into(),
    });
    assert!(!r.values.contains_key("kh_nhiem_vu"));
}

#[test]
fn changing_the_period_brings_back_the_decree_window() {
    let mut r = report(&[]);
    r.apply(Edit::Identity(IdentityEdit::From(NaiveDate::from_ymd_opt(
        2026, 1, 1,
    ))));
    assert!(r.identity.from.is_some());
    r.apply(Edit::Identity(IdentityEdit::Period(PeriodKind::Q2)));
    assert_eq!(r.identity.from, None);
    assert_eq!(r.identity.window().0, NaiveDate::from_ymd_opt(2026, 3, 15));
}

#[test]
fn typing_the_decree_date_itself_is_no_override() {
    let mut r = report(&[]);
    r.identity.year = 2026;
    r.apply(Edit::Identity(IdentityEdit::From(NaiveDate::from_ymd_opt(
        2025, 12, 15,
    ))));
    assert_eq!(r.identity.from, None);
}

#[test]
fn scoring_edits_land_on_their_item() {
    let mut r = report(&[]);
    r.apply(Edit::Score {
        item: "1.5.1".into(),
        raw: "1,5".into(),
    });
    r.apply(Edit::Answer {
        item: "1.1.1".into(),
        answer: Some(false),
    });
    r.apply(Edit::Part {
        item: "1.4.1".into(),
        part: "tap_huan".into(),
        met: true,
    });
    r.apply(Edit::NotApplicable {
        item: "2.1.1".into(),
        value: true,
    });
    r.apply(Edit::Explanation {
        item: "1.5.1".into(),
        text: "Sáng kiến một cửa số".into(),
    });
    assert_eq!(r.assessments["1.5.1"].score, "1,5");
    assert_eq!(r.assessments["1.1.1"].answer, Some(false));
    assert!(r.assessments["1.4.1"].parts.contains("tap_huan"));
    assert!(r.assessments["2.1.1"].not_applicable);
    assert_eq!(r.assessments["1.5.1"].explanation, "Sáng kiến một cửa số");
}

#[test]
fn unticking_a_part_removes_it() {
    let mut r = report(&[]);
    r.apply(Edit::Part {
        item: "1.4.1".into(),
        part: "tap_huan".into(),
        met: true,
    });
    r.apply(Edit::Part {
        item: "1.4.1".into(),
        part: "tap_huan".into(),
        met: false,
    });
    assert!(r.assessments["1.4.1"].parts.is_empty());
}

#[test]
fn evidence_rows_are_added_edited_and_removed() {
    let mut r = report(&[]);
    let item = || "1.1.1".to_string();
    r.apply(Edit::AddEvidence { item: item() });
    r.apply(Edit::AddEvidence { item: item() });
    r.apply(Edit::Evidence {
        item: item(),
        index: 1,
        field: EvidenceField::Number,
        text: "15/KH-UBND".into(),
    });
    r.apply(Edit::Evidence {
        item: item(),
        index: 1,
        field: EvidenceField::Title,
        text: "Kế hoạch CCHC".into(),
    });
    r.apply(Edit::RemoveEvidence {
        item: item(),
        index: 0,
    });
    let ev = &r.assessments["1.1.1"].evidence;
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].number.as_str(), ev[0].title.as_str()),
        ("15/KH-UBND", "Kế hoạch CCHC")
    );
}

#[test]
fn editing_evidence_out_of_range_changes_nothing() {
    let mut r = report(&[]);
    let before = r.clone();
    r.apply(Edit::RemoveEvidence {
        item: "1.1.1".into(),
        index: 3,
    });
    r.apply(Edit::Evidence {
        item: "1.1.1".into(),
        index: 3,
        field: EvidenceField::Date,
        text: "x".into(),
    });
    assert_eq!(
        r.assessments["1.1.1"].evidence.len(),
        before
            .assessments
            .get("1.1.1")
            .map_or(0, |a| a.evidence.len())
    );
}

#[test]
fn optional_sections_are_included_and_left_out() {
    let mut r = report(&[]);
    r.apply(Edit::OptionalSection {
        section: "s8".into(),
        included: true,
    });
    assert!(r.optional_sections.contains("s8"));
    r.apply(Edit::OptionalSection {
        section: "s8".into(),
        included: false,
    });
    assert!(r.optional_sections.is_empty());
}

#[test]
fn a_report_takes_on_the_criteria_set_in_use_and_keeps_its_scores() {
    use cchc_core::report::TemplateRef;
    let mut r = report(&[]);
    r.apply(Edit::Score {
        item: "1.5.1".into(),
        raw: "1".into(),
    });
    let set = TemplateRef {
        id: "tinh-x-2026".into(),
        version: 2,
    };
    r.apply(Edit::Criteria(set.clone()));
    assert_eq!(r.criteria, set);
    assert_eq!(r.assessments["1.5.1"].score, "1");
}
