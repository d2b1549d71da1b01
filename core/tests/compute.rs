//! Derived values: sums, differences, ratios; empty is not zero; no NaN.

use cchc_core::compute::{parse_date, parse_yes_no, InputError};
use cchc_core::number::{format_percent, ParseError};

use crate::support::{eval, num, report, templates};

#[test]
fn an_empty_report_has_no_values_at_all() {
    let e = eval(&report(&[]));
    assert!(e.computed.numbers.iter().all(Option::is_none));
    assert!(e.findings.is_empty());
}

#[test]
fn a_row_total_sums_its_parts() {
    let e = eval(&report(&[
        ("hs_dat_dai.c4", "10"),
        ("hs_dat_dai.c5", "5"),
        ("hs_dat_dai.c6", "2"),
    ]));
    assert_eq!(num(&e, "hs_dat_dai.c3"), Some(17.0));
}

#[test]
fn a_sum_of_partly_filled_parts_counts_only_what_is_filled() {
    let e = eval(&report(&[("dvc_toan_trinh", "10")]));
    assert_eq!(num(&e, "dvc_tong"), Some(10.0));
}

#[test]
fn a_blank_in_a_filled_grid_reads_as_zero() {
    let e = eval(&report(&[("hs_dat_dai.c4", "10")]));
    assert_eq!(num(&e, "hs_dat_dai.c7"), Some(0.0));
    assert_eq!(num(&e, "hs_ho_tich.c4"), Some(0.0));
}

#[test]
fn a_blank_grid_stays_empty() {
    let e = eval(&report(&[("kh_nhiem_vu", "10")]));
    assert_eq!(num(&e, "hs_tong.c3"), None);
}

#[test]
fn a_blank_list_row_stays_empty_beside_filled_ones() {
    let e = eval(&report(&[("kh_nhiem_vu", "10")]));
    assert_eq!(num(&e, "kh_hoan_thanh"), None);
}

#[test]
fn the_total_row_sums_every_field_row() {
    let e = eval(&report(&[
        ("hs_ho_tich.c4", "3"),
        ("hs_dat_dai.c4", "4"),
        ("hs_khac.c5", "5"),
    ]));
    assert_eq!(num(&e, "hs_tong.c4"), Some(7.0));
    assert_eq!(num(&e, "hs_tong.c5"), Some(5.0));
    assert_eq!(num(&e, "hs_tong.c3"), Some(12.0));
}

#[test]
fn a_ratio_is_part_over_whole_times_one_hundred() {
    let e = eval(&report(&[("kh_nhiem_vu", "42"), ("kh_hoan_thanh", "21")]));
    assert_eq!(num(&e, "kh_ty_le"), Some(50.0));
}

#[test]
fn a_ratio_with_zero_denominator_has_no_value() {
    let e = eval(&report(&[("kh_nhiem_vu", "0"), ("kh_hoan_thanh", "0")]));
    assert_eq!(num(&e, "kh_ty_le"), None);
    assert_eq!(format_percent(num(&e, "kh_ty_le")), "—");
}

#[test]
fn a_ratio_with_an_empty_side_has_no_value() {
    let e = eval(&report(&[("kh_nhiem_vu", "42")]));
    assert_eq!(num(&e, "kh_ty_le"), None);
}

#[test]
fn a_difference_may_be_negative() {
    let e = eval(&report(&[("bm_bien_che", "20"), ("bm_hien_co", "23")]));
    assert_eq!(num(&e, "bm_con_thieu"), Some(-3.0));
}

#[test]
fn a_difference_without_its_first_term_is_empty() {
    let e = eval(&report(&[("bm_hien_co", "23")]));
    assert_eq!(num(&e, "bm_con_thieu"), None);
}

#[test]
fn a_named_rate_follows_its_definition() {
    // truc_tuyen = (4) / ((4) + (5))
    let e = eval(&report(&[
        ("hs_chung_thuc.c4", "30"),
        ("hs_chung_thuc.c5", "70"),
    ]));
    assert_eq!(num(&e, "hs_ty_le_truc_tuyen"), Some(30.0));
    assert_eq!(
        num(&e, "dvc_ty_le_ho_so"),
        Some(30.0),
        "the same rate shown in section VII"
    );
}

#[test]
fn a_ratio_may_read_cells_of_another_section() {
    let e = eval(&report(&[
        ("tthc_tong", "120"),
        ("dvc_toan_trinh", "30"),
        ("dvc_mot_phan", "30"),
    ]));
    assert_eq!(num(&e, "dvc_tong"), Some(60.0));
    assert_eq!(num(&e, "dvc_ty_le"), Some(50.0));
}

#[test]
fn money_is_read_with_thousand_dots() {
    let e = eval(&report(&[
        ("ns_du_toan_chi", "10.877.753.000"),
        ("ns_thuc_hien_chi", "9.789.977.700"),
    ]));
    assert_eq!(num(&e, "ns_du_toan_chi"), Some(10_877_753_000.0));
    assert_eq!(format_percent(num(&e, "ns_ty_le_chi")), "90,00%");
}

