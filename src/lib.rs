//! Phụ lục CCHC: the appendix tables and PAR-Index self-scoring of a Vietnamese commune's
//! administrative-reform report.
//!
//! [`core`] is the whole product logic and knows nothing of a browser; [`app`] (wasm32 only)
//! renders its state with Yew and sends it messages. See ARCHITECTURE.md.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
