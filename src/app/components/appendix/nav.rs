//! Spreadsheet keys. Tab and Shift+Tab keep the browser's order (row by row; derived cells are
//! out of it). Enter and ArrowDown go to the input below in the same column, and past the
//! bottom of a table to the first input of the next one, so a whole list table fills with
//! Enter alone; Shift+Enter and ArrowUp go back up the same way. ArrowLeft and ArrowRight move
//! along the row only when the caret is already at the start or end of the text, so they still
//! edit inside an entry. A yes/no select keeps its own Up/Down (changing the answer).
//!
//! The neighbours come from the template, not from the DOM: which cell is below which is a
//! fact of the layout, computed once per template and set of included sections.

use std::collections::{BTreeSet, HashMap};

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};

use super::focus_cell;
use crate::core::template::{Appendix, CellIx};

/// Where a cell sits among the tables on screen: table, row, column.
#[derive(Clone, Copy)]
struct Slot {
    table: usize,
    row: usize,
    col: usize,
}

pub struct Nav {
    /// Per table on screen, rows × columns of input cells (`None`: derived, heading, absent).
    tables: Vec<Vec<Vec<Option<CellIx>>>>,
    /// Every cell on screen, derived ones too: a jump from the findings list may land on a
    /// derived total, and the keys should work from there.
    slots: HashMap<CellIx, Slot>,
}

impl Nav {
    pub fn new(appendix: &Appendix, included: &BTreeSet<String>) -> Self {
        let mut tables = Vec::new();
        let mut slots = HashMap::new();
        let shown = appendix
            .template
            .sections
            .iter()
            .filter(|s| !s.optional || included.contains(&s.id));
        for table in shown.flat_map(|s| &s.tables) {
            let t = tables.len();
            // A list table is one column of cells addressed without a column.
            let cols: Vec<Option<usize>> = if table.columns.is_empty() {
                vec![None]
            } else {
                (0..table.columns.len()).map(Some).collect()
            };
            let grid = table
                .rows
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    cols.iter()
                        .enumerate()
                        .map(|(c, &col)| {
                            let ix = appendix.cell_at(table, row, col)?;
                            slots.insert(
                                ix,
                                Slot {
                                    table: t,
                                    row: r,
                                    col: c,
                                },
                            );
                            appendix.cells[ix].is_input().then_some(ix)
                        })
                        .collect()
                })
                .collect();
            tables.push(grid);
        }
        Nav { tables, slots }
    }

    pub fn below(&self, ix: CellIx) -> Option<CellIx> {
        let at = *self.slots.get(&ix)?;
        let grid = &self.tables[at.table];
        grid[at.row + 1..]
            .iter()
            .find_map(|row| row[at.col])
            .or_else(|| {
                self.tables[at.table + 1..]
                    .iter()
                    .find_map(|g| g.iter().flatten().flatten().next().copied())
            })
    }

    pub fn above(&self, ix: CellIx) -> Option<CellIx> {
        let at = *self.slots.get(&ix)?;
        let grid = &self.tables[at.table];
        grid[..at.row]
            .iter()
            .rev()
            .find_map(|row| row[at.col])
            .or_else(|| {
                self.tables[..at.table]
                    .iter()
                    .rev()
                    .find_map(|g| g.iter().flatten().flatten().last().copied())
            })
    }

    pub fn right(&self, ix: CellIx) -> Option<CellIx> {
        let at = *self.slots.get(&ix)?;
        self.tables[at.table][at.row][at.col + 1..]
            .iter()
            .find_map(|&c| c)
    }

    pub fn left(&self, ix: CellIx) -> Option<CellIx> {
        let at = *self.slots.get(&ix)?;
        self.tables[at.table][at.row][..at.col]
            .iter()
            .rev()
            .find_map(|&c| c)
    }
}

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
