//! Reading the report's words: one test per phrase shape, the seeds' own sentences, the
//! appendix as a reference, and the drafted narrative bound to its cells.

use std::path::PathBuf;

use cchc_core::prose::{proofread, proofread_against, Severity, Statement, StatementKind};

use crate::support::{eval, report, templates, SEED_000};

/// (severity, the statement as written, the correct value) of each flagged statement.
fn flags(text: &str) -> Vec<(Severity, String, Option<String>)> {
    proofread(text)
        .flagged()
        .filter_map(|s| {
            let f = s.flag.as_ref()?;
            Some((f.severity, s.span.slice(text).to_owned(), f.correct.clone()))
        })
        .collect()
}

fn statements(text: &str) -> Vec<Statement> {
    proofread(text).statements
}

fn only_flag(text: &str) -> (Severity, String, Option<String>) {
    let f = flags(text);
    assert_eq!(f.len(), 1, "{f:?}");
    f.into_iter().next().unwrap()
}

fn clean(text: &str) -> usize {
    let p = proofread(text);
    let flagged: Vec<_> = p.flagged().map(|s| s.span.slice(text).to_owned()).collect();
    assert!(flagged.is_empty(), "{text}: {flagged:?}");
    p.statements.len()
}

// --- Shares ------------------------------------------------------------------------------

#[test]
fn share_with_its_percentage_is_right() {
    assert_eq!(
        clean("Đã kiểm tra 16/16 đơn vị cấp xã, đạt 100% kế hoạch."),
        1
    );
}

#[test]
fn share_reads_vietnamese_grouping_and_a_space_before_the_sign() {
    assert_eq!(
        clean("Đã phát 850 phiếu /5.658 hồ sơ tiếp nhận, đạt 15,02 %."),
        1
    );
}

#[test]
fn share_in_brackets_is_read() {
    assert_eq!(clean("Đã giải quyết 1.779/1.781 hồ sơ (99,89%)."), 1);
}

#[test]
fn share_with_equals_sign_is_read() {
    assert_eq!(clean("Mức độ hoàn thành: 9/9 = 100% kế hoạch."), 1);
}

#[test]
fn wrong_percentage_of_a_share_is_an_error_with_the_exact_value() {
    let (sev, _, correct) = only_flag("Đã phát 1.468 phiếu /8.955 hồ sơ tiếp nhận, đạt 18,42%.");
    assert_eq!(sev, Severity::Error);
    assert_eq!(correct.as_deref(), Some("16,39%"));
}

#[test]
fn one_decimal_rounding_is_a_note() {
    let (sev, _, correct) = only_flag("Đúng hạn 4.932/5.000 hồ sơ (98,6%).");
    assert_eq!(sev, Severity::Note);
    assert_eq!(correct.as_deref(), Some("98,64%"));
}

#[test]
fn one_decimal_that_is_wrong_is_an_error() {
    let (sev, _, correct) = only_flag("Đúng hạn 8.709/10.000 hồ sơ (87,9%).");
    assert_eq!(sev, Severity::Error);
    assert_eq!(correct.as_deref(), Some("87,09%"));
}

#[test]
fn a_cut_instead_of_a_rounded_percentage_is_a_note() {
    let (sev, _, correct) = only_flag("Hoàn thành đúng thời gian 85/101 = 84,15%.");
    assert_eq!(sev, Severity::Note);
    assert_eq!(correct.as_deref(), Some("84,16%"));
}

#[test]
fn a_note_says_it_is_lenient() {
    let p = proofread("Đúng hạn 4.932/5.000 hồ sơ (98,6%).");
    let msg = &p.statements[0].flag.as_ref().unwrap().message;
    assert!(
        msg.vi.contains("làm tròn một chữ số thập phân"),
        "{}",
        msg.vi
    );
    assert!(msg.en.contains("rounded to one decimal"), "{}", msg.en);
}

#[test]
fn above_a_percentage_holds_when_the_share_is_above() {
    assert_eq!(
        clean("Tỷ lệ hồ sơ trực tuyến đạt trên 30% (327/977 hồ sơ)."),
        1
    );
}

#[test]
fn above_a_percentage_fails_when_the_share_is_below() {
    let (sev, _, correct) = only_flag("Tỷ lệ hồ sơ trực tuyến đạt trên 40% (327/977 hồ sơ).");
    assert_eq!(sev, Severity::Error);
    assert_eq!(correct.as_deref(), Some("33,47%"));
}

