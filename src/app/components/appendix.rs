//! Phụ lục số liệu: every section of the appendix template as tables that behave like a
//! spreadsheet. The officer types into input cells; derived cells (shaded, read-only) follow
//! from `eval.computed` as they type; each finding shows at its cell and in the list on top.
//!
//! DOM contract, relied on by the findings list, the keyboard navigation and the e2e tests:
//! - every cell, input or derived, carries `id="cell-{cell id with '.' → '__'}"` (see
//!   [`cell_dom_id`]) and `data-cell="{cell id}"`, e.g. `[data-cell="hs_tong.c3"]`;
//! - input cells are `<input>` (numbers, text, dates) or `<select>` (yes/no); derived cells are
//!   a focusable-by-script `<span class="value">` holding the formatted value;
//! - the messages of the findings at a cell are in `id="msg-{same}"`, which the input names in
//!   `aria-describedby`;
//! - an optional section's include toggle is `[data-include-section="{section id}"]`.

mod cell;
mod dom;
mod grid;
mod keys;
mod list;
mod marks;
mod sheet;
mod table;

use yew::prelude::*;

use crate::app::components::findings::FindingsList;
use crate::app::components::SheetProps;
use crate::app::i18n::sheets::sheets;
use web_sys::HtmlInputElement;

use crate::core::edit::Edit;
use std::rc::Rc;

use crate::core::template::appendix::Section;
use crate::core::template::CellIx;
use crate::state::nav::Nav;
pub use dom::{cell_dom_id, focus_cell};
use marks::Marks;
use table::{cells_by_table, TableView};

#[function_component]
pub fn AppendixView(props: &SheetProps) -> Html {
    let s = sheets(props.lang);
    let appendix = &props.templates.appendix;
    // The neighbours of each input cell change only with the template and the sections
    // included, not with every keystroke.
    let nav = use_memo(
        (
            props.templates.clone(),
            props.report.optional_sections.clone(),
        ),
        |(templates, included)| Nav::new(&templates.appendix, included),
    );
    let onkeydown = {
        let nav = nav.clone();
        let templates = props.templates.clone();
        Callback::from(move |e: KeyboardEvent| keys::on_keydown(&nav, &templates.appendix, &e))
    };
    // Indexed once per evaluation, shared by every table.
    let marks = use_memo(props.eval.clone(), |eval| Marks::new(&eval.findings));
    let cells = use_memo(props.templates.clone(), |t| cells_by_table(t));
    let tables = Tables {
        props,
        marks: &marks,
        cells: &cells,
    };
    html! {
        <section class="sheet appendix" aria-labelledby="appendix-title" {onkeydown}>
            <header class="sheet-head">
                <h2 id="appendix-title">{ s.appendix_title }</h2>
                <p class="sheet-template">{ appendix.template.title.get(props.lang) }</p>
                <p class="sheet-hint">{ s.appendix_hint }</p>
            </header>
            <FindingsList
                templates={props.templates.clone()}
                eval={props.eval.clone()}
                lang={props.lang}
                jump=true
            />
            { for appendix.template.sections.iter().enumerate().map(|(i, section)| render_section(&tables, i, section)) }
        </section>
    }
}

/// What the sections hand each of their tables.
struct Tables<'a> {
    props: &'a SheetProps,
    marks: &'a Rc<Marks>,
    cells: &'a [Vec<Rc<[CellIx]>>],
}

fn render_section(tables: &Tables, s: usize, section: &Section) -> Html {
    let props = tables.props;
    let lang = props.lang;
    let st = sheets(lang);
    let heading_id = format!("sec-{}", section.id);
    let included = section.included_in(&props.report.optional_sections);
    let toggle = section.optional.then(|| {
        let on_edit = props.on_edit.clone();
        let id = section.id.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(Edit::OptionalSection {
                section: id.clone(),
                included: input.checked(),
            });
        });
        html! {
            <label class="include-section">
                <input type="checkbox" checked={included} {onchange}
                    data-include-section={section.id.clone()} />
                { st.appendix_include_section }
            </label>
        }
    });
    let table = |t: usize| {
        let cells = tables
            .cells
            .get(s)
            .and_then(|section| section.get(t))
            .cloned()
            .unwrap_or_else(|| Rc::from(Vec::new()));
        html! {
            <TableView templates={props.templates.clone()} at={(s, t)} {cells}
                report={props.report.clone()} eval={props.eval.clone()} marks={tables.marks.clone()}
                {lang} on_edit={props.on_edit.clone()} />
        }
    };
    html! {
        <section class="appendix-section" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ format!("{}. {}", section.stt, section.title.get(lang)) }</h3>
            { toggle }
            if included {
                { for (0..section.tables.len()).map(table) }
            } else {
                <p class="section-left-out">{ st.appendix_left_out }</p>
            }
        </section>
    }
}
