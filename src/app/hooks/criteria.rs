//! The province's criteria set, at the root: a picked file read into an action, the set in use
//! kept in storage for the next visits, and the set in use offered as a file to edit. Whether
//! a file is put in use is the reducer's call (`Action::CriteriaFile`).

use yew::prelude::*;

use gloo::file::callbacks::FileReader;

use super::use_send;
use crate::app::services::{files, storage};
use crate::core::template::builtin::CRITERIA_SAMPLE;
use crate::state::{Action, AppState, Storage};

/// What the criteria part of the saved-reports screen can ask for.
pub struct CriteriaCallbacks {
    pub on_file: Callback<web_sys::File>,
    pub on_download: Callback<()>,
    pub on_use_sample: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[hook]
pub fn use_criteria(state: &UseReducerHandle<AppState>) -> CriteriaCallbacks {
    use_kept(state);
    // Keeps a file being read alive until its text arrives (dropping it cancels the read).
    let reading = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let dispatch = state.dispatcher();
        use_callback((), move |file: web_sys::File, _| {
            let (dispatch, name) = (dispatch.clone(), file.name());
            *reading.borrow_mut() = Some(files::read_text(&file, move |text| {
                dispatch.dispatch(Action::CriteriaFile { file: name, text })
            }));
        })
    };
    let on_download = use_callback(
        (state.criteria_file.clone(), state.templates.criteria_ref()),
        |(), (file, set)| {
            let json = file.as_deref().unwrap_or(CRITERIA_SAMPLE);
            let name = format!("bo-tieu-chi_{}_v{}.json", set.id, set.version);
            files::download(&name, "application/json", json);
        },
    );
    CriteriaCallbacks {
        on_file,
        on_download,
        on_use_sample: use_send(state, |()| Action::UseSampleCriteria),
        on_dismiss: use_send(state, |()| Action::DismissCriteriaNotice),
    }
}

/// Keeps the province's file in storage once the officer loads one, and forgets it once they
/// go back to the sample. What storage held at start stays as it was until then, even a file
/// that no longer compiles: loading a corrected one replaces it.
#[hook]
fn use_kept(state: &UseReducerHandle<AppState>) {
    let available = state.storage == Storage::Available;
    let dispatch = state.dispatcher();
    // What storage holds, as far as this page knows.
    let kept = use_mut_ref(|| state.criteria_file.clone());
    use_effect_with(state.criteria_file.clone(), move |file| {
        if !available || *kept.borrow() == *file {
            return;
        }
        let written = match file {
            Some(json) => storage::save_criteria(json),
            None => {
                storage::forget_criteria();
                Ok(())
            }
        };
        match written {
            Ok(()) => *kept.borrow_mut() = file.clone(),
            Err(failure) => dispatch.dispatch(Action::StorageFailed(failure)),
        }
    });
}
