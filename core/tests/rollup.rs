//! The province's roll-up: reading many files, setting aside what cannot be used, adding up,
//! scoring each commune, counting, exporting an aggregate that rolls up again.

use cchc_core::exchange;
use cchc_core::period::PeriodKind;
use cchc_core::report::Report;
use cchc_core::rollup::{
    self, roll_up, view, BandFilter, Basis, Filter, Input, Kept, Options, Reason, SortBy,
};
use cchc_core::text::Lang;

use crate::support::{eval, report, templates, SEED_000};

/// A commune's report for `period` with `values` typed in.
fn commune(name: &str, period: PeriodKind, year: i32, values: &[(&str, &str)]) -> Report {
    let mut r = report(values);
    r.id = name.into();
    r.identity.commune = name.into();
    r.identity.period = period;
    r.identity.year = year;
    r
}

/// The report as the app exports it, at `at`.
fn file(r: &Report, at: &str) -> Input {
    let json = exchange::export(templates(), r, &eval(r), at);
    Input::file(
        format!("{}.json", exchange::slug(&r.identity.commune)),
        json,
    )
}

const AT: &str = "2026-06-20T01:00:00.000Z";

fn ix(id: &str) -> usize {
    templates().appendix.cell(id).expect("known cell")
}

fn q2(name: &str, values: &[(&str, &str)]) -> Input {
    file(&commune(name, PeriodKind::Q2, 2026, values), AT)
}

#[test]
fn nothing_to_roll_up_gives_an_empty_roll_up() {
    let r = roll_up(templates(), vec![], &Options::default());
    assert!(r.rows.is_empty() && r.rejected.is_empty());
    assert_eq!(r.period, None);
    assert!(r.computed.numbers.iter().all(Option::is_none));
    assert!(r.bands.iter().all(|&n| n == 0));
    assert_eq!(r.unscored, 0);
    assert!(r.finding_types.is_empty());
    assert_eq!(r.band_summary(templates(), Lang::Vi), "");
}

#[test]
fn counts_are_summed_and_rates_recomputed_from_the_sums() {
    // One commune resolved 1 of 1 on time (100 %), the other 0 of 99 (0 %): the province's
    // rate is 1 of 100, not the average 50 %.
    let a = q2("Tân Hà", &[("hs_ho_tich.c5", "1"), ("hs_ho_tich.c9", "1")]);
    let b = q2(
        "Tân Lập",
        &[("hs_dat_dai.c5", "99"), ("hs_dat_dai.c10", "99")],
    );
    let r = roll_up(templates(), vec![a, b], &Options::default());
    assert_eq!(r.rows.len(), 2, "{:?}", r.rejected);
    assert_eq!(r.computed.number(ix("hs_tong.c3")), Some(100.0));
    assert_eq!(r.computed.number(ix("hs_tong.c7")), Some(100.0));
    assert_eq!(r.computed.number(ix("hs_ty_le_dung_han")), Some(1.0));
    let dung_han = r.rates.iter().position(|c| c.id == "dung_han").unwrap();
    let by_name = |n: &str| r.rows.iter().find(|row| row.name == n).unwrap();
    assert_eq!(by_name("xã Tân Hà").rates[dung_han], Some(100.0));
    assert_eq!(by_name("xã Tân Lập").rates[dung_han], Some(0.0));
}

#[test]
fn money_is_summed_and_its_ratio_recomputed() {
    let a = q2(
        "A",
        &[
            ("ns_du_toan_chi", "1.000.000"),
            ("ns_thuc_hien_chi", "900.000"),
        ],
    );
    let b = q2(
        "B",
        &[
            ("ns_du_toan_chi", "3.000.000"),
            ("ns_thuc_hien_chi", "3.000.000"),
        ],
    );
    let r = roll_up(templates(), vec![a, b], &Options::default());
    assert_eq!(r.computed.number(ix("ns_du_toan_chi")), Some(4_000_000.0));
    assert_eq!(r.computed.number(ix("ns_ty_le_chi")), Some(97.5));
}

