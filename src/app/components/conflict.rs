//! The fields of the open report changed differently in this tab and in another one
//! (`state::Conflict`): each with its value on both sides, chosen one by one or all at once.
//! Modal: the report is not written until every field is settled.
//!
//! DOM contract (tests): `#conflict`, a row `tr[data-conflict-field]` per field with
//! `[data-side="mine"]`, `[data-side="theirs"]` and the buttons `[data-action="keep-mine"]`,
//! `[data-action="take-theirs"]`; `[data-action="keep-all-mine"]`,
//! `[data-action="take-all-theirs"]`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::dialog::Dialog;
use crate::app::i18n::sync::sync;
use crate::core::merge::Field;
use crate::core::report::Report;
use crate::core::text::Lang;
use crate::core::workspace::Templates;
use crate::state::Conflict;

#[derive(Properties, PartialEq)]
pub struct ConflictProps {
    pub lang: Lang,
    pub templates: Rc<Templates>,
    pub conflict: Rc<Conflict>,
    /// The open report: this tab's value of each field.
    pub report: Rc<Report>,
    /// A field settled: `true` takes the other tab's value.
    pub on_settle: Callback<(Field, bool)>,
    pub on_settle_all: Callback<bool>,
}

#[function_component(ConflictDialog)]
pub fn conflict_dialog(props: &ConflictProps) -> Html {
    let t = sync(props.lang);
    let lang = props.lang;
    let shown = |field: &Field, report: &Report| {
        let text = field.show(report);
        match text.get(lang) {
            "" => html! { <span class="conflict-empty">{ t.conflict_empty }</span> },
            s => html! { { s.to_owned() } },
        }
    };
    let row = |field: &Field| {
        let settle = |theirs: bool| {
            let field = field.clone();
            props.on_settle.reform(move |_| (field.clone(), theirs))
        };
        html! {
            <tr data-conflict-field="">
                <th scope="row">{ field.label(&props.templates).get(lang).to_owned() }</th>
                <td data-side="mine">{ shown(field, &props.report) }</td>
                <td data-side="theirs">{ shown(field, &props.conflict.theirs) }</td>
                <td class="conflict-choice">
                    <button type="button" data-action="keep-mine" onclick={settle(false)}>{ t.conflict_keep_mine }</button>
                    <button type="button" data-action="take-theirs" onclick={settle(true)}>{ t.conflict_take_theirs }</button>
                </td>
            </tr>
        }
    };
    let all = |theirs: bool| props.on_settle_all.reform(move |_| theirs);
    html! {
        <Dialog id="conflict" title={t.conflict_title} on_cancel={Callback::noop()} actions={html! { <>
            <button type="button" data-action="keep-all-mine" onclick={all(false)}>{ t.conflict_keep_all_mine }</button>
            <button type="button" class="primary" data-action="take-all-theirs" onclick={all(true)}>{ t.conflict_take_all_theirs }</button>
        </> }}>
            <p>{ t.conflict_intro }</p>
            <div class="conflict-fields">
                <table class="conflict-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.conflict_field }</th>
                            <th scope="col">{ t.conflict_mine }</th>
                            <th scope="col">{ t.conflict_theirs }</th>
                            <th scope="col">{ t.conflict_choice }</th>
                        </tr>
                    </thead>
                    <tbody>{ for props.conflict.fields.iter().map(row) }</tbody>
                </table>
            </div>
        </Dialog>
    }
}
