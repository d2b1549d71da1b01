//! One cell of an appendix table: an input that shows exactly what the officer typed, or a
//! shaded read-only derived value. A component of its own so that a keystroke re-renders only
//! the cells whose props changed (the typed one, the values derived from it, the marked ones).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::dom::{cell_dom_id, msg_dom_id};
use super::sheet::Sheet;
use crate::app::components::findings::severity_mark;
use crate::app::i18n::sheets::sheets;
use crate::core::checks::Severity;
use crate::core::compute::parse_yes_no;
use crate::core::edit::Edit;
use crate::core::number::NO_VALUE;
use crate::core::present::value;
use crate::core::template::appendix::Formula;
use crate::core::template::{CellIx, CellKind};
use crate::core::text::Lang;

#[derive(Clone, PartialEq)]
pub enum Content {
    /// What the officer typed, as typed.
    Input { raw: AttrValue },
    /// A computed value, formatted, with how it is computed for the tooltip.
    Derived {
        shown: AttrValue,
        formula: AttrValue,
    },
}

#[derive(Properties, Clone, PartialEq)]
pub struct CellProps {
    pub cell: AttrValue,
    pub kind: CellKind,
    pub content: Content,
    /// Row and column, for screen readers: "Hộ tịch — (4) Mới tiếp nhận trực tuyến".
    pub label: AttrValue,
    pub severity: Option<Severity>,
    /// Another cell's finding compares this one.
    pub involved: bool,
    /// Messages for this cell are rendered (by the table) in `msg-{id}`.
    pub has_messages: bool,
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
}

/// The props of the cell `ix` as the sheet currently shows it.
pub fn props(sheet: &Sheet, ix: CellIx) -> CellProps {
    let appendix = &sheet.templates.appendix;
    let def = &appendix.cells[ix];
    let content = if def.is_input() {
        Content::Input {
            raw: sheet.report.value(&def.id).to_owned().into(),
        }
    } else {
        Content::Derived {
            shown: value::cell(appendix, sheet.report, &sheet.eval.computed, ix)
                .as_str()
                .to_owned()
                .into(),
            formula: formula_hint(sheet, ix).into(),
        }
    };
    CellProps {
        cell: def.id.clone().into(),
        kind: def.kind,
        content,
        label: appendix.cell_label(ix).get(sheet.lang).to_owned().into(),
        severity: sheet.marks.worst(ix, &sheet.eval.findings),
        involved: sheet.marks.is_involved(ix),
        has_messages: !sheet.marks.at(ix).is_empty(),
        lang: sheet.lang,
        on_edit: sheet.on_edit.clone(),
    }
}

/// How a derived cell is computed, in the officer's terms: a list row's note ("(2)/(1)"), a
/// grid column's formula over column numbers ("(4) + (5) + (6)"), or "the sum of the rows"
/// for a grid's total row.
fn formula_hint(sheet: &Sheet, ix: CellIx) -> String {
    let s = sheets(sheet.lang);
    let appendix = &sheet.templates.appendix;
    let pos = appendix.cells[ix].pos;
    let table = appendix.table_of(ix);
    let row = &table.rows[pos.row];
    let Some(c) = pos.col else {
        return if row.note.is_empty() {
            s.appendix_derived.to_owned()
        } else {
            row.note.get(sheet.lang).to_owned()
        };
    };
    let col = &table.columns[c];
    let number = |id: &str| {
        let id = id.strip_prefix('.').unwrap_or(id);
        table
            .columns
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| c.number.clone())
    };
    let join = |ids: &[String], sep: &str| {
        ids.iter()
            .map(|id| number(id))
            .collect::<Vec<_>>()
            .join(sep)
    };
    match &col.formula {
        Some(Formula::Sum(ids)) => join(ids, " + "),
        Some(Formula::Diff(ids)) => join(ids, " − "),
        Some(Formula::Ratio { num, den, .. }) => {
            format!("({}) / ({})", join(num, " + "), join(den, " + "))
        }
        Some(Formula::Rate(name)) => appendix
            .template
            .rates
            .iter()
            .find(|r| &r.id == name)
            .map_or_else(|| name.clone(), |r| r.definition.get(sheet.lang).to_owned()),
        None => (s.appendix_sum_of_rows)(&col.number),
    }
}

/// The messages of the findings placed at a cell, in the element its input names in
/// `aria-describedby`; `None` when there are none. `prefix` names the column in a grid row.
pub fn messages(sheet: &Sheet, ix: CellIx, prefix: Option<&str>) -> Option<Html> {
    let at = sheet.marks.at(ix);
    if at.is_empty() {
        return None;
    }
    let s = sheets(sheet.lang);
    let id = &sheet.templates.appendix.cells[ix].id;
    Some(html! {
        <div class="cell-msg" id={msg_dom_id(id)}>
            { for at.iter().map(|&i| {
                let f = &sheet.eval.findings[i];
                let (icon, class, word) = severity_mark(f.severity, s);
                html! {
                    <p class={classes!("msg", class)}>
                        <span class="mark-inline" aria-hidden="true">{ icon }</span>
                        <strong>{ word }{ prefix.map(|p| format!(" {p}")) }{ ": " }</strong>
                        { f.message.get(sheet.lang) }
                    </p>
                }
            }) }
        </div>
    })
}