#[test]
fn part_over_whole_said_to_be_100_percent_is_an_error() {
    let (sev, written, correct) =
        only_flag("Mức độ hoàn thành: 42/24 nhiệm vụ bằng 100% kế hoạch.");
    assert_eq!(sev, Severity::Error);
    assert_eq!(written, "42/24 nhiệm vụ bằng 100%");
    assert_eq!(correct.as_deref(), Some("175,00%"));
}

#[test]
fn ratio_upside_down_in_a_share_is_an_error_with_the_swapped_value() {
    let (sev, written, correct) = only_flag("Tỷ lệ hồ sơ giải quyết đúng hạn: 2717/2700");
    assert_eq!(sev, Severity::Error);
    assert_eq!(written, "2717/2700");
    assert_eq!(correct.as_deref(), Some("99,37%"));
}

#[test]
fn a_share_over_100_percent_printed_as_a_share_is_an_error() {
    let f = flags("Tỷ lệ văn bản gửi dưới dạng điện tử/Tổng số văn bản đi\t14622/5202\t2/13");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "14622/5202");
}

#[test]
fn a_bare_fraction_over_one_outside_a_share_is_not_read() {
    assert!(statements("Thành lập mới 37/35 doanh nghiệp.").is_empty());
}

#[test]
fn a_bare_fraction_within_its_whole_is_right() {
    assert_eq!(clean("Đã có 10/12 xã ký thỏa thuận."), 1);
}

// --- Changes -----------------------------------------------------------------------------

#[test]
fn a_rise_given_wrong_is_an_error() {
    let (sev, _, correct) =
        only_flag("Thành lập mới 37/35 doanh nghiệp, vượt 0,57% so với năm 2019.");
    assert_eq!(sev, Severity::Error);
    assert_eq!(correct.as_deref(), Some("5,71%"));
}

#[test]
fn a_rise_given_right_is_right() {
    assert_eq!(
        clean("Thành lập mới 37/35 doanh nghiệp, tăng 5,71% so với cùng kỳ."),
        1
    );
}

#[test]
fn a_fall_given_right_is_right() {
    assert_eq!(clean("Tiếp nhận 90/100 hồ sơ, giảm 10% so với cùng kỳ."), 1);
}

#[test]
fn a_change_beside_its_two_numbers_is_verified() {
    let s = statements("Tiếp nhận 1.794 hồ sơ, tăng 5,53% so với cùng kỳ (1.700 hồ sơ).");
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].kind, StatementKind::Change);
    assert!(s[0].flag.is_none());
}

// --- A percentage beside its own numbers -------------------------------------------------

#[test]
fn seed_000_on_time_sentence_is_right() {
    let text = "Kết quả giải quyết TTHC: Số hồ sơ đã giải quyết 1781 hồ sơ; trong đó: 1779 hồ sơ giải quyết đúng hạn; 2 hồ sơ giải quyết quá hạn (Đạt tỷ lệ 99,89% hồ sơ giải quyết đúng hạn).";
    let s = statements(text);
    assert!(s.iter().all(|s| s.flag.is_none()), "{s:?}");
    assert!(s.iter().any(|s| s.kind == StatementKind::Share));
    assert!(s.iter().any(|s| s.kind == StatementKind::Sum));
}

#[test]
fn a_percentage_no_two_numbers_give_is_not_a_statement() {
    assert!(statements("Tiếp nhận 1.794 hồ sơ, đạt 73% chỉ tiêu.").is_empty());
}

// --- Totals and parts --------------------------------------------------------------------

#[test]
fn an_equation_that_holds_is_right() {
    assert_eq!(clean("Tổng số: 1.794 = 1.674 + 120."), 1);
}

#[test]
fn an_equation_that_fails_is_an_error_with_the_sum() {
    let (sev, _, correct) = only_flag("Tổng số: 1.794 = 1.674 + 110.");
    assert_eq!(sev, Severity::Error);
    assert_eq!(correct.as_deref(), Some("1.784"));
}

#[test]
fn parts_after_of_which_that_add_up_are_right() {
    let text = "Kế hoạch có 42 nhiệm vụ, trong đó: chỉ đạo điều hành: 9 nhiệm vụ; thể chế: 8 nhiệm vụ; thủ tục hành chính: 3 nhiệm vụ; bộ máy: 4 nhiệm vụ; công chức: 6 nhiệm vụ; tài chính công: 5 nhiệm vụ; hiện đại hóa: 7 nhiệm vụ.";
    assert_eq!(clean(text), 1);
}

