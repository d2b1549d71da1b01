//! Three-way merge of a report changed in two tabs (`merge`).

use cchc_core::edit::{Edit, EvidenceField, IdentityEdit};
use cchc_core::merge::{merge, AssessmentField, Field, IdentityField};
use cchc_core::report::Report;
use cchc_core::text::Lang;

use crate::support::report;

fn edited(base: &Report, edits: &[Edit]) -> Report {
    let mut r = base.clone();
    for e in edits {
        r.apply(e.clone());
    }
    r
}

fn value(cell: &str, raw: &str) -> Edit {
    Edit::Value {
        cell: cell.into(),
        raw: raw.into(),
    }
}

#[test]
fn different_cells_changed_on_both_sides_both_stay() {
    // The case: tab A types 40 into the plan's tasks, tab B 30 into those completed.
    let base = report(&[]);
    let a = edited(&base, &[value("kh_nhiem_vu", "40")]);
    let b = edited(&base, &[value("kh_hoan_thanh", "30")]);
    let m = merge(&base, &a, &b);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.report.value("kh_nhiem_vu"), "40");
    assert_eq!(m.report.value("kh_hoan_thanh"), "30");
    // And the other way round.
    assert_eq!(merge(&base, &b, &a).report, m.report);
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = report(&[("kh_nhiem_vu", "12")]);
    let a = edited(&base, &[value("kh_nhiem_vu", "40")]);
    let m = merge(&base, &a, &a);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.report, a);
}

#[test]
fn one_side_unchanged_gives_the_other() {
    let base = report(&[("kh_nhiem_vu", "12")]);
    let theirs = edited(
        &base,
        &[
            value("kh_nhiem_vu", ""),
            Edit::Identity(IdentityEdit::Commune("Tân Hà".into())),
            Edit::Score {
                item: "1.5.1".into(),
                raw: "0,5".into(),
            },
        ],
    );
    let m = merge(&base, &base, &theirs);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.report, theirs);
    assert_eq!(merge(&base, &theirs, &base).report, theirs);
}

#[test]
fn the_same_cell_changed_differently_is_a_conflict_that_keeps_mine() {
    let base = report(&[("kh_nhiem_vu", "12")]);
    let mine = edited(
        &base,
        &[value("kh_nhiem_vu", "40"), value("kh_hoan_thanh", "3")],
    );
    let theirs = edited(&base, &[value("kh_nhiem_vu", "41")]);
    let m = merge(&base, &mine, &theirs);
    let field = Field::Value("kh_nhiem_vu".into());
    assert_eq!(m.conflicts, vec![field.clone()]);
    assert_eq!(m.report.value("kh_nhiem_vu"), "40");
    assert_eq!(m.report.value("kh_hoan_thanh"), "3");
    assert_eq!(field.show(&m.report).get(Lang::Vi), "40");
    assert_eq!(field.show(&theirs).get(Lang::Vi), "41");
    // Settling it for the other tab takes its value, and nothing else.
    let mut settled = m.report.clone();
    field.copy(&theirs, &mut settled);
    assert_eq!(settled.value("kh_nhiem_vu"), "41");
    assert_eq!(settled.value("kh_hoan_thanh"), "3");
}

#[test]
fn a_cell_cleared_here_and_changed_there_is_a_conflict() {
    let base = report(&[("kh_nhiem_vu", "12")]);
    let mine = edited(&base, &[value("kh_nhiem_vu", "")]);
    let theirs = edited(&base, &[value("kh_nhiem_vu", "13")]);
    let m = merge(&base, &mine, &theirs);
    let field = Field::Value("kh_nhiem_vu".into());
    assert_eq!(m.conflicts, vec![field.clone()]);
    assert_eq!(m.report.value("kh_nhiem_vu"), "");
    let mut settled = m.report.clone();
    field.copy(&theirs, &mut settled);
    assert_eq!(settled.value("kh_nhiem_vu"), "13");
    // Copying an empty side back empties the cell (empty is not zero).
    field.copy(&mine, &mut settled);
    assert!(!settled.values.contains_key("kh_nhiem_vu"));
}

