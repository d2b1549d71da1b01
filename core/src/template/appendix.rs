//! The appendix template as written in JSON (`templates/*.phuluc.json`), before compilation.
//!
//! A template is sections → tables → rows (and, for grid tables such as Biểu 06, columns).
//! Each cell has a stable id: the row id for a list table, `row.column` for a grid table.
//! Formulas and checks name cells by id; inside a grid, `.col` means "this row's column".

use serde::{Deserialize, Serialize};

use crate::text::Text;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppendixTemplate {
    pub id: String,
    pub version: u32,
    pub title: Text,
    #[serde(default)]
    pub description: Text,
    /// Rate definitions that differ between provinces, by name: a formula names one with
    /// `{"rate": "dung_han"}`, so a province changes a definition in one place.
    #[serde(default)]
    pub rates: Vec<RateDef>,
    pub sections: Vec<Section>,
    /// Cross-checks between cells that the formulas themselves do not guarantee.
    #[serde(default)]
    pub checks: Vec<CheckDef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateDef {
    pub id: String,
    pub label: Text,
    /// How it is computed, as officers read it: "((8)+(9))/(7)".
    pub definition: Text,
    pub num: Vec<String>,
    pub den: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// Roman numeral as printed: "I", "II", …
    pub stt: String,
    pub title: Text,
    /// Optional sections (VIII in newer outlines) may be hidden by the officer.
    #[serde(default)]
    pub optional: bool,
    pub tables: Vec<Table>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub id: String,
    pub title: Text,
    /// Header lines printed above the table, e.g. "Đơn vị tính: Số hồ sơ TTHC".
    #[serde(default)]
    pub unit_line: Text,
    /// The heading of a grid's label column, column (2): "Lĩnh vực, công việc giải quyết".
    #[serde(default)]
    pub row_header: Text,
    /// Empty for a list table (one value per row); the columns of a grid table otherwise.
    #[serde(default)]
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Checks applied to every data row and the total row of a grid, with `.col` references.
    #[serde(default)]
    pub row_checks: Vec<CheckDef>,
}

impl Section {
    /// Whether the section counts for a report that included `chosen` optional sections:
    /// every section but an optional one left out. Computation, checks, screen, print and
    /// exports all ask this.
    pub fn included_in(&self, chosen: &std::collections::BTreeSet<String>) -> bool {
        !self.optional || chosen.contains(&self.id)
    }
}

impl Table {
    /// Consecutive columns under the same group header, with its span; an ungrouped column is
    /// a group of its own with an empty header. Screen and print draw the same header rows.
    pub fn column_groups(&self) -> Vec<(&Text, usize)> {
        let mut out: Vec<(&Text, usize)> = Vec::new();
        for col in &self.columns {
            match out.last_mut() {
                Some((group, span)) if !col.group.is_empty() && **group == col.group => *span += 1,
                _ => out.push((&col.group, 1)),
            }
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: String,
    /// The printed column number, "(3)".
    #[serde(default)]
    pub number: String,
    pub label: Text,
    /// A header spanning several columns ("Số hồ sơ nhận giải quyết").
    #[serde(default)]
    pub group: Text,
    pub kind: CellKind,
    #[serde(default)]
    pub formula: Option<Formula>,
    /// When a report is duplicated for the next period, this column starts from the named
    /// column of the previous one: carried over (6) = pending (11).
    #[serde(default)]
    pub carry_from: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: String,
    #[serde(default)]
    pub stt: String,
    pub label: Text,
    #[serde(default)]
    pub unit: Text,
    /// Required in a list table; a grid row takes its columns' kinds.
    #[serde(default)]
    pub kind: Option<CellKind>,
    #[serde(default)]
    pub formula: Option<Formula>,
    /// A grid's total row: each input column is the sum of the data rows, each formula
    /// column applies its formula to the totals.
    #[serde(default)]
    pub total: bool,
    /// A heading row that groups the rows below it and holds no value.
    #[serde(default)]
    pub heading: bool,
    /// Shown under the label: how the figure is defined, where it comes from.
    #[serde(default)]
    pub note: Text,
}

/// What a cell holds. Counts and money are whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    Count,
    /// Money in đồng.
    Money,
    /// A decimal quantity that is not a count (hours, hectares).
    Decimal,
    /// A percentage, either typed by the officer or computed by a ratio formula.
    Percent,
    YesNo,
    Text,
    Date,
}

impl CellKind {
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            CellKind::Count | CellKind::Money | CellKind::Decimal | CellKind::Percent
        )
    }
}

/// A derived cell's formula over cell ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Formula {
    /// The sum of the cells.
    Sum(Vec<String>),
    /// The first cell less the others.
    Diff(Vec<String>),
    /// sum(num) / sum(den) × 100. `share` says the part cannot exceed the whole, so a value
    /// over 100 % is a finding.
    Ratio {
        num: Vec<String>,
        den: Vec<String>,
        #[serde(default = "yes")]
        share: bool,
    },
    /// A named rate from the template's `rates`.
    Rate(String),
}

fn yes() -> bool {
    true
}

/// A cross-check. Each produces a finding when it fails; none fires while a cell it reads is
/// empty, since an empty cell is "not yet filled", not zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CheckDef {
    /// sum(parts) = total.
    SumEquals { total: String, parts: Vec<String> },
    /// The parts together do not exceed the whole (breakdowns that need not be complete).
    PartsWithin { whole: String, parts: Vec<String> },
    /// sum(left) = sum(right), with a message saying what the equation means.
    Equals {
        left: Vec<String>,
        right: Vec<String>,
        message: Text,
    },
    /// A percentage the officer typed agrees with its own numbers.
    TypedPercent {
        cell: String,
        num: Vec<String>,
        den: Vec<String>,
    },
}