#[test]
fn parts_after_of_which_that_exceed_the_whole_are_an_error() {
    let (sev, _, correct) = only_flag("Có 12 người, trong đó: 8 người nam; 6 người nữ.");
    assert_eq!(sev, Severity::Error);
    assert_eq!(correct.as_deref(), Some("14"));
}

#[test]
fn some_parts_after_of_which_are_not_a_statement() {
    let text = "Có 64 văn bản còn hiệu lực, trong đó, có 02 văn bản hết hiệu lực một phần; 03 văn bản hết hiệu lực toàn bộ.";
    assert!(statements(text).is_empty());
}

#[test]
fn on_time_and_late_are_the_whole_so_a_shortfall_is_an_error() {
    let (sev, _, correct) =
        only_flag("Đã giải quyết 1.781 hồ sơ; trong đó: 1.779 hồ sơ đúng hạn; 1 hồ sơ quá hạn.");
    assert_eq!(sev, Severity::Error);
    assert_eq!(correct.as_deref(), Some("1.780"));
}

#[test]
fn consists_of_lists_every_part() {
    let (sev, _, correct) = only_flag("Huyện có 16 đơn vị hành chính, gồm: 12 xã, 3 thị trấn.");
    assert_eq!(sev, Severity::Error);
    assert_eq!(correct.as_deref(), Some("15"));
    assert_eq!(
        clean("Huyện có 16 đơn vị hành chính, gồm: 12 xã, 4 thị trấn."),
        1
    );
}

#[test]
fn a_breakdown_in_brackets_is_checked() {
    assert_eq!(
        clean("Nghỉ: 78 người (Công chức huyện: 03 người; viên chức: 10 người; cấp xã: 65 người)."),
        1
    );
    let (sev, _, _) = only_flag(
        "Nghỉ: 78 người (Công chức huyện: 03 người; viên chức: 10 người; cấp xã: 66 người).",
    );
    assert_eq!(sev, Severity::Error);
}

#[test]
fn of_which_in_brackets_takes_the_whole_before_them() {
    assert_eq!(
        clean("Giao cho 17 đơn vị (Trong đó: 01 cơ quan và 16 xã, thị trấn)."),
        1
    );
}

#[test]
fn of_which_opening_a_sentence_takes_the_whole_from_the_one_before() {
    let text = "Tổng cộng 427 dịch vụ công trực tuyến. Trong đó: Cấp tỉnh: 377 DVC; cấp huyện: 35 DVC; cấp xã: 15 DVC.";
    assert_eq!(clean(text), 1);
}

#[test]
fn nested_breakdowns_are_each_checked() {
    let text = "Bổ nhiệm lại: 12 người, trong đó: Hiệu trưởng: 07 người (Tiểu học 02 người, Mầm non 05 người); Phó hiệu trưởng: 05 người (Tiểu học 02 người, Mầm non 03 người).";
    assert_eq!(clean(text), 3);
}

// --- The same quantity twice -------------------------------------------------------------

#[test]
fn received_dossiers_of_one_year_given_two_values_are_flagged_twice() {
    let text = "Trong năm 2016, đã phát 950 phiếu /6.184 hồ sơ tiếp nhận.\nTrong năm 2016, Bộ phận Một cửa đã tiếp nhận 6.174 hồ sơ.";
    let f: Vec<_> = proofread(text)
        .flagged()
        .filter(|s| s.kind == StatementKind::Repeat)
        .map(|s| s.span.slice(text).to_owned())
        .collect();
    assert_eq!(f, ["6.184", "6.174"]);
}

#[test]
fn the_same_value_repeated_is_right() {
    let text = "Năm 2015 đã tiếp nhận 5.658 hồ sơ.\nTrong năm 2015, tiếp nhận 5.658 hồ sơ.";
    assert_eq!(clean(text), 1);
}

#[test]
fn different_years_are_different_quantities() {
    let text = "Năm 2015 đã tiếp nhận 5.658 hồ sơ.\nNăm 2016 đã tiếp nhận 6.174 hồ sơ.";
    assert!(statements(text).is_empty());
}

#[test]
fn newly_received_is_not_received() {
    let text =
        "Năm 2020 tổng số hồ sơ là 1.794 hồ sơ.\nNăm 2020 số hồ sơ mới tiếp nhận 1.674 hồ sơ.";
    assert!(flags(text).is_empty());
}

// --- What is not a quantity --------------------------------------------------------------

