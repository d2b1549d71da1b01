//! The report core: templates, the filled report, computation, cross-checks, scoring, number
//! formatting, import/export. Pure Rust: nothing here may import yew, web-sys, gloo, js-sys or
//! wasm-bindgen (those crates are not even dependencies on a native build, and
//! `tests/core_is_pure.rs` greps for them).

pub mod checks;
pub mod compute;
pub mod edit;
pub mod exchange;
pub mod number;
pub mod period;
pub mod report;
pub mod scoring;
pub mod template;
pub mod text;
pub mod workspace;
