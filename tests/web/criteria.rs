//! A province's criteria set in the whole app, on a real localStorage: kept between visits
//! until the sample is taken up again; a kept set that no longer compiles told and left.

use std::rc::Rc;

use phuluc_cchc::app::{App, AppProps};
use phuluc_cchc::core::workspace::Templates;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::fixtures::{province, with_band_gap};
use crate::support::*;

const CRITERIA_KEY: &str = "phuluc-cchc/criteria";

fn shipped() -> Rc<Templates> {
    Rc::new(Templates::builtin().expect("the built-in templates compile"))
}

async fn mount() -> (web_sys::Element, yew::AppHandle<App>) {
    let root = host();
    let handle = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            templates: shipped(),
        },
    )
    .render();
    settle().await;
    (root, handle)
}

/// Picks `text` as the file `name` in the criteria file input, as the browser does, and waits
/// for it to be read.
async fn pick_criteria_file(root: &web_sys::Element, name: &str, text: &str) {
    let input: web_sys::HtmlInputElement = get(root, "#criteria-file").unchecked_into();
    let make = js_sys::Function::new_with_args(
        "name, text",
        "const dt = new DataTransfer(); dt.items.add(new File([text], name)); return dt.files;",
    );
    let files = make.call2(&wasm_bindgen::JsValue::NULL, &name.into(), &text.into());
    input.set_files(Some(&files.unwrap().unchecked_into()));
    dispatch(&input.clone().into(), &event("Event", "change", &[]));
    wait_ms(50).await;
    settle().await;
}

/// A report made on the sample set, stored the way the app stores it, and open.
fn store_report_on_the_sample(id: &str) {
    let report = shipped().new_report(id);
    let stored = serde_json::json!({ "format": "phuluc-cchc", "schema": 1, "report": report });
    let storage = local_storage();
    storage
        .set_item(&format!("phuluc-cchc/report/{id}"), &stored.to_string())
        .unwrap();
    storage
        .set_item("phuluc-cchc/last-open", &format!("\"{id}\""))
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_loaded_set_is_kept_for_the_next_visit_until_the_sample_is_taken_up_again() {
    local_storage().clear().unwrap();
    store_report_on_the_sample("tren-bo-mau");
    let (root, handle) = mount().await;
    click(&get(&root, "[data-tab='reports']"));
    settle().await;
    assert_eq!(
        get(&root, "[data-criteria-id]")
            .get_attribute("data-criteria-id")
            .as_deref(),
        Some("mau-xa-2026")
    );
    assert!(find(&root, "[data-action='use-sample']").is_none());

    pick_criteria_file(&root, "sai.json", &with_band_gap()).await;
    assert!(text(&root, "[data-criteria-error]").contains("Khoảng xếp loại bị hở giữa 70% và 75%."));
    assert_eq!(local_storage().get_item(CRITERIA_KEY).unwrap(), None);

    pick_criteria_file(&root, "tinh-x.json", &province()).await;
    assert!(find(&root, "[data-criteria-error]").is_none());
    assert_eq!(
        text(&root, "[data-criteria-title]"),
        "Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh X"
    );
    assert!(
        find(&root, ".badge-sample").is_none(),
        "no sample badge anywhere"
    );
    assert_eq!(
        local_storage().get_item(CRITERIA_KEY).unwrap(),
        Some(province())
    );
    handle.destroy();

    // The next visit: the province's set is in use, and the open report, scored on the
    // sample, says so on the scoring tab.
    let (root, handle) = mount().await;
    click(&get(&root, "[data-tab='scoring']"));
    settle().await;
    assert!(text(&root, ".sheet-template").contains("tỉnh X"));
    assert!(text(&root, "[data-item='2.1.1']").contains("Tối đa 2 điểm"));
    let banner = text(&root, "[data-other-criteria]");
    assert!(banner.contains("«mau-xa-2026», phiên bản 1"), "{banner}");
    assert!(banner.contains("«tinh-x-2026», phiên bản 1"), "{banner}");

    click(&get(&root, "[data-tab='reports']"));
    settle().await;
    click(&get(&root, "[data-action='use-sample']"));
    settle().await;
    assert_eq!(local_storage().get_item(CRITERIA_KEY).unwrap(), None);
    assert!(find(&root, ".badge-sample").is_some());
    handle.destroy();
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_kept_set_that_no_longer_compiles_is_told_and_left_in_storage() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item(CRITERIA_KEY, &with_band_gap())
        .unwrap();
    let (root, handle) = mount().await;
    let banners = text(&root, ".notices");
    assert!(banners.contains("không còn dùng được"), "{banners}");
    assert!(
        banners.contains("Khoảng xếp loại bị hở giữa 70% và 75%."),
        "{banners}"
    );
    assert!(find(&root, ".badge-sample").is_some());
    assert_eq!(
        local_storage().get_item(CRITERIA_KEY).unwrap(),
        Some(with_band_gap()),
        "kept until a corrected file replaces it"
    );
    handle.destroy();
    local_storage().clear().unwrap();
}