#[test]
fn dates_references_and_years_are_not_statements() {
    let text = "Thực hiện Kế hoạch số 457/KH-UBND ngày 27/12/2019; Nghị định 61/2018/NĐ-CP; trong tháng 10/2019; ISO 9001:2015; giai đoạn 2021 – 2030 đạt 100%; Số: 1310 /UBND-NV.";
    assert!(statements(text).is_empty(), "{:?}", statements(text));
}

#[test]
fn spans_locate_the_statement_in_characters_too() {
    let text = "Ủy ban nhân dân xã đã kiểm tra 16/16 đơn vị, đạt 100%.";
    let s = &statements(text)[0];
    let by_chars: String = text
        .chars()
        .skip(s.span.char_start)
        .take(s.span.char_end - s.span.char_start)
        .collect();
    assert_eq!(by_chars, s.span.slice(text));
    assert_eq!(s.sentence.slice(text), text);
}

#[test]
fn a_page_break_inside_a_sentence_keeps_it_whole() {
    let text = "Số hồ sơ đã giải quyết 1781 hồ sơ; trong đó: 1779 hồ sơ giải\n\nquyết đúng hạn; 2 hồ sơ quá hạn.";
    assert_eq!(clean(text), 1);
}

#[test]
fn english_messages_have_no_vietnamese_words() {
    let text = seed("002");
    for s in proofread(&text).flagged() {
        let en = &s.flag.as_ref().unwrap().message.en;
        assert!(
            en.chars().all(|c| c.is_ascii() || "—–…".contains(c)),
            "{en}"
        );
    }
}

#[test]
fn no_input_panics() {
    for text in [
        "",
        "%",
        "/",
        "1/",
        "/1",
        "1/0 (5%)",
        "0/0 = 0%",
        "((((1",
        ")))",
        "trong đó",
        "gồm 1",
        "1 = + 2",
        "1.2.3,4/5,6.7%",
        "tỷ lệ 5/0",
        "Trong đó: 1 người; 2 người",
    ] {
        let _ = proofread(text);
    }
}

// --- The seeds ---------------------------------------------------------------------------

/// A seed report's text. The seeds sit beside the repository (../shared/seeds); CI has them.
fn seed(prefix: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the seeds must be at {}: {e}", dir.display()));
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()));
    std::fs::read_to_string(path).expect("a seed is text")
}

fn flagged_spans(text: &str) -> Vec<(Severity, String)> {
    proofread(text)
        .flagged()
        .map(|s| {
            (
                s.flag.as_ref().unwrap().severity,
                s.span.slice(text).to_owned(),
            )
        })
        .collect()
}

#[test]
fn seed_000_flags_42_of_24_tasks_both_times() {
    let text = seed("000");
    let f = flagged_spans(&text);
    let n = f
        .iter()
        .filter(|(sev, s)| *sev == Severity::Error && s == "42/24 nhiệm vụ bằng 100%")
        .count();
    assert_eq!(n, 2, "{f:?}");
}

#[test]
fn seed_000_right_statements_raise_nothing() {
    let text = seed("000");
    let p = proofread(&text);
    let on_time = p
        .statements
        .iter()
        .find(|s| s.span.slice(&text).contains("99,89%"))
        .expect("the on-time rate is read");
    assert!(on_time.flag.is_none());
    let tasks = p
        .statements
        .iter()
        .find(|s| s.span.slice(&text).starts_with("42 nhiệm vụ, trong đó"))
        .expect("the 42 tasks and their parts are read");
    assert!(tasks.flag.is_none());
}

#[test]
fn seed_000_flags_the_wrong_plan_and_growth_figures() {
    let text = seed("000");
    let f = flagged_spans(&text);
    for wrong in [
        "188,255/170 tỷ đạt 110,9%",
        "37/35 doanh nghiệp, vượt 0,57%",
        "18,050/17,204 tỷ tăng 0,49%",
    ] {
        assert!(
            f.contains(&(Severity::Error, wrong.to_owned())),
            "{wrong}: {f:?}"
        );
    }
}

#[test]
fn seed_000_counts() {
    let text = seed("000");
    let p = proofread(&text);
    println!(
        "seed 000: {} statements, {} right, {} errors, {} notes",
        p.statements.len(),
        p.correct(),
        p.count(Severity::Error),
        p.count(Severity::Note)
    );
    assert_eq!(p.count(Severity::Error), 5);
    assert_eq!(p.count(Severity::Note), 2);
}

#[test]
fn seed_002_flags_the_upside_down_ratio() {
    let text = seed("002");
    assert!(flagged_spans(&text).contains(&(Severity::Error, "2717/2700".to_owned())));
}

