//! Live computation: parse what the officer typed, then evaluate every derived cell once, in
//! the dependency order fixed when the template was compiled. Full precision inside; rounding
//! happens only when a value is displayed (`number`).
//!
//! Empty is not zero: a sum of cells none of which is filled is empty; a ratio whose numerator
//! or denominator is empty, or whose denominator is 0, has no value (shown "—"). One exception
//! follows how official forms are filled: in a grid table (Biểu 06) that has any figure, a
//! blank figure cell reads as 0, since a blank in a filled form means "none".

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::number::{self, NumberKind, ParseError};
use crate::report::Report;
use crate::template::compile::{Appendix, CellIx, Expr};
use crate::template::CellKind;
use crate::text::Text;

/// Why a typed entry could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    Number(ParseError),
    YesNo,
    Date,
}

impl InputError {
    pub fn message(&self) -> Text {
        match self {
            InputError::Number(e) => Text::new(e.message_vi(), e.message_en()),
            InputError::YesNo => Text::new("Chọn «Có» hoặc «Không».", "Choose “Yes” or “No”."),
            InputError::Date => Text::new(
                "Ngày không hợp lệ. Viết theo dạng ngày/tháng/năm, ví dụ 05/01/2026.",
                "Not a valid date. Write day/month/year, e.g. 05/01/2026.",
            ),
        }
    }
}

/// The value of every cell of a report, typed or derived, indexed like `Appendix::cells`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Computed {
    /// Numeric cells (counts, money, decimals, percentages); `None` when empty or unreadable.
    pub numbers: Vec<Option<f64>>,
    /// Yes/no cells.
    pub answers: Vec<Option<bool>>,
    /// Entries that could not be read, kept as typed in the report.
    pub errors: BTreeMap<CellIx, InputError>,
}

impl Computed {
    pub fn number(&self, ix: CellIx) -> Option<f64> {
        self.numbers.get(ix).copied().flatten()
    }

    pub fn answer(&self, ix: CellIx) -> Option<bool> {
        self.answers.get(ix).copied().flatten()
    }

    /// The sum of cells, `None` when none of them has a value.
    pub fn sum(&self, cells: &[CellIx]) -> Option<f64> {
        cells
            .iter()
            .filter_map(|&c| self.number(c))
            .fold(None, |acc, v| Some(acc.unwrap_or(0.0) + v))
    }

    /// sum(num) / sum(den) × 100, `None` when either is empty or the denominator is 0.
    pub fn ratio(&self, num: &[CellIx], den: &[CellIx]) -> Option<f64> {
        percent(self.sum(num)?, self.sum(den)?)
    }
}

/// part / whole × 100, `None` for a zero whole.
pub fn percent(part: f64, whole: f64) -> Option<f64> {
    (whole != 0.0).then(|| part / whole * 100.0)
}

/// Reads a yes/no entry the way officers write it.
pub fn parse_yes_no(raw: &str) -> Option<bool> {
    match raw.trim().to_lowercase().as_str() {
        "có" | "co" | "x" | "1" | "yes" | "y" | "true" | "đạt" => Some(true),
        "không" | "khong" | "0" | "no" | "n" | "false" | "chưa" => Some(false),
        _ => None,
    }
}

/// Reads dd/mm/yyyy (also with "-" or "." between), or ISO yyyy-mm-dd from another tool.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().or_else(|| {
        let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
        match parts.as_slice() {
            [d, m, y] if y.len() == 4 => {
                NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            }
            _ => None,
        }
    })
}

impl Computed {
    /// No value in any of `n` cells.
    pub fn empty(n: usize) -> Self {
        Computed {
            numbers: vec![None; n],
            answers: vec![None; n],
            errors: BTreeMap::new(),
        }
    }
}

/// Computes every cell of `report` against `appendix`.
pub fn compute(appendix: &Appendix, report: &Report) -> Computed {
    let mut out = Computed::empty(appendix.cells.len());
    for (ix, cell) in appendix.cells.iter().enumerate() {
        // A section the officer left out counts for nothing; what was typed in it stays.
        if !cell.is_input() || !included(appendix, report, cell.pos.section) {
            continue;
        }
        let Some(raw) = report.values.get(&cell.id) else {
            continue;
        };
        let read = match cell.kind {
            CellKind::Count | CellKind::Money => number::parse(raw, NumberKind::Integer)
                .map(|v| out.numbers[ix] = Some(v))
                .map_err(InputError::Number),
            CellKind::Decimal | CellKind::Percent => number::parse(raw, NumberKind::Decimal)
                .map(|v| out.numbers[ix] = Some(v))
                .map_err(InputError::Number),
            CellKind::YesNo => parse_yes_no(raw)
                .map(|v| out.answers[ix] = Some(v))
                .ok_or(InputError::YesNo),
            CellKind::Date => parse_date(raw).map(|_| ()).ok_or(InputError::Date),
            CellKind::Text => Ok(()),
        };
        if let Err(e) = read {
            out.errors.insert(ix, e);
        }
    }
    blanks_in_filled_grids_are_zero(appendix, &mut out);
    derive(appendix, &mut out);
    out
}

/// Whether a section counts: every section but an optional one the officer has not included.
pub fn included(appendix: &Appendix, report: &Report, section: usize) -> bool {
    appendix
        .template
        .sections
        .get(section)
        .is_some_and(|s| s.included_in(&report.optional_sections))
}

fn blanks_in_filled_grids_are_zero(appendix: &Appendix, out: &mut Computed) {
    let grid_inputs = |table: (usize, usize)| {
        appendix.cells.iter().enumerate().filter(move |(_, c)| {
            c.is_input()
                && c.kind.is_numeric()
                && c.pos.col.is_some()
                && (c.pos.section, c.pos.table) == table
        })
    };
    let mut tables: Vec<(usize, usize)> = appendix
        .cells
        .iter()
        .filter(|c| c.pos.col.is_some())
        .map(|c| (c.pos.section, c.pos.table))
        .collect();
    tables.dedup();
    for table in tables {
        if grid_inputs(table).any(|(ix, _)| out.numbers[ix].is_some()) {
            for (ix, _) in grid_inputs(table) {
                if out.numbers[ix].is_none() && !out.errors.contains_key(&ix) {
                    out.numbers[ix] = Some(0.0);
                }
            }
        }
    }
}

/// Evaluates every derived cell from the input cells already in `out`, in dependency order.
pub fn derive(appendix: &Appendix, out: &mut Computed) {
    for &ix in &appendix.eval_order {
        let value = match appendix.cells[ix].formula.as_ref() {
            Some(Expr::Sum(cells)) => out.sum(cells),
            Some(Expr::Diff(cells)) => out
                .number(cells[0])
                .map(|first| first - out.sum(&cells[1..]).unwrap_or(0.0)),
            Some(Expr::Ratio { num, den, .. }) => out.ratio(num, den),
            None => None,
        };
        out.numbers[ix] = value;
    }
}
