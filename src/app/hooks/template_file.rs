//! A province's template files at the root — the criteria set and the appendix, handled alike:
//! a picked file read into an action, the file in use kept in storage for the next visits, and
//! the template in use offered as a file to edit. Whether a file is put in use is the reducer's
//! call (`Action::CriteriaFile`, `Action::AppendixFile`).

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use super::use_send;
use crate::app::services::{files, storage};
use crate::core::template::builtin::{APPENDIX_XA, CRITERIA_SAMPLE};
use crate::state::{Action, AppState, ReadFailure, Storage, WriteFailure};

/// Which template file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateFile {
    Criteria,
    Appendix,
}

impl TemplateFile {
    /// The province's file in use, as loaded; `None` while the built-in one is.
    fn in_use(self, s: &AppState) -> Option<Rc<str>> {
        match self {
            TemplateFile::Criteria => s.criteria_file.clone(),
            TemplateFile::Appendix => s.appendix_file.clone(),
        }
    }

    fn loaded(self, file: String, text: Result<String, ReadFailure>) -> Action {
        match self {
            TemplateFile::Criteria => Action::CriteriaFile { file, text },
            TemplateFile::Appendix => Action::AppendixFile { file, text },
        }
    }

    /// The file offered for download: the province's as loaded, else the built-in one.
    fn download_name_and_text(self, s: &AppState) -> (String, Rc<str>) {
        let (prefix, r, builtin) = match self {
            TemplateFile::Criteria => ("bo-tieu-chi", s.templates.criteria_ref(), CRITERIA_SAMPLE),
            TemplateFile::Appendix => ("mau-phu-luc", s.templates.appendix_ref(), APPENDIX_XA),
        };
        let name = format!("{prefix}_{}_v{}.json", r.id, r.version);
        (name, self.in_use(s).unwrap_or_else(|| Rc::from(builtin)))
    }

    fn save(self, json: &str) -> Result<(), WriteFailure> {
        match self {
            TemplateFile::Criteria => storage::save_criteria(json),
            TemplateFile::Appendix => storage::save_appendix(json),
        }
    }

    fn forget(self) {
        match self {
            TemplateFile::Criteria => storage::forget_criteria(),
            TemplateFile::Appendix => storage::forget_appendix(),
        }
    }
}

/// What a template part of the saved-reports screen can ask for.
pub struct TemplateCallbacks {
    pub on_file: Callback<web_sys::File>,
    pub on_download: Callback<()>,
    /// Back to the built-in template (the sample criteria set, the built-in appendix).
    pub on_builtin: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[hook]
pub fn use_template_file(
    state: &UseReducerHandle<AppState>,
    kind: TemplateFile,
) -> TemplateCallbacks {
    use_kept(state, kind);
    // Keeps a file being read alive until its text arrives (dropping it cancels the read).
    let reading = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let dispatch = state.dispatcher();
        use_callback((), move |file: web_sys::File, _| {
            let (dispatch, name) = (dispatch.clone(), file.name());
            *reading.borrow_mut() = Some(files::read_text(&file, move |text| {
                dispatch.dispatch(kind.loaded(name, text))
            }));
        })
    };
    let (name, text) = kind.download_name_and_text(state);
    let on_download = use_callback((name, text), |(), (name, text)| {
        files::download(name, "application/json", text);
    });
    let (builtin, dismiss) = match kind {
        TemplateFile::Criteria => (Action::UseSampleCriteria, Action::DismissCriteriaNotice),
        TemplateFile::Appendix => (Action::UseBuiltinAppendix, Action::DismissAppendixNotice),
    };
    TemplateCallbacks {
        on_file,
        on_download,
        on_builtin: use_send(state, move |()| builtin.clone()),
        on_dismiss: use_send(state, move |()| dismiss.clone()),
    }
}

/// Keeps the province's file in storage once the officer loads one, and forgets it once they
/// go back to the built-in template. What storage held at start stays as it was until then,
/// even a file that no longer compiles: loading a corrected one replaces it.
#[hook]
fn use_kept(state: &UseReducerHandle<AppState>, kind: TemplateFile) {
    let available = state.storage == Storage::Available;
    let dispatch = state.dispatcher();
    // What storage holds, as far as this page knows.
    let kept = use_mut_ref(|| kind.in_use(state));
    use_effect_with(kind.in_use(state), move |file| {
        if !available || *kept.borrow() == *file {
            return;
        }
        let written = match file {
            Some(json) => kind.save(json),
            None => {
                kind.forget();
                Ok(())
            }
        };
        match written {
            Ok(()) => *kept.borrow_mut() = file.clone(),
            Err(failure) => dispatch.dispatch(Action::StorageFailed(failure)),
        }
    });
}
