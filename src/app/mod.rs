//! The browser app: one reducer at the root ([`state`]), stateless components below it
//! ([`components`]), the outside world behind [`services`], and every UI string in [`i18n`].
//!
//! The root is the only place that talks to services: it loads what storage holds, keeps the
//! open report saved ([`autosave`]) and the criteria set and appendix in use, reads and
//! writes files, registers the service worker, and turns what comes back into actions. Derived
//! values (computed cells, findings, scores) are computed from the open report with
//! `workspace::evaluate` at each change, never stored.

pub mod components;
pub mod hooks;
pub mod i18n;
pub mod services;

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::core::exchange;
use crate::core::text::Text;
use crate::core::workspace::{self, Templates};
use crate::state::{
    trash, Action, AppState, Incoming, IndexEntry, ReadFailure, Restored, Storage, Tab,
};
use components::appendix::AppendixView;
use components::appendix_file::AppendixPanel;
use components::banner::Notices;
use components::compare::CompareView;
use components::conflict::ConflictDialog;
use components::criteria::CriteriaPanel;
use components::editor::{AppendixEditor, CriteriaEditor};
use components::guide::GuideView;
use components::header::{Header, SaveStatus};
use components::identity::IdentityView;
use components::office::{FiguresPreview, OfficeActions};
use components::print::PrintView;
use components::reports::ReportsView;
use components::rollup::RollUpView;
use components::scoring::ScoringView;
use components::summary::SummaryView;
use components::switch::SwitchDialog;
use components::tabs::{Navigate, Tabs};
use components::transfer::{DropTarget, ImportPreview, TransferActions};
use components::trash::TrashView;
use components::words::WordsView;
use components::SheetProps;
use hooks::{
    use_autosave, use_office, use_offline, use_other_tabs, use_remembered, use_send,
    use_template_file, use_undo_keys, TemplateFile,
};
use i18n::safety::safety;
use i18n::shell::{self, shell};
use services::{clock, files, storage};

