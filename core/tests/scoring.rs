//! Scoring rules, evidence, totals, index and band.

use cchc_core::checks::FindingKind;
use cchc_core::report::{Evidence, Report};
use cchc_core::scoring::{band_label, band_of, ItemScore, ItemStatus, Scorecard};
use cchc_core::text::Lang;

use crate::support::{eval, give_evidence, report, templates, SEED_000};

/// Every item gets an evidence document, so the points show as the rule gives them.
fn with_evidence(mut r: Report) -> Report {
    let document = Evidence {
        title: "Kế hoạch CCHC năm 2026".into(),
        number: "15/KH-UBND".into(),
        date: "05/01/2026".into(),
        location: "tr. 2".into(),
    };
    give_evidence(&templates().criteria, &mut r, &document);
    r
}

fn item<'a>(card: &'a Scorecard, id: &str) -> &'a ItemScore {
    let c = &templates().criteria;
    card.items
        .iter()
        .find(|s| c.def(s.item).id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn scored(values: &[(&str, &str)]) -> Scorecard {
    eval(&with_evidence(report(values))).scorecard
}

#[test]
fn an_empty_report_has_every_item_pending_and_an_index_of_zero() {
    let card = scored(&[]);
    assert!(card
        .items
        .iter()
        .all(|s| matches!(s.status, ItemStatus::Pending | ItemStatus::NotApplicable)));
    assert_eq!(card.achieved, 0.0);
    assert_eq!(card.applicable_max, 70.0);
    assert_eq!(card.index, Some(0.0));
}

#[test]
fn ratio_bands_top_band_at_exactly_100() {
    let card = scored(&[("hs_dat_dai.c5", "50"), ("hs_dat_dai.c9", "50")]);
    let s = item(&card, "3.2.1");
    assert_eq!((s.status, s.points), (ItemStatus::Scored, 2.0));
    assert!(s.auto);
}

#[test]
fn ratio_bands_seed_000_on_time_scores_the_middle_band_and_says_why() {
    let card = scored(SEED_000);
    let s = item(&card, "3.2.1");
    assert_eq!(s.points, 1.0);
    assert_eq!(s.explanation.vi, "Tỷ lệ 99,89% ≥ 95,00% → 1,00 điểm.");
}

#[test]
fn ratio_bands_below_the_last_threshold_scores_zero() {
    let card = scored(&[("hs_dat_dai.c9", "90"), ("hs_dat_dai.c10", "10")]);
    assert_eq!(item(&card, "3.2.1").points, 0.0);
}

#[test]
fn ratio_bands_compare_at_the_displayed_two_decimals() {
    let card = scored(&[("hs_dat_dai.c9", "9999"), ("hs_dat_dai.c10", "1")]);
    assert_eq!(item(&card, "3.2.1").points, 1.0, "99,99 % is below 100 %…");
    let card = scored(&[("hs_dat_dai.c9", "99999"), ("hs_dat_dai.c10", "1")]);
    assert_eq!(
        item(&card, "3.2.1").points,
        2.0,
        "…but 99,999 % shows as 100,00 % and scores as it shows"
    );
}

#[test]
fn ratio_bands_with_no_figures_are_pending() {
    let s = item(&scored(&[]), "3.2.1").clone();
    assert_eq!(s.status, ItemStatus::Pending);
}

#[test]
fn ratio_bands_zero_denominator_under_full_rule_gives_full_points() {
    // No late dossiers: the apology item scores its maximum.
    let card = scored(&[("hs_dat_dai.c9", "10")]);
    let s = item(&card, "3.2.3");
    assert_eq!((s.status, s.points), (ItemStatus::Scored, 1.0));
}

#[test]
fn zero_denominator_under_not_applicable_leaves_both_sides() {
    // 3.2.2 (online share) has when_empty = not applicable: 0 new dossiers.
    let card = scored(&[("hs_dat_dai.c4", "0"), ("hs_dat_dai.c5", "0")]);
    let s = item(&card, "3.2.2");
    assert_eq!(s.status, ItemStatus::NotApplicable);
    let na: f64 = card
        .items
        .iter()
        .filter(|s| s.status == ItemStatus::NotApplicable)
        .map(|s| s.max)
        .sum();
    // The on-time rate, the online share and results digitised all divide by 0 here.
    assert_eq!(na, 5.0);
    assert_eq!(card.applicable_max, 70.0 - na);
}

#[test]
fn proportional_in_band_scores_ratio_times_max_from_90() {
    let card = scored(&[("kh_nhiem_vu", "42"), ("kh_hoan_thanh", "40")]);
    let s = item(&card, "1.1.2");
    assert!((s.points - 3.0 * 40.0 / 42.0).abs() < 1e-12);
    assert!(
        s.explanation.vi.starts_with("Tỷ lệ 95,24% ≥ 90,00%"),
        "{}",
        s.explanation.vi
    );
}

#[test]
fn proportional_in_band_below_90_scores_zero() {
    let card = scored(&[("kh_nhiem_vu", "42"), ("kh_hoan_thanh", "24")]);
    assert_eq!(item(&card, "1.1.2").points, 0.0);
}

#[test]
fn proportional_scores_ratio_times_max() {
    let card = scored(&[("hs_dat_dai.c4", "30"), ("hs_dat_dai.c5", "70")]);
    assert!((item(&card, "3.2.2").points - 0.6).abs() < 1e-12);
}

#[test]
fn proportional_never_exceeds_the_maximum() {
    // A budget-like ratio over 100 % is capped; petitions on time over received are a
    // finding but score at most the maximum.
    let card = scored(&[("pakn_tiep_nhan", "10"), ("pakn_dung_han", "12")]);
    assert_eq!(item(&card, "3.3.1").points, 2.0);
}

#[test]
fn yes_no_from_a_table_cell() {
    assert_eq!(item(&scored(&[("iso_ap_dung", "có")]), "7.3.1").points, 1.0);
    assert_eq!(
        item(&scored(&[("iso_ap_dung", "không")]), "7.3.1").points,
        0.0
    );
}

#[test]
fn yes_no_answered_by_the_officer() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("1.1.1").unwrap().answer = Some(true);
    let card = eval(&r).scorecard;
    let s = item(&card, "1.1.1");
    assert_eq!((s.points, s.auto), (1.0, false));
}

