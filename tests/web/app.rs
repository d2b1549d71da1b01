//! The whole app on a real localStorage: what it restores, how it autosaves, and what it says
//! when storage fails it.

use std::rc::Rc;

use crate::support::*;
use phuluc_cchc::app::{App, AppProps};
use phuluc_cchc::core::period::PeriodKind;
use phuluc_cchc::core::workspace::Templates;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::AppHandle;

async fn mount() -> (web_sys::Element, AppHandle<App>) {
    let root = host();
    let templates = Rc::new(Templates::builtin().unwrap());
    let handle =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { templates }).render();
    settle().await;
    (root, handle)
}

/// A report stored the way the app stores it.
fn store_report(id: &str, commune: &str, period: PeriodKind, year: i32) {
    let templates = Templates::builtin().unwrap();
    let mut report = templates.new_report(id);
    report.identity.commune = commune.into();
    report.identity.period = period;
    report.identity.year = year;
    let stored = serde_json::json!({ "format": "phuluc-cchc", "schema": 1, "report": report });
    local_storage()
        .set_item(&format!("phuluc-cchc/report/{id}"), &stored.to_string())
        .unwrap();
}

fn stored(key: &str) -> Option<String> {
    local_storage().get_item(key).unwrap()
}

#[wasm_bindgen_test]
async fn it_mounts_and_says_it_is_ready() {
    local_storage().clear().unwrap();
    let (root, handle) = mount().await;
    assert!(find(&root, "[data-app-ready]").is_some());
    assert_eq!(
        text(&root, ".report-title"),
        format!(
            "(Chưa nhập tên đơn vị) — Năm {}",
            js_sys::Date::new_0().get_full_year()
        )
    );
    assert_eq!(text(&root, "[data-save-status]"), "Chưa lưu");
    assert!(text(&root, ".badge-sample").contains("Bộ tiêu chí mẫu"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn it_reopens_the_last_report_and_names_a_broken_one_without_touching_it() {
    local_storage().clear().unwrap();
    store_report("good", "Tân Hà", PeriodKind::SixMonths, 2026);
    store_report("other", "Hòa Bình", PeriodKind::Q1, 2026);
    local_storage()
        .set_item(
            "phuluc-cchc/report/bad",
            "{\"format\": \"phuluc-cchc\", \"report\": {",
        )
        .unwrap();
    let index = r#"[{"id":"bad","commune_kind":"xa","commune":"Đức Thọ","period":"year","year":2025,"saved_at":1.0}]"#;
    local_storage()
        .set_item("phuluc-cchc/index", index)
        .unwrap();
    local_storage()
        .set_item("phuluc-cchc/last-open", "\"good\"")
        .unwrap();

    let (root, handle) = mount().await;
    assert_eq!(
        text(&root, ".report-title"),
        "UBND xã Tân Hà — 6 tháng 2026"
    );
    let banners = text(&root, ".notices");
    assert!(
        banners.contains("Không đọc được báo cáo đã lưu «UBND xã Đức Thọ — Năm 2025»."),
        "{banners}"
    );
    assert!(
        banners.contains("không phải JSON hợp lệ"),
        "the core's message: {banners}"
    );
    assert_eq!(
        stored("phuluc-cchc/report/bad").as_deref(),
        Some("{\"format\": \"phuluc-cchc\", \"report\": {")
    );
    // The index was rebuilt from the reports actually stored, the broken one kept.
    let index = stored("phuluc-cchc/index").unwrap();
    assert!(
        index.contains("\"good\"") && index.contains("\"other\"") && index.contains("\"bad\""),
        "{index}"
    );

    click(&get(&root, "[data-tab='reports']"));
    settle().await;
    assert_eq!(all(&root, "tr[data-report-id]").len(), 3);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_change_is_saved_within_a_second() {
    local_storage().clear().unwrap();
    let (root, handle) = mount().await;
    type_text(&get(&root, "#identity-commune"), "Tân Hà");
    settle().await;
    assert_eq!(text(&root, "[data-save-status]"), "Đang lưu…");
    wait_ms(1000).await;
    let id = stored("phuluc-cchc/last-open")
        .unwrap()
        .trim_matches('"')
        .to_owned();
    let report = stored(&format!("phuluc-cchc/report/{id}")).expect("the report was written");
    assert!(report.contains("\"commune\":\"Tân Hà\""), "{report}");
    assert!(stored("phuluc-cchc/index").unwrap().contains("Tân Hà"));
    let status = text(&root, "[data-save-status]");
    let shape: String = status
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    assert_eq!(shape, "Đã lưu lúc 99:99");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn hiding_the_page_saves_at_once() {
    local_storage().clear().unwrap();
    let (root, handle) = mount().await;
    type_text(&get(&root, "#identity-commune"), "Đức Thọ");
    settle().await;
    dispatch_on_window("pagehide");
    let keys: Vec<String> = (0..local_storage().length().unwrap())
        .filter_map(|i| local_storage().key(i).unwrap())
        .collect();
    let report_key = keys
        .iter()
        .find(|k| k.starts_with("phuluc-cchc/report/"))
        .expect("written without waiting");
    assert!(stored(report_key).unwrap().contains("Đức Thọ"));
    handle.destroy();
}

fn dispatch_on_window(kind: &str) {
    web_sys::window()
        .unwrap()
        .dispatch_event(&event("Event", kind, &[]))
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_editing_goes_on() {
    local_storage().clear().unwrap();
    let (root, handle) = mount().await;
    js_sys::eval(
        "window.__setItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    )
    .unwrap();
    type_text(&get(&root, "#identity-commune"), "Tân Hà");
    settle().await;
    dispatch_on_window("pagehide");
    settle().await;
    js_sys::eval("Storage.prototype.setItem = window.__setItem;").unwrap();
    let banners = text(&root, ".notices");
    assert!(
        banners.contains("Bộ nhớ của trình duyệt đã đầy"),
        "{banners}"
    );
    assert_eq!(text(&root, "[data-save-status]"), "Chưa lưu được");
    assert_eq!(value(&get(&root, "#identity-commune")), "Tân Hà");
    // The next change is saved again, and the banner goes.
    type_text(&get(&root, "#identity-commune"), "Tân Hà 2");
    settle().await;
    dispatch_on_window("pagehide");
    settle().await;
    assert!(!text(&root, ".notices").contains("đã đầy"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_ui_and_is_remembered() {
    local_storage().clear().unwrap();
    let (root, handle) = mount().await;
    click(&get(&root, ".lang-switch button[lang='en']"));
    settle().await;
    assert_eq!(text(&root, "[data-tab='identity']"), "Report details");
    assert_eq!(
        get(&root, ".app").get_attribute("lang").as_deref(),
        Some("en")
    );
    assert_eq!(stored("phuluc-cchc/lang").as_deref(), Some("\"en\""));
    handle.destroy();
    let (root, handle) = mount().await;
    assert_eq!(text(&root, "[data-tab='reports']"), "Saved reports");
    handle.destroy();
    local_storage().clear().unwrap();
}
