//! Browser smoke test: the runner gives these tests a real document.

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn runs_in_a_browser_with_a_document() {
    let window = web_sys::window().expect("a browser window");
    let document = window.document().expect("a document");
    assert!(document.body().is_some(), "the test page has a <body>");
}
