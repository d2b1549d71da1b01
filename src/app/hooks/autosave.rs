//! Autosave: the open report reaches storage within a second of the officer's last change, and
//! at once when the page is hidden or closed (a tab switched away from may be discarded, and a
//! closing page runs no timer).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::services::{clock, storage};
use crate::core::report::Report;
use crate::state::{Action, AppState, Storage};

/// The quiet time after a change before it is written.
const DEBOUNCE_MS: u32 = 800;

/// The change waiting to be written, shared by the timer and the page listeners.
#[derive(Clone, Default)]
struct Pending(Rc<RefCell<Option<Rc<Report>>>>);

impl Pending {
    /// Writes the waiting report, if any, and tells the state how it went.
    fn flush(&self, dispatch: &UseReducerDispatcher<AppState>) {
        let Some(report) = self.0.borrow_mut().take() else {
            return;
        };
        let at = clock::now();
        match storage::save(&report, at) {
            Ok(()) => dispatch.dispatch(Action::Saved {
                id: report.id.clone(),
                at,
            }),
            Err(failure) => dispatch.dispatch(Action::StorageFailed(failure)),
        }
    }
}

/// What the root can ask of the autosave.
#[derive(Clone)]
pub struct Autosave {
    pending: Pending,
    dispatch: UseReducerDispatcher<AppState>,
}

impl Autosave {
    /// Writes the waiting change now, before something ends the page on purpose (a reload
    /// into a new version). `pagehide` would flush it too; this does not depend on it.
    pub fn flush(&self) {
        self.pending.flush(&self.dispatch);
    }

    /// Drops a waiting write of report `id`, which is being deleted: writing it later would
    /// bring it back.
    pub fn forget(&self, id: &str) {
        let mut slot = self.pending.0.borrow_mut();
        if slot.as_ref().is_some_and(|r| r.id == id) {
            *slot = None;
        }
    }
}

#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) -> Autosave {
    let pending = use_mut_ref(Pending::default).borrow().clone();
    let timer = use_mut_ref(|| None::<Timeout>);
    let dispatch = state.dispatcher();

    {
        let (pending, dispatch) = (pending.clone(), dispatch.clone());
        let report = state.report.clone();
        let enabled = state.storage == Storage::Available;
        use_effect_with(state.revision, move |&revision| {
            if enabled && revision > 0 {
                // A change to another report than the waiting one: write the waiting one now,
                // or the new one would take its place unwritten.
                let other = pending
                    .0
                    .borrow()
                    .as_ref()
                    .is_some_and(|r| r.id != report.id);
                if other {
                    pending.flush(&dispatch);
                }
                *pending.0.borrow_mut() = Some(report);
                // Replacing the timer cancels the previous one: that is the debounce.
                *timer.borrow_mut() =
                    Some(Timeout::new(DEBOUNCE_MS, move || pending.flush(&dispatch)));
            }
        });
    }

    {
        let (pending, dispatch) = (pending.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let listeners = page_leave_listeners(move || pending.flush(&dispatch));
            move || drop(listeners)
        });
    }

    Autosave { pending, dispatch }
}

/// Calls `flush` when the page is hidden (another tab, a minimised window) or unloaded.
fn page_leave_listeners(flush: impl Fn() + 'static) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Some(document) = window.document() else {
        return Vec::new();
    };
    let flush = Rc::new(flush);
    let on_pagehide = {
        let flush = flush.clone();
        EventListener::new(&window, "pagehide", move |_| flush())
    };
    let on_hidden = {
        let document = document.clone();
        EventListener::new(&document.clone(), "visibilitychange", move |_| {
            if document.hidden() {
                flush();
            }
        })
    };
    vec![on_pagehide, on_hidden]
}
