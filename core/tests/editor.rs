//! The criteria editor's logic: edits on a draft, problems at their place with the compiler's
//! messages, maxima adding up, and the preview of the open report's scoring.

use cchc_core::authoring::editor::{
    apply, blank, preview, problems, ratio_choices, ratio_from_key, scale_sum, to_json, DraftEdit,
    Node, RuleKind,
};
use cchc_core::template::criteria::{CriteriaTemplate, RatioSource, Rule};
use cchc_core::template::Criteria;

use crate::support::{eval, report, templates, SEED_000};

fn sample() -> CriteriaTemplate {
    templates().criteria.template.clone()
}

fn edit(t: &mut CriteriaTemplate, e: DraftEdit) -> Option<Node> {
    apply(t, e, &templates().appendix)
}

#[test]
fn the_set_in_use_has_no_problem() {
    assert_eq!(problems(&sample(), &templates().appendix), []);
}

#[test]
fn a_blank_set_says_its_areas_do_not_make_the_scale_for_the_set_as_a_whole() {
    let t = blank(&templates().appendix);
    assert_eq!(t.areas.len(), 1);
    assert_eq!(t.areas[0].criteria[0].items.len(), 1);
    let p = problems(&t, &templates().appendix);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].at, None);
    assert_eq!(
        p[0].message.vi,
        "Thang điểm 100 nhưng các lĩnh vực cộng lại 1 điểm."
    );
}

#[test]
fn a_changed_maximum_is_placed_where_the_sum_breaks_and_moves_up_as_sums_are_mended() {
    let mut t = sample();
    edit(&mut t, DraftEdit::Max(Node::Item(0, 0, 0), 2.0));
    let at: Vec<Option<Node>> = problems(&t, &templates().appendix)
        .into_iter()
        .map(|p| p.at)
        .collect();
    assert_eq!(at, [Some(Node::Criterion(0, 0))]);
    // "Cộng lại" on the criterion moves the fault to its area, then to the scale.
    edit(&mut t, DraftEdit::SumUp(Node::Criterion(0, 0)));
    let p = problems(&t, &templates().appendix);
    assert_eq!(
        p.iter().map(|p| p.at).collect::<Vec<_>>(),
        [Some(Node::Area(0))]
    );
    edit(&mut t, DraftEdit::SumUp(Node::Area(0)));
    let p = problems(&t, &templates().appendix);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].at, None);
    assert_eq!(scale_sum(&t), 101.0);
}

#[test]
fn a_rule_fault_is_placed_at_its_item_with_the_compilers_message() {
    let mut t = sample();
    let n = Node::Item(0, 0, 0);
    edit(&mut t, DraftEdit::RuleKind(n, RuleKind::Threshold));
    let Rule::Threshold { ratio, .. } = t.areas[0].criteria[0].items[0].rule.clone() else {
        panic!()
    };
    edit(
        &mut t,
        DraftEdit::Rule(
            n,
            Rule::Threshold {
                ratio,
                threshold: 120.0,
                when_empty: Default::default(),
            },
        ),
    );
    let p = problems(&t, &templates().appendix);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].at, Some(n));
    assert!(
        p[0].message.vi.contains("ngưỡng đạt điểm tối đa"),
        "{}",
        p[0].message.vi
    );
}

#[test]
fn switching_rule_kinds_keeps_the_picked_ratio() {
    let mut t = sample();
    // 3.2.1 is a ratio-bands item on the on-time rate in the sample.
    let (a, c, i) = find(&t, "3.2.1");
    let n = Node::Item(a, c, i);
    edit(&mut t, DraftEdit::RuleKind(n, RuleKind::Proportional));
    assert!(matches!(
        &t.areas[a].criteria[c].items[i].rule,
        Rule::Proportional { ratio: RatioSource::Rate(r), .. } if r == "dung_han"
    ));
}

fn find(t: &CriteriaTemplate, id: &str) -> (usize, usize, usize) {
    for (a, area) in t.areas.iter().enumerate() {
        for (c, crit) in area.criteria.iter().enumerate() {
            if let Some(i) = crit.items.iter().position(|x| x.id == id) {
                return (a, c, i);
            }
        }
    }
    panic!("no {id}")
}

#[test]
fn add_move_and_remove_items() {
    let mut t = sample();
    let before = t.areas[0].criteria[0].items.len();
    let n = edit(&mut t, DraftEdit::AddAfter(Node::Item(0, 0, 0))).unwrap();
    assert_eq!(n, Node::Item(0, 0, 1));
    assert_eq!(t.areas[0].criteria[0].items.len(), before + 1);
    let id = t.areas[0].criteria[0].items[1].id.clone();
    assert_eq!(
        edit(&mut t, DraftEdit::MoveUp(n)),
        Some(Node::Item(0, 0, 0))
    );
    assert_eq!(t.areas[0].criteria[0].items[0].id, id);
    assert_eq!(edit(&mut t, DraftEdit::MoveUp(Node::Item(0, 0, 0))), None);
    edit(&mut t, DraftEdit::Remove(Node::Item(0, 0, 0)));
    assert_eq!(t.areas[0].criteria[0].items.len(), before);
    assert_eq!(problems(&t, &templates().appendix), []);
}