#[test]
fn identity_fields_merge_one_by_one() {
    let base = report(&[]);
    let mine = edited(
        &base,
        &[
            Edit::Identity(IdentityEdit::Commune("Tân Hà".into())),
            Edit::Identity(IdentityEdit::Signer("Nguyễn Văn A".into())),
        ],
    );
    let theirs = edited(
        &base,
        &[
            Edit::Identity(IdentityEdit::Number("15/BC-UBND".into())),
            Edit::Identity(IdentityEdit::Signer("Trần Thị B".into())),
        ],
    );
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts, vec![Field::Identity(IdentityField::Signer)]);
    assert_eq!(m.report.identity.commune, "Tân Hà");
    assert_eq!(m.report.identity.number, "15/BC-UBND");
    assert_eq!(m.report.identity.signer, "Nguyễn Văn A");
    let mut settled = m.report.clone();
    Field::Identity(IdentityField::Signer).copy(&theirs, &mut settled);
    assert_eq!(settled.identity.signer, "Trần Thị B");
    assert_eq!(
        IdentityField::Signer.label().get(Lang::Vi),
        "Người ký",
        "the conflict panel names the field"
    );
}

#[test]
fn scores_and_answers_of_one_item_merge_part_by_part() {
    let base = report(&[]);
    let mine = edited(
        &base,
        &[
            Edit::Score {
                item: "1.5.1".into(),
                raw: "0,5".into(),
            },
            Edit::Explanation {
                item: "1.5.1".into(),
                text: "đã ban hành".into(),
            },
        ],
    );
    let theirs = edited(
        &base,
        &[
            Edit::Score {
                item: "1.5.1".into(),
                raw: "1".into(),
            },
            Edit::Answer {
                item: "1.1.1".into(),
                answer: Some(true),
            },
        ],
    );
    let m = merge(&base, &mine, &theirs);
    let field = Field::Assessment {
        item: "1.5.1".into(),
        part: AssessmentField::Score,
    };
    assert_eq!(m.conflicts, vec![field.clone()]);
    assert_eq!(m.report.assessments["1.5.1"].score, "0,5");
    assert_eq!(m.report.assessments["1.5.1"].explanation, "đã ban hành");
    assert_eq!(m.report.assessments["1.1.1"].answer, Some(true));
    assert_eq!(field.show(&theirs).get(Lang::Vi), "1");
}

#[test]
fn ticked_sub_items_and_optional_sections_merge_as_sets() {
    let base = edited(
        &report(&[]),
        &[Edit::Part {
            item: "2.1".into(),
            part: "a".into(),
            met: true,
        }],
    );
    let mine = edited(
        &base,
        &[
            Edit::Part {
                item: "2.1".into(),
                part: "b".into(),
                met: true,
            },
            Edit::OptionalSection {
                section: "VIII".into(),
                included: true,
            },
        ],
    );
    let theirs = edited(
        &base,
        &[
            Edit::Part {
                item: "2.1".into(),
                part: "a".into(),
                met: false,
            },
            Edit::Part {
                item: "2.1".into(),
                part: "c".into(),
                met: true,
            },
        ],
    );
    let m = merge(&base, &mine, &theirs);
    assert!(m.conflicts.is_empty());
    let parts: Vec<&str> = m.report.assessments["2.1"]
        .parts
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(parts, ["b", "c"]);
    assert!(m.report.optional_sections.contains("VIII"));
}