#[test]
fn seed_002_flags_every_share_over_100_percent_of_annex_07() {
    let text = seed("002");
    let f = flagged_spans(&text);
    for s in [
        "14622/5202",
        "17360/5895",
        "18168/6449",
        "20946/7203",
        "22735/7546",
        "5822/1573",
    ] {
        assert!(f.contains(&(Severity::Error, s.to_owned())), "{s}: {f:?}");
    }
}

#[test]
fn seed_002_flags_6184_against_6174() {
    let text = seed("002");
    let f = flagged_spans(&text);
    assert!(f.contains(&(Severity::Error, "6.184".to_owned())), "{f:?}");
    assert!(f.contains(&(Severity::Error, "6.174".to_owned())), "{f:?}");
}

#[test]
fn seed_002_flags_the_survey_share_that_disagrees() {
    let text = seed("002");
    let f = flagged_spans(&text);
    assert!(f.contains(&(
        Severity::Error,
        "1.468 phiếu /8.955 hồ sơ tiếp nhận, đạt 18,42%".to_owned()
    )));
}

#[test]
fn seed_002_right_survey_share_raises_nothing() {
    let text = seed("002");
    let p = proofread(&text);
    let s = p
        .statements
        .iter()
        .find(|s| s.span.slice(&text) == "850 phiếu /5.658 hồ sơ tiếp nhận, đạt 15,02%")
        .expect("850/5.658 is read");
    assert!(s.flag.is_none());
}

#[test]
fn seed_002_counts() {
    let text = seed("002");
    let p = proofread(&text);
    assert_eq!(p.count(Severity::Error), 10);
    assert_eq!(p.count(Severity::Note), 1);
}

#[test]
fn seeds_003_and_004_raise_nothing() {
    for prefix in ["003", "004"] {
        let text = seed(prefix);
        assert!(
            flagged_spans(&text).is_empty(),
            "{prefix}: {:?}",
            flagged_spans(&text)
        );
    }
}

// --- Against the open report -------------------------------------------------------------

fn against(text: &str) -> Vec<(Option<Severity>, String)> {
    let r = report(SEED_000);
    let e = eval(&r);
    proofread_against(text, templates(), &r, &e)
        .statements
        .into_iter()
        .filter(|s| s.kind == StatementKind::Appendix)
        .map(|s| (s.flag.map(|f| f.severity), s.span.slice(text).to_owned()))
        .collect()
}

#[test]
fn received_that_matches_the_appendix_is_right() {
    assert_eq!(
        against("Tổng số hồ sơ tiếp nhận: 1.794 hồ sơ."),
        [(None, "1.794".to_owned())]
    );
}

#[test]
fn received_that_contradicts_the_appendix_is_an_error() {
    assert_eq!(
        against("Trong kỳ, UBND xã đã tiếp nhận 1.749 hồ sơ."),
        [(Some(Severity::Error), "1.749".to_owned())]
    );
}

#[test]
fn resolved_and_on_time_rate_are_compared() {
    let text = "Đã giải quyết 1.781 hồ sơ, trong đó đúng hạn 1.779 hồ sơ, đạt 99,9%.";
    assert_eq!(
        against(text),
        [
            (None, "1.781".to_owned()),
            (Some(Severity::Note), "99,9%".to_owned())
        ]
    );
}

#[test]
fn a_sentence_about_another_year_is_not_compared() {
    assert!(against("Năm 2019 đã tiếp nhận 1.500 hồ sơ.").is_empty());
}

#[test]
fn a_quantity_the_report_does_not_hold_is_not_compared() {
    let r = templates().new_report("blank");
    let e = eval(&r);
    let p = proofread_against("Đã tiếp nhận 1.749 hồ sơ.", templates(), &r, &e);
    assert!(p.statements.is_empty());
}

// --- The drafted narrative ---------------------------------------------------------------

mod narrative {
    use cchc_core::compute::Computed;
    use cchc_core::edit::Edit;
    use cchc_core::prose::draft::{
        draft, generate, rebind, render, stale, Context, Figure, FigureKind, Narrative, Segment,
    };
    use cchc_core::prose::{proofread, proofread_against};
    use cchc_core::report::Report;

    use crate::support::{eval, report, templates, SEED_000};

    fn narrative() -> Narrative {
        Narrative::builtin(&templates().appendix).expect("the built-in narrative compiles")
    }