#[test]
fn a_zero_denominator_leaves_the_rate_without_value() {
    let a = q2("A", &[("kh_nhiem_vu", "0"), ("kh_hoan_thanh", "0")]);
    let b = q2("B", &[("kh_nhiem_vu", "0")]);
    let r = roll_up(templates(), vec![a, b], &Options::default());
    assert_eq!(r.computed.number(ix("kh_nhiem_vu")), Some(0.0));
    assert_eq!(r.computed.number(ix("kh_ty_le")), None);
    // Nothing in Biểu 06 at all: every named rate of every commune is empty.
    assert!(r
        .rows
        .iter()
        .all(|row| row.rates.iter().all(Option::is_none)));
}

#[test]
fn typed_percentages_and_answers_are_not_summed() {
    let a = q2(
        "A",
        &[("hs_ty_le_dung_han_he_thong", "99"), ("iso_ap_dung", "có")],
    );
    let b = q2("B", &[("hs_ty_le_dung_han_he_thong", "98")]);
    let r = roll_up(templates(), vec![a, b], &Options::default());
    assert_eq!(r.computed.number(ix("hs_ty_le_dung_han_he_thong")), None);
    assert_eq!(r.computed.answer(ix("iso_ap_dung")), None);
}

#[test]
fn a_file_that_is_not_a_report_is_set_aside_with_the_reason() {
    let r = roll_up(
        templates(),
        vec![
            q2("A", &[]),
            Input::file("bao-cao.docx", "PK\u{3}\u{4} not json"),
            Input::file("khac.json", r#"{"name": "something else"}"#),
        ],
        &Options::default(),
    );
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rejected.len(), 2);
    let docx = &r.rejected[0];
    assert_eq!(docx.source, "bao-cao.docx");
    assert!(matches!(docx.reason, Reason::NotReport(_)));
    assert!(docx
        .reason
        .message()
        .vi
        .starts_with("Tệp không phải JSON hợp lệ"));
    assert!(r.rejected[1]
        .reason
        .message()
        .vi
        .contains("không phải báo cáo của ứng dụng"));
}

#[test]
fn a_file_too_large_to_be_a_report_is_set_aside_by_its_size_alone() {
    let huge = Input::too_large("video.mp4", 700 * 1024 * 1024);
    let r = roll_up(templates(), vec![q2("A", &[]), huge], &Options::default());
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].source, "video.mp4");
    assert!(r.rejected[0]
        .reason
        .message()
        .vi
        .starts_with("Tệp quá lớn (700,0 MB)"));
}