#[test]
fn outdent_makes_an_item_a_criterion_and_indent_takes_it_back() {
    let mut t = sample();
    let items = t.areas[0].criteria[0].items.len();
    let crits = t.areas[0].criteria.len();
    let last = Node::Item(0, 0, items - 1);
    assert_eq!(
        edit(&mut t, DraftEdit::Outdent(last)),
        Some(Node::Criterion(0, 1))
    );
    assert_eq!(t.areas[0].criteria.len(), crits + 1);
    assert_eq!(t.areas[0].criteria[1].items.len(), 1);
    // The criterion it left no longer adds up; indenting it back mends that.
    assert!(problems(&t, &templates().appendix)
        .iter()
        .any(|p| p.at == Some(Node::Criterion(0, 0))));
    assert_eq!(
        edit(&mut t, DraftEdit::Indent(Node::Criterion(0, 1))),
        Some(Node::Item(0, 0, items - 1))
    );
    assert_eq!(problems(&t, &templates().appendix), []);
}

#[test]
fn new_nodes_get_ids_no_other_node_has() {
    let mut t = sample();
    for _ in 0..3 {
        edit(&mut t, DraftEdit::AddArea);
        edit(&mut t, DraftEdit::AddChild(Node::Criterion(0, 0)));
    }
    assert!(!problems(&t, &templates().appendix)
        .iter()
        .any(|p| p.message.vi.contains("hai lần")));
}

#[test]
fn preview_scores_the_open_report_with_the_draft() {
    let mut t = sample();
    let r = report(SEED_000);
    let e = eval(&r);
    let card = preview(&t, &templates().appendix, &e.computed, &r).unwrap();
    assert_eq!(card, e.scorecard);
    // A broken draft has no preview, and says why.
    edit(&mut t, DraftEdit::Max(Node::Item(0, 0, 0), 5.0));
    assert!(preview(&t, &templates().appendix, &e.computed, &r).is_err());
}

#[test]
fn the_saved_file_loads_as_a_province_file_would() {
    let mut t = sample();
    edit(&mut t, DraftEdit::SetVersion(2));
    edit(
        &mut t,
        DraftEdit::Title(Node::Item(0, 0, 0), "Ban hành kế hoạch (sửa)".into()),
    );
    let c = Criteria::from_json(&to_json(&t), &templates().appendix).unwrap();
    assert_eq!(c.template.version, 2);
    assert_eq!(
        c.template.areas[0].criteria[0].items[0].title.vi,
        "Ban hành kế hoạch (sửa)"
    );
}

#[test]
fn ratio_choices_offer_rates_and_percentage_cells_by_label() {
    let choices = ratio_choices(&templates().appendix);
    let dung_han = choices.iter().find(|(k, _)| k == "rate:dung_han").unwrap();
    assert_eq!(dung_han.1.vi, "Tỷ lệ giải quyết đúng hạn = ((8)+(9))/(7)");
    assert!(choices
        .iter()
        .any(|(k, l)| k == "kh_ty_le" && l.vi == "Tỷ lệ hoàn thành Kế hoạch CCHC"));
    assert_eq!(
        ratio_from_key("rate:tien_do"),
        RatioSource::Rate("tien_do".into())
    );
    assert_eq!(
        ratio_from_key("kh_ty_le"),
        RatioSource::Cell("kh_ty_le".into())
    );
}

#[test]
fn bands_parts_and_classes_round_trip_through_their_text() {
    use cchc_core::authoring::editor::{
        bands_from_text, bands_text, classes_from_text, classes_text, parts_from_text, parts_text,
    };
    use cchc_core::template::criteria::Part;
    use cchc_core::text::Text;
    let b = bands_from_text("95: 1; 100: 2; 0: 0").unwrap();
    assert_eq!(bands_text(&b), "100: 2; 95: 1; 0: 0");
    let old = vec![Part {
        id: "ke_hoach".into(),
        label: Text::new("Có kế hoạch", ""),
        points: 0.25,
        cell: None,
    }];
    let p = parts_from_text("Có kế hoạch: 0,25; Đúng hạn: 0,5", &old).unwrap();
    assert_eq!(p[0].id, "ke_hoach");
    assert_eq!(p[1].id, "y2");
    assert_eq!(parts_text(&p), "Có kế hoạch: 0,25; Đúng hạn: 0,5");
    let t = &templates().criteria.template;
    assert_eq!(
        classes_text(&t.bands),
        "Tốt: 90; Khá: 70; Trung bình: 50; Kém: 0"
    );
    let c = classes_from_text("Kém: 0; Tốt: 90; Khá: 70; Trung bình: 50", &t.bands).unwrap();
    let view = |b: &[cchc_core::template::criteria::Band]| {
        b.iter()
            .map(|b| (b.label.clone(), b.from, b.to))
            .collect::<Vec<_>>()
    };
    assert_eq!(view(&c), view(&t.bands));
    assert!(classes_from_text("Tốt 90", &t.bands).is_err());
}
