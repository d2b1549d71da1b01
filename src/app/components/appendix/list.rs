//! A list table: STT | Chỉ tiêu | Đơn vị tính | Số liệu, one value per row, as the official
//! appendix prints it. A row's note (how a rate is computed) is printed under its label.

use yew::prelude::*;

use super::cell::{self, CellView};
use super::sheet::Sheet;
use crate::app::i18n::sheets::sheets;
use crate::core::template::appendix::{Row, Table};

pub fn render(sheet: &Sheet, table: &Table, title_id: &str) -> Html {
    let s = sheets(sheet.lang);
    html! {
        <table class="sheet-table list" aria-labelledby={title_id.to_owned()}>
            <colgroup>
                <col class="col-stt" /><col class="col-label" /><col class="col-unit" /><col class="col-value" />
            </colgroup>
            <thead>
                <tr>
                    <th scope="col">{ s.appendix_stt }</th>
                    <th scope="col">{ s.appendix_indicator }</th>
                    <th scope="col">{ s.appendix_unit }</th>
                    <th scope="col">{ s.appendix_value }</th>
                </tr>
            </thead>
            <tbody>
                { for table.rows.iter().map(|row| render_row(sheet, table, row)) }
            </tbody>
        </table>
    }
}

fn render_row(sheet: &Sheet, table: &Table, row: &Row) -> Html {
    let lang = sheet.lang;
    if row.heading {
        return html! {
            <tr class="heading">
                <td class="stt">{ &row.stt }</td>
                <th scope="rowgroup" colspan="3">{ row.label.get(lang) }</th>
            </tr>
        };
    }
    let Some(ix) = sheet.templates.appendix.cell_at(table, row, None) else {
        return Html::default();
    };
    let props = cell::props(sheet, ix);
    let derived = !sheet.templates.appendix.cells[ix].is_input();
    html! {
        <>
            <tr class={classes!(derived.then_some("derived-row"))}>
                <td class="stt">{ &row.stt }</td>
                <th scope="row" class="label">
                    { row.label.get(lang) }
                    if !row.note.is_empty() {
                        <small class="note">{ row.note.get(lang) }</small>
                    }
                </th>
                <td class="unit">{ row.unit.get(lang) }</td>
                <CellView ..props />
            </tr>
            if let Some(messages) = cell::messages(sheet, ix, None) {
                <tr class="msg-row"><td></td><td colspan="3">{ messages }</td></tr>
            }
        </>
    }
}
