//! The seeds' own figures: what is right reproduces to the same rounding, and each error
//! class of DOMAIN.md §5 makes its check fire.

use cchc_core::checks::FindingKind;
use cchc_core::number::{format_integer, format_percent};

use crate::support::{at, eval, num, report, SEED_000};

#[test]
fn seed_000_received_is_new_plus_carried_over() {
    let e = eval(&report(SEED_000));
    assert_eq!(format_integer(num(&e, "hs_tong.c3").unwrap()), "1.794");
    assert_eq!(
        num(&e, "hs_tong.c4").unwrap() + num(&e, "hs_tong.c5").unwrap(),
        1674.0
    );
}

#[test]
fn seed_000_resolved_is_on_time_plus_late() {
    let e = eval(&report(SEED_000));
    assert_eq!(format_integer(num(&e, "hs_tong.c7").unwrap()), "1.781");
}

#[test]
fn seed_000_pending_is_within_plus_overdue() {
    let e = eval(&report(SEED_000));
    assert_eq!(num(&e, "hs_tong.c11"), Some(13.0));
}

#[test]
fn seed_000_received_equals_resolved_plus_pending_without_finding() {
    let e = eval(&report(SEED_000));
    assert!(e.findings.is_empty(), "{:?}", e.findings);
}

#[test]
fn seed_000_on_time_rate_is_99_89() {
    let e = eval(&report(SEED_000));
    assert_eq!(format_percent(num(&e, "hs_ty_le_dung_han")), "99,89%");
}

#[test]
fn seed_000_typed_system_rate_agrees() {
    let mut v = SEED_000.to_vec();
    v.push(("hs_ty_le_dung_han_he_thong", "99,89"));
    assert!(eval(&report(&v)).findings.is_empty());
}

#[test]
fn seed_000_a_typed_rate_that_disagrees_is_caught() {
    // Writing 100 % where 1779 of 1781 were on time.
    let mut v = SEED_000.to_vec();
    v.push(("hs_ty_le_dung_han_he_thong", "100"));
    let e = eval(&report(&v));
    let f = at(
        &e,
        FindingKind::TypedPercentMismatch,
        "hs_ty_le_dung_han_he_thong",
    );
    assert_eq!(f.len(), 1);
    assert!(f[0].message.vi.contains("99,89%"), "{}", f[0].message.vi);
}

#[test]
fn seed_000_pending_not_received_minus_resolved_is_caught() {
    // 13 pending typed as 12 + 2: (3) = 1794 but (7) + (11) = 1795.
    let mut v: Vec<_> = SEED_000
        .iter()
        .copied()
        .filter(|(c, _)| *c != "hs_ho_tich.c12")
        .collect();
    v.push(("hs_ho_tich.c12", "12"));
    let e = eval(&report(&v));
    assert_eq!(at(&e, FindingKind::Equation, "hs_ho_tich.c3").len(), 1);
    assert_eq!(
        at(&e, FindingKind::Equation, "hs_tong.c3").len(),
        1,
        "and again on the total row"
    );
}

#[test]
fn seed_000_plan_42_tasks_written_as_42_of_24_is_caught() {
    // "42/24 nhiệm vụ bằng 100%": the plan had 42 tasks; completed and planned swapped.
    let e = eval(&report(&[("kh_nhiem_vu", "24"), ("kh_hoan_thanh", "42")]));
    assert_eq!(
        at(&e, FindingKind::PartExceedsWhole, "kh_hoan_thanh").len(),
        1
    );
}

#[test]
fn seed_000_plan_of_42_fully_done_is_100() {
    let e = eval(&report(&[("kh_nhiem_vu", "42"), ("kh_hoan_thanh", "42")]));
    assert_eq!(format_percent(num(&e, "kh_ty_le")), "100,00%");
    assert!(e.findings.is_empty());
}

/// Seed 002, Phụ lục 03 row 5.2: on time / resolved at district level, 2015–2020.
const P03_ON_TIME: [(&str, &str, &str); 5] = [
    ("5650", "5658", "99,86%"),
    ("6162", "6174", "99,81%"),
    ("8953", "8955", "99,98%"),
    ("9738", "9743", "99,95%"),
    ("12411", "12429", "99,86%"),
];

/// One field row with `on_time` on time and the rest late, so (7) = resolved.
fn resolved(on_time: &str, total: &str) -> Vec<(&'static str, String)> {
    let late = total.parse::<u32>().unwrap() - on_time.parse::<u32>().unwrap();
    vec![
        ("hs_dat_dai.c9", on_time.to_owned()),
        ("hs_dat_dai.c10", late.to_string()),
    ]
}

#[test]
fn seed_002_p03_on_time_rates_2015_to_2019_reproduce() {
    for (on_time, total, shown) in P03_ON_TIME {
        let v = resolved(on_time, total);
        let refs: Vec<(&str, &str)> = v.iter().map(|(c, s)| (*c, s.as_str())).collect();
        let e = eval(&report(&refs));
        assert_eq!(
            format_percent(num(&e, "hs_ty_le_dung_han")),
            shown,
            "{on_time}/{total}"
        );
    }
}

#[test]
fn seed_002_p03_2020_on_time_larger_than_resolved_is_caught() {
    // "2717/2700": 2 700 resolved, all on time, but the rate written as 2717/2700 = 100,63 %.
    let e = eval(&report(&[
        ("hs_dat_dai.c5", "2700"),
        ("hs_dat_dai.c9", "2700"),
        ("hs_ty_le_dung_han_he_thong", "100,63"),
    ]));
    let f = at(
        &e,
        FindingKind::TypedPercentMismatch,
        "hs_ty_le_dung_han_he_thong",
    );
    assert_eq!(f.len(), 1);
    assert!(f[0].message.vi.contains("100,00%"), "{}", f[0].message.vi);
}

