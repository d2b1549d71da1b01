//! The printed document in headless Chromium (wasm-bindgen-test): the wording of Nghị định
//! 30's lines made from the report's identity, and the document `PrintView` renders. The PDF
//! itself (pages, orientation, page numbers) is checked end to end in tests/e2e/print.test.mjs.
#![cfg(target_arch = "wasm32")]

mod web_support;

use std::rc::Rc;

use chrono::NaiveDate;
use phuluc_cchc::app::components::print::{words, PrintView};
use phuluc_cchc::app::components::SheetProps;
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::{Assessment, CommuneKind, Evidence, Identity};
use phuluc_cchc::core::text::Lang;
use phuluc_cchc::core::workspace::{evaluate, Templates};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{all, get, host, settle, text};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn tan_ha() -> Identity {
    Identity {
        commune: "Tân Hà".into(),
        province: "Lâm Đồng".into(),
        period: PeriodKind::Year,
        year: 2025,
        number: "15/BC-UBND".into(),
        date: date(2026, 1, 5),
        signer: "Nguyễn Văn An".into(),
        ..Identity::default()
    }
}

#[wasm_bindgen_test]
fn the_date_line_pads_days_below_10_and_january_and_february_only() {
    assert_eq!(
        words::place_and_date(&tan_ha()),
        "Tân Hà, ngày 05 tháng 01 năm 2026"
    );
    let june = Identity {
        date: date(2026, 6, 14),
        ..tan_ha()
    };
    assert_eq!(
        words::place_and_date(&june),
        "Tân Hà, ngày 14 tháng 6 năm 2026"
    );
    let feb = Identity {
        date: date(2026, 2, 9),
        place: "Đức Thọ".into(),
        ..tan_ha()
    };
    assert_eq!(
        words::place_and_date(&feb),
        "Đức Thọ, ngày 09 tháng 02 năm 2026"
    );
}

#[wasm_bindgen_test]
fn a_missing_number_or_date_leaves_room_to_write_by_hand() {
    let draft = Identity {
        number: String::new(),
        date: None,
        ..tan_ha()
    };
    let blank = |s: &str| s.replace('\u{a0}', "_");
    assert_eq!(blank(&words::report_number(&draft)), "________/BC-UBND");
    assert_eq!(
        blank(&words::place_and_date(&draft)),
        "Tân Hà, ngày________tháng________năm________"
    );
    assert_eq!(
        blank(&words::attached_line(&draft)),
        "(Kèm theo Báo cáo số ________/BC-UBND ngày ________/________/________ của UBND xã Tân Hà)"
    );
    let bare = Identity {
        number: "15".into(),
        ..tan_ha()
    };
    assert_eq!(words::report_number(&bare), "15/BC-UBND");
}

#[wasm_bindgen_test]
fn the_issuing_body_is_the_kind_and_name_in_capitals() {
    assert_eq!(words::body_name(&tan_ha()), "XÃ TÂN HÀ");
    let ward = Identity {
        commune_kind: CommuneKind::Phuong,
        commune: "Đông Hải".into(),
        ..tan_ha()
    };
    assert_eq!(words::body_name(&ward), "PHƯỜNG ĐÔNG HẢI");
    let zone = Identity {
        commune_kind: CommuneKind::DacKhu,
        commune: "Côn Đảo".into(),
        ..tan_ha()
    };
    assert_eq!(words::body_name(&zone), "ĐẶC KHU CÔN ĐẢO");
    assert_eq!(words::issuer(&zone), "UBND đặc khu Côn Đảo");
}

#[wasm_bindgen_test]
fn periods_and_windows_read_as_sentences() {
    let phrase = |p| words::period_phrase(p, 2026);
    assert_eq!(phrase(PeriodKind::Q1), "quý I năm 2026");
    assert_eq!(phrase(PeriodKind::Q4), "quý IV năm 2026");
    assert_eq!(phrase(PeriodKind::SixMonths), "6 tháng năm 2026");
    assert_eq!(phrase(PeriodKind::Year), "năm 2026");
    assert_eq!(
        words::window_line(&tan_ha()),
        "(Từ ngày 15/12/2024 đến ngày 14/12/2025)"
    );
    assert_eq!(words::form_period(&tan_ha()), "Kỳ báo cáo: Năm 2025");
    assert_eq!(
        words::appendix_title(
            "Phụ lục số liệu kết quả thực hiện cải cách hành chính cấp xã",
            &tan_ha()
        ),
        "SỐ LIỆU KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025"
    );
}

#[wasm_bindgen_test]
fn a_deputy_signs_for_the_chair() {
    assert_eq!(
        words::signature_titles(&tan_ha()),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    );
    let deputy = Identity {
        signer_title: "Phó Chủ tịch".into(),
        ..tan_ha()
    };
    assert_eq!(
        words::signature_titles(&deputy),
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    );
}

#[wasm_bindgen_test]
fn recipients_are_dashed_lines_with_a_default() {
    assert_eq!(
        words::recipients(&tan_ha()),
        ["- Sở Nội vụ tỉnh Lâm Đồng;", "- Lưu: VT."]
    );
    let typed = Identity {
        recipients: "Sở Nội vụ;\n\n- Thường trực HĐND xã;\n  Lưu: VT.".into(),
        ..tan_ha()
    };
    assert_eq!(
        words::recipients(&typed),
        ["- Sở Nội vụ;", "- Thường trực HĐND xã;", "- Lưu: VT."]
    );
}

