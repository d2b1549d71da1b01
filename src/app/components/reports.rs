//! "Báo cáo đã lưu": every report of this browser, to open, to start the next period from, or
//! to delete (after a confirmation in the page; a readable report goes to the trash,
//! `components/trash.rs`). Reports that cannot be read are listed too, so the officer can take
//! their raw text away or delete them (for good: the trash keeps only readable reports).
//!
//! DOM contract: each row is `tr[data-report-id="{id}"]`; its buttons carry `data-action`
//! (`open`, `duplicate`, `delete`, `download`); the confirmation is `#confirm-delete`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::dialog::Dialog;
use crate::app::i18n::safety::safety;
use crate::app::i18n::shell::{shell, Shell};
use crate::app::services::clock;
use crate::core::text::Lang;
use crate::state::trash::KEEP_DAYS;
use crate::state::{BrokenReport, Shelved};

#[derive(Properties, PartialEq)]
pub struct ReportsViewProps {
    pub shelf: Rc<Vec<Shelved>>,
    pub broken: Rc<Vec<BrokenReport>>,
    pub open_id: AttrValue,
    pub lang: Lang,
    pub on_open: Callback<String>,
    pub on_duplicate: Callback<String>,
    /// Called once the officer has confirmed.
    pub on_delete: Callback<String>,
    pub on_new: Callback<()>,
    pub on_download_broken: Callback<String>,
}

/// The report the officer asked to delete, waiting for confirmation.
#[derive(Clone, PartialEq)]
struct Asking {
    id: String,
    name: String,
    /// A report that cannot be read: deleted for good, not moved to the trash.
    broken: bool,
}

#[function_component(ReportsView)]
pub fn reports_view(props: &ReportsViewProps) -> Html {
    let t = shell(props.lang);
    let asking = use_state(|| None::<Asking>);
    let ask = |id: &str, name: String, broken: bool| {
        let (asking, id) = (asking.clone(), id.to_owned());
        Callback::from(move |_: MouseEvent| {
            asking.set(Some(Asking {
                id: id.clone(),
                name: name.clone(),
                broken,
            }))
        })
    };

    let rows = props.shelf.iter().map(|s| {
        let entry = s.entry();
        let name = entry.title(props.lang, t.untitled);
        let is_open = entry.id == props.open_id.as_str();
        let (next, next_year) = entry.period.next(entry.year);
        let next_label = format!("{} {next_year}", next.label().get(props.lang));
        let id = entry.id.clone();
        let open = props.on_open.reform(move |_| id.clone());
        let id = entry.id.clone();
        let duplicate = props.on_duplicate.reform(move |_| id.clone());
        html! {
            <tr data-report-id={entry.id.clone()} class={classes!(is_open.then_some("is-open"))}
                aria-current={is_open.then_some("true")}>
                <th scope="row">{ &name }</th>
                <td>{ saved_label(t, s.saved_at) }</td>
                <td><div class="row-actions">
                    if is_open {
                        <span class="badge badge-open">{ t.reports_is_open }</span>
                    } else {
                        <button type="button" data-action="open" onclick={open}>{ t.reports_open }</button>
                    }
                    <button type="button" data-action="duplicate" title={(t.reports_duplicate_hint)(&next_label)}
                        onclick={duplicate}>{ t.reports_duplicate }</button>
                    <button type="button" class="danger" data-action="delete" onclick={ask(&entry.id, name.clone(), false)}>
                        { t.reports_delete }
                    </button>
                </div></td>
            </tr>
        }
    });
    let broken_rows = props.broken.iter().map(|b| {
        let name = match &b.entry {
            Some(e) => e.title(props.lang, t.untitled),
            None => (t.broken_unnamed)(&b.id),
        };
        let id = b.id.clone();
        let download = props.on_download_broken.reform(move |_| id.clone());
        html! {
            <tr data-report-id={b.id.clone()} class="is-broken">
                <th scope="row">{ &name }</th>
                <td><span class="badge badge-broken">{ t.reports_broken }</span></td>
                <td><div class="row-actions">
                    <button type="button" data-action="download" onclick={download}>{ t.broken_download }</button>
                    <button type="button" class="danger" data-action="delete" onclick={ask(&b.id, name.clone(), true)}>
                        { t.reports_delete }
                    </button>
                </div></td>
            </tr>
        }
    });

    let dialog = (*asking).clone().map(|Asking { id, name, broken }| {
        let body = match broken {
            true => (t.delete_body)(&name),
            false => (safety(props.lang).delete_to_trash_body)(&name, KEEP_DAYS),
        };
        let cancel = {
            let asking = asking.clone();
            Callback::from(move |_| asking.set(None))
        };
        let confirm = {
            let (asking, on_delete) = (asking.clone(), props.on_delete.clone());
            Callback::from(move |_: MouseEvent| {
                asking.set(None);
                on_delete.emit(id.clone());
            })
        };
        html! {
            <Dialog id="confirm-delete" title={t.delete_title} on_cancel={cancel.clone()} actions={html! { <>
                <button type="button" data-action="cancel" onclick={cancel.reform(|_: MouseEvent| ())}>{ t.cancel }</button>
                <button type="button" class="danger" data-action="confirm" onclick={confirm}>{ t.delete_confirm }</button>
            </> }}>
                <p>{ body }</p>
            </Dialog>
        }
    });

    html! {
        <section class="screen reports" aria-labelledby="reports-title">
            <div class="screen-head">
                <h2 id="reports-title">{ t.tab_reports }</h2>
                <button type="button" class="primary" data-action="new" onclick={props.on_new.reform(|_| ())}>
                    { t.reports_new }
                </button>
            </div>
            <p class="intro">{ t.reports_intro }</p>
            <table class="report-list">
                <thead>
                    <tr>
                        <th scope="col">{ t.reports_report }</th>
                        <th scope="col">{ t.reports_saved }</th>
                        <th scope="col">{ t.reports_actions }</th>
                    </tr>
                </thead>
                <tbody>
                    if props.shelf.is_empty() && props.broken.is_empty() {
                        <tr><td colspan="3" class="empty">{ t.reports_empty }</td></tr>
                    }
                    { for rows }
                    { for broken_rows }
                </tbody>
            </table>
            { for dialog }
        </section>
    }
}

/// "05/01/2026 14:32", or that it was never saved.
fn saved_label(t: &Shell, saved_at: Option<f64>) -> String {
    match saved_at.map(clock::local) {
        Some(at) => format!("{} {}", at.date, at.hh_mm),
        None => t.reports_never_saved.to_owned(),
    }
}
