//! The browser's localStorage: where reports live between visits.
//!
//! Keys, all under `phuluc-cchc/`:
//! * `report/<id>`: one report, wrapped like an export (`format`, `schema`, `report`) so that
//!   `exchange::import` reads it back and migrates it when the schema moves on;
//! * `index`: a list of [`IndexEntry`], to list and name reports without reading them. It is a
//!   cache of the report keys: [`load`] rebuilds it from them when the two disagree;
//! * `last-open`: the id of the report open when the officer left;
//! * `lang`: the UI language;
//! * `criteria`: the province's criteria set the officer loaded, as its JSON text exactly as
//!   loaded (so a download gives back their file). Absent while the sample is in use.
//!
//! A stored report that cannot be read is reported and left where it is, never deleted or
//! overwritten by the app: the officer's only copy of a month's work may be in it.
//!
//! Callers check [`available`] first (the app keeps it in `AppState::storage`): gloo's
//! `LocalStorage` throws when the browser has no storage to give.

use gloo::storage::{LocalStorage, Storage as _};
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::core::exchange::{self, FORMAT};
use crate::core::report::{Report, SCHEMA};
use crate::core::text::Lang;
use crate::state::{BrokenReport, IndexEntry, Restored, Shelved, WriteFailure};

const REPORT_PREFIX: &str = "phuluc-cchc/report/";
const INDEX: &str = "phuluc-cchc/index";
const LAST_OPEN: &str = "phuluc-cchc/last-open";
const LANG: &str = "phuluc-cchc/lang";
const CRITERIA: &str = "phuluc-cchc/criteria";

fn report_key(id: &str) -> String {
    format!("{REPORT_PREFIX}{id}")
}

/// Whether this browser gives us a localStorage (it may not: disabled by policy, blocked for
/// the site, or a sandboxed frame).
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

#[derive(Serialize)]
struct Stored<'a> {
    format: &'static str,
    schema: u32,
    report: &'a Report,
}

/// Everything stored: the readable reports, the broken ones, the last open id, the language,
/// the province's criteria file.
pub fn load() -> Restored {
    let index: Vec<IndexEntry> = LocalStorage::get(INDEX).unwrap_or_default();
    let mut restored = Restored {
        last_open: LocalStorage::get(LAST_OPEN).ok(),
        lang: LocalStorage::get(LANG).ok(),
        criteria: LocalStorage::raw().get_item(CRITERIA).ok().flatten(),
        ..Restored::default()
    };
    let mut reconciled = Vec::new();
    for id in stored_ids() {
        let entry = index.iter().find(|e| e.id == id).cloned();
        let raw = LocalStorage::raw()
            .get_item(&report_key(&id))
            .ok()
            .flatten()
            .unwrap_or_default();
        match exchange::import(&raw) {
            Ok(mut report) => {
                // The key is the id: a report whose body says otherwise would be saved twice.
                report.id = id;
                let saved_at = entry.and_then(|e| e.saved_at);
                reconciled.push(IndexEntry::of(&report, saved_at));
                restored.shelf.push(Shelved {
                    report: report.into(),
                    saved_at,
                });
            }
            Err(e) => {
                reconciled.extend(entry.clone());
                restored.broken.push(BrokenReport {
                    id,
                    entry,
                    message: e.message(),
                    raw: raw.into(),
                    dismissed: false,
                });
            }
        }
    }
    if reconciled != index {
        // Best effort: the next save rewrites the index anyway.
        let _ = write(INDEX, &reconciled);
    }
    restored
}

/// The ids of every stored report, in key order.
fn stored_ids() -> Vec<String> {
    let raw = LocalStorage::raw();
    let mut ids: Vec<String> = (0..raw.length().unwrap_or(0))
        .filter_map(|i| raw.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(REPORT_PREFIX).map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

/// What storage holds under a report's key now (another tab may have written it since).
pub enum InStorage {
    Absent,
    Report(Box<Report>),
    /// Something that does not read as a report.
    Unreadable,
}

/// Reads report `id` as stored now.
pub fn read_report(id: &str) -> InStorage {
    match LocalStorage::raw().get_item(&report_key(id)).ok().flatten() {
        None => InStorage::Absent,
        Some(raw) => parse_report(id, &raw),
    }
}

/// A report's stored text as a report (the key's id wins over the body's, as in [`load`]).
pub fn parse_report(id: &str, raw: &str) -> InStorage {
    match exchange::import(raw) {
        Ok(mut report) => {
            report.id = id.to_owned();
            InStorage::Report(Box::new(report))
        }
        Err(_) => InStorage::Unreadable,
    }
}

/// The id of the report stored under `key`, when it is a report's key.
pub fn report_id(key: &str) -> Option<&str> {
    key.strip_prefix(REPORT_PREFIX)
}

/// Whether `key` is the one of the province's criteria file.
pub fn is_criteria_key(key: &str) -> bool {
    key == CRITERIA
}

/// When report `id` was last written, as its index line says.
pub fn saved_at(id: &str) -> Option<f64> {
    let index: Vec<IndexEntry> = LocalStorage::get(INDEX).unwrap_or_default();
    index
        .into_iter()
        .find(|e| e.id == id)
        .and_then(|e| e.saved_at)
}

/// Writes `report` and its index line, saved at `at`.
pub fn save(report: &Report, at: f64) -> Result<(), WriteFailure> {
    write(
        &report_key(&report.id),
        &Stored {
            format: FORMAT,
            schema: SCHEMA,
            report,
        },
    )?;
    let mut index: Vec<IndexEntry> = LocalStorage::get(INDEX).unwrap_or_default();
    let entry = IndexEntry::of(report, Some(at));
    match index.iter_mut().find(|e| e.id == entry.id) {
        Some(e) => *e = entry,
        None => index.push(entry),
    }
    write(INDEX, &index)
}

/// Forgets a report, readable or broken.
pub fn delete(id: &str) -> Result<(), WriteFailure> {
    LocalStorage::delete(report_key(id));
    let mut index: Vec<IndexEntry> = LocalStorage::get(INDEX).unwrap_or_default();
    index.retain(|e| e.id != id);
    write(INDEX, &index)
}

/// Remembers which report is open, to reopen it next time. Best effort: losing it only means
/// the most recent report opens instead.
pub fn remember_open(id: &str) {
    let _ = write(LAST_OPEN, &id);
}

pub fn remember_lang(lang: Lang) {
    let _ = write(LANG, &lang);
}

/// Keeps the province's criteria file, as loaded, for the next visits.
pub fn save_criteria(json: &str) -> Result<(), WriteFailure> {
    LocalStorage::raw()
        .set_item(CRITERIA, json)
        .map_err(|e| failure(&e))
}

/// Back to the sample at the next visits.
pub fn forget_criteria() {
    LocalStorage::delete(CRITERIA);
}

/// Writes through `web_sys` rather than `LocalStorage::set`, to tell a full storage from any
/// other refusal by the exception's name.
fn write<T: Serialize + ?Sized>(key: &str, value: &T) -> Result<(), WriteFailure> {
    let json = serde_json::to_string(value).map_err(|e| WriteFailure::Other(e.to_string()))?;
    LocalStorage::raw()
        .set_item(key, &json)
        .map_err(|e| failure(&e))
}

fn failure(e: &JsValue) -> WriteFailure {
    let field = |name: &str| {
        js_sys::Reflect::get(e, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match field("name").as_str() {
        // Chromium and WebKit say QuotaExceededError; older Firefox its own name.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => WriteFailure::Full,
        name => WriteFailure::Other(format!("{name} {}", field("message")).trim().to_owned()),
    }
}