    fn ctx<'a>(r: &'a Report, c: &'a Computed) -> Context<'a> {
        Context {
            appendix: &templates().appendix,
            report: r,
            computed: c,
            previous: None,
        }
    }

    fn text_of(r: &Report) -> String {
        let c = eval(r).computed;
        let cx = ctx(r, &c);
        draft(&narrative(), &cx)
            .iter()
            .map(|p| render(&cx, &p.segments))
            .collect::<Vec<_>>()
            .join("\n")
    }

    const DOSSIERS: &str = "Tổng số hồ sơ tiếp nhận: 1.794 hồ sơ; đã giải quyết 1.781 hồ sơ, trong đó trước hạn và đúng hạn 1.779 hồ sơ, đạt 99,89%, quá hạn 2 hồ sơ; đang giải quyết 13 hồ sơ, trong đó trong hạn 11 hồ sơ, quá hạn 2 hồ sơ.";

    #[test]
    fn seed_000_draws_the_standard_dossier_sentence() {
        let text = text_of(&report(SEED_000));
        assert!(text.contains(DOSSIERS), "{text}");
    }

    #[test]
    fn sections_without_figures_have_no_paragraph() {
        let r = report(SEED_000);
        let c = eval(&r).computed;
        let sections: Vec<String> = draft(&narrative(), &ctx(&r, &c))
            .into_iter()
            .map(|p| p.section)
            .collect();
        // Section VII speaks of the online share, 0 % in a filled Biểu 06 without online dossiers.
        assert_eq!(sections, ["s3", "s7"]);
        assert_eq!(text_of(&templates().new_report("blank")), "");
    }

    #[test]
    fn a_clause_with_an_empty_figure_is_left_out() {
        let text = text_of(&report(&[("kh_nhiem_vu", "42")]));
        assert_eq!(
            text,
            "UBND xã ban hành Kế hoạch cải cách hành chính với 42 nhiệm vụ."
        );
    }

    #[test]
    fn the_draft_proofreads_clean_on_its_own_and_against_the_appendix() {
        let r = report(&[
            ("hs_ho_tich.c5", "1.674"),
            ("hs_ho_tich.c6", "120"),
            ("hs_ho_tich.c9", "1.779"),
            ("hs_ho_tich.c10", "2"),
            ("hs_ho_tich.c12", "11"),
            ("hs_ho_tich.c13", "2"),
            ("kh_nhiem_vu", "42"),
            ("kh_hoan_thanh", "40"),
            ("ks_phieu", "850"),
            ("ks_hai_long", "845"),
            ("dg_tong", "24"),
            ("dg_xuat_sac", "5"),
            ("dg_tot", "15"),
            ("dg_hoan_thanh", "4"),
            ("dg_khong_hoan_thanh", "0"),
            ("vb_di", "1.200"),
            ("vb_dien_tu", "1.150"),
            ("vb_ky_so", "1.100"),
        ]);
        let text = text_of(&r);
        let p = proofread(&text);
        assert!(
            p.flagged().next().is_none(),
            "{text}\n{:?}",
            p.flagged().collect::<Vec<_>>()
        );
        assert!(p.statements.len() >= 5, "{text}: {:?}", p.statements);
        let e = eval(&r);
        let a = proofread_against(&text, templates(), &r, &e);
        assert!(a.flagged().next().is_none());
    }

    /// Section III drafted for seed 000's figures against a report of `years_back` years
    /// before whose only figure is 1.700 dossiers received.
    fn drafted_against(years_back: i32) -> String {
        let r = report(SEED_000);
        let mut prev = report(&[("hs_ho_tich.c5", "1.700")]);
        prev.identity.year = r.identity.year - years_back;
        let (c, pc) = (eval(&r).computed, eval(&prev).computed);
        let cx = Context {
            previous: Some((&prev, &pc)),
            ..ctx(&r, &c)
        };
        render(&cx, &generate(&narrative(), &cx, "s3"))
    }

    #[test]
    fn a_previous_period_adds_the_change() {
        let text = drafted_against(1);
        assert!(
            text.contains(
                "Tổng số hồ sơ tiếp nhận: 1.794 hồ sơ, tăng 5,53% so với cùng kỳ (1.700);"
            ),
            "{text}"
        );
        // The sentence with its change reads as right.
        assert!(proofread(&text).flagged().next().is_none(), "{text}");
    }

    /// Two years back is not "cùng kỳ": the annual report of 2023 beside 2025's is "kỳ trước".
    #[test]
    fn a_period_two_years_back_is_not_the_same_period_last_year() {
        let text = drafted_against(2);
        assert!(
            text.contains("tăng 5,53% so với kỳ trước (1.700)"),
            "{text}"
        );
    }