#[test]
fn evidence_lists_changed_on_both_sides_conflict_as_a_whole() {
    let base = edited(&report(&[]), &[Edit::AddEvidence { item: "1.1".into() }]);
    let title = |text: &str| Edit::Evidence {
        item: "1.1".into(),
        index: 0,
        field: EvidenceField::Title,
        text: text.into(),
    };
    let mine = edited(&base, &[title("Kế hoạch CCHC")]);
    let theirs = edited(&base, &[title("Báo cáo CCHC")]);
    let m = merge(&base, &mine, &theirs);
    let field = Field::Assessment {
        item: "1.1".into(),
        part: AssessmentField::Evidence,
    };
    assert_eq!(m.conflicts, vec![field.clone()]);
    assert_eq!(field.show(&mine).get(Lang::Vi), "Kế hoạch CCHC");
    // Evidence changed on one side only merges with a score changed on the other.
    let scored = edited(
        &base,
        &[Edit::Score {
            item: "1.1".into(),
            raw: "1".into(),
        }],
    );
    let m = merge(&base, &mine, &scored);
    assert!(m.conflicts.is_empty());
    assert_eq!(
        m.report.assessments["1.1"].evidence[0].title,
        "Kế hoạch CCHC"
    );
    assert_eq!(m.report.assessments["1.1"].score, "1");
}

#[test]
fn narrative_sections_merge_by_section() {
    use cchc_core::prose::draft::Segment;
    let base = report(&[]);
    let say = |section: &str, text: &str| Edit::Narrative {
        section: section.into(),
        segments: Some(vec![Segment::Text(text.into())]),
    };
    let mine = edited(&base, &[say("I", "Một"), say("II", "Hai")]);
    let theirs = edited(
        &base,
        &[say("I", "Một"), say("II", "Ba"), say("III", "Bốn")],
    );
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts, vec![Field::Narrative("II".into())]);
    assert_eq!(m.report.narrative.len(), 3);
    assert_eq!(
        Field::Narrative("II".into()).show(&theirs).get(Lang::Vi),
        "Ba"
    );
}

#[test]
fn an_untouched_default_assessment_is_not_created_or_dropped() {
    // Base has an entry left at its default; one side removes nothing, the other scores
    // another item: the default entry stays as it was, so equal sides compare equal.
    let mut base = report(&[]);
    base.assessments.insert("9.9".into(), Default::default());
    let theirs = edited(
        &base,
        &[Edit::Score {
            item: "1.5.1".into(),
            raw: "1".into(),
        }],
    );
    let m = merge(&base, &base, &theirs);
    assert_eq!(m.report, theirs);
}

#[test]
fn conflicts_keep_every_change_of_mine_and_list_each_field_once() {
    let base = report(&[("kh_nhiem_vu", "1"), ("kh_hoan_thanh", "1")]);
    let mine = edited(
        &base,
        &[value("kh_nhiem_vu", "2"), value("kh_hoan_thanh", "2")],
    );
    let theirs = edited(
        &base,
        &[value("kh_nhiem_vu", "3"), value("kh_hoan_thanh", "3")],
    );
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.report, mine);
    assert_eq!(m.conflicts.len(), 2);
    // Settling every conflict for the other side gives the other side.
    let mut all_theirs = m.report.clone();
    for f in &m.conflicts {
        f.copy(&theirs, &mut all_theirs);
    }
    assert_eq!(all_theirs, theirs);
}

#[test]
fn a_field_in_conflict_is_named_as_the_officer_sees_it() {
    let t = crate::support::templates();
    assert_eq!(
        Field::Value("kh_nhiem_vu".into()).label(t).get(Lang::Vi),
        "Số nhiệm vụ trong Kế hoạch CCHC năm"
    );
    let item = t.criteria.def(0).clone();
    let label = Field::Assessment {
        item: item.id.clone(),
        part: AssessmentField::Score,
    }
    .label(t);
    assert!(label.get(Lang::Vi).starts_with(&item.stt), "{label:?}");
    assert!(label.get(Lang::Vi).ends_with("điểm tự chấm"), "{label:?}");
    assert_eq!(
        Field::Value("no_such_cell".into()).label(t).get(Lang::Vi),
        "no_such_cell"
    );
}
