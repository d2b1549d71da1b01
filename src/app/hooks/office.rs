//! The office files at the root: the Excel and Word downloads and the import of figures, done
//! by the office worker (services/office.rs) off the main thread. The import's preview and the
//! last import (for its undo) are passing UI state kept here; the report changes only through
//! `Action::Edit`, one core `Edit` per cell, as typing would.

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::app::components::office::OfficeStatus;
use crate::app::services::files;
use crate::app::services::office::{self as worker, Op, Reply};
use crate::core::mapping::MappingPreview;
use crate::core::report::Report;
use crate::core::text::Text;
use crate::state::{Action, AppState};

/// What the office buttons and the preview are given.
pub struct OfficeHandles {
    pub status: OfficeStatus,
    /// The import waiting for the officer's answer: file name and preview.
    pub preview: Option<(AttrValue, Rc<MappingPreview>)>,
    pub on_xlsx: Callback<()>,
    pub on_docx: Callback<()>,
    pub on_file: Callback<web_sys::File>,
    pub on_apply: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_undo: Callback<()>,
}

#[hook]
/// `previous`: the earlier report the Word file's narrative compares with
/// (`AppState::baseline`, worked out once per render by the root).
pub fn use_office(
    state: &UseReducerHandle<AppState>,
    previous: Option<Rc<Report>>,
) -> OfficeHandles {
    let status = use_state(|| OfficeStatus::Idle);
    let preview = use_state(|| None::<(AttrValue, Rc<MappingPreview>)>);
    let reading = use_mut_ref(|| None::<FileReader>);

    let on_xlsx = use_download(state, &status, DownloadKind::Xlsx, None);
    let on_docx = use_download(state, &status, DownloadKind::Docx, previous);

    let on_file = {
        let (status, preview, reading) = (status.clone(), preview.clone(), reading.clone());
        let (report, criteria) = (state.report.clone(), state.criteria_file.clone());
        use_callback(
            (report, criteria),
            move |file: web_sys::File, (report, criteria)| {
                // Serialised at the officer's request, not at every render.
                let report = serde_json::to_string(&**report).unwrap_or_default();
                status.set(OfficeStatus::Busy);
                let name = file.name();
                let (status, preview, report, criteria) = (
                    status.clone(),
                    preview.clone(),
                    report.clone(),
                    criteria.clone(),
                );
                *reading.borrow_mut() = Some(worker::read_bytes(&file, move |read| {
                    let bytes = match read {
                        Ok(b) => b,
                        Err(why) => {
                            status.set(OfficeStatus::Failed(Text::new(why.clone(), why)));
                            return;
                        }
                    };
                    let op = Op::Map {
                        name: &name,
                        bytes: &bytes,
                    };
                    let file = name.clone();
                    worker::request(op, &report, criteria.as_deref(), move |reply| match reply {
                        Ok(Reply::Preview(json)) => {
                            match serde_json::from_str::<MappingPreview>(&json) {
                                Ok(p) => {
                                    status.set(OfficeStatus::Idle);
                                    preview.set(Some((file.into(), Rc::new(p))));
                                }
                                Err(e) => status.set(OfficeStatus::Failed(Text::new(
                                    e.to_string(),
                                    e.to_string(),
                                ))),
                            }
                        }
                        Ok(Reply::Bytes(_) | Reply::Rows(_)) => status.set(OfficeStatus::Idle),
                        Err(why) => status.set(OfficeStatus::Failed(why)),
                    });
                }));
            },
        )
    };
    let on_apply = {
        let (status, preview, dispatch) = (status.clone(), preview.clone(), state.dispatcher());
        use_callback((*preview).clone(), move |(), pending| {
            if let Some((_, p)) = pending {
                // One step of the undo history, like the figures' own undo below.
                dispatch.dispatch(Action::EditAll(p.edits()));
                status.set(OfficeStatus::Applied(p.clone()));
            }
            preview.set(None);
        })
    };
    let on_cancel = {
        let preview = preview.clone();
        use_callback((), move |(), _| preview.set(None))
    };
    let on_undo = {
        let (status, dispatch) = (status.clone(), state.dispatcher());
        use_callback((*status).clone(), move |(), current| {
            if let OfficeStatus::Applied(p) = current {
                dispatch.dispatch(Action::EditAll(p.undo()));
            }
            status.set(OfficeStatus::Idle);
        })
    };
    OfficeHandles {
        status: (*status).clone(),
        preview: (*preview).clone(),
        on_xlsx,
        on_docx,
        on_file,
        on_apply,
        on_cancel,
        on_undo,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum DownloadKind {
    Xlsx,
    Docx,
}

/// A button's callback: the worker makes the file, the browser offers it.
#[hook]
fn use_download(
    state: &UseReducerHandle<AppState>,
    status: &UseStateHandle<OfficeStatus>,
    kind: DownloadKind,
    previous: Option<Rc<Report>>,
) -> Callback<()> {
    let status = status.clone();
    use_callback(
        (state.report.clone(), state.criteria_file.clone(), previous),
        move |(), (report, criteria, previous)| {
            let (op, ext, mime) = match kind {
                DownloadKind::Xlsx => (Op::Xlsx, "xlsx", worker::XLSX_MIME),
                DownloadKind::Docx => {
                    let previous = previous
                        .as_ref()
                        .and_then(|p| serde_json::to_string(&**p).ok());
                    (Op::Docx { previous }, "docx", worker::DOCX_MIME)
                }
            };
            status.set(OfficeStatus::Busy);
            let name = cchc_office_name(report, ext);
            let status = status.clone();
            let json = serde_json::to_string(&**report).unwrap_or_default();
            worker::request(op, &json, criteria.as_deref(), move |reply| match reply {
                Ok(Reply::Bytes(bytes)) => {
                    files::download_contents(&name, mime, bytes.as_slice());
                    status.set(OfficeStatus::Idle);
                }
                Ok(Reply::Preview(_) | Reply::Rows(_)) => status.set(OfficeStatus::Idle),
                Err(why) => status.set(OfficeStatus::Failed(why)),
            });
        },
    )
}

/// The JSON export's file name with the office ending.
fn cchc_office_name(report: &Report, ext: &str) -> String {
    let json = crate::core::exchange::file_name(report);
    let stem = json.strip_suffix(".json").unwrap_or(&json);
    format!("{stem}.{ext}")
}
