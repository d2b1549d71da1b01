//! The keyboard layout of the appendix tables (the keys themselves are read in the Yew layer,
//! `components/appendix/keys.rs`). Spreadsheet keys. Tab and Shift+Tab keep the browser's order (row by row; derived cells are
//! out of it). Enter and ArrowDown go to the input below in the same column, and past the
//! bottom of a table to the first input of the next one, so a whole list table fills with
//! Enter alone; Shift+Enter and ArrowUp go back up the same way. ArrowLeft and ArrowRight move
//! along the row only when the caret is already at the start or end of the text, so they still
//! edit inside an entry. A yes/no select keeps its own Up/Down (changing the answer).
//!
//! The neighbours come from the template, not from the DOM: which cell is below which is a
//! fact of the layout, computed once per template and set of included sections.

use std::collections::{BTreeSet, HashMap};

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
            .filter(|s| s.included_in(included));
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
