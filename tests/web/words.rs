//! "Lời văn" in headless Chromium: the drafted narrative in its boxes and in the printed
//! covering report, an edit sent as `Edit::Narrative` with the figures still bound, and a
//! pasted text proofread with the wrong statement marked in place.

use std::cell::RefCell;
use std::rc::Rc;

use crate::support::{all, click, get, host, settle, text, type_text, value};
use phuluc_cchc::app::components::print::PrintView;
use phuluc_cchc::app::components::words::WordsView;
use phuluc_cchc::app::components::SheetProps;
use phuluc_cchc::core::edit::Edit;
use phuluc_cchc::core::prose::draft::Segment;
use phuluc_cchc::core::text::Lang;
use phuluc_cchc::core::workspace::{evaluate, Templates};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Callback;

/// Biểu 06 of seed 000 (core/tests/support.rs has the same).
const SEED_000: &[(&str, &str)] = &[
    ("hs_ho_tich.c5", "1.674"),
    ("hs_ho_tich.c6", "120"),
    ("hs_ho_tich.c9", "1.779"),
    ("hs_ho_tich.c10", "2"),
    ("hs_ho_tich.c12", "11"),
    ("hs_ho_tich.c13", "2"),
];

const DOSSIERS: &str = "Tổng số hồ sơ tiếp nhận: 1.794 hồ sơ; đã giải quyết 1.781 hồ sơ, trong đó trước hạn và đúng hạn 1.779 hồ sơ, đạt 99,89%, quá hạn 2 hồ sơ;";

fn props(on_edit: Callback<Edit>) -> SheetProps {
    let templates = Rc::new(Templates::builtin().expect("built-in templates"));
    let mut report = templates.new_report("lv");
    for (cell, raw) in SEED_000 {
        report.set_value(cell, raw);
    }
    let eval = Rc::new(evaluate(&templates, &report));
    SheetProps {
        templates,
        report: Rc::new(report),
        eval,
        lang: Lang::Vi,
        on_edit,
        previous: None,
    }
}

#[wasm_bindgen_test]
async fn the_covering_report_prints_the_narrative_before_the_signature() {
    let root = host();
    yew::Renderer::<PrintView>::with_root_and_props(root.clone(), props(Callback::noop())).render();
    settle().await;
    let paragraphs = all(&root, "[data-print=\"cover\"] [data-narrative]");
    assert!(!paragraphs.is_empty());
    let first = paragraphs[0].text_content().unwrap_or_default();
    assert!(first.starts_with(DOSSIERS), "{first}");
    assert_eq!(
        text(&root, "[data-print=\"cover\"] .doc-section"),
        "III. Cải cách thủ tục hành chính"
    );
}

#[wasm_bindgen_test]
async fn an_edited_number_goes_out_as_a_typed_figure() {
    let root = host();
    let edits: Rc<RefCell<Vec<Edit>>> = Rc::default();
    let sink = edits.clone();
    let on_edit = Callback::from(move |e: Edit| sink.borrow_mut().push(e));
    yew::Renderer::<WordsView>::with_root_and_props(root.clone(), props(on_edit)).render();
    settle().await;
    let box_ = get(&root, "[data-paragraph=\"s3\"] textarea");
    let shown = value(&box_);
    assert!(shown.starts_with(DOSSIERS), "{shown}");
    type_text(
        &box_,
        &shown.replace("tiếp nhận: 1.794", "tiếp nhận: 1.749"),
    );
    settle().await;
    let edits = edits.borrow();
    let Some(Edit::Narrative {
        section,
        segments: Some(segments),
    }) = edits.last()
    else {
        panic!("no narrative edit: {edits:?}");
    };
    assert_eq!(section, "s3");
    assert!(segments
        .iter()
        .any(|s| matches!(s, Segment::Typed { text, .. } if text == "1.749")));
    assert!(segments.iter().any(|s| matches!(s, Segment::Figure(_))));
}

#[wasm_bindgen_test]
async fn a_pasted_text_is_proofread_with_the_wrong_figure_marked() {
    let root = host();
    yew::Renderer::<WordsView>::with_root_and_props(root.clone(), props(Callback::noop())).render();
    settle().await;
    type_text(
        &get(&root, "#proof-input"),
        "Tổng số hồ sơ tiếp nhận là 1.749 hồ sơ.\nMức độ hoàn thành kế hoạch: 42/24 nhiệm vụ bằng 100% kế hoạch.\nĐã phát 850 phiếu /5.658 hồ sơ, đạt 15,02%.",
    );
    settle().await;
    click(&get(&root, "#proof-run"));
    settle().await;
    let marks: Vec<String> = all(&root, ".proof-text mark.proof-error")
        .iter()
        .map(|m| m.text_content().unwrap_or_default())
        .collect();
    assert_eq!(marks, ["1.749", "42/24 nhiệm vụ bằng 100%"]);
    let list = text(&root, ".proof-list");
    assert!(list.contains("175,00%"), "{list}");
    assert!(list.contains("1.794"), "{list}");
    assert!(text(&root, ".proof-counts").contains("1 đúng"));
}
