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

use yew::prelude::*;

use crate::app::components::findings::FindingsList;
use crate::app::components::SheetProps;
use crate::app::i18n::sheets::sheets;
use web_sys::HtmlInputElement;

use crate::core::edit::Edit;
use crate::core::template::appendix::{Section, Table};
use crate::state::nav::Nav;
pub use dom::{cell_dom_id, focus_cell};
use marks::Marks;
use sheet::Sheet;

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
    let marks = Marks::new(&props.eval.findings);
    let sheet = Sheet {
        templates: &props.templates,
        report: &props.report,
        eval: &props.eval,
        marks: &marks,
        lang: props.lang,
        on_edit: &props.on_edit,
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
            { for appendix.template.sections.iter().map(|section| render_section(&sheet, section)) }
        </section>
    }
}

fn render_section(sheet: &Sheet, section: &Section) -> Html {
    let s = sheets(sheet.lang);
    let heading_id = format!("sec-{}", section.id);
    let included = section.included_in(&sheet.report.optional_sections);
    let toggle = section.optional.then(|| {
        let on_edit = sheet.on_edit.clone();
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
                { s.appendix_include_section }
            </label>
        }
    });
    html! {
        <section class="appendix-section" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ format!("{}. {}", section.stt, section.title.get(sheet.lang)) }</h3>
            { toggle }
            if included {
                { for section.tables.iter().map(|table| render_table(sheet, table)) }
            } else {
                <p class="section-left-out">{ s.appendix_left_out }</p>
            }
        </section>
    }
}

fn render_table(sheet: &Sheet, table: &Table) -> Html {
    let title_id = format!("tbl-{}", table.id);
    let body = if table.columns.is_empty() {
        list::render(sheet, table, &title_id)
    } else {
        grid::render(sheet, table, &title_id)
    };
    html! {
        <div class="sheet-block" data-table={table.id.clone()}>
            <div class="sheet-block-head">
                <h4 id={title_id.clone()}>{ table.title.get(sheet.lang) }</h4>
                if !table.unit_line.is_empty() {
                    <p class="unit-line">{ table.unit_line.get(sheet.lang) }</p>
                }
            </div>
            { body }
        </div>
    }
}