#[test]
fn additive_sums_ticked_parts() {
    let mut r = with_evidence(report(&[]));
    let a = r.assessments.get_mut("1.4.1").unwrap();
    a.parts.insert("kh_tuyen_truyen".into());
    a.parts.insert("tap_huan".into());
    let card = eval(&r).scorecard;
    let s = item(&card, "1.4.1");
    assert_eq!(s.points, 1.5);
    assert_eq!(s.explanation.vi, "Đạt 2/3 ý: 0,5 + 1 → 1,50 điểm.");
}

#[test]
fn additive_parts_may_read_a_table_cell() {
    let card = scored(&[("cong_ttdt", "có")]);
    assert_eq!(item(&card, "7.4.1").points, 1.0);
}

#[test]
fn deduction_per_case_with_a_floor_of_zero() {
    assert_eq!(item(&scored(&[("cv_ky_luat", "0")]), "5.4.1").points, 3.0);
    assert_eq!(item(&scored(&[("cv_ky_luat", "2")]), "5.4.1").points, 1.0);
    assert_eq!(item(&scored(&[("cv_ky_luat", "7")]), "5.4.1").points, 0.0);
}

#[test]
fn penalty_per_case_is_capped_and_subtracted() {
    let card = scored(&[("hs_dat_dai.c13", "20")]);
    assert_eq!(
        item(&card, "10.1.1").points,
        3.0,
        "20 × 0,25 = 5, capped at 3"
    );
    assert_eq!(card.penalty, 3.0);
}

#[test]
fn penalty_items_need_no_evidence() {
    let card = eval(&report(&[("hs_dat_dai.c13", "2")])).scorecard;
    let s = item(&card, "10.1.1");
    assert_eq!(s.points, 0.5);
    assert!(s.warnings.is_empty());
}

