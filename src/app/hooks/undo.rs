//! Ctrl+Z undoes the open report's last change, Ctrl+Y and Ctrl+Shift+Z redo it (⌘ on a Mac),
//! from anywhere on the report's screens, the table inputs included: there the browser's own
//! undo of the input is prevented, so the two do not fight over the cell.
//!
//! Left to the browser: a `<textarea>` (the narrative, the proofreader's pasted text, an
//! explanation, the recipients), where Ctrl+Z is expected to take back words within the text
//! being written, and whatever is inside `[data-native-undo]` (screens that do not edit the
//! open report: the saved reports and the criteria editor, the roll-up, the comparison, the
//! guide).

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::state::{Action, AppState};

#[hook]
pub fn use_undo_keys(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        // Capture phase: before an input's own handlers, so the browser's undo is stopped.
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        let listener = web_sys::window().map(|window| {
            EventListener::new_with_options(&window, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if let Some(action) = action_of(e) {
                    e.prevent_default();
                    dispatch.dispatch(action);
                }
            })
        });
        move || drop(listener)
    });
}

fn action_of(e: &KeyboardEvent) -> Option<Action> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    let action = match (e.key().to_lowercase().as_str(), e.shift_key()) {
        ("z", false) => Action::Undo,
        ("z", true) | ("y", false) => Action::Redo,
        _ => return None,
    };
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    let native = target.is_some_and(|t| {
        t.tag_name().eq_ignore_ascii_case("textarea")
            || t.closest("[data-native-undo]").ok().flatten().is_some()
    });
    (!native).then_some(action)
}
