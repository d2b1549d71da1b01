//! The report core of Phụ lục CCHC: templates, the filled report, computation, cross-checks,
//! scoring, number formatting, import/export, and how every value is shown. Pure Rust: no
//! browser crate is a dependency of this crate, so nothing here can reach one.

pub mod authoring;
pub mod checks;
pub mod compare;
pub mod compute;
pub mod edit;
pub mod exchange;
pub mod json;
pub mod mapping;
pub mod merge;
pub mod number;
pub mod period;
pub mod present;
pub mod prose;
pub mod report;
pub mod rollup;
pub mod scoring;
pub mod template;
pub mod text;
pub mod workspace;
