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
mod grid;
mod list;
mod marks;
mod nav;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::app::components::findings::FindingsList;
use crate::app::components::SheetProps;
use crate::app::i18n::sheets::sheets;
use crate::core::checks::{Finding, Place};
use crate::core::edit::Edit;
use crate::core::report::Report;
use crate::core::template::appendix::Section;
use crate::core::template::{Appendix, CellIx};
use crate::core::text::Lang;
use crate::core::workspace::{Evaluation, Templates};
use marks::Marks;
use nav::Nav;

/// The DOM id of a cell: `hs_tong.c3` → `cell-hs_tong__c3` ('.' is not usable in an id
/// selector without escaping).
pub fn cell_dom_id(cell: &str) -> String {
    format!("cell-{}", cell.replace('.', "__"))
}

/// The DOM id of the element holding the messages of the findings at a cell.
fn msg_dom_id(cell: &str) -> String {
    format!("msg-{}", cell.replace('.', "__"))
}

/// Moves the keyboard focus to a cell and selects its text, so typing replaces the entry as in
/// a spreadsheet. `center` also scrolls the cell to the middle of the screen (a jump from the
/// findings list, which may be far away); a step to a neighbour only needs the browser's
/// minimal scroll. A cell not on the page (in a section left out) is left alone.
pub fn focus_cell(cell: &str, center: bool) {
    let Some(el) = gloo::utils::document().get_element_by_id(&cell_dom_id(cell)) else {
        return;
    };
    if center {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        _ = el.focus();
    }
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.select();
    }
}

/// What a table of the sheet reads while rendering: borrowed once per render of the table,
/// so building its cells allocates nothing but their own props.
struct Sheet<'a> {
    templates: &'a Templates,
    report: &'a Report,
    eval: &'a Evaluation,
    marks: &'a Marks,
    lang: Lang,
    on_edit: &'a Callback<Edit>,
}

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
    let cells = use_memo(props.templates.clone(), |t| TableCells::new(&t.appendix));
    let onkeydown = {
        let nav = nav.clone();
        let templates = props.templates.clone();
        Callback::from(move |e: KeyboardEvent| nav::on_keydown(&nav, &templates.appendix, &e))
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
            { for appendix.template.sections.iter().enumerate().map(|(i, section)| {
                render_section(props, &cells, i, section)
            }) }
        </section>
    }
}

/// The cells of each table, by section and table index, in ascending order.
struct TableCells(Vec<Vec<Rc<[CellIx]>>>);

impl TableCells {
    fn new(appendix: &Appendix) -> Self {
        let mut by_table: Vec<Vec<Vec<CellIx>>> = appendix
            .template
            .sections
            .iter()
            .map(|s| vec![Vec::new(); s.tables.len()])
            .collect();
        for (ix, cell) in appendix.cells.iter().enumerate() {
            if let Some(t) = by_table
                .get_mut(cell.pos.section)
                .and_then(|s| s.get_mut(cell.pos.table))
            {
                t.push(ix);
            }
        }
        TableCells(
            by_table
                .into_iter()
                .map(|s| s.into_iter().map(Rc::from).collect())
                .collect(),
        )
    }

    fn of(&self, section: usize, table: usize) -> Rc<[CellIx]> {
        self.0
            .get(section)
            .and_then(|s| s.get(table))
            .cloned()
            .unwrap_or_else(|| Rc::from([]))
    }
}

fn render_section(props: &SheetProps, cells: &TableCells, i: usize, section: &Section) -> Html {
    let s = sheets(props.lang);
    let heading_id = format!("sec-{}", section.id);
    let included = !section.optional || props.report.optional_sections.contains(&section.id);
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
                { s.appendix_include_section }
            </label>
        }
    });
    html! {
        <section class="appendix-section" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ format!("{}. {}", section.stt, section.title.get(props.lang)) }</h3>
            { toggle }
            if included {
                { for (0..section.tables.len()).map(|t| html! {
                    <TableView
                        templates={props.templates.clone()}
                        report={props.report.clone()}
                        eval={props.eval.clone()}
                        lang={props.lang}
                        on_edit={props.on_edit.clone()}
                        section={i}
                        table={t}
                        cells={cells.of(i, t)}
                    />
                }) }
            } else {
                <p class="section-left-out">{ s.appendix_left_out }</p>
            }
        </section>
    }
}

/// One table of the sheet. A component of its own, whose props compare only what the table
/// shows, so that a keystroke rebuilds the tables it changed (the typed cell's, and those
/// whose derived values or marks moved) instead of all fifteen (issue 9: the whole sheet was
/// rebuilt on every keystroke).
#[derive(Properties)]
struct TableProps {
    templates: Rc<Templates>,
    report: Rc<Report>,
    eval: Rc<Evaluation>,
    lang: Lang,
    on_edit: Callback<Edit>,
    section: usize,
    table: usize,
    /// The table's cells, ascending (from [`TableCells`]).
    cells: Rc<[CellIx]>,
}

impl TableProps {
    /// A finding the table shows: placed at one of its cells, or involving one.
    fn touches(&self, f: &Finding) -> bool {
        let mine = |ix: &CellIx| self.cells.binary_search(ix).is_ok();
        matches!(&f.place, Place::Cell(ix) if mine(ix)) || f.cells.iter().any(mine)
    }
}

impl PartialEq for TableProps {
    fn eq(&self, other: &Self) -> bool {
        if !(Rc::ptr_eq(&self.templates, &other.templates)
            && self.lang == other.lang
            && self.on_edit == other.on_edit
            && (self.section, self.table) == (other.section, other.table)
            && self.cells == other.cells)
        {
            return false;
        }
        if Rc::ptr_eq(&self.report, &other.report) && Rc::ptr_eq(&self.eval, &other.eval) {
            return true;
        }
        let defs = &self.templates.appendix.cells;
        let (a, b) = (&self.eval.computed, &other.eval.computed);
        let same_cells = self.cells.iter().all(|&ix| {
            defs.get(ix).is_some_and(|d| {
                self.report.value(&d.id) == other.report.value(&d.id)
                    && a.number(ix) == b.number(ix)
                    && a.answer(ix) == b.answer(ix)
            })
        });
        same_cells
            && self
                .eval
                .findings
                .iter()
                .filter(|f| self.touches(f))
                .eq(other.eval.findings.iter().filter(|f| other.touches(f)))
    }
}

#[function_component]
fn TableView(props: &TableProps) -> Html {
    let Some(table) = props
        .templates
        .appendix
        .template
        .sections
        .get(props.section)
        .and_then(|s| s.tables.get(props.table))
    else {
        return Html::default();
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
    let title_id = format!("tbl-{}", table.id);
    let body = if table.columns.is_empty() {
        list::render(&sheet, table, &title_id)
    } else {
        grid::render(&sheet, table, &title_id)
    };
    html! {
        <div class="sheet-block" data-table={table.id.clone()}>
            <div class="sheet-block-head">
                <h4 id={title_id.clone()}>{ table.title.get(props.lang) }</h4>
                if !table.unit_line.is_empty() {
                    <p class="unit-line">{ table.unit_line.get(props.lang) }</p>
                }
            </div>
            { body }
        </div>
    }
}
