//! One table of the sheet as a component of its own. A keystroke changes a few cells of one
//! table (and the derived cells and findings that follow from them); the props of every other
//! table compare equal, so Yew neither rebuilds nor diffs their rows, and the browser's work
//! stays with the table typed in. Measured on the filled sample report: see README,
//! "Performance".

use std::rc::Rc;

use yew::prelude::*;

use super::marks::Marks;
use super::sheet::Sheet;
use super::{grid, list};
use crate::core::checks::Finding;
use crate::core::edit::Edit;
use crate::core::report::Report;
use crate::core::template::CellIx;
use crate::core::text::Lang;
use crate::core::workspace::{Evaluation, Templates};

#[derive(Properties)]
pub struct TableProps {
    pub templates: Rc<Templates>,
    /// Where the table is in the template: section, then table.
    pub at: (usize, usize),
    /// The table's cells, input and derived: all its rendering reads of the report.
    pub cells: Rc<[CellIx]>,
    pub report: Rc<Report>,
    pub eval: Rc<Evaluation>,
    pub marks: Rc<Marks>,
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
}

impl PartialEq for TableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.templates, &other.templates)
            && self.at == other.at
            && self.lang == other.lang
            && self.on_edit == other.on_edit
            && ((Rc::ptr_eq(&self.report, &other.report) && Rc::ptr_eq(&self.eval, &other.eval))
                || self.cells.iter().all(|&ix| shown_alike(self, other, ix)))
    }
}

/// Whether the cell `ix` shows the same in both: what was typed, what was computed, and the
/// findings at it or involving it.
fn shown_alike(a: &TableProps, b: &TableProps, ix: CellIx) -> bool {
    let Some(def) = a.templates.appendix.cells.get(ix) else {
        return true;
    };
    let (ca, cb) = (&a.eval.computed, &b.eval.computed);
    a.report.value(&def.id) == b.report.value(&def.id)
        && ca.number(ix) == cb.number(ix)
        && ca.answer(ix) == cb.answer(ix)
        && a.marks.is_involved(ix) == b.marks.is_involved(ix)
        && findings_at(a, ix).eq(findings_at(b, ix))
}

fn findings_at(p: &TableProps, ix: CellIx) -> impl Iterator<Item = &Finding> {
    p.marks
        .at(ix)
        .iter()
        .filter_map(|&i| p.eval.findings.get(i))
}

#[function_component]
pub fn TableView(props: &TableProps) -> Html {
    let (s, t) = props.at;
    let Some(table) = props
        .templates
        .appendix
        .template
        .sections
        .get(s)
        .and_then(|section| section.tables.get(t))
    else {
        return Html::default();
    };
    let sheet = Sheet {
        templates: &props.templates,
        report: &props.report,
        eval: &props.eval,
        marks: &props.marks,
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

/// The cells of every table, by section and table: what each table's props compare.
pub fn cells_by_table(templates: &Templates) -> Vec<Vec<Rc<[CellIx]>>> {
    let appendix = &templates.appendix;
    appendix
        .template
        .sections
        .iter()
        .map(|section| {
            section
                .tables
                .iter()
                .map(|table| {
                    let columns: Vec<Option<usize>> = if table.columns.is_empty() {
                        vec![None]
                    } else {
                        (0..table.columns.len()).map(Some).collect()
                    };
                    table
                        .rows
                        .iter()
                        .flat_map(|row| {
                            columns
                                .iter()
                                .filter_map(|&c| appendix.cell_at(table, row, c))
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}
