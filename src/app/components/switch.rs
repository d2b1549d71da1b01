//! "Chuyển báo cáo sang mẫu đang dùng": the explicit choice to move the open report onto the
//! appendix and criteria set in use, showing first what would change (`AppState::switch`):
//! the typed figures and self-assessments that would be dropped, with what was typed, cells
//! and items added, renamed or changed. Nothing changes until "Chuyển"; the move is one undo
//! step, so whatever it drops comes back with Ctrl+Z.
//!
//! DOM contract: the dialog is `#switch-dialog`; its parts `[data-switch-appendix]` and
//! `[data-switch-criteria]`; lists `[data-switch-list="dropped-values|added-cells|
//! renamed-cells|moved-cells|dropped-items|added-items|changed-items"]`, one `li` per entry;
//! `[data-switch-unknown]` when the report's own template is not in this browser; buttons
//! `[data-action="switch-apply"]` and `[data-action="switch-cancel"]`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::dialog::Dialog;
use crate::app::i18n::shell::shell;
use crate::app::i18n::templates::{templates, TemplatesText};
use crate::core::authoring::changes::ItemInfo;
use crate::core::present::value;
use crate::core::report::{Assessment, TemplateRef};
use crate::core::text::Lang;
use crate::state::appendix::{AppendixSwitch, CriteriaSwitch, Switch};

/// Entries shown per list; the rest are counted.
const SHOWN: usize = 40;

#[derive(Properties, PartialEq)]
pub struct SwitchDialogProps {
    pub lang: Lang,
    pub switch: Rc<Switch>,
    pub on_apply: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component(SwitchDialog)]
pub fn switch_dialog(props: &SwitchDialogProps) -> Html {
    let (t, tt) = (shell(props.lang), templates(props.lang));
    let lang = props.lang;
    let appendix = props
        .switch
        .appendix
        .as_ref()
        .map(|a| appendix_part(tt, lang, a));
    let criteria = props
        .switch
        .criteria
        .as_ref()
        .map(|c| criteria_part(tt, lang, c));
    let actions = html! { <>
        <button type="button" data-action="switch-cancel"
            onclick={props.on_cancel.reform(|_| ())}>{ t.cancel }</button>
        <button type="button" class="primary" data-action="switch-apply"
            onclick={props.on_apply.reform(|_| ())}>{ tt.switch_apply }</button>
    </> };
    html! {
        <Dialog id="switch-dialog" title={tt.switch_title} on_cancel={props.on_cancel.clone()} {actions}>
            <p>{ tt.switch_intro }</p>
            { for appendix }
            { for criteria }
            <p class="switch-undo-note">{ tt.switch_undo_note }</p>
        </Dialog>
    }
}

fn name(tt: &TemplatesText, r: &TemplateRef) -> String {
    (tt.ref_name)(&r.id, r.version)
}

/// A titled list, or nothing when empty (or `empty` said when given).
fn list(
    code: &str,
    title: &str,
    entries: Vec<Html>,
    empty: Option<&str>,
    tt: &TemplatesText,
) -> Html {
    if entries.is_empty() {
        return match empty {
            Some(text) => {
                html! { <p class="switch-none" data-switch-list={code.to_owned()}>{ text }</p> }
            }
            None => Html::default(),
        };
    }
    let more = entries.len().saturating_sub(SHOWN);
    html! {
        <div class="switch-list">
            <h4>{ title }</h4>
            <ul data-switch-list={code.to_owned()}>
                { for entries.into_iter().take(SHOWN) }
            </ul>
            if more > 0 {
                <p class="switch-more">{ (tt.switch_more)(more) }</p>
            }
        </div>
    }
}

