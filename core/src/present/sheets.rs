//! Phụ lục I on paper, as every view cuts it (the print view, Word, Excel): consecutive list
//! tables run on portrait sheets as one table, each grid table (Biểu 06) is a landscape form
//! of its own, and a section resumed after a form says so. The views only place the blocks.

use crate::compute::Computed;
use crate::report::Report;
use crate::template::appendix::{Row, Section, Table};
use crate::template::{Appendix, CellIx};

/// A table by its place in the template: (section, table).
pub type TableAt = (usize, usize);

/// A page group of Phụ lục I.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Consecutive list tables, on portrait sheets.
    Lists(Vec<TableAt>),
    /// One grid table, on a landscape sheet.
    Grid(TableAt),
}

/// The headers of a run of list tables.
pub const LIST_HEAD: [&str; 4] = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"];

/// Under a table holding an entry printed as typed.
pub const INVALID_NOTE: &str =
    "(*) Số liệu chưa đúng định dạng, in nguyên văn như đã nhập; cần kiểm tra lại.";

/// The tables of the sections `report` includes, in order, grouped as they are paged.
pub fn blocks(appendix: &Appendix, report: &Report) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for (si, section) in appendix.template.sections.iter().enumerate() {
        if !section.included_in(&report.optional_sections) {
            continue;
        }
        for (ti, table) in section.tables.iter().enumerate() {
            match (table.columns.is_empty(), out.last_mut()) {
                (true, Some(Block::Lists(run))) => run.push((si, ti)),
                (true, _) => out.push(Block::Lists(vec![(si, ti)])),
                (false, _) => out.push(Block::Grid((si, ti))),
            }
        }
    }
    out
}

/// The table at `at`, a place [`blocks`] gave for this appendix.
pub fn table_at(appendix: &Appendix, (si, ti): TableAt) -> &Table {
    &appendix.template.sections[si].tables[ti]
}

/// Whether any cell of `tables` holds an entry that cannot be read, so [`INVALID_NOTE`]
/// goes under them.
pub fn has_invalid(appendix: &Appendix, computed: &Computed, tables: &[TableAt]) -> bool {
    computed.errors.keys().any(|&ix| {
        appendix
            .cells
            .get(ix)
            .is_some_and(|c| tables.contains(&(c.pos.section, c.pos.table)))
    })
}

/// What a derived row adds after its label: " = (2)/(1)", so the reader can check it. The notes
/// of typed rows are instructions for the officer, not for the reader.
pub fn derived_note(appendix: &Appendix, row: &Row, ix: Option<CellIx>) -> Option<String> {
    let derived = ix.and_then(|ix| appendix.cells.get(ix))?.is_input();
    (!derived && !row.note.is_empty()).then(|| format!(" = {}", row.note.vi))
}

/// The sections already begun on an earlier sheet, so that a list run resuming one after a
/// landscape form says "(tiếp theo)".
#[derive(Debug, Default)]
pub struct Sections {
    begun: Vec<usize>,
}

impl Sections {
    /// Section `si` begins here (a form, or the heading of a list run).
    pub fn begin(&mut self, si: usize) {
        self.begun.push(si);
    }

    /// The heading of section `si` as a list run shows it, and marks it begun.
    pub fn heading(&mut self, si: usize, section: &Section) -> String {
        let title = section.title.vi.to_uppercase();
        let title = if self.begun.contains(&si) {
            format!("{title} (tiếp theo)")
        } else {
            title
        };
        self.begin(si);
        title
    }
}

/// The line over a landscape form naming its section: "II. Cải cách thủ tục hành chính".
pub fn form_section(section: &Section) -> String {
    format!("{}. {}", section.stt, section.title.vi)
}
