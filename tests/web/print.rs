//! The printed document in headless Chromium (wasm-bindgen-test): the wording of Nghị định
//! 30's lines made from the report's identity, and the document `PrintView` renders. The PDF
//! itself (pages, orientation, page numbers) is checked end to end in tests/e2e/print.test.mjs.

use std::rc::Rc;

use crate::support::{all, get, host, settle, text};
use chrono::NaiveDate;
use phuluc_cchc::app::components::print::PrintView;
use phuluc_cchc::app::components::SheetProps;
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::report::{Assessment, Evidence, Identity};
use phuluc_cchc::core::text::Lang;
use phuluc_cchc::core::workspace::{evaluate, Templates};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Callback;

/// The commune of the document tests (core/tests/document.rs has the same).
fn tan_ha() -> Identity {
    Identity {
        commune: "Tân Hà".into(),
        province: "Lâm Đồng".into(),
        period: PeriodKind::Year,
        year: 2025,
        number: "15/BC-UBND".into(),
        date: NaiveDate::from_ymd_opt(2026, 1, 5),
        signer: "Nguyễn Văn An".into(),
        ..Identity::default()
    }
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
        previous: None,
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
