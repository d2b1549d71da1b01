//! Office files in and out for Phụ lục CCHC: the report as an Excel workbook (`xlsx`) and as
//! the Word document the print view shows (`docx`), and figures read from an Excel or CSV
//! sheet (`read_table`) and mapped onto the appendix (`map_figures`) as core `Edit`s.
//!
//! Pure Rust like the core: no browser crate. The app runs it in a web worker
//! (office-worker/), so these writers and readers load only when the officer uses them.

mod docx;
mod error;
mod map;
mod read;
mod xlsx;

pub use cchc_core::mapping::{Change, MappingPreview, Unrecognised};
pub use docx::docx;
pub use error::OfficeError;
pub use map::{map_figures, normalise};
pub use read::{read_table, Cell, Sheet, MAX_CELLS, MAX_FILE_BYTES};
pub use xlsx::xlsx;