#[test]
fn files_read_ahead_roll_up_as_the_files_themselves() {
    let inputs = vec![
        q2("A", &[("hs_ho_tich.c5", "10")]),
        q2("B", &[("hs_ho_tich.c5", "7")]),
        q2("A", &[("hs_ho_tich.c5", "12")]),
        Input::file("hong.json", r#"{ "format": "phuluc-cchc", "report": "#),
        Input::file(
            "rong.json",
            r#"{"format": "phuluc-cchc", "schema": 1, "kind": "aggregate", "members": []}"#,
        ),
    ];
    let direct = roll_up(templates(), inputs.clone(), &Options::default());
    let read: Vec<Input> = inputs.into_iter().map(Input::read).collect();
    assert!(read
        .iter()
        .all(|i| matches!(i.body, cchc_core::rollup::Body::Read(_))));
    // Shared by the screen, which rolls the same inputs up again when the period changes.
    let again = read.clone();
    assert_eq!(roll_up(templates(), read, &Options::default()), direct);
    assert_eq!(roll_up(templates(), again, &Options::default()), direct);
    assert_eq!(direct.rows.len(), 2);
    assert_eq!(direct.rejected.len(), 3, "{:?}", direct.rejected);
}

#[test]
fn files_read_as_bytes_roll_up_as_their_texts() {
    let text = |i: &Input| match &i.body {
        cchc_core::rollup::Body::Json(t) => t.to_string(),
        _ => unreachable!("a file"),
    };
    let export = text(&q2("Tân Hà", &[("hs_ho_tich.c5", "10")]));
    // A malformed byte in a name the roll-up keeps, one in a text it skips (the exported
    // findings), a byte-order mark.
    let mut bad_kept = export.clone().into_bytes();
    let at = export.find("Tân Hà").unwrap() + 1;
    bad_kept[at] = 0xFF;
    let mut bad_skipped = export.clone().into_bytes();
    let computed = export.find("\"computed\"").unwrap();
    let at = computed + export[computed..].find("\"message\": \"").unwrap() + 12;
    bad_skipped[at] = 0xFF;
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a.json", export.clone().into_bytes()),
        ("bom.json", format!("\u{feff}{export}").into_bytes()),
        ("kept.json", bad_kept),
        ("skipped.json", bad_skipped),
        (
            "hong.json",
            b"{ \"format\": \"phuluc-cchc\", \"report\": ".to_vec(),
        ),
        ("empty.json", Vec::new()),
    ];
    for (name, bytes) in files {
        let from_bytes = Input::read_bytes(name, &bytes);
        let from_text = Input::read_text(name, &String::from_utf8_lossy(&bytes));
        let (a, b) = (
            roll_up(templates(), vec![from_bytes], &Options::default()),
            roll_up(templates(), vec![from_text], &Options::default()),
        );
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn a_bare_report_from_another_tool_is_read() {
    let bare = serde_json::to_string(&commune("A", PeriodKind::Q2, 2026, SEED_000)).unwrap();
    let r = roll_up(
        templates(),
        vec![Input::file("a.json", bare)],
        &Options::default(),
    );
    assert_eq!(r.rows.len(), 1, "{:?}", r.rejected);
    assert_eq!(r.computed.number(ix("hs_tong.c3")), Some(1794.0));
}

#[test]
fn another_template_version_is_set_aside_saying_which() {
    let mut other = commune("B", PeriodKind::Q2, 2026, SEED_000);
    other.appendix.version = 2;
    let r = roll_up(
        templates(),
        vec![q2("A", SEED_000), file(&other, AT)],
        &Options::default(),
    );
    assert_eq!(r.rows.len(), 1);
    let m = r.rejected[0].reason.message().vi;
    assert!(
        m.contains("phiên bản 2") && m.contains("phiên bản 1"),
        "{m}"
    );
    assert_eq!(r.rejected[0].commune.as_deref(), Some("xã B"));
    assert_eq!(r.computed.number(ix("hs_tong.c3")), Some(1794.0));
}

#[test]
fn another_period_than_most_is_set_aside_saying_which() {
    let q1 = file(&commune("D", PeriodKind::Q1, 2026, &[]), AT);
    let r = roll_up(
        templates(),
        vec![q2("A", &[]), q1, q2("B", &[]), q2("C", &[])],
        &Options::default(),
    );
    assert_eq!(r.period, Some((PeriodKind::Q2, 2026)));
    assert_eq!(r.basis, Some(Basis::Majority { count: 3, of: 4 }));
    assert_eq!(r.rows.len(), 3);
    assert_eq!(
        r.rejected[0].reason.message().vi,
        "Báo cáo kỳ Quý I 2026, khác kỳ tổng hợp Quý II 2026 (kỳ của 3/4 báo cáo)."
    );
}

#[test]
fn a_tie_between_periods_takes_the_first_read() {
    let q1 = file(&commune("B", PeriodKind::Q1, 2026, &[]), AT);
    let r = roll_up(templates(), vec![q2("A", &[]), q1], &Options::default());
    assert_eq!(r.period, Some((PeriodKind::Q2, 2026)));
    assert_eq!(r.basis, Some(Basis::First));
    assert!(r.rejected[0]
        .reason
        .message()
        .vi
        .contains("báo cáo đọc đầu tiên"));
}

#[test]
fn a_chosen_period_sets_aside_all_others() {
    let y = file(&commune("C", PeriodKind::Year, 2025, &[]), AT);
    let r = roll_up(
        templates(),
        vec![q2("A", &[]), q2("B", &[]), y],
        &Options {
            period: Some((PeriodKind::Year, 2025)),
        },
    );
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0].name, "xã C");
    assert_eq!(r.rejected.len(), 2);
    assert!(r.rejected[0].reason.message().vi.ends_with("(kỳ đã chọn)."));
}