#[test]
fn manual_score_within_max_and_step() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("1.5.1").unwrap().score = "1,75".into();
    assert_eq!(item(&eval(&r).scorecard, "1.5.1").points, 1.75);
}

#[test]
fn manual_score_over_the_maximum_is_invalid_and_scores_nothing() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("1.5.1").unwrap().score = "2,5".into();
    let card = eval(&r).scorecard;
    let s = item(&card, "1.5.1");
    assert_eq!((s.status, s.points), (ItemStatus::Invalid, 0.0));
    assert!(
        s.explanation.vi.contains("vượt điểm tối đa 2"),
        "{}",
        s.explanation.vi
    );
}

#[test]
fn manual_score_off_the_step_is_invalid() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("4.2.1").unwrap().score = "0,25".into(); // step 0,5 for this item
    assert_eq!(
        item(&eval(&r).scorecard, "4.2.1").status,
        ItemStatus::Invalid
    );
}

#[test]
fn manual_score_that_is_not_a_number_is_invalid_and_kept() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("1.5.1").unwrap().score = "hai".into();
    let card = eval(&r).scorecard;
    assert_eq!(item(&card, "1.5.1").status, ItemStatus::Invalid);
    assert_eq!(r.assessments["1.5.1"].score, "hai");
}

#[test]
fn not_applicable_leaves_numerator_and_denominator() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("2.1.1").unwrap().not_applicable = true;
    let card = eval(&r).scorecard;
    assert_eq!(item(&card, "2.1.1").status, ItemStatus::NotApplicable);
    assert_eq!(card.applicable_max, 68.5);
}

#[test]
fn not_applicable_is_ignored_where_the_template_does_not_allow_it() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("1.1.1").unwrap().not_applicable = true;
    assert_eq!(
        item(&eval(&r).scorecard, "1.1.1").status,
        ItemStatus::Pending
    );
}

#[test]
fn a_scored_item_without_evidence_warns_and_scores_zero_under_the_sets_rule() {
    let card = eval(&report(&[("iso_ap_dung", "có")])).scorecard;
    let s = item(&card, "7.3.1");
    assert_eq!(s.points, 0.0);
    assert_eq!(s.warnings.len(), 1);
    assert!(
        s.explanation.vi.contains("chưa có tài liệu kiểm chứng"),
        "{}",
        s.explanation.vi
    );
}

#[test]
fn without_the_rule_a_missing_evidence_only_warns() {
    use cchc_core::template::builtin::CRITERIA_SAMPLE;
    use cchc_core::template::Criteria;
    let mut v: serde_json::Value = serde_json::from_str(CRITERIA_SAMPLE).unwrap();
    v["no_evidence_scores_zero"] = serde_json::json!(false);
    let criteria = Criteria::from_json(&v.to_string(), &templates().appendix).unwrap();
    let r = report(&[("iso_ap_dung", "có")]);
    let computed = cchc_core::compute::compute(&templates().appendix, &r);
    let card = cchc_core::scoring::score(&criteria, &computed, &r);
    let s = item(&card, "7.3.1");
    assert_eq!((s.points, s.warnings.len()), (1.0, 1));
}

#[test]
fn index_is_total_over_applicable_maximum() {
    let card = scored(&[
        ("iso_ap_dung", "có"),
        ("bm_quy_che", "có"),
        ("ns_cong_khai", "có"),
    ]);
    assert_eq!(card.achieved, 5.0);
    assert!((card.index.unwrap() - 5.0 / 70.0 * 100.0).abs() < 1e-12);
}

#[test]
fn survey_points_are_kept_apart() {
    let card = scored(&[]);
    assert_eq!(card.survey_max, 30.0);
    assert!(card
        .areas
        .iter()
        .any(|a| a.points.is_none() && a.max == 30.0));
}

#[test]
fn bonus_is_capped_at_the_areas_maximum() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("9.1.1").unwrap().score = "2".into();
    let card = eval(&r).scorecard;
    assert_eq!(card.bonus, 2.0);
    assert_eq!(card.total, 2.0);
}

#[test]
fn total_never_goes_below_zero() {
    let card = scored(&[("hs_dat_dai.c13", "40")]);
    assert_eq!(card.total, 0.0);
}

