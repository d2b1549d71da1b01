//! Phụ lục CCHC: the appendix tables and PAR-Index self-scoring of a Vietnamese commune's
//! administrative-reform report.
//!
//! [`core`] (the `cchc-core` crate) is the whole report logic and knows nothing of a browser;
//! [`app`] (wasm32 only) renders its state with Yew and sends it messages. See ARCHITECTURE.md.

pub use cchc_core as core;

#[cfg(target_arch = "wasm32")]
pub mod app;
