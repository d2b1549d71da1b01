//! The trash: a deleted report is kept for [`KEEP_DAYS`] days before it is gone for good, so
//! that a wrong click on "Xóa" costs nothing. The reducer moves reports in and out
//! (`Action::{Trash, Restore, Purge}`); storage keeps each under its own key and drops the
//! expired ones when the app starts ([`expired`]).

use std::rc::Rc;

use crate::core::report::Report;
use crate::state::{IndexEntry, Shelved};

/// How long a deleted report is kept.
pub const KEEP_DAYS: u32 = 30;

const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// A deleted report, as it was when deleted.
#[derive(Clone, Debug, PartialEq)]
pub struct Trashed {
    pub report: Rc<Report>,
    /// When it was last saved before deletion (ms since the epoch).
    pub saved_at: Option<f64>,
    /// When it was deleted (ms since the epoch).
    pub deleted_at: f64,
}

impl Trashed {
    pub fn entry(&self) -> IndexEntry {
        IndexEntry::of(&self.report, self.saved_at)
    }

    /// When it will be gone for good (ms since the epoch).
    pub fn expires_at(&self) -> f64 {
        self.deleted_at + f64::from(KEEP_DAYS) * DAY_MS
    }
}

/// The id report `id` of the trash comes back under: its own, unless a saved report or the
/// open one (`open_id`) has it now (the same file imported again), then `fresh_id`.
pub fn restore_id(shelf: &[Shelved], open_id: &str, id: &str, fresh_id: String) -> String {
    match open_id == id || shelf.iter().any(|s| s.report.id == id) {
        true => fresh_id,
        false => id.to_owned(),
    }
}

/// Whether a report deleted at `deleted_at` is past keeping at `now`. A time that is not a
/// number never expires: when in doubt, the officer's data stays.
pub fn expired(deleted_at: f64, now: f64) -> bool {
    deleted_at.is_finite() && now.is_finite() && now - deleted_at > f64::from(KEEP_DAYS) * DAY_MS
}