    #[test]
    fn editing_a_cell_changes_the_drafted_sentence() {
        let mut r = report(SEED_000);
        r.apply(Edit::Value {
            cell: "hs_ho_tich.c5".into(),
            raw: "1.700".into(),
        });
        assert!(text_of(&r).contains("Tổng số hồ sơ tiếp nhận: 1.820 hồ sơ"));
    }

    fn edited(r: &mut Report, from: &str, to: &str) -> Vec<Segment> {
        let c = eval(r).computed;
        let cx = ctx(r, &c);
        let old = generate(&narrative(), &cx, "s3");
        let shown = render(&cx, &old);
        assert!(shown.contains(from), "{shown}");
        let segments = rebind(&cx, &old, &shown.replace(from, to));
        r.apply(Edit::Narrative {
            section: "s3".into(),
            segments: Some(segments.clone()),
        });
        segments
    }

    #[test]
    fn words_edited_by_hand_keep_the_figures_bound() {
        let mut r = report(SEED_000);
        edited(
            &mut r,
            "Tổng số hồ sơ tiếp nhận:",
            "Trong năm, UBND xã tiếp nhận tổng cộng",
        );
        let text = text_of(&r);
        assert!(
            text.starts_with("Trong năm, UBND xã tiếp nhận tổng cộng 1.794 hồ sơ;"),
            "{text}"
        );
        r.apply(Edit::Value {
            cell: "hs_ho_tich.c5".into(),
            raw: "1.700".into(),
        });
        let text = text_of(&r);
        assert!(
            text.starts_with("Trong năm, UBND xã tiếp nhận tổng cộng 1.820 hồ sơ;"),
            "{text}"
        );
    }

    #[test]
    fn a_number_edited_by_hand_is_flagged_until_it_matches_its_cell() {
        let mut r = report(SEED_000);
        let segments = edited(&mut r, "tiếp nhận: 1.794", "tiếp nhận: 1.749");
        let typed = Figure {
            cells: vec!["hs_tong.c3".into()],
            kind: FigureKind::Count,
        };
        assert!(segments.contains(&Segment::Typed {
            figure: typed,
            text: "1.749".into()
        }));
        let c = eval(&r).computed;
        let s = stale(&ctx(&r, &c), &r.narrative["s3"]);
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].typed.as_str(), s[0].expected.as_str()),
            ("1.749", "1.794")
        );
        assert!(s[0].message.en.is_ascii(), "{}", s[0].message.en);
        // The officer corrects the cell instead: the typed number now agrees.
        r.apply(Edit::Value {
            cell: "hs_ho_tich.c5".into(),
            raw: "1.629".into(),
        });
        let c = eval(&r).computed;
        assert!(stale(&ctx(&r, &c), &r.narrative["s3"]).is_empty());
    }

    #[test]
    fn a_deleted_figure_is_gone_and_the_rest_stays_bound() {
        let mut r = report(SEED_000);
        let segments = edited(&mut r, ", quá hạn 2 hồ sơ;", ";");
        let cells: Vec<&str> = segments
            .iter()
            .filter_map(|s| match s {
                Segment::Figure(f) => Some(f.cells[0].as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            cells,
            [
                "hs_tong.c3",
                "hs_tong.c7",
                "hs_tong.c8",
                "hs_ty_le_dung_han",
                "hs_tong.c11",
                "hs_tong.c12",
                "hs_tong.c13",
                "hs_tong.c4",
                "hs_tong.c5",
                "hs_tong.c6"
            ]
        );
        assert!(!text_of(&r).contains("99,89%, quá hạn 2 hồ sơ"));
    }

    #[test]
    fn returning_to_the_draft_drops_the_edit() {
        let mut r = report(SEED_000);
        edited(&mut r, "Tổng số", "Tổng cộng số");
        r.apply(Edit::Narrative {
            section: "s3".into(),
            segments: None,
        });
        assert!(r.narrative.is_empty());
        assert!(text_of(&r).contains(DOSSIERS));
    }

    #[test]
    fn a_report_without_narrative_saves_as_before_and_one_with_it_round_trips() {
        let mut r = report(SEED_000);
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("narrative"));
        edited(&mut r, "tiếp nhận: 1.794", "tiếp nhận: 1.749");
        let json = serde_json::to_string(&r).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn a_narrative_naming_an_unknown_cell_is_rejected() {
        let json = r#"{"id":"n","version":1,"appendix":"phuluc-xa","sections":[{"section":"s1","sentences":[[["x ", {"count":["khong_co"]}]]]}]}"#;
        assert!(Narrative::from_json(json, &templates().appendix).is_err());
    }
}

#[test]
fn the_export_carries_the_narrative_as_printed() {
    let r = report(SEED_000);
    let e = eval(&r);
    let json = cchc_core::exchange::export(templates(), &r, &e, "2026-01-05T08:00:00Z");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &v["narrative"][0];
    assert_eq!(first["heading"], "III. Cải cách thủ tục hành chính");
    assert!(first["text"]
        .as_str()
        .unwrap()
        .starts_with("Tổng số hồ sơ tiếp nhận: 1.794 hồ sơ; đã giải quyết 1.781 hồ sơ"));
    // An import ignores it, like every computed part.
    assert_eq!(cchc_core::exchange::import(&json).unwrap(), r);
}

mod never_panics {
    use cchc_core::prose::proofread;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_any_text(s in "\\PC{0,200}") {
            let _ = proofread(&s);
        }

        #[test]
        fn on_text_made_of_figures(s in "[0-9.,/%()=+:; \\n a-zđóệ]{0,120}") {
            let p = proofread(&s);
            for st in &p.statements {
                prop_assert!(st.span.end <= s.len() && st.span.start <= st.span.end);
                prop_assert!(s.get(st.span.start..st.span.end).is_some());
            }
        }

        #[test]
        fn on_vietnamese_phrases(parts in proptest::collection::vec(prop_oneof![
            Just("trong đó"), Just("gồm"), Just("tăng"), Just("giảm"), Just("tỷ lệ"),
            Just("năm 2020"), Just("hồ sơ"), Just("("), Just(")"), Just(":"), Just(";"),
            Just("1.794"), Just("99,89%"), Just("42/24"), Just("="), Just("+"), Just(". "),
            Just("\n"), Just("0"), Just("0%"), Just("/"),
        ], 0..40)) {
            let _ = proofread(&parts.join(" "));
        }
    }
}