#[test]
fn band_boundaries_are_compared_at_two_decimals() {
    let c = &templates().criteria;
    let label = |i: f64| c.template.bands[band_of(c, i).unwrap()].label.vi.clone();
    assert_eq!(label(90.0), "Tốt");
    assert_eq!(label(89.994), "Khá", "89,99 % shown");
    assert_eq!(label(89.995), "Tốt", "shown as 90,00 %");
    assert_eq!(label(70.0), "Khá");
    assert_eq!(label(49.99), "Kém");
    assert_eq!(label(0.0), "Kém");
    assert_eq!(label(100.0), "Tốt");
}

#[test]
fn band_label_of_a_scorecard() {
    let card = scored(&[]);
    assert_eq!(band_label(&templates().criteria, &card, Lang::Vi), "Kém");
    assert_eq!(band_label(&templates().criteria, &card, Lang::En), "Poor");
}

#[test]
fn losses_are_ranked_most_lost_first() {
    let card = scored(SEED_000);
    let losses = card.losses(&templates().criteria);
    assert!(losses.windows(2).all(|w| w[0].lost() >= w[1].lost()));
    assert!(losses.iter().all(|s| s.lost() > 0.0));
}

#[test]
fn a_findings_part_over_whole_still_scores_but_is_reported() {
    let e = eval(&with_evidence(report(&[
        ("vb_di", "5202"),
        ("vb_dien_tu", "14622"),
    ])));
    assert!(e
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::PartExceedsWhole));
    assert_eq!(item(&e.scorecard, "7.2.1").points, 1.5);
}

#[test]
fn a_full_self_score_reaches_one_hundred_percent_and_the_top_band() {
    let mut r = with_evidence(report(&[
        ("kh_nhiem_vu", "10"),
        ("kh_hoan_thanh", "10"),
        ("kh_bao_cao_dung_han", "có"),
        ("kt_ke_hoach", "2"),
        ("kt_thuc_hien", "2"),
        ("kt_ton_tai", "0"),
        ("tc_can_xu_ly", "0"),
        ("tc_theo_doi_thi_hanh", "có"),
        ("tthc_tong", "100"),
        ("tthc_cong_khai", "100"),
        ("tthc_mot_cua", "100"),
        ("hs_dat_dai.c4", "100"),
        ("hs_dat_dai.c5", "0"),
        ("hs_dat_dai.c8", "100"),
        ("pakn_tiep_nhan", "0"),
        ("bm_quy_che", "có"),
        ("cv_tong", "10"),
        ("cv_dat_chuan", "10"),
        ("cv_ky_luat", "0"),
        ("ns_quy_che_chi_tieu", "có"),
        ("ns_cong_khai", "có"),
        ("ns_du_toan_chi", "100"),
        ("ns_thuc_hien_chi", "100"),
        ("ns_kien_nghi", "0"),
        ("dvc_toan_trinh", "50"),
        ("dvc_mot_phan", "0"),
        ("dvc_co_ho_so", "50"),
        ("tt_nghia_vu", "10"),
        ("tt_truc_tuyen", "10"),
        ("sh_ket_qua", "100"),
        ("vb_di", "10"),
        ("vb_dien_tu", "10"),
        ("vb_ky_so", "10"),
        ("iso_ap_dung", "có"),
        ("cong_ttdt", "có"),
    ]));
    for id in [
        "1.1.1", "1.3.1", "2.1.1", "2.2.1", "3.5.1", "4.3.1", "5.2.1",
    ] {
        r.assessments.get_mut(id).unwrap().answer = Some(true);
    }
    for (id, score) in [
        ("1.5.1", "2"),
        ("2.1.2", "1,5"),
        ("3.5.2", "2"),
        ("4.2.1", "2"),
        ("5.3.1", "2"),
    ] {
        r.assessments.get_mut(id).unwrap().score = score.into();
    }
    for (id, parts) in [
        ("1.4.1", &["kh_tuyen_truyen", "hinh_thuc", "tap_huan"][..]),
        ("3.4.2", &["co_so_vat_chat", "niem_yet", "cong_chuc"]),
        ("7.4.1", &["cong_khai"]),
    ] {
        r.assessments.get_mut(id).unwrap().parts = parts.iter().map(|s| s.to_string()).collect();
    }
    let e = eval(&r);
    assert!(e.findings.is_empty(), "{:?}", e.findings);
    let card = &e.scorecard;
    assert_eq!(
        card.pending_count(),
        0,
        "{:?}",
        card.items
            .iter()
            .filter(|s| s.status != ItemStatus::Scored)
            .map(|s| &s.explanation.vi)
            .collect::<Vec<_>>()
    );
    assert_eq!(card.achieved, 70.0);
    assert_eq!(card.index, Some(100.0));
    assert_eq!(band_label(&templates().criteria, card, Lang::Vi), "Tốt");
}

