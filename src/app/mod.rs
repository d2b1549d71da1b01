//! The browser app: one reducer at the root ([`state`]), stateless components below it
//! ([`components`]), the outside world behind [`services`], and every UI string in [`i18n`].
//!
//! The root is the only place that talks to services: it loads what storage holds, keeps the
//! open report saved ([`autosave`]), reads and writes files, and turns what comes back into
//! actions. Derived values (computed cells, findings, scores) are computed from the open report
//! with `workspace::evaluate` at each change, never stored.

pub mod autosave;
pub mod components;
pub mod i18n;
pub mod services;
pub mod state;

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::core::exchange;
use crate::core::text::Text;
use crate::core::workspace::{self, Templates};
use autosave::use_autosave;
use components::appendix::AppendixView;
use components::banner::Notices;
use components::header::{Header, SaveStatus};
use components::identity::IdentityView;
use components::print::PrintView;
use components::reports::ReportsView;
use components::scoring::ScoringView;
use components::summary::SummaryView;
use components::tabs::Tabs;
use components::transfer::{DropTarget, ImportPreview, TransferActions};
use components::SheetProps;
use i18n::shell::{self, shell};
use services::{clock, files, storage};
use state::{Action, AppState, Incoming, IndexEntry, Restored, Storage, Tab};

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
        true => (storage::load(), Storage::Available),
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
    use_remembered(&state);
    // `data-app-ready` appears once the app is in the page and listening: tests wait for it.
    let mounted = use_state(|| false);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| mounted.set(true));
    }
    // Keeps a file being read alive until its text arrives (dropping it cancels the read).
    let reading = use_mut_ref(|| None::<FileReader>);

    let on_duplicate = send(&state, |from| Action::DuplicateNext {
        from,
        id: clock::new_report_id(),
    });
    let on_delete = {
        let (state, autosave) = (state.clone(), autosave.clone());
        Callback::from(move |id: String| {
            autosave.forget(&id);
            if state.storage == Storage::Available {
                if let Err(failure) = storage::delete(&id) {
                    state.dispatch(Action::StorageFailed(failure));
                }
            }
            state.dispatch(Action::Delete {
                id,
                fresh: clock::fresh(),
            });
        })
    };
    let on_export = {
        let (state, eval) = (state.clone(), eval.clone());
        Callback::from(move |()| {
            let json = exchange::export(&state.templates, &state.report, &eval, &clock::now_iso());
            files::download(
                &exchange::file_name(&state.report),
                "application/json",
                &json,
            );
        })
    };
    let on_file = {
        let (state, reading) = (state.clone(), reading.clone());
        Callback::from(move |file: web_sys::File| {
            let dispatch = state.dispatcher();
            let name = file.name();
            *reading.borrow_mut() = Some(files::read_text(&file, move |read| {
                dispatch.dispatch(import_action(name, read))
            }));
        })
    };
    let on_download_broken = {
        let state = state.clone();
        Callback::from(move |id: String| {
            if let Some(b) = state.broken.iter().find(|b| b.id == id) {
                files::download(
                    &format!("phuluc-cchc_khong-doc-duoc_{id}.json"),
                    "application/json",
                    &b.raw,
                );
            }
        })
    };

    let title = IndexEntry::of(&state.report, None).title(state.lang, shell(state.lang).untitled);
    let status = SaveStatus::of(
        state.storage,
        &state.save,
        state.open_saved_at().map(clock::local),
    );
    let sheet = SheetProps {
        templates: state.templates.clone(),
        report: state.report.clone(),
        eval: eval.clone(),
        lang: state.lang,
        on_edit: send(&state, Action::Edit),
    };
    let screen = match state.tab {
        Tab::Identity => html! { <IdentityView ..sheet /> },
        Tab::Appendix => html! { <AppendixView ..sheet /> },
        Tab::Scoring => html! { <ScoringView ..sheet /> },
        Tab::Summary => html! { <SummaryView ..sheet /> },
        Tab::Print => html! { <PrintView ..sheet /> },
        Tab::Reports => html! {
            <ReportsView
                shelf={state.shelf.clone()}
                broken={state.broken.clone()}
                open_id={state.report.id.clone()}
                lang={state.lang}
                on_open={send(&state, Action::Open)}
                {on_duplicate}
                {on_delete}
                on_new={send(&state, |()| Action::NewReport(clock::fresh()))}
                on_download_broken={on_download_broken.clone()}
            />
        },
    };
    let preview = match &state.incoming {
        Some(Incoming::Preview(incoming)) => {
            let replaces = state.shelved(&incoming.id).map(|s| s.entry());
            html! {
                <ImportPreview
                    templates={state.templates.clone()}
                    incoming={incoming.clone()}
                    replaces_open={incoming.id == state.report.id}
                    {replaces}
                    lang={state.lang}
                    on_confirm={send(&state, |()| Action::ImportConfirm)}
                    on_cancel={send(&state, |()| Action::ImportCancel)}
                />
            }
        }
        _ => Html::default(),
    };

    html! {
        <div class="app" data-app-ready={mounted.then_some("")} lang={i18n::html_lang(state.lang)}>
            <DropTarget lang={state.lang} on_file={on_file.clone()}>
                <Header lang={state.lang} {title} {status} sample={state.templates.criteria.template.sample}
                    on_lang={send(&state, Action::SetLang)}>
                    <TransferActions lang={state.lang} {on_export} on_file={on_file} />
                </Header>
                <Tabs current={state.tab} lang={state.lang} on_select={send(&state, Action::SetTab)} />
                <Notices
                    lang={state.lang}
                    storage={state.storage}
                    save={state.save.clone()}
                    broken={state.broken.clone()}
                    incoming={state.incoming.clone()}
                    {on_download_broken}
                    on_dismiss_broken={send(&state, Action::DismissBroken)}
                    on_dismiss_rejected={send(&state, |()| Action::ImportCancel)}
                />
                <main class="main" id="main">{ screen }</main>
                { preview }
            </DropTarget>
        </div>
    }
}

/// A callback that dispatches the action `make` builds from its argument.
fn send<T: 'static>(
    state: &UseReducerHandle<AppState>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |x| dispatcher.dispatch(make(x)))
}

/// What reading a file leads to: a preview of the report in it, or the reason it was refused.
fn import_action(file: String, read: Result<String, String>) -> Action {
    let parsed = read
        .map_err(|why| {
            Text::new(
                (shell::VI.import_unreadable)(&why),
                (shell::EN.import_unreadable)(&why),
            )
        })
        .and_then(|text| exchange::import(&text).map_err(|e| e.message()));
    match parsed {
        Ok(report) => Action::ImportPreview(report),
        Err(message) => Action::ImportRejected { file, message },
    }
}

/// Remembers the open report and the language for the next visit, and tells the page its
/// language (screen readers choose their voice by it).
#[hook]
fn use_remembered(state: &UseReducerHandle<AppState>) {
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
