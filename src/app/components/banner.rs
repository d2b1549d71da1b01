//! Messages across the top of the page: what went wrong with storage, a stored report that
//! cannot be read, a file that was refused, a stored criteria set that no longer compiles, a
//! report scored against another criteria set, a new version of the app waiting. Each says
//! what happened and what to do.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::shell::{shell, Shell};
use crate::app::state::{BrokenReport, CriteriaNotice, Incoming, SaveState, Storage, WriteFailure};
use crate::core::report::TemplateRef;
use crate::core::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Data may be lost, or an action failed.
    Error,
    /// Worth knowing; nothing is lost.
    Warning,
}

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub tone: Tone,
    pub children: Html,
    /// Buttons after the message (a download, a dismiss).
    #[prop_or_default]
    pub actions: Html,
}

#[function_component(Banner)]
pub fn banner(props: &BannerProps) -> Html {
    let class = match props.tone {
        Tone::Error => "banner banner-error",
        Tone::Warning => "banner banner-warning",
    };
    html! {
        <div {class} role="alert">
            <div class="banner-text">{ props.children.clone() }</div>
            <div class="banner-actions">{ props.actions.clone() }</div>
        </div>
    }
}

/// The open report was scored against `scored`, which is not the criteria set `in_use`.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherCriteria {
    pub scored: TemplateRef,
    pub in_use: TemplateRef,
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub storage: Storage,
    pub save: SaveState,
    pub broken: Rc<Vec<BrokenReport>>,
    pub incoming: Option<Incoming>,
    /// A broken report's id: download its raw text.
    pub on_download_broken: Callback<String>,
    pub on_dismiss_broken: Callback<String>,
    pub on_dismiss_rejected: Callback<()>,
    /// Shown when the stored criteria set no longer compiles; a refused file is shown where
    /// it was loaded.
    pub criteria_notice: Option<CriteriaNotice>,
    pub on_dismiss_criteria: Callback<()>,
    /// Given while the scores of a report scored against another set are on screen.
    pub other_criteria: Option<OtherCriteria>,
    /// Scores the open report against the set in use from now on.
    pub on_adopt_criteria: Callback<TemplateRef>,
    /// A new version of the app is installed and waits for the officer's reload.
    pub update_ready: bool,
    pub on_reload: Callback<()>,
}

/// Every banner the app's state calls for, most serious first.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let t = shell(props.lang);
    let storage = match (&props.storage, &props.save) {
        (Storage::Unavailable, _) => Some(t.storage_unavailable.to_owned()),
        (_, SaveState::Failed(WriteFailure::Full)) => Some(t.storage_full.to_owned()),
        (_, SaveState::Failed(WriteFailure::Other(why))) => Some((t.storage_error)(why)),
        _ => None,
    };
    let rejected = match &props.incoming {
        Some(Incoming::Rejected { file, message }) => Some(html! {
            <Banner tone={Tone::Error} actions={html! {
                <button type="button" onclick={props.on_dismiss_rejected.reform(|_| ())}>{ t.dismiss }</button>
            }}>
                <p><strong>{ (t.import_rejected)(file) }</strong></p>
                <p class="banner-detail" data-import-error="">{ message.get(props.lang) }</p>
            </Banner>
        }),
        _ => None,
    };
    let broken = props.broken.iter().filter(|b| !b.dismissed).map(|b| {
        let name = match &b.entry {
            Some(e) => e.title(props.lang, t.untitled),
            None => (t.broken_unnamed)(&b.id),
        };
        let id = b.id.clone();
        let download = props.on_download_broken.reform(move |_| id.clone());
        let id = b.id.clone();
        let dismiss = props.on_dismiss_broken.reform(move |_| id.clone());
        html! {
            <Banner tone={Tone::Warning} actions={html! { <>
                <button type="button" onclick={download}>{ t.broken_download }</button>
                <button type="button" onclick={dismiss}>{ t.dismiss }</button>
            </> }}>
                <p><strong>{ (t.broken_report)(&name) }</strong></p>
                <p class="banner-detail">{ b.message.get(props.lang) }</p>
                <p class="banner-detail">{ t.broken_kept }</p>
            </Banner>
        }
    });
    let stored_invalid = match &props.criteria_notice {
        Some(CriteriaNotice::StoredInvalid(e)) => Some(html! {
            <Banner tone={Tone::Warning} actions={html! {
                <button type="button" onclick={props.on_dismiss_criteria.reform(|_| ())}>{ t.dismiss }</button>
            }}>
                <p><strong>{ t.criteria_stored_invalid }</strong></p>
                <p class="banner-detail">{ e.message().get(props.lang).to_owned() }</p>
                <p class="banner-detail">{ t.criteria_stored_invalid_hint }</p>
            </Banner>
        }),
        _ => None,
    };
    let other_criteria = props.other_criteria.as_ref().map(|other| {
        let (scored, in_use) = (set_name(t, &other.scored), set_name(t, &other.in_use));
        let adopt = props.on_adopt_criteria.reform({
            let set = other.in_use.clone();
            move |_| set.clone()
        });
        html! {
            <div data-other-criteria="">
                <Banner tone={Tone::Warning} actions={html! {
                    <button type="button" data-action="adopt-criteria" onclick={adopt}>{ t.criteria_adopt }</button>
                }}>
                    <p><strong>{ (t.criteria_mismatch)(&scored, &in_use) }</strong></p>
                    <p class="banner-detail">{ t.criteria_mismatch_hint }</p>
                </Banner>
            </div>
        }
    });
    let update = props.update_ready.then(|| {
        html! {
            <Banner tone={Tone::Warning} actions={html! {
                <button type="button" class="primary" data-action="reload"
                    onclick={props.on_reload.reform(|_| ())}>{ t.update_reload }</button>
            }}>
                <p>{ t.update_ready }</p>
            </Banner>
        }
    });
    html! {
        <div class="notices">
            { for storage.map(|text| html! { <Banner tone={Tone::Error}><p>{ text }</p></Banner> }) }
            { for rejected }
            { for broken }
            { for stored_invalid }
            { for other_criteria }
            { for update }
        </div>
    }
}

/// "«mau-xa-2026», phiên bản 1".
fn set_name(t: &Shell, set: &TemplateRef) -> String {
    (t.criteria_ref)(&set.id, set.version)
}
