//! Figures brought in from another file (an Excel or CSV sheet, read by cchc-office) as a
//! preview the officer confirms: what goes into which cell, old → new, and what in the file
//! was not recognised. Applying it is ordinary `Edit`s; `undo` gives the edits that put the
//! old values back, so an import can be taken back as a whole.

use serde::{Deserialize, Serialize};

use crate::edit::Edit;
use crate::text::Text;

/// A value that will go into a cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub cell: String,
    /// "Hộ tịch — Số hồ sơ nhận giải quyết: (5) Mới tiếp nhận trực tiếp…"
    pub label: Text,
    /// What the report holds now ("" when empty) and what the sheet brings.
    pub old: String,
    pub new: String,
    /// Where in the file: "Biểu 06!E12".
    pub source: String,
}

/// Something in the file that was not taken, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unrecognised {
    pub source: String,
    pub text: String,
    pub why: Text,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MappingPreview {
    pub changes: Vec<Change>,
    /// Cells the file names with the value the report already has.
    pub unchanged: usize,
    pub unrecognised: Vec<Unrecognised>,
}

impl MappingPreview {
    /// The edits that apply the preview.
    pub fn edits(&self) -> Vec<Edit> {
        self.changes
            .iter()
            .map(|c| Edit::Value {
                cell: c.cell.clone(),
                raw: c.new.clone(),
            })
            .collect()
    }

    /// The edits that put back what the report held before `edits()`.
    pub fn undo(&self) -> Vec<Edit> {
        self.changes
            .iter()
            .rev()
            .map(|c| Edit::Value {
                cell: c.cell.clone(),
                raw: c.old.clone(),
            })
            .collect()
    }
}
