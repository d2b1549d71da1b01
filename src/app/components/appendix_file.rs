//! "Mẫu phụ lục số liệu", a part of the saved-reports screen beside the criteria set: which
//! appendix template the reports of this browser are filled on (title, id, version, built in
//! or the province's), and the ways to change it: load a province's file, download the one in
//! use to edit, go back to the built-in one. A refused file is said here, with the core's
//! message (for a criteria set that does not fit: which criterion reads which missing cell).
//!
//! DOM contract: the part is `#appendix-template`, with `[data-appendix-id]` and
//! `[data-appendix-version]` on its details and its title in `[data-appendix-title]`; buttons
//! `[data-action="load-appendix"]` (file input `#appendix-file`), `download-appendix`,
//! `use-builtin-appendix`; a refusal is `[data-appendix-error]`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::banner::{Banner, Tone};
use crate::app::components::file_button::FileButton;
use crate::app::i18n::shell::shell;
use crate::app::i18n::templates::{templates, TemplatesText};
use crate::core::text::Lang;
use crate::core::workspace::Templates;
use crate::state::{AppendixFault, AppendixNotice};

#[derive(Properties, PartialEq)]
pub struct AppendixPanelProps {
    pub lang: Lang,
    pub templates: Rc<Templates>,
    /// The appendix in use came from a province's file.
    pub from_file: bool,
    pub notice: Option<AppendixNotice>,
    pub on_file: Callback<web_sys::File>,
    pub on_download: Callback<()>,
    pub on_use_builtin: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[function_component(AppendixPanel)]
pub fn appendix_panel(props: &AppendixPanelProps) -> Html {
    let (t, tt) = (shell(props.lang), templates(props.lang));
    let appendix = &props.templates.appendix.template;
    let (kind, kind_class) = match props.from_file {
        false => (tt.appendix_is_builtin, "badge-builtin"),
        true => (tt.appendix_is_province, "badge-province"),
    };
    let rejected = match &props.notice {
        Some(AppendixNotice::Rejected { file, fault }) => Some(html! {
            <div data-appendix-error="">
                <Banner tone={Tone::Error} actions={html! {
                    <button type="button" onclick={props.on_dismiss.reform(|_| ())}>{ t.dismiss }</button>
                }}>
                    <p><strong>{ (tt.appendix_rejected)(file) }</strong></p>
                    { fault_message(tt, props.lang, fault) }
                </Banner>
            </div>
        }),
        _ => None,
    };
    html! {
        <section class="screen-part criteria" id="appendix-template" tabindex="-1" aria-labelledby="appendix-template-title">
            <h3 id="appendix-template-title">{ tt.appendix_title }</h3>
            <p class="intro">{ tt.appendix_intro }</p>
            <dl class="criteria-set" data-appendix-id={appendix.id.clone()} data-appendix-version={appendix.version.to_string()}>
                <dt>{ tt.appendix_in_use }</dt>
                <dd>
                    <strong data-appendix-title="">{ appendix.title.get(props.lang) }</strong>{ " " }
                    <span class={classes!("badge", kind_class)}>{ kind }</span>
                </dd>
                <dt>{ tt.appendix_id }</dt>
                <dd><code>{ &appendix.id }</code></dd>
                <dt>{ tt.appendix_version }</dt>
                <dd>{ appendix.version }</dd>
            </dl>
            <div class="criteria-actions">
                <FileButton input_id="appendix-file" action="load-appendix" label={tt.appendix_load}
                    hint={tt.appendix_load_hint} on_file={props.on_file.clone()} />
                <button type="button" data-action="download-appendix" title={tt.appendix_download_hint}
                    onclick={props.on_download.reform(|_| ())}>{ tt.appendix_download }</button>
                if props.from_file {
                    <button type="button" data-action="use-builtin-appendix" title={tt.appendix_use_builtin_hint}
                        onclick={props.on_use_builtin.reform(|_| ())}>{ tt.appendix_use_builtin }</button>
                }
            </div>
            { for rejected }
        </section>
    }
}

/// Why a file was refused: the core's own message names the fault and where it is.
fn fault_message(tt: &TemplatesText, lang: Lang, fault: &AppendixFault) -> Html {
    let t = shell(lang);
    let line = |text: String| html! { <p class="banner-detail">{ text }</p> };
    match fault {
        AppendixFault::Unreadable(why) => line((t.unreadable)(*why)),
        AppendixFault::Invalid(e) => line(e.message().get(lang).to_owned()),
        AppendixFault::SameVersion(r) => line((tt.appendix_same_version)(&r.id, r.version)),
        AppendixFault::CriteriaDoNotFit { criteria, error } => html! { <>
            { line((tt.appendix_criteria_do_not_fit)(&(tt.ref_name)(&criteria.id, criteria.version))) }
            { line(error.message().get(lang).to_owned()) }
        </> },
    }
}
