//! Phụ lục I: every included section and table of the appendix template, with the values the
//! officer typed and those computed from them.
//!
//! List tables run on portrait pages as one table per run (STT, chỉ tiêu, đơn vị tính, số
//! liệu), sections and table titles as heading rows. A grid table (Biểu 06) is a form of its
//! own on a landscape page, with its header lines, its grouped column header and the column
//! numbers (1)…(13); the list tables after it resume on a new portrait page.

use yew::prelude::*;

use super::Doc;
use crate::core::present::document;
use crate::core::present::sheets::{self, Block, Sections, TableAt};
use crate::core::present::table::{grid_header, Heads};
use crate::core::present::value::{self, CellText};
use crate::core::template::CellIx;

/// A value's cell, `data-cell="{cell id}"` for tests and tools.
fn value_cell(doc: &Doc, ix: Option<CellIx>) -> Html {
    let Some(ix) = ix else {
        return html! { <td class="value"></td> };
    };
    let id = doc.templates.appendix.cells[ix].id.clone();
    match value::cell(&doc.templates.appendix, doc.report, &doc.eval.computed, ix) {
        CellText::Invalid(raw) => html! {
            <td class="value invalid" data-cell={id}>{ raw }<sup class="invalid-mark">{ document::INVALID_MARK }</sup></td>
        },
        shown => html! { <td class="value" data-cell={id}>{ shown.as_str() }</td> },
    }
}

/// The note under `tables` when one of their entries is printed as typed.
fn invalid_note(doc: &Doc, tables: &[TableAt]) -> Option<Html> {
    sheets::has_invalid(&doc.templates.appendix, &doc.eval.computed, tables)
        .then(|| html! { <p class="table-note">{ sheets::INVALID_NOTE }</p> })
}

/// Phụ lục I, as paper sheets: the heading on the first, each landscape grid on its own.
pub fn render(doc: &Doc) -> Html {
    let mut heading = Some(html! {
        <header class="appendix-head">
            <p class="appendix-label">{ document::APPENDIX_I }</p>
            <p class="appendix-title">
                { document::appendix_title(&doc.templates.appendix.template.title.vi, &doc.report.identity) }
            </p>
            <p class="appendix-attached">{ document::attached_line(&doc.report.identity) }</p>
        </header>
    });
    let mut sections = Sections::default();
    let pages: Vec<Html> = sheets::blocks(&doc.templates.appendix, doc.report)
        .into_iter()
        .map(|block| {
            let head = heading.take();
            match block {
                Block::Lists(run) => html! {
                    <section class="paper portrait" data-print="appendix-i">
                        { head }{ lists(doc, &run, &mut sections) }
                    </section>
                },
                Block::Grid(at) => {
                    sections.begin(at.0);
                    let table = sheets::table_at(&doc.templates.appendix, at);
                    html! {
                        <section class="paper wide" data-print="appendix-i" data-table={table.id.clone()}>
                            { head }{ grid(doc, at) }
                        </section>
                    }
                }
            }
        })
        .collect();
    html! { <>{ for pages }</> }
}

