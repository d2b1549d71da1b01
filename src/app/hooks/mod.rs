//! The root's hooks: how the one state meets the browser. The reducer is the native
//! [`AppState::apply`]; these dispatch to it, keep the open report saved, keep the criteria set
//! and the appendix in use, remember what was open, follow what other tabs store, turn Ctrl+Z
//! and Ctrl+Y into undo and redo, and watch for a new version of the app.

mod autosave;
mod office;
mod other_tabs;
mod template_file;
mod undo;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n;
use crate::app::services::offline::{self, Update};
use crate::app::services::storage;
use crate::state::{Action, AppState, Storage};
pub use autosave::{use_autosave, Autosave};
pub use office::{use_office, OfficeHandles};
pub use other_tabs::use_other_tabs;
pub use template_file::{use_template_file, TemplateCallbacks, TemplateFile};
pub use undo::use_undo_keys;

/// Yew's reducer is the state's own pure transition.
impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.apply(action)
    }
}

/// A callback that dispatches the action `make` builds from its argument. Built at the first
/// render and kept: the dispatcher never changes, and `make` reads nothing of the render.
#[hook]
pub fn use_send<T, F>(state: &UseReducerHandle<AppState>, make: F) -> Callback<T>
where
    T: 'static,
    F: Fn(T) -> Action + 'static,
{
    let dispatcher = state.dispatcher();
    use_callback((), move |x, _| dispatcher.dispatch(make(x)))
}

/// Remembers the open report and the language for the next visit, and tells the page its
/// language (screen readers choose their voice by it).
#[hook]
pub fn use_remembered(state: &UseReducerHandle<AppState>) {
    let available = state.storage == Storage::Available;
    use_effect_with(state.report.id.clone(), move |id| {
        if available {
            storage::remember_open(id);
        }
    });
    use_effect_with(state.lang, move |&lang| {
        if available {
            storage::remember_lang(lang);
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", i18n::html_lang(lang));
        }
    });
}

/// What the service worker says: a new version waiting, or that this browser gives the app
/// none (it will not open without the network).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Offline {
    pub update: Option<Update>,
    pub unavailable: bool,
}

/// Registers the service worker, once, and holds what it reports: the new version of the app
/// installed and waiting, if any, and whether offline use is unavailable in this browser.
#[hook]
pub fn use_offline() -> Offline {
    let update = use_state(|| None::<Update>);
    let unavailable = use_state(|| false);
    {
        let (update, unavailable) = (update.clone(), unavailable.clone());
        use_effect_with((), move |_| {
            offline::register(
                Callback::from(move |u| update.set(Some(u))),
                Callback::from(move |()| unavailable.set(true)),
            )
        });
    }
    Offline {
        update: (*update).clone(),
        unavailable: *unavailable,
    }
}