#[test]
fn a_budget_ratio_may_exceed_one_hundred_without_a_finding() {
    let e = eval(&report(&[
        ("ns_du_toan_chi", "100"),
        ("ns_thuc_hien_chi", "105"),
    ]));
    assert_eq!(num(&e, "ns_ty_le_chi"), Some(105.0));
    assert!(e.findings.is_empty());
}

#[test]
fn a_typed_text_that_is_not_a_number_is_kept_and_flagged() {
    let r = report(&[("kh_nhiem_vu", "12a")]);
    let e = eval(&r);
    let ix = templates().appendix.cell("kh_nhiem_vu").unwrap();
    assert_eq!(r.value("kh_nhiem_vu"), "12a");
    assert_eq!(
        e.computed.errors.get(&ix),
        Some(&InputError::Number(ParseError::NotANumber))
    );
    assert_eq!(num(&e, "kh_nhiem_vu"), None);
}

#[test]
fn a_fraction_in_a_count_is_flagged() {
    let e = eval(&report(&[("kh_nhiem_vu", "4,5")]));
    let ix = templates().appendix.cell("kh_nhiem_vu").unwrap();
    assert_eq!(
        e.computed.errors.get(&ix),
        Some(&InputError::Number(ParseError::NotInteger))
    );
}

#[test]
fn a_typed_percentage_accepts_decimals_and_the_sign() {
    let e = eval(&report(&[("hs_ty_le_dung_han_he_thong", "99,89%")]));
    assert_eq!(num(&e, "hs_ty_le_dung_han_he_thong"), Some(99.89));
}

#[test]
fn yes_no_cells_read_the_ways_officers_write() {
    for yes in ["có", "Có", "co", "x", "1", "yes"] {
        assert_eq!(parse_yes_no(yes), Some(true), "{yes}");
    }
    for no in ["không", "Không", "khong", "0", "no"] {
        assert_eq!(parse_yes_no(no), Some(false), "{no}");
    }
    assert_eq!(parse_yes_no("có lẽ"), None);
}

#[test]
fn a_yes_no_cell_with_other_text_is_flagged() {
    let e = eval(&report(&[("iso_ap_dung", "đang làm")]));
    let ix = templates().appendix.cell("iso_ap_dung").unwrap();
    assert_eq!(e.computed.errors.get(&ix), Some(&InputError::YesNo));
}

#[test]
fn dates_read_day_month_year_and_iso() {
    use chrono::NaiveDate;
    let d = NaiveDate::from_ymd_opt(2026, 1, 5);
    assert_eq!(parse_date("05/01/2026"), d);
    assert_eq!(parse_date("5/1/2026"), d);
    assert_eq!(parse_date("05-01-2026"), d);
    assert_eq!(parse_date("2026-01-05"), d);
    assert_eq!(parse_date("31/02/2026"), None);
    assert_eq!(parse_date("05/01/26"), None);
}

#[test]
fn huge_counts_are_refused_rather_than_summed_inexactly() {
    let e = eval(&report(&[("hs_ho_tich.c4", "9.999.999.999.999.999")]));
    assert!(!e.computed.errors.is_empty());
    assert_eq!(num(&e, "hs_tong.c4"), None);
}

#[test]
fn the_largest_counts_still_add_up_exactly() {
    let big = "999.999.999.999";
    let values: Vec<(String, &str)> = [
        "hs_ho_tich",
        "hs_chung_thuc",
        "hs_dat_dai",
        "hs_bao_tro_xa_hoi",
        "hs_nguoi_co_cong",
        "hs_lao_dong",
        "hs_thi_dua",
        "hs_khac",
    ]
    .iter()
    .flat_map(|r| ["c4", "c5", "c6"].map(move |c| (format!("{r}.{c}"), big)))
    .collect();
    let refs: Vec<(&str, &str)> = values.iter().map(|(c, v)| (c.as_str(), *v)).collect();
    let e = eval(&report(&refs));
    assert_eq!(num(&e, "hs_tong.c3"), Some(24.0 * 999_999_999_999.0));
}

#[test]
fn no_derived_value_is_ever_nan_or_infinite() {
    let mut values = Vec::new();
    for c in &templates().appendix.cells {
        if c.is_input() {
            values.push((c.id.as_str(), "0"));
        }
    }
    let e = eval(&report(&values));
    assert!(e.computed.numbers.iter().flatten().all(|v| v.is_finite()));
}

#[test]
fn an_optional_section_left_out_counts_for_nothing_but_keeps_its_values() {
    let r = report(&[("td_thu_du_toan", "100"), ("td_thu_thuc_hien", "120x")]);
    let e = eval(&r);
    assert_eq!(num(&e, "td_thu_du_toan"), None);
    assert!(e.findings.is_empty());
    assert_eq!(r.value("td_thu_thuc_hien"), "120x");
}

#[test]
fn an_optional_section_included_counts() {
    let mut r = report(&[("td_thu_du_toan", "100"), ("td_thu_thuc_hien", "120")]);
    r.optional_sections.insert("s8".into());
    assert_eq!(num(&eval(&r), "td_ty_le_thu"), Some(120.0));
}