/// A run of list tables as one table, so its header repeats on every page it spans.
fn lists(doc: &Doc, run: &[TableAt], sections: &mut Sections) -> Html {
    let appendix = &doc.templates.appendix;
    let mut rows: Vec<Html> = Vec::new();
    let mut current = None;
    for &at in run {
        let (si, _) = at;
        let table = sheets::table_at(appendix, at);
        if current != Some(si) {
            current = Some(si);
            let section = &appendix.template.sections[si];
            let title = sections.heading(si, section);
            rows.push(html! {
                <tr class="section-row"><td class="stt">{ &section.stt }</td><td colspan="3">{ title }</td></tr>
            });
        }
        rows.push(html! {
            <tr class="table-row"><td class="stt"></td><td colspan="3">{ &table.title.vi }</td></tr>
        });
        for row in &table.rows {
            if row.heading {
                rows.push(html! {
                    <tr class="heading-row"><td class="stt">{ &row.stt }</td><td colspan="3">{ &row.label.vi }</td></tr>
                });
                continue;
            }
            let ix = appendix.cell_at(table, row, None);
            let formula = sheets::derived_note(appendix, row, ix)
                .map(|note| html! { <span class="formula">{ note }</span> });
            rows.push(html! {
                <tr>
                    <td class="stt">{ &row.stt }</td>
                    <td class="label">{ &row.label.vi }{ formula }</td>
                    <td class="unit">{ &row.unit.vi }</td>
                    { value_cell(doc, ix) }
                </tr>
            });
        }
    }
    let note = invalid_note(doc, run);
    html! {
        <>
            <table class="doc-table doc-figures">
                <colgroup>
                    <col class="c-stt" /><col class="c-label" /><col class="c-unit" /><col class="c-value" />
                </colgroup>
                <thead>
                    <tr>{ for sheets::LIST_HEAD.iter().map(|h| html! { <th>{ *h }</th> }) }</tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            { note }
        </>
    }
}

/// A grid table as the official form prints it: title, period and window in the middle, the
/// reporting and receiving units and the unit of count on the right, then the table.
fn grid(doc: &Doc, at: TableAt) -> Html {
    let id = &doc.report.identity;
    let section = &doc.templates.appendix.template.sections[at.0];
    let table = sheets::table_at(&doc.templates.appendix, at);
    let header = grid_header(table);
    let rows = table.rows.iter().map(|row| {
        if row.heading {
            return html! {
                <tr class="heading-row">
                    <td class="stt">{ &row.stt }</td>
                    <td colspan={(table.columns.len() + 1).to_string()}>{ &row.label.vi }</td>
                </tr>
            };
        }
        let cells = (0..table.columns.len())
            .map(|c| value_cell(doc, doc.templates.appendix.cell_at(table, row, Some(c))));
        html! {
            <tr class={classes!(row.total.then_some("total-row"))}>
                <td class="stt">{ &row.stt }</td>
                <td class="label">{ &row.label.vi }</td>
                { for cells }
            </tr>
        }
    });
    let note = invalid_note(doc, &[at]);
    html! {
        <>
            <p class="form-section">{ format!("{}. {}", section.stt, section.title.vi) }</p>
            <header class="form-head">
                <p class="form-title">{ table.title.vi.to_uppercase() }</p>
                <p class="form-period">{ document::form_period(id) }</p>
                <p class="form-window">{ document::window_line(id) }</p>
                <div class="form-units">
                    <p>{ document::form_reporting_unit(id) }</p>
                    <p>{ document::form_receiving_unit(id) }</p>
                    if !table.unit_line.is_empty() {
                        <p>{ &table.unit_line.vi }</p>
                    }
                </div>
            </header>
            <table class="doc-table doc-form">
                <colgroup>
                    <col class="c-stt" /><col class="c-label" />
                    { for table.columns.iter().map(|_| html! { <col class="c-figure" /> }) }
                </colgroup>
                <thead>
                    { for header.rows.iter().map(|cells| html! {
                        <tr>{ for cells.iter().map(|h| html! {
                            <th class={header_class(h.heads)} colspan={h.colspan.to_string()} rowspan={h.rowspan.to_string()}>
                                { &h.text.vi }
                            </th>
                        }) }</tr>
                    }) }
                    if let Some(numbers) = &header.numbers {
                        <tr class="col-numbers">{ for numbers.iter().map(|n| html! { <th>{ n }</th> }) }</tr>
                    }
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            { note }
        </>
    }
}

/// The print classes of a header cell (the STT and label columns are sized by their class).
fn header_class(heads: Heads) -> Option<&'static str> {
    match heads {
        Heads::Stt => Some("stt"),
        Heads::Label => Some("label"),
        Heads::Column | Heads::Group => None,
    }
}
