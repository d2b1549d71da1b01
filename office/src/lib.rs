//! Office files in and out for Phụ lục CCHC: the report as an Excel workbook (`xlsx`) and as
//! the Word document the print view shows (`docx`), and figures read from an Excel or CSV
//! sheet (`read_table`) and mapped onto the appendix (`map_figures`) as core `Edit`s.
//!
//! Pure Rust like the core: no browser crate. The app runs it in a web worker
//! (office-worker/), so these writers and readers load only when the officer uses them.

mod docx;
mod error;
mod layout;
mod map;
mod read;
mod xlsx;

pub use docx::docx;
pub use error::OfficeError;
pub use map::{map_figures, normalise, Change, MappingPreview, Unrecognised};
pub use read::{read_table, Cell, Sheet, MAX_CELLS, MAX_FILE_BYTES};
pub use xlsx::xlsx;

/// The file names a report's office files get: the JSON export's name with another ending.
pub fn file_name(report: &cchc_core::report::Report, extension: &str) -> String {
    let json = cchc_core::exchange::file_name(report);
    let stem = json.strip_suffix(".json").unwrap_or(&json);
    format!("{stem}.{extension}")
}