#[test]
fn additive_with_no_part_met_is_an_answer_worth_zero() {
    let mut r = with_evidence(report(&[]));
    r.assessments.get_mut("1.4.1").unwrap().answer = Some(false);
    let card = eval(&r).scorecard;
    let s = item(&card, "1.4.1");
    assert_eq!((s.status, s.points), (ItemStatus::Scored, 0.0));
}

#[test]
fn losses_leave_out_items_not_scored_yet() {
    let card = scored(&[("iso_ap_dung", "không")]);
    let losses = card.losses(&templates().criteria);
    assert_eq!(losses.len(), 1);
    assert_eq!(losses[0].max, 1.0);
}

#[test]
fn english_explanations_keep_vietnamese_figures() {
    let card = scored(SEED_000);
    assert_eq!(
        item(&card, "3.2.1").explanation.en,
        "Rate 99,89% ≥ 95,00% → 1,00 pts."
    );
}

#[test]
fn the_floor_band_says_which_threshold_was_missed() {
    let card = scored(&[("hs_dat_dai.c9", "90"), ("hs_dat_dai.c10", "10")]);
    assert_eq!(
        item(&card, "3.2.1").explanation.vi,
        "Tỷ lệ 90,00% < 95,00% → 0,00 điểm."
    );
}

#[test]
fn deduction_and_per_case_explain_their_arithmetic() {
    let card = scored(&[("cv_ky_luat", "2"), ("hs_dat_dai.c13", "3")]);
    assert_eq!(
        item(&card, "5.4.1").explanation.vi,
        "2 trường hợp × 1 điểm: 3 − 2 → 1,00 điểm."
    );
    assert_eq!(
        item(&card, "10.1.1").explanation.vi,
        "3 trường hợp × 0,25 điểm (tối đa 3) → 0,75 điểm."
    );
}

#[test]
fn the_to_do_list_and_its_count_are_one_definition() {
    // The sample set has 42 items: 40 in regular areas, one bonus, one penalty. Bonus and
    // penalty items are optional, so a blank report has 40 items to do, listed and counted.
    let card = eval(&report(&[])).scorecard;
    let c = &templates().criteria;
    assert_eq!(card.items.len(), 42);
    assert_eq!(card.pending_count(), 40);
    assert_eq!(card.pending_items().count(), card.pending_count());
    assert!(card
        .pending_items()
        .all(|s| c.items[s.item].area_kind == cchc_core::template::criteria::AreaKind::Regular));
}

#[test]
fn an_invalid_score_is_on_the_to_do_list() {
    let mut r = report(&[]);
    r.assessments.entry("1.5.1".into()).or_default().score = "9".into();
    let card = eval(&r).scorecard;
    let s = item(&card, "1.5.1");
    assert_eq!(s.status, ItemStatus::Invalid);
    assert!(card.pending_items().any(|p| p.item == s.item));
    assert_eq!(card.pending_count(), 40);
}

#[test]
fn each_score_names_its_place_in_the_flat_list() {
    let c = &templates().criteria;
    let card = eval(&report(&[])).scorecard;
    for (ix, s) in card.items.iter().enumerate() {
        assert_eq!(s.item, ix);
        let at = &c.items[ix];
        let def = &c.template.areas[at.area].criteria[at.criterion].items[at.index];
        assert_eq!(c.def(ix).id, def.id);
        assert_eq!(c.area_of(ix).kind, at.area_kind);
        assert!(c.criterion_of(ix).items.len() > at.index);
    }
    let first_criterion: Vec<_> = card
        .items_in(c, 0, 0)
        .map(|s| c.def(s.item).id.clone())
        .collect();
    let expected: Vec<_> = c.template.areas[0].criteria[0]
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(first_criterion, expected);
}

