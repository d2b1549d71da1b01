//! The browser tests: components and the whole app in headless Chromium, through
//! wasm-bindgen-test-runner (`cargo test --target wasm32-unknown-unknown --test web`, see
//! scripts/test.sh). One binary, one module per area: what is pure is tested natively instead
//! (the core in core/tests, the state in tests/state).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../fixtures/criteria.rs"]
mod fixtures;
mod support;

mod app;
mod criteria;
mod field;
mod identity;
mod print;
mod reports;
mod sheets;
mod smoke;
mod transfer;
