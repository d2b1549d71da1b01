//! The browser's localStorage: where reports live between visits.
//!
//! Keys, all under `phuluc-cchc/`:
//! * `report/<id>`: one report, wrapped like an export (`format`, `schema`, `report`) so that
//!   `exchange::import` reads it back and migrates it when the schema moves on;
//! * `trash/<id>`: a deleted report, wrapped the same way with its `deleted_at` and
//!   `saved_at` (ms since the epoch), kept `state::trash::KEEP_DAYS` days; [`load`] drops the
//!   expired ones;
//! * `index`: a list of [`IndexEntry`], to list and name reports without reading them. It is a
//!   cache of the report keys: [`load`] rebuilds it from them when the two disagree;
//! * `last-open`: the id of the report open when the officer left;
//! * `lang`: the UI language;
//! * `criteria`: the province's criteria set the officer loaded, as its JSON text exactly as
//!   loaded (so a download gives back their file). Absent while the sample is in use;
//! * `appendix`: the province's appendix template the officer loaded, as its JSON text exactly
//!   as loaded. Absent while the built-in appendix is in use;
//! * `offline-note-seen`: the officer hid the note that this browser cannot run the app
//!   offline.
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
use crate::state::trash::{self, Trashed};
use crate::state::{BrokenReport, IndexEntry, Restored, Shelved, WriteFailure};

const REPORT_PREFIX: &str = "phuluc-cchc/report/";
const TRASH_PREFIX: &str = "phuluc-cchc/trash/";
const INDEX: &str = "phuluc-cchc/index";
const LAST_OPEN: &str = "phuluc-cchc/last-open";
const LANG: &str = "phuluc-cchc/lang";
const CRITERIA: &str = "phuluc-cchc/criteria";
const APPENDIX: &str = "phuluc-cchc/appendix";
const OFFLINE_NOTE_SEEN: &str = "phuluc-cchc/offline-note-seen";

fn report_key(id: &str) -> String {
    format!("{REPORT_PREFIX}{id}")
}

fn trash_key(id: &str) -> String {
    format!("{TRASH_PREFIX}{id}")
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

/// A report in the trash: an export's envelope (so `exchange::import` reads it and migrates
/// it), with the times the trash needs.
#[derive(Serialize)]
struct InTrash<'a> {
    format: &'static str,
    schema: u32,
    deleted_at: f64,
    saved_at: Option<f64>,
    report: &'a Report,
}