#[test]
fn maxima_per_area_kind() {
    use cchc_core::template::criteria::AreaKind;
    let c = &templates().criteria;
    assert_eq!(c.max_of(AreaKind::Regular), 70.0);
    assert_eq!(c.max_of(AreaKind::Survey), 30.0);
    assert_eq!(c.max_of(AreaKind::Bonus), 2.0);
    assert_eq!(c.max_of(AreaKind::Penalty), 3.0);
    assert_eq!(eval(&report(&[])).scorecard.survey_max, 30.0);
}

#[test]
fn evidence_is_present_when_a_document_is_named() {
    use cchc_core::report::Assessment;
    let doc = |title: &str, number: &str, date: &str| Evidence {
        title: title.into(),
        number: number.into(),
        date: date.into(),
        location: String::new(),
    };
    let mut a = Assessment::default();
    a.evidence.push(doc("", "", "05/01/2026"));
    assert!(!a.has_evidence(), "a date alone names no document");
    a.evidence.push(doc(" ", "15/KH-UBND", ""));
    assert!(a.has_evidence());
    assert_eq!(a.documents().count(), 1);
}

#[test]
fn a_ratio_without_a_value_says_why() {
    use cchc_core::scoring::{ratio_value, NoValue};
    use cchc_core::template::compile::Ratio;
    let a = &templates().appendix;
    let cell = |id: &str| a.cell(id).unwrap();
    let ratio = Ratio::Cells {
        num: vec![cell("hs_dat_dai.c9")],
        den: vec![cell("hs_dat_dai.c5")],
    };
    let computed = |values: &[(&str, &str)]| eval(&report(values)).computed;
    assert_eq!(ratio_value(&ratio, &computed(&[])), Err(NoValue::NotFilled));
    assert_eq!(
        ratio_value(
            &ratio,
            &computed(&[("hs_dat_dai.c5", "0"), ("hs_dat_dai.c9", "0")])
        ),
        Err(NoValue::ZeroDenominator)
    );
    assert_eq!(
        ratio_value(
            &ratio,
            &computed(&[("hs_dat_dai.c5", "4"), ("hs_dat_dai.c9", "3")])
        ),
        Ok(75.0)
    );
}

#[test]
fn standing_is_the_index_and_band_that_the_explained_scoring_gives() {
    use cchc_core::scoring::{score, standing};
    use cchc_core::template::builtin::APPENDIX_XA_V2;
    use cchc_core::template::builtin::CRITERIA_766;
    use cchc_core::template::Appendix;
    use cchc_core::template::Criteria;
    let v2 = Appendix::from_json(APPENDIX_XA_V2).unwrap();
    let national = Criteria::from_json(CRITERIA_766, &v2).unwrap();
    let reports = [
        report(&[]),
        report(SEED_000),
        with_evidence(report(SEED_000)),
        // Points taken back for want of evidence, a typed score off its step, a negative count.
        report(&[
            ("iso_ap_dung", "có"),
            ("bm_bien_che", "3"),
            ("bm_hien_co", "9"),
        ]),
    ];
    for (appendix, criteria) in [
        (&templates().appendix, &templates().criteria),
        (&v2, &national),
    ] {
        for r in &reports {
            let computed = cchc_core::compute::compute(appendix, r);
            let card = score(criteria, &computed, r);
            let s = standing(criteria, &computed, r);
            assert_eq!((s.index, s.band), (card.index, card.band));
        }
    }
    // Not a trivial equality: the reports stand in different places.
    let indices: Vec<_> = reports
        .iter()
        .map(|r| eval(r).scorecard.index.map(|i| (i * 100.0).round()))
        .collect();
    assert!(indices.windows(2).any(|w| w[0] != w[1]), "{indices:?}");
}
