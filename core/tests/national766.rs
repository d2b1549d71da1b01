//! The threshold rule kind, and the national Bộ chỉ số 766 (reconstructed from public sources)
//! scoring the sample report of the print tests (UBND xã Tân Hà, 2025).

use cchc_core::authoring::changes::{appendix_changes, apply_appendix_changes};
use cchc_core::exchange;
use cchc_core::report::Report;
use cchc_core::scoring::{ItemStatus, Scorecard};
use cchc_core::template::builtin::{APPENDIX_XA_V2, CRITERIA_766};
use cchc_core::template::criteria::AreaKind;
use cchc_core::template::{Appendix, Criteria, TemplateError};
use cchc_core::workspace::{evaluate, Templates};

use crate::support::{report, templates};

// ---- the threshold rule --------------------------------------------------------------------

/// A one-item set (max 12) on the built-in appendix with a threshold rule on the online
/// share (4)/((4)+(5)).
fn threshold_set(threshold: f64, when_empty: &str) -> Result<Criteria, TemplateError> {
    let json = serde_json::json!({
        "id": "nguong", "version": 1, "title": "Ngưỡng", "appendix": "phuluc-xa",
        "scale": 12, "step": 0.25, "bands": [{"label": "—", "from": 0}],
        "areas": [{"id": "a", "stt": "1", "title": "A", "max": 12, "criteria": [
            {"id": "c", "stt": "1.1", "title": "C", "max": 12, "items": [
                {"id": "i", "stt": "1.1.1", "title": "Hồ sơ trực tuyến", "max": 12,
                 "rule": {"kind": "threshold", "ratio": {"rate": "truc_tuyen"},
                          "threshold": threshold, "when_empty": when_empty}}]}]}]
    });
    Criteria::from_json(&json.to_string(), &templates().appendix)
}

fn threshold_points(online: &str, in_person: &str) -> (ItemStatus, f64, String) {
    let t = Templates {
        appendix: templates().appendix.clone(),
        criteria: threshold_set(80.0, "not_applicable").unwrap(),
    };
    let mut r = report(&[]);
    r.set_value("hs_ho_tich.c4", online);
    r.set_value("hs_ho_tich.c5", in_person);
    let s = evaluate(&t, &r).scorecard.items[0].clone();
    (s.status, s.points, s.explanation.vi)
}

#[test]
fn threshold_at_the_threshold_gives_full_points() {
    let (st, p, why) = threshold_points("80", "20");
    assert_eq!((st, p), (ItemStatus::Scored, 12.0));
    assert_eq!(why, "Tỷ lệ 80,00% ≥ 80,00% → 12,00 điểm.");
}

#[test]
fn threshold_above_it_gives_full_points_not_more() {
    assert_eq!(threshold_points("95", "5").1, 12.0);
}

#[test]
fn threshold_below_it_gives_ratio_times_max_over_threshold() {
    // 60 % of a 80 % threshold: 60 × 12 ÷ 80 = 9.
    let (_, p, why) = threshold_points("60", "40");
    assert_eq!(p, 9.0);
    assert_eq!(
        why,
        "Tỷ lệ 60,00% < 80,00%: 60,00% × 12 ÷ 80,00% → 9,00 điểm."
    );
}

#[test]
fn threshold_compares_the_rate_as_shown() {
    // 79,996 % shows as 80,00 % and reaches the threshold.
    assert_eq!(threshold_points("79996", "20004").1, 12.0);
}

#[test]
fn threshold_with_nothing_to_count_follows_when_empty() {
    let (st, _, _) = threshold_points("0", "0");
    assert_eq!(st, ItemStatus::NotApplicable);
}

#[test]
fn threshold_out_of_range_is_refused_by_the_compiler() {
    for bad in [0.0, 100.5, -5.0] {
        let e = threshold_set(bad, "zero").unwrap_err();
        assert!(
            matches!(&e, TemplateError::RulePoints { item, .. } if item == "i"),
            "{e:?}"
        );
    }
    assert!(threshold_set(100.0, "full").is_ok());
}

// ---- the 766 set ---------------------------------------------------------------------------

fn v2() -> Appendix {
    Appendix::from_json(APPENDIX_XA_V2).expect("appendix v2 compiles")
}

fn set766(appendix: &Appendix) -> Criteria {
    Criteria::from_json(CRITERIA_766, appendix).expect("766 compiles against v2")
}

#[test]
fn set_766_has_six_groups_adding_up_to_100() {
    let c = set766(&v2());
    let t = &c.template;
    let groups: Vec<(&str, f64)> = t
        .areas
        .iter()
        .map(|a| (a.title.vi.as_str(), a.max))
        .collect();
    assert_eq!(
        groups,
        [
            ("Công khai, minh bạch", 18.0),
            ("Tiến độ, kết quả giải quyết", 20.0),
            ("Dịch vụ công trực tuyến", 12.0),
            ("Thanh toán trực tuyến", 10.0),
            ("Số hóa hồ sơ", 22.0),
            ("Mức độ hài lòng", 18.0),
        ]
    );
    assert!(t.areas.iter().all(|a| a.kind == AreaKind::Regular));
    assert_eq!(t.scale, 100.0);
}

