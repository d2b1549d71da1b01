//! The top of every screen: the app's name, the open report's title, whether it is saved, undo
//! and redo, the sample-criteria badge, the file actions and the language switch.

use yew::prelude::*;

use crate::app::i18n::shell::shell;
use crate::app::i18n::sync::sync;
use crate::app::services::clock::LocalTime;
use crate::core::text::Lang;
use crate::state::{SaveState, Storage};

/// What the header says about saving.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// No storage in this browser.
    Off,
    Failed,
    Pending,
    /// Fields in conflict with another tab's save: nothing is written until the officer chooses.
    Held,
    /// A report that was never written (a blank one nobody has typed in).
    Never,
    Saved(LocalTime),
}

impl SaveStatus {
    pub fn of(storage: Storage, save: &SaveState, saved_at: Option<LocalTime>, held: bool) -> Self {
        match (storage, save, saved_at) {
            (Storage::Unavailable, _, _) => SaveStatus::Off,
            _ if held => SaveStatus::Held,
            (_, SaveState::Failed(_), _) => SaveStatus::Failed,
            (_, SaveState::Pending, _) => SaveStatus::Pending,
            (_, SaveState::Saved, None) => SaveStatus::Never,
            (_, SaveState::Saved, Some(at)) => SaveStatus::Saved(at),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    /// The open report's title.
    pub title: AttrValue,
    pub status: SaveStatus,
    /// The criteria set is a sample, not a province's.
    pub sample: bool,
    pub on_lang: Callback<Lang>,
    /// Whether there is a change to undo, or an undone one to redo.
    #[prop_or_default]
    pub can_undo: bool,
    #[prop_or_default]
    pub can_redo: bool,
    #[prop_or_default]
    pub on_undo: Callback<()>,
    #[prop_or_default]
    pub on_redo: Callback<()>,
    /// The file actions.
    pub children: Html,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let t = shell(props.lang);
    let ts = sync(props.lang);
    let (status, tone) = match &props.status {
        SaveStatus::Held => (ts.save_held.to_owned(), "status-error"),
        SaveStatus::Off => (t.save_off.to_owned(), "status-error"),
        SaveStatus::Failed => (t.save_failed.to_owned(), "status-error"),
        SaveStatus::Pending => (t.save_pending.to_owned(), "status-pending"),
        SaveStatus::Never => (t.save_never.to_owned(), "status-pending"),
        SaveStatus::Saved(at) if at.is_today => ((t.saved_today)(&at.hh_mm), "status-saved"),
        SaveStatus::Saved(at) => ((t.saved_on)(&at.hh_mm, &at.date), "status-saved"),
    };
    let lang_button = |lang: Lang, label: &'static str, code: &'static str| {
        html! {
            <button
                type="button"
                lang={code}
                aria-pressed={if props.lang == lang { "true" } else { "false" }}
                onclick={props.on_lang.reform(move |_| lang)}
            >{ label }</button>
        }
    };
    html! {
        <header class="app-header">
            <div class="brand">
                <span class="app-name">{ t.app_name }</span>
                <h1 class="report-title">{ &props.title }</h1>
            </div>
            // The language is the app's, not the report's: beside its name, so that the
            // report's actions keep one line of their own at 1280 px.
            <div class="lang-switch" role="group" aria-label={t.lang_switch}>
                { lang_button(Lang::Vi, "Tiếng Việt", "vi") }
                { lang_button(Lang::En, "English", "en") }
            </div>
            <div class="header-side">
                <span class={classes!("save-status", tone)} data-save-status="">{ status }</span>
                <div class="history-actions" role="group">
                    <button type="button" data-action="undo" title={ts.undo_hint}
                        aria-keyshortcuts="Control+Z" disabled={!props.can_undo}
                        onclick={props.on_undo.reform(|_| ())}>{ ts.undo }</button>
                    <button type="button" data-action="redo" title={ts.redo_hint}
                        aria-keyshortcuts="Control+Y Control+Shift+Z" disabled={!props.can_redo}
                        onclick={props.on_redo.reform(|_| ())}>{ ts.redo }</button>
                </div>
                if props.sample {
                    <span class="badge badge-sample" title={t.sample_badge_hint}>{ t.sample_badge }</span>
                }
                <div class="file-actions">{ props.children.clone() }</div>
            </div>
        </header>
    }
}