#[test]
fn the_same_commune_twice_keeps_the_newer_and_says_so() {
    let old = commune("Tân Hà", PeriodKind::Q2, 2026, &[("hs_ho_tich.c5", "10")]);
    let new = commune("Tân  hà", PeriodKind::Q2, 2026, &[("hs_ho_tich.c5", "12")]);
    let mut a = file(&new, "2026-06-21T03:00:00.000Z");
    a.name = "moi.json".into();
    let mut b = file(&old, "2026-06-20T03:00:00.000Z");
    b.name = "cu.json".into();
    let r = roll_up(templates(), vec![b, a], &Options::default());
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0].member.source, "moi.json");
    assert_eq!(r.computed.number(ix("hs_tong.c3")), Some(12.0));
    let x = &r.rejected[0];
    assert_eq!(x.source, "cu.json");
    assert!(matches!(
        x.reason,
        Reason::Duplicate {
            why: Kept::Newer { .. },
            ..
        }
    ));
    assert_eq!(
        x.reason.message().vi,
        "Trùng xã Tân Hà với «moi.json»; giữ «moi.json» vì mới hơn (lúc 21/06/2026 10:00; bản này lúc 20/06/2026 10:00)."
    );
}

#[test]
fn two_copies_without_a_time_keep_the_first_read() {
    let a = Input::saved("Bản 1", commune("A", PeriodKind::Q2, 2026, &[]), None);
    let b = Input::saved("Bản 2", commune("A", PeriodKind::Q2, 2026, &[]), None);
    let r = roll_up(templates(), vec![a, b], &Options::default());
    assert_eq!(r.rows[0].member.source, "Bản 1");
    assert!(r.rejected[0]
        .reason
        .message()
        .vi
        .contains("giữ «Bản 1» (đọc trước)"));
}

#[test]
fn a_report_dated_later_is_newer_when_no_copy_has_a_time() {
    let mut later = commune("A", PeriodKind::Q2, 2026, &[]);
    later.identity.date = chrono::NaiveDate::from_ymd_opt(2026, 6, 18);
    let r = roll_up(
        templates(),
        vec![
            Input::saved("cũ", commune("A", PeriodKind::Q2, 2026, &[]), None),
            Input::saved("mới", later, None),
        ],
        &Options::default(),
    );
    assert_eq!(r.rows[0].member.source, "mới");
}

#[test]
fn communes_of_the_same_name_but_another_kind_are_two() {
    let mut ward = commune("Tân Hà", PeriodKind::Q2, 2026, &[]);
    ward.identity.commune_kind = cchc_core::report::CommuneKind::Phuong;
    let r = roll_up(
        templates(),
        vec![q2("Tân Hà", &[]), file(&ward, AT)],
        &Options::default(),
    );
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.unit_word().vi, "đơn vị");
}

#[test]
fn each_commune_is_scored_against_the_criteria_set_in_use() {
    let r = roll_up(templates(), vec![q2("A", SEED_000)], &Options::default());
    let row = &r.rows[0];
    let e = eval(&row.member.report);
    assert_eq!(row.index, e.scorecard.index);
    assert_eq!(row.band, e.scorecard.band);
}

/// A report whose self-scored items get `fraction` of their maximum (yes/no items: yes from
/// one half), each with evidence; rules that read the appendix find it empty.
fn scored(name: &str, fraction: f64) -> Report {
    let t = templates();
    let mut r = commune(name, PeriodKind::Q2, 2026, &[]);
    for item in t
        .criteria
        .template
        .areas
        .iter()
        .filter(|a| a.kind == cchc_core::template::criteria::AreaKind::Regular)
        .flat_map(|a| &a.criteria)
        .flat_map(|c| &c.items)
    {
        let a = r.assessments.entry(item.id.clone()).or_default();
        a.answer = Some(fraction >= 0.5);
        a.score = cchc_core::number::format_trimmed(item.max * fraction, 2);
        a.evidence.push(Default::default());
        a.evidence[0].title = "Kế hoạch".into();
    }
    r
}

