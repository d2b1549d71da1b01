//! The appendix's DOM contract (see the view's module comment): the ids of cells and of their
//! messages, and moving the focus to a cell.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

/// The DOM id of a cell: `hs_tong.c3` → `cell-hs_tong__c3` ('.' is not usable in an id
/// selector without escaping).
pub fn cell_dom_id(cell: &str) -> String {
    format!("cell-{}", cell.replace('.', "__"))
}

/// The DOM id of the element holding the messages of the findings at a cell.
pub fn msg_dom_id(cell: &str) -> String {
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