/// Everything stored: the readable reports, the broken ones, the trash (dropping what expired
/// by `now`), the last open id, the language, the province's criteria and appendix files.
pub fn load(now: f64) -> Restored {
    let index: Vec<IndexEntry> = LocalStorage::get(INDEX).unwrap_or_default();
    let mut restored = Restored {
        last_open: LocalStorage::get(LAST_OPEN).ok(),
        lang: LocalStorage::get(LANG).ok(),
        criteria: LocalStorage::raw().get_item(CRITERIA).ok().flatten(),
        appendix: LocalStorage::raw().get_item(APPENDIX).ok().flatten(),
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
    restored.trash = load_trash(now);
    restored
}

/// The trash, dropping the reports kept past `trash::KEEP_DAYS`. One that cannot be read is
/// left alone in storage and not listed: it was deleted already, and may still be repaired by
/// hand within the browser's storage.
fn load_trash(now: f64) -> Vec<Trashed> {
    let mut out = Vec::new();
    for id in ids_under(TRASH_PREFIX) {
        let key = trash_key(&id);
        let Some(raw) = LocalStorage::raw().get_item(&key).ok().flatten() else {
            continue;
        };
        let mut times = serde_json::from_str::<serde_json::Value>(&raw).ok();
        let time = |v: &Option<serde_json::Value>, name: &str| v.as_ref()?.get(name)?.as_f64();
        let saved_at = time(&times, "saved_at");
        let deleted_at = match time(&times, "deleted_at") {
            Some(at) => at,
            None => {
                // Moved as it was while storage was full (`trash`): dated now, best effort
                // (with no room, it is dated again next time; it expires only once dated).
                if let Some(serde_json::Value::Object(o)) = times.as_mut() {
                    o.insert("deleted_at".into(), now.into());
                    let _ = write(&key, &times);
                }
                now
            }
        };
        if trash::expired(deleted_at, now) {
            LocalStorage::delete(&key);
            continue;
        }
        if let Ok(mut report) = exchange::import(&raw) {
            report.id = id;
            out.push(Trashed {
                report: report.into(),
                saved_at,
                deleted_at,
            });
        }
    }
    out
}

/// The ids of every stored report, in key order.
fn stored_ids() -> Vec<String> {
    ids_under(REPORT_PREFIX)
}

/// The ids of the keys under `prefix`, in key order.
fn ids_under(prefix: &str) -> Vec<String> {
    let raw = LocalStorage::raw();
    let mut ids: Vec<String> = (0..raw.length().unwrap_or(0))
        .filter_map(|i| raw.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(prefix).map(str::to_owned))
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

/// Whether `key` is the one of the province's appendix file.
pub fn is_appendix_key(key: &str) -> bool {
    key == APPENDIX
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

/// Moves a readable report to the trash, deleted at `at`. Its saved copy is taken out first,
/// so that the move needs no more room than the report already had: a full storage is when an
/// officer deletes to make room. When even so the trash copy (the report with its times) does
/// not fit, the saved copy's own text goes to the trash as it is (a shorter key, the same
/// text: it fits), and [`load`] dates it at the next start. Only when that fails too is the
/// saved copy put back where it was, and the failure returned.
pub fn trash(shelved: &Shelved, at: f64) -> Result<(), WriteFailure> {
    let report = &shelved.report;
    let key = report_key(&report.id);
    let stored = LocalStorage::raw().get_item(&key).ok().flatten();
    LocalStorage::delete(&key);
    let moved = write(
        &trash_key(&report.id),
        &InTrash {
            format: FORMAT,
            schema: SCHEMA,
            deleted_at: at,
            saved_at: shelved.saved_at,
            report,
        },
    );
    if let Err(failure) = moved {
        let Some(raw) = stored else {
            return Err(failure);
        };
        let as_is = LocalStorage::raw().set_item(&trash_key(&report.id), &raw);
        if as_is.is_err() {
            // The same text in the room it had: nothing is lost.
            let _ = LocalStorage::raw().set_item(&key, &raw);
            return Err(failure);
        }
    }
    delete(&report.id)
}

/// Puts a report of the trash back among the saved reports under `as_id` (`Action::Restore`):
/// written there first, then taken out of the trash.
pub fn restore(trashed: &Trashed, as_id: &str) -> Result<(), WriteFailure> {
    let from = &trashed.report.id;
    let mut report = (*trashed.report).clone();
    as_id.clone_into(&mut report.id);
    write(
        &report_key(as_id),
        &Stored {
            format: FORMAT,
            schema: SCHEMA,
            report: &report,
        },
    )?;
    let mut index: Vec<IndexEntry> = LocalStorage::get(INDEX).unwrap_or_default();
    index.retain(|e| e.id != as_id);
    index.push(IndexEntry::of(&report, trashed.saved_at));
    write(INDEX, &index)?;
    LocalStorage::delete(trash_key(from));
    Ok(())
}

/// Forgets a report of the trash for good.
pub fn purge(id: &str) {
    LocalStorage::delete(trash_key(id));
}

/// Remembers which report is open, to reopen it next time. Best effort: losing it only means
/// the most recent report opens instead.
pub fn remember_open(id: &str) {
    let _ = write(LAST_OPEN, &id);
}

/// Whether the officer has hidden the note that offline use is unavailable in this browser.
/// False when storage cannot be read: the note is then said again, which is harmless.
pub fn offline_note_seen() -> bool {
    available()
        && LocalStorage::raw()
            .get_item(OFFLINE_NOTE_SEEN)
            .ok()
            .flatten()
            .is_some()
}

/// Best effort, like the language.
pub fn remember_offline_note_seen() {
    let _ = write(OFFLINE_NOTE_SEEN, &true);
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

/// Keeps the province's appendix file, as loaded, for the next visits.
pub fn save_appendix(json: &str) -> Result<(), WriteFailure> {
    LocalStorage::raw()
        .set_item(APPENDIX, json)
        .map_err(|e| failure(&e))
}

/// Back to the built-in appendix at the next visits.
pub fn forget_appendix() {
    LocalStorage::delete(APPENDIX);
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