/// Compiles the built-in templates and mounts the app on the page's body. A template that does
/// not compile is a bug of ours: the page then says so instead of running on a broken one.
pub fn start() {
    match Templates::builtin() {
        Ok(templates) => {
            yew::Renderer::<App>::with_props(AppProps {
                templates: Rc::new(templates),
            })
            .render();
        }
        Err(e) => {
            yew::Renderer::<TemplatesFailed>::with_props(TemplatesFailedProps {
                message: e.to_string().into(),
            })
            .render();
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub templates: Rc<Templates>,
}

/// The state at start, from storage when the browser has it.
fn initial_state(templates: Rc<Templates>) -> AppState {
    let (restored, health) = match storage::available() {
        true => (storage::load(clock::now()), Storage::Available),
        false => (Restored::default(), Storage::Unavailable),
    };
    AppState::restore(templates, restored, health, clock::fresh())
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer({
        let templates = props.templates.clone();
        move || initial_state(templates)
    });
    let eval = use_memo((state.templates.clone(), state.report.clone()), |(t, r)| {
        workspace::evaluate(t, r)
    });
    let autosave = use_autosave(&state);
    use_other_tabs(&state);
    use_undo_keys(&state);
    use_remembered(&state);
    let offline = use_offline();
    let new_version = offline.update.clone();
    // Said once, quietly: hidden for good once the officer has read it.
    let offline_note_hidden = use_state(storage::offline_note_seen);
    let on_hide_offline_note = {
        let hidden = offline_note_hidden.clone();
        use_callback(state.storage, move |_: MouseEvent, &stored| {
            if stored == Storage::Available {
                storage::remember_offline_note_seen();
            }
            hidden.set(true);
        })
    };
    let criteria = use_template_file(&state, TemplateFile::Criteria);
    let appendix = use_template_file(&state, TemplateFile::Appendix);
    // Worked out once per render: the narrative, print, Word and the compare screen share it.
    let baseline = state.baseline();
    let office = use_office(&state, baseline.clone());
    // `data-app-ready` appears once the app is in the page and listening: tests wait for it.
    let mounted = use_state(|| false);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| mounted.set(true));
    }
    // Keeps a file being read alive until its text arrives (dropping it cancels the read).
    let reading = use_mut_ref(|| None::<FileReader>);

    // Callbacks are built once, or again only when what they read changes: a component given
    // the same callback and data is not re-rendered, so a keystroke re-renders the cells it
    // changed rather than every cell of the sheet.
    let on_edit = use_send(&state, Action::Edit);
    // The banners' "move onto the templates in use" opens the dialog that lists what would
    // change; only its "Chuyển" moves the report (one undo step).
    let switching = use_state(|| false);
    let on_adopt = {
        let switching = switching.clone();
        use_callback((), move |(), _| switching.set(true))
    };
    let on_switch_cancel = {
        let switching = switching.clone();
        use_callback((), move |(), _| switching.set(false))
    };
    let on_switch_apply = {
        let (switching, dispatch) = (switching.clone(), state.dispatcher());
        use_callback((), move |(), _| {
            dispatch.dispatch(Action::AdoptTemplates);
            switching.set(false);
        })
    };
    // The editor's draft, put in use exactly as a loaded province file would be.
    let on_use_draft = use_send(&state, |json: String| Action::CriteriaFile {
        file: "trình soạn bộ tiêu chí".into(),
        text: Ok(json),
    });
    // The appendix editor's draft, likewise: the same action as a loaded appendix file.
    let on_use_appendix_draft = use_send(&state, |json: String| Action::AppendixFile {
        file: "trình soạn mẫu phụ lục".into(),
        text: Ok(json),
    });
    let on_lang = use_send(&state, Action::SetLang);
    let on_tab = use_send(&state, Action::SetTab);
    let on_open = use_send(&state, Action::Open);
    let on_attach = use_send(&state, Action::Attach);
    let on_detach = use_send(&state, Action::Detach);
    let on_new = use_send(&state, |()| Action::NewReport(clock::fresh()));
    let on_duplicate = use_send(&state, |from| Action::DuplicateNext {
        from,
        id: clock::new_report_id(),
    });
    let on_import_confirm = use_send(&state, |()| Action::ImportConfirm);
    let on_import_cancel = use_send(&state, |()| Action::ImportCancel);
    let on_undo = use_send(&state, |()| Action::Undo);
    let on_redo = use_send(&state, |()| Action::Redo);
    let on_settle = use_send(&state, |(field, theirs)| Action::Settle { field, theirs });
    let on_settle_all = use_send(&state, |theirs| Action::SettleAll { theirs });
    let on_dismiss_other_tab = use_send(&state, |()| Action::DismissOtherTab);
    let on_dismiss_broken = use_send(&state, Action::DismissBroken);
    // A readable report goes to the trash (in storage first: when that write fails, it stays
    // where it is); one that cannot be read is deleted for good.
    let on_delete = {
        let (dispatch, autosave) = (state.dispatcher(), autosave.clone());
        use_callback(
            (state.storage, state.shelf.clone()),
            move |id: String, (storage, shelf)| {
                autosave.forget(&id);
                let stored = *storage == Storage::Available;
                let at = clock::now();
                match shelf.iter().find(|s| s.report.id == id) {
                    Some(shelved) => {
                        if stored {
                            if let Err(failure) = storage::trash(shelved, at) {
                                return dispatch.dispatch(Action::StorageFailed(failure));
                            }
                        }
                        dispatch.dispatch(Action::Trash {
                            id,
                            at,
                            fresh: clock::fresh(),
                        });
                    }
                    None => {
                        if stored {
                            if let Err(failure) = storage::delete(&id) {
                                dispatch.dispatch(Action::StorageFailed(failure));
                            }
                        }
                        dispatch.dispatch(Action::Delete {
                            id,
                            fresh: clock::fresh(),
                        });
                    }
                }
            },
        )
    };
    let on_restore = {
        let dispatch = state.dispatcher();
        use_callback(
            (
                state.storage,
                state.trash.clone(),
                state.shelf.clone(),
                state.report.id.clone(),
            ),
            move |id: String, (storage, trash, shelf, open_id)| {
                let Some(trashed) = trash.iter().find(|t| t.report.id == id) else {
                    return;
                };
                let as_id = trash::restore_id(shelf, open_id, &id, clock::new_report_id());
                if *storage == Storage::Available {
                    if let Err(failure) = storage::restore(trashed, &as_id) {
                        return dispatch.dispatch(Action::StorageFailed(failure));
                    }
                }
                dispatch.dispatch(Action::Restore { id, as_id });
            },
        )
    };
    let on_purge = {
        let dispatch = state.dispatcher();
        use_callback(state.storage, move |id: String, &storage| {
            if storage == Storage::Available {
                storage::purge(&id);
            }
            dispatch.dispatch(Action::Purge(id));
        })
    };
    let on_export = use_callback(
        (state.templates.clone(), state.report.clone(), eval.clone()),
        |(), (templates, report, eval)| {
            let json = exchange::export(templates, report, eval, &clock::now_iso());
            files::download(&exchange::file_name(report), "application/json", &json);
        },
    );
    let on_file = {
        let (dispatch, reading) = (state.dispatcher(), reading.clone());
        use_callback((), move |file: web_sys::File, _| {
            let dispatch = dispatch.clone();
            let name = file.name();
            // Refused before its text is read into memory: a wrong 50 MB file costs nothing.
            if let Some(too_large) = too_large(&file) {
                *reading.borrow_mut() = None;
                return dispatch.dispatch(Action::ImportRejected {
                    file: name,
                    message: too_large.message(),
                });
            }
            *reading.borrow_mut() = Some(files::read_text(&file, move |read| {
                dispatch.dispatch(import_action(name, read))
            }));
        })
    };
    // The reload ends this page: what the officer just typed is written first.
    let on_reload = {
        let autosave = autosave.clone();
        use_callback(new_version.clone(), move |(), new_version| {
            autosave.flush();
            if let Some(update) = new_version {
                update.apply();
            }
        })
    };
    let on_download_broken = use_callback(state.broken.clone(), |id: String, broken| {
        if let Some(b) = broken.iter().find(|b| b.id == id) {
            files::download(
                &format!("phuluc-cchc_khong-doc-duoc_{id}.json"),
                "application/json",
                &b.raw,
            );
        }
    });

    let title = IndexEntry::of(&state.report, None).title(state.lang, shell(state.lang).untitled);
    let status = SaveStatus::of(
        state.storage,
        &state.save,
        state.open_saved_at().map(clock::local),
        state.conflict.is_some(),
    );
    let sheet = SheetProps {
        templates: state.templates.clone(),
        report: state.report.clone(),
        eval: eval.clone(),
        lang: state.lang,
        on_edit,
        previous: baseline.clone(),
    };
    let screen = match state.tab {
        Tab::Identity => html! { <IdentityView ..sheet /> },
        Tab::Appendix => html! { <AppendixView ..sheet /> },
        Tab::Scoring => html! { <ScoringView ..sheet /> },
        Tab::Summary => html! { <SummaryView ..sheet /> },
        Tab::Words => html! { <WordsView ..sheet /> },
        Tab::Print => html! { <PrintView ..sheet /> },
        Tab::Reports => html! { <>
            <ReportsView
                shelf={state.shelf.clone()}
                broken={state.broken.clone()}
                open_id={state.report.id.clone()}
                lang={state.lang}
                {on_open}
                {on_duplicate}
                {on_delete}
                {on_new}
                on_download_broken={on_download_broken.clone()}
            />
            <TrashView trash={state.trash.clone()} lang={state.lang} {on_restore} {on_purge} />
            <CriteriaPanel
                lang={state.lang}
                templates={state.templates.clone()}
                from_file={state.criteria_file.is_some()}
                notice={state.criteria_notice.clone()}
                on_file={criteria.on_file}
                on_download={criteria.on_download}
                on_use_sample={criteria.on_builtin}
                on_dismiss={criteria.on_dismiss.clone()}
            />
            <AppendixPanel
                lang={state.lang}
                templates={state.templates.clone()}
                from_file={state.appendix_file.is_some()}
                notice={state.appendix_notice.clone()}
                on_file={appendix.on_file}
                on_download={appendix.on_download}
                on_use_builtin={appendix.on_builtin}
                on_dismiss={appendix.on_dismiss.clone()}
            />
            <CriteriaEditor
                lang={state.lang}
                templates={state.templates.clone()}
                report={state.report.clone()}
                eval={eval.clone()}
                on_use={on_use_draft}
            />
            <AppendixEditor
                lang={state.lang}
                templates={state.templates.clone()}
                taken={Rc::new(state.appendix_refs_named())}
                on_use={on_use_appendix_draft}
            />
        </> },
        Tab::Compare => html! {
            <CompareView templates={state.templates.clone()} report={state.report.clone()}
                eval={eval.clone()} shelf={state.shelf.clone()} lang={state.lang}
                attached={state.attached.clone()} baseline={baseline.clone()}
                {on_attach} {on_detach} />
        },
        Tab::RollUp => html! {
            <RollUpView templates={state.templates.clone()} lang={state.lang} shelf={state.shelf.clone()} />
        },
        Tab::Guide => html! { <GuideView lang={state.lang} /> },
    };
    let preview = match &state.incoming {
        Some(Incoming::Preview {
            report: incoming,
            notes,
        }) => {
            let replaces = state.shelved(&incoming.id).map(|s| s.entry());
            html! {
                <ImportPreview
                    templates={state.templates.clone()}
                    incoming={incoming.clone()}
                    notes={notes.clone()}
                    replaces_open={incoming.id == state.report.id}
                    {replaces}
                    lang={state.lang}
                    on_confirm={on_import_confirm}
                    on_cancel={on_import_cancel.clone()}
                />
            }
        }
        _ => Html::default(),
    };
    let notices = Rc::new(state.notices(new_version.is_some()));
    let native_undo = matches!(
        state.tab,
        Tab::Reports | Tab::RollUp | Tab::Compare | Tab::Guide
    );

    html! {
        <div class="app" data-app-ready={mounted.then_some("")} lang={i18n::html_lang(state.lang)}>
            <ContextProvider<Navigate> context={Navigate(on_tab.clone())}>
                <DropTarget lang={state.lang} on_file={on_file.clone()}>
                    <Header lang={state.lang} {title} {status} sample={state.templates.criteria.template.sample}
                        {on_lang} can_undo={state.can_undo()} can_redo={state.can_redo()} {on_undo} {on_redo}>
                        <TransferActions lang={state.lang} {on_export} on_file={on_file} />
                        <OfficeActions lang={state.lang} status={office.status.clone()} on_xlsx={office.on_xlsx}
                            on_docx={office.on_docx} on_file={office.on_file} on_undo={office.on_undo} />
                    </Header>
                    <Tabs current={state.tab} lang={state.lang} on_select={on_tab} />
                    <Notices
                        lang={state.lang}
                        {notices}
                        {on_download_broken}
                        {on_dismiss_broken}
                        on_dismiss_rejected={on_import_cancel}
                        on_dismiss_criteria={criteria.on_dismiss}
                        {on_adopt}
                        on_dismiss_appendix={appendix.on_dismiss}
                        {on_reload}
                        {on_dismiss_other_tab}
                    />
                    if offline.unavailable && !*offline_note_hidden {
                        <div class="quiet-note" role="status" data-offline-unavailable="">
                            <p>{ safety(state.lang).offline_unavailable }</p>
                            <button type="button" onclick={on_hide_offline_note}>{ shell(state.lang).dismiss }</button>
                        </div>
                    }
                    // Screens that do not edit the open report keep the browser's own Ctrl+Z.
                    <main class="main" id="main" data-native-undo={native_undo.then_some("")}>{ screen }</main>
                    { preview }
                    if let Some(switch) = switching.then(|| state.switch()).flatten() {
                        <SwitchDialog lang={state.lang} switch={Rc::new(switch)}
                            on_apply={on_switch_apply} on_cancel={on_switch_cancel} />
                    }
                    if let Some(conflict) = state.conflict.clone() {
                        <ConflictDialog lang={state.lang} templates={state.templates.clone()} {conflict}
                            report={state.report.clone()} {on_settle} {on_settle_all} />
                    }
                    if let Some((file, p)) = office.preview.clone() {
                        <FiguresPreview lang={state.lang} {file} preview={p} on_apply={office.on_apply}
                            on_cancel={office.on_cancel} />
                    }
                </DropTarget>
            </ContextProvider<Navigate>>
        </div>
    }
}

