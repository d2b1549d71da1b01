//! Templates are data: the appendix tables and the criteria set are JSON files embedded at
//! build time, compiled (and so validated) at start. A province's new set is a new file.

pub mod appendix;
pub mod builtin;
pub mod compile;
pub mod criteria;
pub mod error;

pub use appendix::{AppendixTemplate, CellKind};
pub use compile::{Appendix, CellIx, Criteria};
pub use criteria::CriteriaTemplate;
pub use error::TemplateError;
