//! A grid table such as Biểu 06/VPCP/KSTT: header rows with column groups ("Số hồ sơ nhận giải
//! quyết" over (3)…(6)), the printed column numbers, one row per field and the total row. It
//! scrolls sideways inside its own box, with the header and the row labels kept in view.

use yew::prelude::*;

use super::cell::{self, CellView};
use super::Sheet;
use crate::app::i18n::sheets::sheets;
use crate::core::template::appendix::{Row, Table};

pub fn render(sheet: &Sheet, table: &Table, title_id: &str) -> Html {
    html! {
        // Focusable so a keyboard user can scroll it (axe: scrollable-region-focusable).
        <div class="grid-scroll" role="region" aria-labelledby={title_id.to_owned()} tabindex="0">
            // Its width follows from the number of columns (styles/sheets.css), so the table
            // is laid out at a fixed width and a changed figure does not re-measure every column.
            <table class="sheet-table grid" aria-labelledby={title_id.to_owned()}
                style={format!("--data-cols: {}", table.columns.len())}>
                { header(sheet, table) }
                <tbody>
                    { for table.rows.iter().map(|row| render_row(sheet, table, row)) }
                </tbody>
            </table>
        </div>
    }
}

fn header(sheet: &Sheet, table: &Table) -> Html {
    let s = sheets(sheet.lang);
    let lang = sheet.lang;
    let grouped = table.columns.iter().any(|c| !c.group.is_empty());
    let numbered = table.columns.iter().any(|c| !c.number.is_empty());
    let label_rows = if grouped { "2" } else { "1" };
    // Biểu 06 numbers its STT and label columns (1) and (2) and its data columns from (3): print
    // those two only when the template's numbering leaves room for them.
    let leading = table.columns.first().is_some_and(|c| c.number == "(3)");
    let mut col_ix = 0;
    let top = table.column_groups().into_iter().map(|(group, span)| {
        let first = &table.columns[col_ix];
        col_ix += span;
        if group.is_empty() {
            html! { <th scope="col" rowspan={label_rows}>{ first.label.get(lang) }</th> }
        } else {
            html! { <th scope="colgroup" colspan={span.to_string()}>{ group.get(lang) }</th> }
        }
    });
    // The template names the label column (Biểu 06: "Lĩnh vực, công việc giải quyết…").
    let row_header = match table.row_header.get(lang) {
        "" => s.appendix_grid_label,
        named => named,
    };
    html! {
        <thead>
            <tr>
                <th scope="col" class="stt" rowspan={label_rows}>{ s.appendix_stt }</th>
                <th scope="col" class="label" rowspan={label_rows}>{ row_header }</th>
                { for top }
            </tr>
            if grouped {
                <tr>
                    { for table.columns.iter().filter(|c| !c.group.is_empty()).map(|c| html! {
                        <th scope="col">{ c.label.get(lang) }</th>
                    }) }
                </tr>
            }
            if numbered {
                <tr class="col-numbers">
                    <td class="stt">{ if leading { "(1)" } else { "" } }</td>
                    <td class="label">{ if leading { "(2)" } else { "" } }</td>
                    { for table.columns.iter().map(|c| html! { <td>{ &c.number }</td> }) }
                </tr>
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
