//! Autosave: the open report reaches storage within a second of the officer's last change, and
//! at once when the page is hidden or closed (a tab switched away from may be discarded, and a
//! closing page runs no timer).
//!
//! Another tab may have written the report since this one last read it. Before each write the
//! stored copy is compared with the one this tab last saw (`AppState::stored`): when they
//! differ, nothing is written and the reducer is handed the newer copy to merge, even if that
//! tab's `storage` event has not arrived yet. While fields are in conflict between the two
//! tabs, nothing is written over the stored report: the officer's choice comes first. Should
//! the page be hidden or closed before that choice, this tab's report is saved as a copy of
//! its own (a new id, listed among the saved reports), so that nothing typed here is lost; the
//! copy is taken back once the choice is made here.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::services::storage::InStorage;
use crate::app::services::{clock, storage};
use crate::core::report::Report;
use crate::state::{Action, AppState, FromOtherTab, Storage};

/// The quiet time after a change before it is written.
const DEBOUNCE_MS: u32 = 800;

/// A report waiting to be written, and its stored copy as this tab last saw it.
struct Write {
    report: Rc<Report>,
    base: Option<Rc<Report>>,
}

/// The change waiting to be written, shared by the timer and the page listeners.
#[derive(Clone, Default)]
struct Pending(Rc<RefCell<Option<Write>>>, Rc<RefCell<Option<Held>>>);

/// The open report while fields are in conflict with another tab's save, and the id of the copy
/// it is saved under if the page goes away meanwhile.
struct Held {
    report: Rc<Report>,
    copy_id: String,
    written: bool,
}

impl Pending {
    /// Keeps `report`, in conflict, to be saved as a copy if the page goes away.
    fn hold(&self, report: Rc<Report>) {
        let mut held = self.1.borrow_mut();
        match held.as_mut() {
            Some(h) if h.report.id == report.id => h.report = report,
            _ => {
                *held = Some(Held {
                    report,
                    copy_id: clock::new_report_id(),
                    written: false,
                })
            }
        }
    }

    /// The conflict is over: the copy, if one was saved, is taken back (the report itself is
    /// saved as chosen).
    fn release(&self) {
        if let Some(held) = self.1.borrow_mut().take() {
            if held.written {
                let _ = storage::delete(&held.copy_id);
            }
        }
    }

    /// The page is going away during a conflict: this tab's report is saved as a copy.
    fn save_held(&self) {
        let mut held = self.1.borrow_mut();
        let Some(h) = held.as_mut() else {
            return;
        };
        let mut copy = (*h.report).clone();
        copy.id.clone_from(&h.copy_id);
        if storage::save(&copy, clock::now()).is_ok() {
            h.written = true;
        }
    }

    /// Writes the waiting report, if any, and tells the state how it went; when storage holds
    /// another copy than the one this tab last saw, hands that copy to the state instead.
    fn flush(&self, dispatch: &UseReducerDispatcher<AppState>) {
        let Some(Write { report, base }) = self.0.borrow_mut().take() else {
            return;
        };
        let newer = match storage::read_report(&report.id) {
            InStorage::Report(stored) if base.as_deref() != Some(&*stored) => {
                Some(FromOtherTab::Saved {
                    saved_at: storage::saved_at(&stored.id),
                    report: Rc::new(*stored),
                })
            }
            InStorage::Absent if base.is_some() => Some(FromOtherTab::Deleted {
                id: report.id.clone(),
                fresh: clock::fresh(),
            }),
            // What this tab saw, or nothing to lose: a slot that does not read as a report is
            // one this tab's copy repairs (an import over a broken report).
            _ => None,
        };
        if let Some(change) = newer {
            dispatch.dispatch(Action::OtherTab(change));
            return;
        }
        let at = clock::now();
        match storage::save(&report, at) {
            Ok(()) => dispatch.dispatch(Action::Saved { report, at }),
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
        if slot.as_ref().is_some_and(|w| w.report.id == id) {
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
        let base = state.base().cloned();
        let enabled = state.storage == Storage::Available;
        let held = state.conflict.is_some();
        use_effect_with(state.revision, move |&revision| {
            if held {
                // Fields in conflict with another tab's save: nothing is written until the
                // officer has chosen, unless the page goes away first.
                *pending.0.borrow_mut() = None;
                *timer.borrow_mut() = None;
                if enabled {
                    pending.hold(report);
                }
                return;
            }
            pending.release();
            if enabled && revision > 0 {
                // A change to another report than the waiting one: write the waiting one now,
                // or the new one would take its place unwritten.
                let other = pending
                    .0
                    .borrow()
                    .as_ref()
                    .is_some_and(|w| w.report.id != report.id);
                if other {
                    pending.flush(&dispatch);
                }
                *pending.0.borrow_mut() = Some(Write { report, base });
                // Replacing the timer cancels the previous one: that is the debounce.
                *timer.borrow_mut() =
                    Some(Timeout::new(DEBOUNCE_MS, move || pending.flush(&dispatch)));
            }
        });
    }

    {
        let (pending, dispatch) = (pending.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let listeners = page_leave_listeners(move || {
                pending.flush(&dispatch);
                pending.save_held();
            });
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