fn appendix_part(tt: &TemplatesText, lang: Lang, a: &AppendixSwitch) -> Html {
    let (from, to) = a.refs();
    let dropped: Vec<Html> = a
        .lost()
        .into_iter()
        .map(|(label, typed)| html! { <li><span>{ label.get(lang) }</span>{ ": " }<strong>{ typed }</strong></li> })
        .collect();
    let rest = match a {
        AppendixSwitch::Known(c) => {
            let added = c
                .added
                .iter()
                .map(|x| html! { <li>{ x.label.get(lang) }</li> })
                .collect();
            let renamed = c
                .relabelled
                .iter()
                .map(|x| html! { <li>{ x.from.get(lang) }{ " → " }<strong>{ x.to.get(lang) }</strong></li> })
                .collect();
            let moved = c
                .renamed
                .iter()
                .map(|x| html! { <li>{ x.label.get(lang) }{ format!(" ({} → {})", x.from, x.to) }</li> })
                .collect();
            html! { <>
                { list("renamed-cells", tt.switch_renamed_cells, renamed, None, tt) }
                { list("moved-cells", tt.switch_moved_cells, moved, None, tt) }
                { list("added-cells", tt.switch_added_cells, added, None, tt) }
            </> }
        }
        AppendixSwitch::Unknown { .. } => html! {
            <p class="switch-unknown" data-switch-unknown="appendix">{ tt.switch_unknown_appendix }</p>
        },
    };
    html! {
        <section class="switch-part" data-switch-appendix="">
            <h3>{ (tt.switch_appendix)(&name(tt, from), &name(tt, to)) }</h3>
            { list("dropped-values", tt.switch_dropped_values, dropped, Some(tt.switch_no_value_dropped), tt) }
            { rest }
        </section>
    }
}

/// What the officer entered for an item, in a few words.
fn assessed(tt: &TemplatesText, a: &Assessment) -> String {
    match a.score.trim() {
        "" => tt.switch_assessed.to_owned(),
        score => (tt.switch_score)(score),
    }
}

fn item(lang: Lang, i: &ItemInfo) -> String {
    format!("{} {}", i.stt, i.title.get(lang))
}

fn criteria_part(tt: &TemplatesText, lang: Lang, c: &CriteriaSwitch) -> Html {
    let (from, to) = c.refs();
    let body = match c {
        CriteriaSwitch::Known(ch) => {
            let dropped = ch
                .lost()
                .filter_map(|d| {
                    let a = d.assessment.as_ref()?;
                    Some(html! { <li>{ item(lang, &d.item) }{ ": " }<strong>{ assessed(tt, a) }</strong></li> })
                })
                .collect();
            let added = ch
                .added
                .iter()
                .map(|i| html! { <li>{ item(lang, i) }</li> })
                .collect();
            let changed = ch
                .changed
                .iter()
                .map(|c| {
                    let mut what = Vec::new();
                    if (c.from.max - c.to.max).abs() > 1e-9 {
                        what.push((tt.switch_max)(
                            &value::points(c.from.max),
                            &value::points(c.to.max),
                        ));
                    }
                    if c.rule_changed {
                        what.push(tt.switch_rule_changed.to_owned());
                    }
                    if c.from.title != c.to.title {
                        what.push(tt.switch_title_changed.to_owned());
                    }
                    html! { <li>{ item(lang, &c.to) }{ ": " }<em>{ what.join("; ") }</em></li> }
                })
                .collect();
            html! { <>
                { list("dropped-items", tt.switch_dropped_items, dropped, Some(tt.switch_no_item_dropped), tt) }
                { list("changed-items", tt.switch_changed_items, changed, None, tt) }
                { list("added-items", tt.switch_added_items, added, None, tt) }
                if ch.bands_or_scale {
                    <p class="switch-bands">{ tt.switch_bands }</p>
                }
            </> }
        }
        CriteriaSwitch::Unknown { dropped, .. } => {
            let dropped = dropped
                .iter()
                .map(|o| html! { <li>{ &o.id }{ ": " }<strong>{ assessed(tt, &o.assessment) }</strong></li> })
                .collect();
            html! { <>
                <p class="switch-unknown" data-switch-unknown="criteria">{ tt.switch_unknown_criteria }</p>
                { list("dropped-items", tt.switch_dropped_items, dropped, Some(tt.switch_no_item_dropped), tt) }
            </> }
        }
    };
    html! {
        <section class="switch-part" data-switch-criteria="">
            <h3>{ (tt.switch_criteria)(&name(tt, from), &name(tt, to)) }</h3>
            { body }
        </section>
    }
}
