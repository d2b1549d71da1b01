//! The printed document's wording lives in the core (`document`), where the Word export
//! (cchc-office) reads it too.

pub use crate::core::document::*;
