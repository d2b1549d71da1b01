//! A grid table such as Biểu 06/VPCP/KSTT: header rows with column groups ("Số hồ sơ nhận giải
//! quyết" over (3)…(6)), the printed column numbers, one row per field and the total row. It
//! scrolls sideways inside its own box, with the header and the row labels kept in view.

use yew::prelude::*;

use super::cell::{self, CellView};
use super::sheet::Sheet;
use crate::core::present::table::{grid_header, HeaderCell, Heads};
use crate::core::template::appendix::{Row, Table};

pub fn render(sheet: &Sheet, table: &Table, title_id: &str) -> Html {
    html! {
        // Focusable so a keyboard user can scroll it (axe: scrollable-region-focusable).
        <div class="grid-scroll" role="region" aria-labelledby={title_id.to_owned()} tabindex="0">
            // Its width follows from the number of columns (styles/sheets.css, one rule per
            // count: a style attribute would need 'unsafe-inline' in the page's CSP), so the
            // table is laid out at a fixed width and a changed figure does not re-measure
            // every column.
            <table class="sheet-table grid" aria-labelledby={title_id.to_owned()}
                data-cols={table.columns.len().to_string()}>
                { header(sheet, table) }
                <tbody>
                    { for table.rows.iter().map(|row| render_row(sheet, table, row)) }
                </tbody>
            </table>
        </div>
    }
}

fn header(sheet: &Sheet, table: &Table) -> Html {
    let lang = sheet.lang;
    let header = grid_header(table);
    let cell = |h: &HeaderCell| {
        let (scope, class) = match h.heads {
            Heads::Stt => ("col", Some("stt")),
            Heads::Label => ("col", Some("label")),
            Heads::Column => ("col", None),
            Heads::Group => ("colgroup", None),
        };
        html! {
            <th {scope} {class} colspan={h.colspan.to_string()} rowspan={h.rowspan.to_string()}>
                { h.text.get(lang) }
            </th>
        }
    };
    // The numbers row labels nothing: plain cells, the first two shaped like STT and label.
    let number = |(i, n): (usize, &String)| {
        let class = match i {
            0 => Some("stt"),
            1 => Some("label"),
            _ => None,
        };
        html! { <td {class}>{ n }</td> }
    };
    html! {
        <thead>
            { for header.rows.iter().map(|cells| html! { <tr>{ for cells.iter().map(cell) }</tr> }) }
            if let Some(numbers) = &header.numbers {
                <tr class="col-numbers">{ for numbers.iter().enumerate().map(number) }</tr>
            }
        </thead>
    }
}

fn render_row(sheet: &Sheet, table: &Table, row: &Row) -> Html {
    let lang = sheet.lang;
    let span = (table.columns.len() + 2).to_string();
    if row.heading {
        return html! {
            <tr class="heading">
                <td class="stt">{ &row.stt }</td>
                <th scope="rowgroup" colspan={(table.columns.len() + 1).to_string()}>{ row.label.get(lang) }</th>
            </tr>
        };
    }
    let cells: Vec<_> = (0..table.columns.len())
        .filter_map(|c| {
            sheet
                .templates
                .appendix
                .cell_at(table, row, Some(c))
                .map(|ix| (c, ix))
        })
        .collect();
    let messages: Vec<Html> = cells
        .iter()
        .filter_map(|&(c, ix)| cell::messages(sheet, ix, Some(&table.columns[c].number)))
        .collect();
    html! {
        <>
            <tr class={classes!(row.total.then_some("total"))}>
                <td class="stt">{ &row.stt }</td>
                <th scope="row" class="label">{ row.label.get(lang) }</th>
                { for cells.iter().map(|&(_, ix)| html! { <CellView ..cell::props(sheet, ix) /> }) }
            </tr>
            if !messages.is_empty() {
                <tr class="msg-row"><td colspan={span}>{ for messages }</td></tr>
            }
        </>
    }
}