/// Why `file` is refused before it is read, if it is: larger than the core reads
/// (`exchange::MAX_IMPORT_BYTES`, the same message as the core's own check).
fn too_large(file: &web_sys::File) -> Option<exchange::ImportError> {
    let bytes = file.size();
    (bytes > exchange::MAX_IMPORT_BYTES as f64).then(|| exchange::ImportError::TooLarge {
        // A size in f64 is a whole number of bytes; beyond usize it is too large anyway.
        bytes: bytes.min(usize::MAX as f64) as usize,
    })
}

/// What reading a file leads to: a preview of the report in it, or the reason it was refused.
fn import_action(file: String, read: Result<String, ReadFailure>) -> Action {
    let parsed = read
        .map_err(|why| Text::new((shell::VI.unreadable)(why), (shell::EN.unreadable)(why)))
        .and_then(|text| exchange::import_with_notes(&text).map_err(|e| e.message()));
    match parsed {
        Ok(imported) => Action::ImportPreview(Box::new(imported)),
        Err(message) => Action::ImportRejected { file, message },
    }
}

#[derive(Properties, PartialEq)]
pub struct TemplatesFailedProps {
    pub message: AttrValue,
}

/// The page shown instead of the app when a built-in template does not compile.
#[function_component(TemplatesFailed)]
fn templates_failed(props: &TemplatesFailedProps) -> Html {
    let t = shell(Default::default());
    html! {
        <div class="app" data-app-ready="">
            <main class="main">
                <div class="banner banner-error" role="alert">
                    <div class="banner-text">
                        <p><strong>{ t.templates_failed }</strong></p>
                        <p>{ t.templates_failed_hint }</p>
                        <pre class="banner-detail">{ &props.message }</pre>
                    </div>
                </div>
            </main>
        </div>
    }
}
