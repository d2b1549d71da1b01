//! Phụ lục CCHC: the appendix tables and PAR-Index self-scoring of a Vietnamese commune's
//! administrative-reform report.
//!
//! [`core`] (the `cchc-core` crate) is the whole report logic and knows nothing of a browser;
//! [`state`] is the app's one state, its reducer and the decisions of its screens, native too;
//! [`app`] (wasm32 only) renders that state with Yew and sends it actions. See ARCHITECTURE.md.

pub use cchc_core as core;

pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod app;