#[test]
fn a_pasted_text_against_the_open_report_flags_what_the_screen_marks() {
    let text = "Tổng số hồ sơ tiếp nhận là 1.749 hồ sơ.\nMức độ hoàn thành kế hoạch: 42/24 nhiệm vụ bằng 100% kế hoạch.\nĐã phát 850 phiếu /5.658 hồ sơ, đạt 15,02%.";
    let r = report(SEED_000);
    let e = eval(&r);
    let p = proofread_against(text, templates(), &r, &e);
    let flagged: Vec<(&str, Option<String>)> = p
        .flagged()
        .map(|s| (s.span.slice(text), s.flag.as_ref().unwrap().correct.clone()))
        .collect();
    assert_eq!(
        flagged,
        [
            ("1.749", Some("1.794".to_owned())),
            ("42/24 nhiệm vụ bằng 100%", Some("175,00%".to_owned()))
        ]
    );
    assert_eq!((p.statements.len(), p.correct()), (3, 1));
}

#[test]
fn a_whole_report_and_hostile_shapes_are_read() {
    // How long this takes is measured by the bench (core/benches/core.rs); here, what happens.
    let all: String = ["000", "002", "003", "004"].map(seed).concat();
    let p = proofread(&all);
    assert_eq!(p.count(Severity::Error), 15);
    assert_eq!(p.count(Severity::Note), 3);
    for h in [
        "(".repeat(20_000),
        "1/2 ".repeat(20_000),
        format!("{} 50%", "7 hồ sơ, ".repeat(5_000)),
        "trong đó 1 người; ".repeat(5_000),
    ] {
        let _ = proofread(&h);
    }
}

#[test]
fn with_a_narrative_the_end_mark_moves_to_the_last_paragraph() {
    use cchc_core::present::document::{body_with_narrative, report_body};
    let id = report(SEED_000).identity;
    let (opening, rest) = body_with_narrative(
        &id,
        vec![
            ("I. A".into(), "Câu một.".into()),
            ("III. B".into(), "Câu hai.".into()),
        ],
    );
    assert!(opening.ends_with("kèm theo Báo cáo này."), "{opening}");
    assert_eq!(rest[0].1, "Câu một.");
    assert_eq!(rest[1].1, "Câu hai./.");
    let (alone, none) = body_with_narrative(&id, Vec::new());
    assert_eq!((alone, none.len()), (report_body(&id), 0));
}
