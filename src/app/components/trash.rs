//! "Báo cáo đã xóa": the trash under the saved reports. A deleted report stays here
//! `trash::KEEP_DAYS` days (the section says so), to be restored or deleted for good (after a
//! confirmation in the page).
//!
//! DOM contract: the section is `#trash`; each row is `tr[data-trash-id="{id}"]` with buttons
//! `[data-action="restore"]` and `[data-action="purge"]`; the confirmation is
//! `#confirm-purge` with `[data-action="confirm"]` and `[data-action="cancel"]`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::dialog::Dialog;
use crate::app::i18n::safety::safety;
use crate::app::i18n::shell::shell;
use crate::app::services::clock;
use crate::core::text::Lang;
use crate::state::trash::{Trashed, KEEP_DAYS};

#[derive(Properties, PartialEq)]
pub struct TrashViewProps {
    pub trash: Rc<Vec<Trashed>>,
    pub lang: Lang,
    pub on_restore: Callback<String>,
    /// Called once the officer has confirmed.
    pub on_purge: Callback<String>,
}

#[function_component(TrashView)]
pub fn trash_view(props: &TrashViewProps) -> Html {
    let (t, s) = (shell(props.lang), safety(props.lang));
    // The report the officer asked to delete for good: id and name.
    let asking = use_state(|| None::<(String, String)>);
    let date = |ms: f64| {
        let at = clock::local(ms);
        format!("{} {}", at.date, at.hh_mm)
    };
    let rows = props.trash.iter().map(|x| {
        let entry = x.entry();
        let name = entry.title(props.lang, t.untitled);
        let id = entry.id.clone();
        let restore = props.on_restore.reform(move |_| id.clone());
        let ask = {
            let (asking, id, name) = (asking.clone(), entry.id.clone(), name.clone());
            Callback::from(move |_: MouseEvent| asking.set(Some((id.clone(), name.clone()))))
        };
        let until = clock::local(x.expires_at()).date;
        html! {
            <tr data-trash-id={entry.id.clone()}>
                <th scope="row">{ &name }</th>
                <td>{ (s.trash_when)(&date(x.deleted_at), &until) }</td>
                <td><div class="row-actions">
                    <button type="button" data-action="restore" title={(s.trash_restore_hint)(&name)}
                        onclick={restore}>{ s.trash_restore }</button>
                    <button type="button" class="danger" data-action="purge" onclick={ask}>{ s.trash_purge }</button>
                </div></td>
            </tr>
        }
    });
    let dialog = (*asking).clone().map(|(id, name)| {
        let cancel = {
            let asking = asking.clone();
            Callback::from(move |_| asking.set(None))
        };
        let confirm = {
            let (asking, on_purge) = (asking.clone(), props.on_purge.clone());
            Callback::from(move |_: MouseEvent| {
                asking.set(None);
                on_purge.emit(id.clone());
            })
        };
        html! {
            <Dialog id="confirm-purge" title={s.purge_title} on_cancel={cancel.clone()} actions={html! { <>
                <button type="button" data-action="cancel" onclick={cancel.reform(|_: MouseEvent| ())}>{ t.cancel }</button>
                <button type="button" class="danger" data-action="confirm" onclick={confirm}>{ s.trash_purge }</button>
            </> }}>
                <p>{ (s.purge_body)(&name) }</p>
            </Dialog>
        }
    });
    html! {
        <section class="screen trash" id="trash" aria-labelledby="trash-title">
            <h3 id="trash-title">{ s.trash_title }</h3>
            <p class="intro" data-trash-kept="">{ (s.trash_kept)(KEEP_DAYS) }</p>
            <table class="report-list">
                <thead>
                    <tr>
                        <th scope="col">{ t.reports_report }</th>
                        <th scope="col">{ s.trash_deleted }</th>
                        <th scope="col">{ t.reports_actions }</th>
                    </tr>
                </thead>
                <tbody>
                    if props.trash.is_empty() {
                        <tr><td colspan="3" class="empty">{ s.trash_empty }</td></tr>
                    }
                    { for rows }
                </tbody>
            </table>
            { for dialog }
        </section>
    }
}