#[test]
fn seed_002_p03_2020_typed_as_parts_the_swap_is_caught() {
    // The same swap where both figures are typed: 2 717 handled on time of 2 700 handled.
    let e = eval(&report(&[
        ("pakn_tiep_nhan", "2700"),
        ("pakn_da_xu_ly", "2700"),
        ("pakn_dung_han", "2717"),
    ]));
    assert!(!at(&e, FindingKind::PartExceedsWhole, "pakn_dung_han").is_empty());
}

#[test]
fn seed_002_p03_on_time_over_received_is_not_the_on_time_rate() {
    // "5650/5658" used the received count as denominator; the template's rate divides by
    // resolved (7), so with 5658 received of which 5650 resolved on time and 8 still pending,
    // the rate is 100 %, not 99,86 %.
    let e = eval(&report(&[
        ("hs_dat_dai.c5", "5658"),
        ("hs_dat_dai.c9", "5650"),
        ("hs_dat_dai.c12", "8"),
    ]));
    assert_eq!(format_percent(num(&e, "hs_ty_le_dung_han")), "100,00%");
    assert!(e.findings.is_empty());
}

/// Seed 002, Phụ lục 07 row 1: documents sent electronically / all documents sent.
const P07_ELECTRONIC: [(&str, &str); 6] = [
    ("14622", "5202"),
    ("17360", "5895"),
    ("18168", "6449"),
    ("20946", "7203"),
    ("22735", "7546"),
    ("5822", "1573"),
];

#[test]
fn seed_002_p07_electronic_share_over_one_is_caught_every_year() {
    for (part, whole) in P07_ELECTRONIC {
        let e = eval(&report(&[("vb_di", whole), ("vb_dien_tu", part)]));
        let f = at(&e, FindingKind::PartExceedsWhole, "vb_dien_tu");
        assert_eq!(f.len(), 1, "{part}/{whole}");
        assert!(
            f[0].message.vi.contains("đảo"),
            "suggests a swap: {}",
            f[0].message.vi
        );
    }
}

#[test]
fn seed_002_p07_swapped_back_the_shares_are_plausible() {
    // Read the right way round (sent on the national axis / received electronically), each
    // year's share is below 100 %: 5202/14622 = 35,58 %.
    let e = eval(&report(&[("vb_di", "14622"), ("vb_dien_tu", "5202")]));
    assert_eq!(format_percent(num(&e, "vb_ty_le_dien_tu")), "35,58%");
    assert!(e.findings.is_empty());
}

#[test]
fn seed_002_p07_online_dossiers_all_resolved_is_100() {
    // Row 10: 7657/7657, 8549/8549, 1500/1500.
    for n in ["7657", "8549", "1500"] {
        let e = eval(&report(&[
            ("hs_lao_dong.c4", n),
            ("hs_lao_dong.c5", "0"),
            ("hs_lao_dong.c9", n),
        ]));
        assert_eq!(format_percent(num(&e, "hs_ty_le_truc_tuyen")), "100,00%");
        assert_eq!(format_percent(num(&e, "hs_ty_le_dung_han")), "100,00%");
    }
}

#[test]
fn seed_002_p07_one_stop_electronic_shares_reproduce() {
    // Row 11: dossiers through the electronic one-stop / all resolved.
    for (part, whole, shown) in [
        ("3650", "5658", "64,51%"),
        ("3162", "6174", "51,21%"),
        ("4953", "8955", "55,31%"),
        ("9738", "9743", "99,95%"),
        ("2142", "12429", "17,23%"),
        ("2700", "2700", "100,00%"),
    ] {
        let e = eval(&report(&[("sh_ket_qua", part), ("hs_khac.c9", whole)]));
        assert_eq!(
            format_percent(num(&e, "sh_ty_le_ket_qua")),
            shown,
            "{part}/{whole}"
        );
    }
}

#[test]
fn seed_002_p07_lan_use_shares() {
    // Row 6: 2/13 units in 2015–2017, 13/13 from 2018.
    let e = eval(&report(&[("cv_tong", "13"), ("cv_dat_chuan", "2")]));
    assert_eq!(format_percent(num(&e, "cv_ty_le_dat_chuan")), "15,38%");
    let e = eval(&report(&[("cv_tong", "13"), ("cv_dat_chuan", "13")]));
    assert_eq!(format_percent(num(&e, "cv_ty_le_dat_chuan")), "100,00%");
}

#[test]
fn seed_002_received_typed_once_so_6184_and_6174_cannot_diverge() {
    // 2016: the survey line divides 950 forms by 6.184 received, the one-stop line says 6.174.
    // In the template the survey share reads Biểu 06's (3): the figure exists once.
    let e = eval(&report(&[("hs_dat_dai.c5", "6.174"), ("ks_phieu", "950")]));
    assert_eq!(
        format_percent(num(&e, "ks_ty_le_phieu")),
        "15,39%",
        "not the report's 15,36%"
    );
}

#[test]
fn seed_002_repeated_row_number_is_a_template_error() {
    use cchc_core::template::{Appendix, TemplateError};
    let json = crate::validation::minimal_appendix(
        r#"{"id":"a","stt":"4.","label":"A","kind":"count"},{"id":"b","stt":"4.","label":"B","kind":"count"}"#,
    );
    assert!(matches!(
        Appendix::from_json(&json),
        Err(TemplateError::DuplicateStt { .. })
    ));
}