#[test]
fn set_766_is_labelled_as_reconstructed_with_what_is_uncertain() {
    let t = set766(&v2()).template;
    assert!(t.sample);
    assert!(t.title.vi.contains("dựng lại từ nguồn công khai"));
    assert!(t.source.vi.starts_with("DỰNG LẠI TỪ NGUỒN CÔNG KHAI"));
    assert!(t.source.vi.contains("Chưa chắc chắn"));
    assert!(t.source.en.contains("NOT THE DECISION'S TEXT"));
}

#[test]
fn set_766_does_not_compile_against_appendix_v1_which_lacks_section_ix() {
    let e = Criteria::from_json(CRITERIA_766, &templates().appendix).unwrap_err();
    assert!(matches!(e, TemplateError::UnknownCell { .. }), "{e:?}");
}

/// The sample report of the print tests, as the app stores it.
fn tan_ha() -> Report {
    let json = include_str!("../../tests/e2e/fixtures/tan-ha-2025.json");
    exchange::import(json).expect("the fixture imports")
}

/// The sample report moved onto appendix v2 (explicitly, through the change list) and
/// scored with the 766 set.
fn score_766(extra: &[(&str, &str)], include_ix: bool) -> (Templates, Scorecard) {
    let appendix = v2();
    let r = tan_ha();
    let changes = appendix_changes(&templates().appendix, &appendix, &r);
    assert!(changes.lost().is_empty(), "v1 → v2 loses nothing");
    let mut r = apply_appendix_changes(&r, &changes);
    if include_ix {
        r.optional_sections.insert("s9".into());
    }
    for (cell, v) in extra {
        assert!(appendix.cell(cell).is_some(), "{cell}");
        r.set_value(cell, v);
    }
    let t = Templates {
        criteria: set766(&appendix),
        appendix,
    };
    r.criteria = t.criteria_ref();
    let card = evaluate(&t, &r).scorecard;
    (t, card)
}

fn groups(t: &Templates, card: &Scorecard, title: &str) -> Vec<f64> {
    println!("{title}");
    for (a, s) in t.criteria.template.areas.iter().zip(&card.areas) {
        let pending = card
            .items
            .iter()
            .filter(|i| {
                t.criteria.template.areas[t.criteria.items[i.item].area].id == a.id
                    && i.status == ItemStatus::Pending
            })
            .count();
        println!(
            "  {} {:<30} {:>6} / {:>2}   (chưa có số liệu: {pending} chỉ số)",
            a.stt,
            a.title.vi,
            cchc_core::number::format_decimal(s.points.unwrap_or(0.0), 2),
            a.max
        );
    }
    println!(
        "  Tổng {} / 100; chỉ số (trên phần áp dụng) {}",
        cchc_core::number::format_decimal(card.total, 2),
        cchc_core::number::format_percent(card.index)
    );
    card.areas
        .iter()
        .map(|a| cchc_core::number::round_half_up(a.points.unwrap_or(0.0), 2))
        .collect()
}

#[test]
fn set_766_scores_the_sample_report_from_its_appendix_alone() {
    let (t, card) = score_766(&[], false);
    let g = groups(
        &t,
        &card,
        "Bộ chỉ số 766, báo cáo mẫu Tân Hà 2025, chỉ số liệu phụ lục:",
    );
    // 1.3: 106 of 106 procedures published → 2. 2: (1325 + 454 + 11) / 1794 × 20 = 19,96.
    // 4.3: 315/420 = 75 % ≥ 50 % → 6. 5.1: 92,64 % ≥ 80 % → 6; 5.2: 95,70 % ≥ 80 % → 4.
    // 6.1: 6/6 → 6; 6.3: (1794 − 2 − 2 − 6) / 1794 = 99,44 % × 6 = 5,97.
    assert_eq!(g, [2.0, 19.96, 0.0, 6.0, 10.0, 11.97]);
    // The portal's figures are not typed yet: 1.1, 1.2, 1.4, 3, 4.1, 4.2, 5.3–5.7, 6.2.
    assert_eq!(card.pending_count(), 12);
}

#[test]
fn set_766_scores_every_indicator_once_the_portal_figures_are_typed() {
    let typed = [
        ("dvc_dong_bo", "1.700"),
        ("dvc_hs_toan_trinh", "410"),
        ("dvc_hs_du_dieu_kien", "520"),
        ("p766_cong_bo", "100"),
        ("p766_cap_nhat", "95"),
        ("p766_tt_trien_khai", "100"),
        ("p766_tt_giao_dich", "60"),
        ("p766_chung_thuc", "40"),
        ("p766_tai_su_dung", "30"),
        ("p766_ket_noi", "50"),
        ("p766_dan_cu", "70"),
        ("p766_tthc_dan_cu", "80"),
        ("p766_hl_pakn", "100"),
    ];
    let (t, card) = score_766(&typed, true);
    let g = groups(
        &t,
        &card,
        "Bộ chỉ số 766, báo cáo mẫu Tân Hà 2025, thêm số liệu Cổng:",
    );
    // 1: 6 + 3,8 + 2 + 6 (1700/1794 = 94,76 % ≥ 90 %). 3: 410/520 = 78,85 % < 80 %:
    // 78,846 × 12 ÷ 80 = 11,83. 4: 2 + 1,2 + 6. 5: 6 + 4 + 0,8 + 0,6 + 2 + 1,4 + 1,6.
    // 6: 6 + 6 + 5,97.
    assert_eq!(g, [17.8, 19.96, 11.83, 9.2, 16.4, 17.97]);
    assert_eq!(card.pending_count(), 0);
    assert_eq!(cchc_core::number::format_decimal(card.total, 2), "93,15");
}
