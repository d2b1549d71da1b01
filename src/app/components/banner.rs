//! Messages across the top of the page, as the state decides them (`state::notices`): each
//! says what happened and what to do.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::shell::{shell, Shell};
use crate::app::i18n::sync::sync;
use crate::app::i18n::templates::templates;
use crate::core::report::TemplateRef;
use crate::core::text::Lang;
use crate::state::notices::Notice;
use crate::state::OtherTab;

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

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    /// What the state calls for (`AppState::notices`), most serious first.
    pub notices: Rc<Vec<Notice>>,
    /// A broken report's id: download its raw text.
    pub on_download_broken: Callback<String>,
    pub on_dismiss_broken: Callback<String>,
    pub on_dismiss_rejected: Callback<()>,
    pub on_dismiss_criteria: Callback<()>,
    /// Opens the dialog that shows what moving the open report onto the appendix and criteria
    /// set in use would change (`components::switch`).
    pub on_adopt: Callback<()>,
    #[prop_or_default]
    pub on_dismiss_appendix: Callback<()>,
    pub on_reload: Callback<()>,
    /// Hides the word about another tab's change.
    #[prop_or_default]
    pub on_dismiss_other_tab: Callback<()>,
}

/// Every banner the app's state calls for, in the order given.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let t = shell(props.lang);
    let dismiss = |on: &Callback<()>| {
        html! { <button type="button" onclick={on.reform(|_| ())}>{ t.dismiss }</button> }
    };
    let one = |notice: &Notice| match notice {
        Notice::StorageUnavailable => storage_banner(t.storage_unavailable.to_owned()),
        Notice::StorageFull => storage_banner(t.storage_full.to_owned()),
        Notice::StorageFailed(why) => storage_banner((t.storage_error)(why)),
        Notice::Rejected { file, message } => html! {
            <Banner tone={Tone::Error} actions={dismiss(&props.on_dismiss_rejected)}>
                <p><strong>{ (t.import_rejected)(file) }</strong></p>
                <p class="banner-detail" data-import-error="">{ message.get(props.lang) }</p>
            </Banner>
        },
        Notice::Broken(b) => {
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
        }
        Notice::StoredCriteriaInvalid(e) => html! {
            <Banner tone={Tone::Warning} actions={dismiss(&props.on_dismiss_criteria)}>
                <p><strong>{ t.criteria_stored_invalid }</strong></p>
                <p class="banner-detail">{ e.message().get(props.lang).to_owned() }</p>
                <p class="banner-detail">{ t.criteria_stored_invalid_hint }</p>
            </Banner>
        },
        Notice::OtherCriteria { scored, in_use } => {
            let (scored_name, in_use_name) = (set_name(t, scored), set_name(t, in_use));
            let adopt = props.on_adopt.reform(|_| ());
            html! {
                <div data-other-criteria="">
                    <Banner tone={Tone::Warning} actions={html! {
                        <button type="button" data-action="adopt-criteria" onclick={adopt}>{ t.criteria_adopt }</button>
                    }}>
                        <p><strong>{ (t.criteria_mismatch)(&scored_name, &in_use_name) }</strong></p>
                        <p class="banner-detail">{ t.criteria_mismatch_hint }</p>
                    </Banner>
                </div>
            }
        }
        Notice::StoredAppendixInvalid(e) => {
            let tt = templates(props.lang);
            html! {
                <Banner tone={Tone::Warning} actions={dismiss(&props.on_dismiss_appendix)}>
                    <p><strong>{ tt.appendix_stored_invalid }</strong></p>
                    <p class="banner-detail">{ e.message().get(props.lang).to_owned() }</p>
                    <p class="banner-detail">{ tt.appendix_stored_invalid_hint }</p>
                </Banner>
            }
        }
        Notice::OtherAppendix { made, in_use } => {
            let tt = templates(props.lang);
            let name = |r: &TemplateRef| (tt.ref_name)(&r.id, r.version);
            html! {
                <div data-other-appendix="">
                    <Banner tone={Tone::Warning} actions={html! {
                        <button type="button" data-action="adopt-appendix"
                            onclick={props.on_adopt.reform(|_| ())}>{ tt.adopt }</button>
                    }}>
                        <p><strong>{ (tt.appendix_mismatch)(&name(made), &name(in_use)) }</strong></p>
                        <p class="banner-detail">{ tt.appendix_mismatch_hint }</p>
                    </Banner>
                </div>
            }
        }
        Notice::OtherTab(kind) => {
            let ts = sync(props.lang);
            let (text, code) = match kind {
                OtherTab::Adopted => (ts.other_adopted, "adopted"),
                OtherTab::Merged => (ts.other_merged, "merged"),
                OtherTab::Conflicts => (ts.other_conflicts, "conflicts"),
                OtherTab::Deleted => (ts.other_deleted, "deleted"),
                OtherTab::DeletedKept => (ts.other_deleted_kept, "deleted-kept"),
                OtherTab::Criteria => (ts.other_criteria, "criteria"),
                OtherTab::Appendix => (ts.other_appendix, "appendix"),
            };
            html! {
                <div data-other-tab={code}>
                    <Banner tone={Tone::Warning} actions={dismiss(&props.on_dismiss_other_tab)}>
                        <p>{ text }</p>
                    </Banner>
                </div>
            }
        }
        Notice::UpdateReady => html! {
            <Banner tone={Tone::Warning} actions={html! {
                <button type="button" class="primary" data-action="reload"
                    onclick={props.on_reload.reform(|_| ())}>{ t.update_reload }</button>
            }}>
                <p>{ t.update_ready }</p>
            </Banner>
        },
    };
    html! {
        <div class="notices">{ for props.notices.iter().map(one) }</div>
    }
}

fn storage_banner(text: String) -> Html {
    html! { <Banner tone={Tone::Error}><p>{ text }</p></Banner> }
}

/// "«mau-xa-2026», phiên bản 1".
fn set_name(t: &Shell, set: &TemplateRef) -> String {
    (t.criteria_ref)(&set.id, set.version)
}
