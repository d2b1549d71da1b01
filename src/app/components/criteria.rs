//! "Bộ tiêu chí tự chấm điểm", a part of the saved-reports screen: which criteria set scores
//! the reports of this browser (its title, id and version, and whether it is the sample), and
//! the ways to change it: load a province's file, download the set in use as a template to
//! edit, go back to the sample. A file that is refused is said here, with the fault.
//!
//! DOM contract: the part is `#criteria` (the scoring view's sample notice links to it), with
//! `[data-criteria-id]` and `[data-criteria-version]` on the set's details and its title in
//! `[data-criteria-title]`; buttons `[data-action="load-criteria"]` (file input
//! `#criteria-file`), `download-criteria`, `use-sample`; a refusal is `[data-criteria-error]`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::banner::{Banner, Tone};
use crate::app::components::file_button::FileButton;
use crate::app::i18n::shell::{shell, Shell};
use crate::core::text::Lang;
use crate::core::workspace::Templates;
use crate::state::{CriteriaFault, CriteriaNotice};

/// The DOM id of the part, for links to it.
pub const CRITERIA_ANCHOR: &str = "criteria";

#[derive(Properties, PartialEq)]
pub struct CriteriaPanelProps {
    pub lang: Lang,
    /// The templates in use, whose criteria set is shown.
    pub templates: Rc<Templates>,
    /// The set in use came from a province's file (not the sample shipped with the app).
    pub from_file: bool,
    /// Shown when it is a refused file; the frame's banners tell the rest.
    pub notice: Option<CriteriaNotice>,
    pub on_file: Callback<web_sys::File>,
    pub on_download: Callback<()>,
    pub on_use_sample: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[function_component(CriteriaPanel)]
pub fn criteria_panel(props: &CriteriaPanelProps) -> Html {
    let t = shell(props.lang);
    let set = &props.templates.criteria.template;
    let (kind, kind_class) = match set.sample {
        true => (t.criteria_is_sample, "badge-sample"),
        false => (t.criteria_is_province, "badge-province"),
    };
    let rejected = match &props.notice {
        Some(CriteriaNotice::Rejected { file, fault }) => Some(html! {
            <div data-criteria-error="">
                <Banner tone={Tone::Error} actions={html! {
                    <button type="button" onclick={props.on_dismiss.reform(|_| ())}>{ t.dismiss }</button>
                }}>
                    <p><strong>{ (t.criteria_rejected)(file) }</strong></p>
                    <p class="banner-detail">{ fault_message(t, props.lang, fault) }</p>
                </Banner>
            </div>
        }),
        _ => None,
    };
    html! {
        <section class="screen-part criteria" id={CRITERIA_ANCHOR} tabindex="-1" aria-labelledby="criteria-title">
            <h3 id="criteria-title">{ t.criteria_title }</h3>
            <p class="intro">{ t.criteria_intro }</p>
            <dl class="criteria-set" data-criteria-id={set.id.clone()} data-criteria-version={set.version.to_string()}>
                <dt>{ t.criteria_in_use }</dt>
                <dd>
                    <strong data-criteria-title="">{ set.title.get(props.lang) }</strong>{ " " }
                    <span class={classes!("badge", kind_class)}>{ kind }</span>
                </dd>
                <dt>{ t.criteria_id }</dt>
                <dd><code>{ &set.id }</code></dd>
                <dt>{ t.criteria_version }</dt>
                <dd>{ set.version }</dd>
            </dl>
            if !set.source.is_empty() {
                <p class="criteria-source">{ set.source.get(props.lang) }</p>
            }
            <div class="criteria-actions">
                <FileButton input_id="criteria-file" action="load-criteria" label={t.criteria_load}
                    hint={t.criteria_load_hint} on_file={props.on_file.clone()} />
                <button type="button" data-action="download-criteria" title={t.criteria_download_hint}
                    onclick={props.on_download.reform(|_| ())}>{ t.criteria_download }</button>
                if props.from_file {
                    <button type="button" data-action="use-sample" title={t.criteria_use_sample_hint}
                        onclick={props.on_use_sample.reform(|_| ())}>{ t.criteria_use_sample }</button>
                }
            </div>
            { for rejected }
        </section>
    }
}

/// Why a file was refused, in the officer's words. The core's own message names the fault and
/// where it is.
fn fault_message(t: &Shell, lang: Lang, fault: &CriteriaFault) -> String {
    match fault {
        CriteriaFault::Unreadable(why) => (t.unreadable)(*why),
        CriteriaFault::Invalid(e) => e.message().get(lang).to_owned(),
        CriteriaFault::SameVersion(set) => (t.criteria_same_version)(&set.id, set.version),
    }
}
