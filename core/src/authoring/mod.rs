//! Writing templates without writing JSON: the criteria and appendix editors' drafts, a
//! province's criteria table read from a spreadsheet, the national Bộ chỉ số 766 built in, and
//! what changes for a report between two versions of a template. Pure functions over cell
//! strings, so a CSV or an .xlsx reader can feed them.

pub mod appendix_editor;
pub mod changes;
pub mod editor;
pub mod fold;
pub mod import;
pub mod sheet;

pub use changes::{
    appendix_changes, apply_appendix_changes, apply_criteria_changes, criteria_changes,
    AppendixChanges, CriteriaChanges,
};
pub use import::{import_criteria, CriteriaImport, ImportNote, NoteKind, SetMeta};
pub use sheet::{parse_csv, Sheet};