#[test]
fn bands_and_finding_types_are_counted_per_commune() {
    // Two communes with (3) ≠ (7) + (11) (in two rows for one of them), one without.
    let wrong = [
        ("hs_ho_tich.c5", "10"),
        ("hs_ho_tich.c9", "4"),
        ("hs_ho_tich.c12", "1"),
    ];
    let wrong_twice = [
        ("hs_ho_tich.c5", "10"),
        ("hs_ho_tich.c9", "4"),
        ("hs_dat_dai.c5", "3"),
        ("hs_dat_dai.c9", "1"),
    ];
    let r = roll_up(
        templates(),
        vec![q2("A", &wrong), q2("B", &wrong_twice), q2("C", SEED_000)],
        &Options::default(),
    );
    let ty = r
        .finding_types
        .iter()
        .position(|f| f.label.vi == "(3) ≠ (7) + (11)")
        .unwrap_or_else(|| panic!("{:?}", r.finding_types));
    assert_eq!(r.finding_types[ty].communes, 2);
    assert_eq!(r.finding_line(ty, Lang::Vi), "2 xã có (3) ≠ (7) + (11)");
    let with: Vec<&str> = view(
        &r,
        SortBy::Name,
        false,
        &Filter {
            finding_type: Some(ty),
            ..Filter::default()
        },
    )
    .into_iter()
    .map(|i| r.rows[i].name.as_str())
    .collect();
    assert_eq!(with, ["xã A", "xã B"]);
    assert_eq!(r.bands.iter().sum::<usize>() + r.unscored, 3);
}

#[test]
fn every_check_of_the_template_has_its_own_label() {
    // Share over 100 %, part over whole, typed percent: each is a type of its own.
    let r = roll_up(
        templates(),
        vec![q2(
            "A",
            &[
                ("kh_nhiem_vu", "24"),
                ("kh_hoan_thanh", "42"),
                ("pakn_tiep_nhan", "3"),
                ("pakn_da_xu_ly", "5"),
                ("hs_ho_tich.c5", "100"),
                ("hs_ho_tich.c9", "100"),
                ("hs_ty_le_dung_han_he_thong", "90"),
                ("cv_tong", "abc"),
            ],
        )],
        &Options::default(),
    );
    let labels: Vec<&str> = r
        .finding_types
        .iter()
        .map(|f| f.label.vi.as_str())
        .collect();
    let mut labels = labels;
    labels.sort();
    assert_eq!(
        labels,
        [
            "tỷ lệ nhập «Tỷ lệ đúng hạn theo Hệ thống thông tin giải quyết TTHC (nhập nếu có)» lệch với số liệu",
            "«Số phản ánh, kiến nghị đã xử lý» > «Số phản ánh, kiến nghị tiếp nhận»",
            "«Tỷ lệ hoàn thành Kế hoạch CCHC» vượt 100%",
            "ô nhập không đọc được",
        ]
    );
    assert_eq!(r.rows[0].types.len(), labels.len());
}

#[test]
fn the_table_is_worst_first_by_default() {
    let good = scored("Tốt", 1.0);
    let bad = scored("Kém", 0.0);
    // Entries no rule reads, so the index stays that of "Kém".
    let errors = [("tt_hoi_nghi", "mười"), ("tt_tin_bai", "5a")];
    let mut bad_with_errors = scored("Kém nhiều lỗi", 0.0);
    for (c, v) in errors {
        bad_with_errors.set_value(c, v);
    }
    let r = roll_up(
        templates(),
        vec![file(&good, AT), file(&bad, AT), file(&bad_with_errors, AT)],
        &Options::default(),
    );
    let names: Vec<&str> = r.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["xã Kém nhiều lỗi", "xã Kém", "xã Tốt"],
        "{:?}",
        r.rows
            .iter()
            .map(|r| (r.index, r.errors))
            .collect::<Vec<_>>()
    );
    assert_eq!(r.rows[0].index, r.rows[1].index);
    let best_first: Vec<&str> = view(&r, SortBy::Index, true, &Filter::default())
        .into_iter()
        .map(|i| r.rows[i].name.as_str())
        .collect();
    assert_eq!(best_first[0], "xã Tốt");
    let band = r.rows[2].band.unwrap();
    let in_band = view(
        &r,
        SortBy::Worst,
        false,
        &Filter {
            band: Some(BandFilter::Band(band)),
            ..Filter::default()
        },
    );
    assert_eq!(in_band.len(), r.bands[band]);
    let unscored = Filter {
        band: Some(BandFilter::Unscored),
        ..Filter::default()
    };
    assert!(view(&r, SortBy::Worst, false, &unscored).is_empty());
    let by_text = view(
        &r,
        SortBy::Worst,
        false,
        &Filter {
            text: "KÉM".into(),
            with_errors: true,
            ..Filter::default()
        },
    );
    assert_eq!(by_text, [0]);
    let summary = r.band_summary(templates(), Lang::Vi);
    assert_eq!(summary, "3 xã xếp loại Kém");
}

