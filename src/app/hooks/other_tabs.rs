//! Other tabs of this browser: the `storage` event fires in every other tab of the origin when
//! one writes localStorage (never in the writing tab itself, and with no polling). A report
//! written or removed, and the criteria or appendix file put in use or forgotten, become actions; the
//! reducer adopts, merges or follows them (`state::tabs`).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
use yew::prelude::*;

use crate::app::services::clock;
use crate::app::services::storage::{self, InStorage};
use crate::state::{Action, AppState, FromOtherTab, Storage};

#[hook]
pub fn use_other_tabs(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    let available = state.storage == Storage::Available;
    use_effect_with(available, move |&available| {
        let listener = web_sys::window().filter(|_| available).map(|window| {
            EventListener::new(&window, "storage", move |e| {
                if let Some(action) = e.dyn_ref::<StorageEvent>().and_then(action_of) {
                    dispatch.dispatch(action);
                }
            })
        });
        move || drop(listener)
    });
}

/// The action another tab's write calls for, if any.
fn action_of(e: &StorageEvent) -> Option<Action> {
    // `key` is null when the other tab cleared the whole storage: every report is then gone
    // from it, but this tab's copies are the officer's last chance to keep them, so they stay.
    let key = e.key()?;
    if storage::is_criteria_key(&key) {
        return Some(Action::OtherTab(FromOtherTab::Criteria(e.new_value())));
    }
    if storage::is_appendix_key(&key) {
        return Some(Action::OtherTab(FromOtherTab::Appendix(e.new_value())));
    }
    let id = storage::report_id(&key)?;
    let change = match e.new_value() {
        None => FromOtherTab::Deleted {
            id: id.to_owned(),
            fresh: clock::fresh(),
        },
        Some(raw) => match storage::parse_report(id, &raw) {
            InStorage::Report(report) => FromOtherTab::Saved {
                saved_at: storage::saved_at(id),
                report: (*report).into(),
            },
            // Unreadable: the next start reports it, as for any broken slot.
            _ => return None,
        },
    };
    Some(Action::OtherTab(change))
}
