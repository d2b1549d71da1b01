//! Spreadsheet keys in the appendix tables: where a key goes comes from the layout
//! ([`Nav`], native and tested natively); this reads the key and the caret, and moves the focus.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};

use super::dom::focus_cell;
use crate::core::template::Appendix;
use crate::state::nav::Nav;

/// Handles a key pressed anywhere in the sheet (one listener for all cells).
pub fn on_keydown(nav: &Nav, appendix: &Appendix, e: &KeyboardEvent) {
    // Enter also commits an IME's composition; modified keys belong to the browser.
    if e.is_composing() || e.alt_key() || e.ctrl_key() || e.meta_key() {
        return;
    }
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(ix) = target
        .get_attribute("data-cell")
        .and_then(|id| appendix.cell(&id))
    else {
        return;
    };
    let input = target.dyn_ref::<HtmlInputElement>();
    let is_select = target.tag_name().eq_ignore_ascii_case("select");
    let dest = match e.key().as_str() {
        "Enter" if e.shift_key() => nav.above(ix),
        "Enter" => nav.below(ix),
        "ArrowDown" if !is_select && !e.shift_key() => nav.below(ix),
        "ArrowUp" if !is_select && !e.shift_key() => nav.above(ix),
        "ArrowLeft" if !e.shift_key() && input.is_none_or(|i| caret_at(i, Edge::Start)) => {
            nav.left(ix)
        }
        "ArrowRight" if !e.shift_key() && input.is_none_or(|i| caret_at(i, Edge::End)) => {
            nav.right(ix)
        }
        _ => return,
    };
    if let Some(dest) = dest {
        e.prevent_default();
        focus_cell(&appendix.cells[dest].id, false);
    }
}

enum Edge {
    Start,
    End,
}

/// The caret is at the edge with nothing selected: a selection (as after Tab) is the
/// officer's to edit, so the first arrow collapses it where the browser would.
fn caret_at(input: &HtmlInputElement, edge: Edge) -> bool {
    let (Ok(Some(start)), Ok(Some(end))) = (input.selection_start(), input.selection_end()) else {
        return true;
    };
    if start != end {
        return false;
    }
    match edge {
        Edge::Start => start == 0,
        Edge::End => end as usize == input.value().encode_utf16().count(),
    }
}