#[test]
fn saved_reports_roll_up_with_files() {
    let saved = Input::saved(
        "Bản lưu",
        commune("B", PeriodKind::Q2, 2026, SEED_000),
        Some(0.0),
    );
    let r = roll_up(
        templates(),
        vec![q2("A", SEED_000), saved],
        &Options::default(),
    );
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.computed.number(ix("hs_tong.c3")), Some(3588.0));
}

#[test]
fn an_aggregate_rolls_up_again_as_its_members() {
    let first = roll_up(
        templates(),
        vec![
            q2("A", SEED_000),
            q2("B", SEED_000),
            Input::file("x.json", "x"),
        ],
        &Options::default(),
    );
    let json = rollup::export(templates(), &first, "Sở Nội vụ tỉnh Hà Tĩnh", AT);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["kind"], "aggregate");
    assert_eq!(v["format"], "phuluc-cchc");
    assert_eq!(v["members"].as_array().unwrap().len(), 2);
    assert_eq!(v["aggregate"]["rejected"].as_array().unwrap().len(), 1);
    let c3 = v["computed"]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hs_tong.c3")
        .unwrap();
    assert_eq!(c3["shown"], "3.588");
    // A single-report import refuses it rather than reading half of it.
    assert!(exchange::import(&json).is_err());

    let again = roll_up(
        templates(),
        vec![Input::file("tong-hop.json", json), q2("C", SEED_000)],
        &Options::default(),
    );
    assert_eq!(again.rows.len(), 3, "{:?}", again.rejected);
    assert_eq!(again.computed.number(ix("hs_tong.c3")), Some(5382.0));
    let sources: Vec<&str> = again
        .rows
        .iter()
        .map(|r| r.member.source.as_str())
        .collect();
    assert!(sources.contains(&"tong-hop.json › a.json"), "{sources:?}");
}

#[test]
fn an_aggregate_of_aggregates_keeps_one_copy_per_commune() {
    let one = roll_up(templates(), vec![q2("A", SEED_000)], &Options::default());
    let both = roll_up(
        templates(),
        vec![q2("A", SEED_000), q2("B", SEED_000)],
        &Options::default(),
    );
    let j1 = rollup::export(templates(), &one, "", AT);
    let j2 = rollup::export(templates(), &both, "", AT);
    let r = roll_up(
        templates(),
        vec![Input::file("1.json", j1), Input::file("2.json", j2)],
        &Options::default(),
    );
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.rejected.len(), 1);
    assert!(matches!(r.rejected[0].reason, Reason::Duplicate { .. }));
    assert_eq!(r.computed.number(ix("hs_tong.c3")), Some(3588.0));
}

#[test]
fn an_empty_aggregate_is_set_aside() {
    let empty = roll_up(templates(), vec![], &Options::default());
    let json = rollup::export(templates(), &empty, "", AT);
    let r = roll_up(
        templates(),
        vec![Input::file("rong.json", json)],
        &Options::default(),
    );
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].reason, Reason::EmptyAggregate);
}

#[test]
fn a_broken_member_of_an_aggregate_is_set_aside_alone() {
    let two = roll_up(
        templates(),
        vec![q2("A", SEED_000), q2("B", SEED_000)],
        &Options::default(),
    );
    let mut v: serde_json::Value =
        serde_json::from_str(&rollup::export(templates(), &two, "", AT)).unwrap();
    v["members"][1]["report"]["identity"]["year"] = "hai nghìn".into();
    let r = roll_up(
        templates(),
        vec![Input::file("th.json", v.to_string())],
        &Options::default(),
    );
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rejected.len(), 1);
    assert!(r.rejected[0].source.starts_with("th.json › "));
    assert!(r.rejected[0].reason.message().vi.contains("identity.year"));
}

#[test]
fn the_file_name_says_period_and_year() {
    let r = roll_up(templates(), vec![q2("A", &[])], &Options::default());
    assert_eq!(rollup::file_name(&r), "phuluc-cchc_tong-hop_quy2_2026.json");
}
