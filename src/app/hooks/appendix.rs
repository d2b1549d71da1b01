//! The province's appendix template, at the root, like the criteria set (`hooks::criteria`): a
//! picked file read into an action, the appendix in use kept in storage for the next visits,
//! and offered as a file to edit. Whether a file is put in use is the reducer's call
//! (`Action::AppendixFile`).

use yew::prelude::*;

use gloo::file::callbacks::FileReader;

use super::use_send;
use crate::app::services::{files, storage};
use crate::core::template::builtin::APPENDIX_XA;
use crate::state::{Action, AppState, Storage};

/// What the appendix part of the saved-reports screen can ask for.
pub struct AppendixCallbacks {
    pub on_file: Callback<web_sys::File>,
    pub on_download: Callback<()>,
    pub on_use_builtin: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[hook]
pub fn use_appendix(state: &UseReducerHandle<AppState>) -> AppendixCallbacks {
    use_kept(state);
    // Keeps a file being read alive until its text arrives (dropping it cancels the read).
    let reading = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let dispatch = state.dispatcher();
        use_callback((), move |file: web_sys::File, _| {
            let (dispatch, name) = (dispatch.clone(), file.name());
            *reading.borrow_mut() = Some(files::read_text(&file, move |text| {
                dispatch.dispatch(Action::AppendixFile { file: name, text })
            }));
        })
    };
    let on_download = use_callback(
        (state.appendix_file.clone(), state.templates.appendix_ref()),
        |(), (file, appendix)| {
            let json = file.as_deref().unwrap_or(APPENDIX_XA);
            let name = format!("mau-phu-luc_{}_v{}.json", appendix.id, appendix.version);
            files::download(&name, "application/json", json);
        },
    );
    AppendixCallbacks {
        on_file,
        on_download,
        on_use_builtin: use_send(state, |()| Action::UseBuiltinAppendix),
        on_dismiss: use_send(state, |()| Action::DismissAppendixNotice),
    }
}

/// Keeps the province's file in storage once the officer loads one, and forgets it once they
/// go back to the built-in appendix. What storage held at start stays as it was until then.
#[hook]
fn use_kept(state: &UseReducerHandle<AppState>) {
    let available = state.storage == Storage::Available;
    let dispatch = state.dispatcher();
    let kept = use_mut_ref(|| state.appendix_file.clone());
    use_effect_with(state.appendix_file.clone(), move |file| {
        if !available || *kept.borrow() == *file {
            return;
        }
        let written = match file {
            Some(json) => storage::save_appendix(json),
            None => {
                storage::forget_appendix();
                Ok(())
            }
        };
        match written {
            Ok(()) => *kept.borrow_mut() = file.clone(),
            Err(failure) => dispatch.dispatch(Action::StorageFailed(failure)),
        }
    });
}