/// The built-in templates with a report of `values` and `assessments`, rendered by PrintView.
async fn printed(values: &[(&str, &str)], assessments: &[(&str, Assessment)]) -> web_sys::Element {
    let templates = Rc::new(Templates::builtin().expect("built-in templates"));
    let mut report = templates.new_report("in");
    report.identity = tan_ha();
    for (cell, raw) in values {
        report.set_value(cell, raw);
    }
    for (item, a) in assessments {
        report.assessments.insert((*item).to_owned(), a.clone());
    }
    let eval = Rc::new(evaluate(&templates, &report));
    let root = host();
    let props = SheetProps {
        templates,
        report: Rc::new(report),
        eval,
        lang: Lang::En,
        on_edit: Callback::noop(),
    };
    yew::Renderer::<PrintView>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

fn sheets(root: &web_sys::Element) -> Vec<String> {
    all(root, ".print-doc > .paper")
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p.get_attribute("data-print").unwrap_or_default(),
                p.class_name()
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_document_is_a_cover_then_each_appendix_with_the_wide_form_on_landscape() {
    let root = printed(&[("hs_ho_tich.c5", "1.674"), ("hs_ho_tich.c6", "120")], &[]).await;
    assert_eq!(
        sheets(&root),
        [
            "cover paper portrait cover",
            "appendix-i paper portrait",
            "appendix-i paper wide",
            "appendix-i paper portrait",
            "appendix-ii paper wide",
        ]
    );
    assert_eq!(
        get(&root, ".paper.wide[data-table]")
            .get_attribute("data-table")
            .as_deref(),
        Some("bieu06")
    );
    // The document is Vietnamese whatever the UI language; the toolbar follows the UI.
    assert_eq!(
        get(&root, ".print-doc").get_attribute("lang").as_deref(),
        Some("vi")
    );
    assert_eq!(text(&root, ".print-button"), "Print / Save as PDF");
    assert_eq!(
        text(&root, ".nation-name"),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
}

#[wasm_bindgen_test]
async fn values_print_the_vietnamese_way_empty_stays_blank() {
    let root = printed(
        &[
            ("kh_nhiem_vu", "42"),
            ("kh_hoan_thanh", "40"),
            ("ns_du_toan_chi", "10877753000"),
            ("kt_don_vi", "sáu"),
            ("kh_bao_cao_dung_han", "có"),
            ("hs_ho_tich.c5", "1.674"),
            ("hs_ho_tich.c6", "120"),
        ],
        &[],
    )
    .await;
    let cell = |id: &str| text(&root, &format!(".print-doc [data-cell=\"{id}\"]"));
    assert_eq!(cell("kh_ty_le"), "95,24%");
    assert_eq!(cell("ns_du_toan_chi"), "10.877.753.000");
    assert_eq!(cell("hs_tong.c3"), "1.794");
    assert_eq!(cell("kh_bao_cao_dung_han"), "Có");
    // Typed but unreadable: as typed, marked, with the note under its table.
    assert_eq!(cell("kt_don_vi"), "sáu(*)");
    assert!(text(&root, ".print-doc").contains("(*) Số liệu chưa đúng định dạng"));
    // Not typed: blank, not 0; a ratio with nothing to divide: "—".
    assert_eq!(cell("kh_van_ban"), "");
    assert_eq!(cell("kt_ty_le_xu_ly"), "—");
    // A blank figure of a filled Biểu 06 is a 0, as official forms are filled.
    assert_eq!(cell("hs_dat_dai.c4"), "0");
}

#[wasm_bindgen_test]
async fn the_scoring_appendix_shows_scores_evidence_and_the_sample_note() {
    let scored = Assessment {
        score: "1,5".into(),
        explanation: "Đề xuất đơn giản hóa 10 TTHC.".into(),
        evidence: vec![
            Evidence {
                title: "Báo cáo rà soát TTHC".into(),
                number: "95/BC-UBND".into(),
                date: "10/07/2025".into(),
                location: "mục II".into(),
            },
            Evidence {
                title: "Phụ lục kèm theo".into(),
                ..Default::default()
            },
        ],
        ..Assessment::default()
    };
    let bad = Assessment {
        score: "hai".into(),
        ..Assessment::default()
    };
    let root = printed(&[], &[("3.5.2", scored), ("1.5.1", bad)]).await;
    let item = get(&root, "[data-item=\"3.5.2\"]");
    assert_eq!(all(&item, "tr").len(), 2, "one row per evidence document");
    let row = item.text_content().unwrap_or_default();
    for part in [
        "3.5.2",
        "1,5",
        "Báo cáo rà soát TTHC (mục II)",
        "95/BC-UBND",
        "10/07/2025",
        "Đề xuất đơn giản hóa 10 TTHC.",
        "Phụ lục kèm theo",
    ] {
        assert!(row.contains(part), "{part} missing from {row}");
    }
    assert!(text(&root, "[data-item=\"1.5.1\"]").contains("hai(*)"));
    // Not scored yet: blank.
    assert_eq!(
        all(&get(&root, "[data-item=\"5.3.1\"]"), "td")[3]
            .text_content()
            .unwrap_or_default(),
        ""
    );
    assert!(text(&root, "[data-sample]").starts_with("MẪU — "));
    assert_eq!(text(&root, "[data-band]"), "Kém");
}
