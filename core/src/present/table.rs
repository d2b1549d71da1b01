//! The header rows of a grid table (Biểu 06), the same on screen, in print and in Office
//! files: STT and the row header (named by the template) spanning the header rows, column
//! groups over their columns ("Số hồ sơ nhận giải quyết" over (3)…(6)), ungrouped columns
//! spanning both rows, then the printed column numbers.

use crate::template::appendix::Table;
use crate::text::Text;

/// What a header cell heads, for the view's classes and `scope`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heads {
    /// The STT column.
    Stt,
    /// The row-label column.
    Label,
    /// One data column.
    Column,
    /// Several data columns under one group header.
    Group,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeaderCell {
    pub text: Text,
    pub heads: Heads,
    pub colspan: usize,
    pub rowspan: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GridHeader {
    /// One or two rows of header cells, spans included.
    pub rows: Vec<Vec<HeaderCell>>,
    /// The column numbers row, "(1)" … "(13)", one per column including STT and label (which
    /// are numbered only when the data columns start at "(3)", as Biểu 06's do); `None` when
    /// the template numbers no column.
    pub numbers: Option<Vec<String>>,
}

/// A header cell at its place in the header's grid, for a view that places cells by row and
/// column (a spreadsheet merging ranges, a Word table merging vertically).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed<'a> {
    pub cell: &'a HeaderCell,
    /// The header row and the column (0 is STT) of its top-left corner.
    pub row: usize,
    pub col: usize,
}

impl Placed<'_> {
    /// Whether the cell covers the grid position (`row`, `col`).
    pub fn covers(&self, row: usize, col: usize) -> bool {
        (self.row..self.row + self.cell.rowspan).contains(&row)
            && (self.col..self.col + self.cell.colspan).contains(&col)
    }
}

impl GridHeader {
    /// Every column, STT and label included.
    pub fn width(table: &Table) -> usize {
        table.columns.len() + 2
    }

    /// Every header cell with its place: each row's cells fill, left to right, the columns
    /// not covered by a taller cell of a row above.
    pub fn placed(&self) -> Vec<Placed<'_>> {
        let mut out: Vec<Placed> = Vec::new();
        for (r, cells) in self.rows.iter().enumerate() {
            let mut col = 0;
            for cell in cells {
                while out.iter().any(|p| p.covers(r, col)) {
                    col += 1;
                }
                out.push(Placed { cell, row: r, col });
                col += cell.colspan;
            }
        }
        out
    }
}

/// The label column's header when the template names none.
pub fn default_row_header() -> Text {
    Text::new("Nội dung", "Item")
}

/// The header of the grid table `table`.
pub fn grid_header(table: &Table) -> GridHeader {
    let grouped = table.columns.iter().any(|c| !c.group.is_empty());
    let header_rows = if grouped { 2 } else { 1 };
    let row_header = if table.row_header.is_empty() {
        default_row_header()
    } else {
        table.row_header.clone()
    };
    let mut top = vec![
        HeaderCell {
            text: Text::new("STT", "No."),
            heads: Heads::Stt,
            colspan: 1,
            rowspan: header_rows,
        },
        HeaderCell {
            text: row_header,
            heads: Heads::Label,
            colspan: 1,
            rowspan: header_rows,
        },
    ];
    let mut second = Vec::new();
    let mut next = 0;
    for (group, span) in table.column_groups() {
        let columns = table.columns.get(next..next + span).unwrap_or_default();
        next += span;
        if group.is_empty() {
            top.extend(columns.iter().map(|c| HeaderCell {
                text: c.label.clone(),
                heads: Heads::Column,
                colspan: 1,
                rowspan: header_rows,
            }));
        } else {
            top.push(HeaderCell {
                text: group.clone(),
                heads: Heads::Group,
                colspan: span,
                rowspan: 1,
            });
            second.extend(columns.iter().map(|c| HeaderCell {
                text: c.label.clone(),
                heads: Heads::Column,
                colspan: 1,
                rowspan: 1,
            }));
        }
    }
    let mut rows = vec![top];
    if grouped {
        rows.push(second);
    }
    let numbered = table.columns.iter().any(|c| !c.number.is_empty());
    // Biểu 06 numbers its STT and label columns (1) and (2), its data columns from (3): those
    // two are numbered only when the template's numbering leaves room for them.
    let leading = table.columns.first().is_some_and(|c| c.number == "(3)");
    let numbers = numbered.then(|| {
        let (stt, label) = if leading { ("(1)", "(2)") } else { ("", "") };
        [stt.to_owned(), label.to_owned()]
            .into_iter()
            .chain(table.columns.iter().map(|c| c.number.clone()))
            .collect()
    });
    GridHeader { rows, numbers }
}
