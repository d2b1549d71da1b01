//! Browser smoke test: runs in headless Chromium through wasm-bindgen-test-runner
//! (`cargo test --target wasm32-unknown-unknown --test 'web_*'`, see scripts/test.sh).
//! Component tests go in further `tests/web_*.rs` files with the same two header lines.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_browser_with_a_document() {
    let window = web_sys::window().expect("a browser window");
    let document = window.document().expect("a document");
    assert!(document.body().is_some(), "the test page has a <body>");
}