#[function_component]
pub fn CellView(props: &CellProps) -> Html {
    let dom_id = cell_dom_id(&props.cell);
    let mut classes = classes!("cell", kind_class(props.kind));
    match props.severity {
        Some(Severity::Error) => classes.push("has-error"),
        Some(Severity::Warning) => classes.push("has-warning"),
        None if props.involved => classes.push("involved"),
        None => {}
    }
    let described_by = props
        .has_messages
        .then(|| AttrValue::from(msg_dom_id(&props.cell)));
    let marker = props.severity.map(|sev| {
        let (icon, class, _) = severity_mark(sev, sheets(props.lang));
        html! { <span class={classes!("mark", class)} aria-hidden="true">{ icon }</span> }
    });
    let body = match &props.content {
        Content::Derived { shown, formula } => {
            classes.push("derived");
            html! {
                <span class="value" id={dom_id} data-cell={props.cell.clone()} tabindex="-1"
                    title={formula.clone()} aria-describedby={described_by.clone()}>{ shown.clone() }</span>
            }
        }
        Content::Input { raw } if props.kind == CellKind::YesNo => html! {
            <YesNoSelect cell={props.cell.clone()} raw={raw.clone()} label={props.label.clone()}
                invalid={props.severity == Some(Severity::Error)} {described_by}
                lang={props.lang} on_edit={props.on_edit.clone()} />
        },
        Content::Input { raw } => {
            let cell = props.cell.clone();
            let on_edit = props.on_edit.clone();
            // Sent on every input event, composition included: the report then holds exactly
            // what the DOM shows, so the re-render never writes over an IME's pending text.
            let oninput = Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_edit.emit(Edit::Value {
                    cell: cell.to_string(),
                    raw: input.value(),
                });
            });
            let (inputmode, placeholder) = match props.kind {
                CellKind::Date => ("text", Some(sheets(props.lang).date_placeholder)),
                CellKind::Text => ("text", None),
                _ => ("decimal", None),
            };
            // A form of its own around each input, never submitted: at every keystroke
            // Chromium's autofill reads the whole form the field is in, labels included, and
            // fields in no form count as one form of the whole page (~500 fields: 8–10 ms a
            // keystroke in issue 9's traces). `display: contents` keeps the layout.
            html! {
                <form class="cell-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <input type="text" {inputmode} id={dom_id} data-cell={props.cell.clone()}
                        value={raw.clone()} aria-label={props.label.clone()}
                        aria-invalid={(props.severity == Some(Severity::Error)).then_some("true")}
                        aria-describedby={described_by} {placeholder} autocomplete="off"
                        spellcheck="false" {oninput} />
                </form>
            }
        }
    };
    html! { <td class={classes}>{ marker }{ body }</td> }
}

fn kind_class(kind: CellKind) -> &'static str {
    match kind {
        CellKind::Count | CellKind::Money | CellKind::Decimal | CellKind::Percent => "num",
        CellKind::YesNo => "yes-no",
        CellKind::Text => "text",
        CellKind::Date => "date",
    }
}

#[derive(Properties, PartialEq)]
struct YesNoProps {
    cell: AttrValue,
    raw: AttrValue,
    label: AttrValue,
    invalid: bool,
    described_by: Option<AttrValue>,
    lang: Lang,
    on_edit: Callback<Edit>,
}

/// The values a yes/no cell is written with: the report's language, whatever the UI's.
const YES: &str = "có";
const NO: &str = "không";

/// — / Có / Không. An entry that reads as neither (imported, or typed in another tool) stays
/// visible as an extra option, with its finding, instead of silently showing "—".
#[function_component]
fn YesNoSelect(props: &YesNoProps) -> Html {
    let s = sheets(props.lang);
    let raw = props.raw.as_str();
    let selected: AttrValue = match parse_yes_no(raw) {
        Some(true) => YES.into(),
        Some(false) => NO.into(),
        None => props.raw.clone(),
    };
    // The `selected` attributes give the first render its choice (whatever order the options
    // are inserted in); they stop ruling once the officer has picked one, so a later change
    // from elsewhere (an import, an undo) is also set as the property after the render.
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(selected.clone(), move |selected| {
            if let Some(select) = node.cast::<HtmlSelectElement>() {
                if select.value() != selected.as_str() {
                    select.set_value(selected);
                }
            }
        });
    }
    let onchange = {
        let cell = props.cell.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_edit.emit(Edit::Value {
                cell: cell.to_string(),
                raw: select.value(),
            });
        })
    };
    let unreadable = !raw.trim().is_empty() && parse_yes_no(raw).is_none();
    html! {
        <select ref={node} id={cell_dom_id(&props.cell)} data-cell={props.cell.clone()}
            aria-label={props.label.clone()} aria-invalid={props.invalid.then_some("true")}
            aria-describedby={props.described_by.clone()} {onchange}>
            <option value="" selected={selected.is_empty()}>{ NO_VALUE }</option>
            <option value={YES} selected={selected == YES}>{ s.yes }</option>
            <option value={NO} selected={selected == NO}>{ s.no }</option>
            if unreadable {
                <option value={props.raw.clone()} selected=true>{ props.raw.clone() }</option>
            }
        </select>
    }
}
