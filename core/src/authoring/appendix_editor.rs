//! The appendix editor's logic, native and tested: a draft of the appendix template (sections →
//! tables → rows) changed by edits (reword, renumber, add, remove, move, heading and total
//! rows, a list table added or removed), checked after every edit exactly as the app checks a
//! province's appendix file (`Templates::with_appendix` on the draft's JSON: the appendix
//! compiled, then the criteria set in use compiled on it), each fault placed at the row,
//! table or section it names. The Yew editor only lays this out.
//!
//! Ids are never typed: a new row or table gets one made from its table's or section's id that
//! neither the draft nor the appendix it started from ever had, so a figure typed under an old
//! id can never land in a new row. An edited draft carries a version no built-in appendix of
//! its id and no saved report has, so a report made on another version names it and moving it
//! is the explicit choice of the version-change dialog.

use std::collections::BTreeSet;

use crate::report::TemplateRef;
use crate::template::appendix::{AppendixTemplate, CellKind, Row, Section, Table};
use crate::template::builtin;
use crate::template::compile::grid_id;
use crate::template::TemplateError;
use crate::text::Text;
use crate::workspace::{AppendixError, Templates};

/// A place in the appendix: a section, a table of it, a row of that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Section(usize),
    Table(usize, usize),
    Row(usize, usize, usize),
}

/// The kinds a list row may hold, in the order the editor offers them.
pub const KINDS: [CellKind; 7] = [
    CellKind::Count,
    CellKind::Money,
    CellKind::Decimal,
    CellKind::Percent,
    CellKind::YesNo,
    CellKind::Text,
    CellKind::Date,
];

/// The name of a kind as the officer reads it.
pub fn kind_label(k: CellKind) -> Text {
    let (vi, en) = match k {
        CellKind::Count => ("Số lượng", "Count"),
        CellKind::Money => ("Số tiền (đồng)", "Money (dong)"),
        CellKind::Decimal => ("Số thập phân", "Decimal"),
        CellKind::Percent => ("Tỷ lệ %", "Percentage"),
        CellKind::YesNo => ("Có/không", "Yes/no"),
        CellKind::Text => ("Chữ", "Text"),
        CellKind::Date => ("Ngày", "Date"),
    };
    Text::new(vi, en)
}

/// A change to the draft.
#[derive(Clone, Debug, PartialEq)]
pub enum AppendixEdit {
    /// The appendix's own title (Vietnamese).
    Title(String),
    /// A section's, table's or row's Vietnamese label (a section's or table's title).
    Label(Place, String),
    /// The English label of a row (optional: the Vietnamese shows where it is empty).
    LabelEn(Place, String),
    /// A row's STT, as printed ("1", "2.1", "a").
    Stt(Place, String),
    /// A list row's unit ("nhiệm vụ").
    Unit(Place, String),
    /// What a list row holds (a row without a formula).
    Kind(Place, CellKind),
    /// A heading row groups the rows below it and holds no value.
    Heading(Place, bool),
    /// A grid's total row sums the data rows (grid tables only).
    Total(Place, bool),
    /// A new row after this one.
    AddRowAfter(Place),
    /// A new row at the end of a table, before its total row.
    AddRow(Place),
    /// A new list table (one row) at the end of a section.
    AddTable(Place),
    /// A row or a table taken away; refused, with the compiler's message at it, when
    /// something reads it.
    Remove(Place),
    MoveUp(Place),
    MoveDown(Place),
}

/// A problem of the draft at the place it concerns (`None`: the appendix as a whole).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub at: Option<Place>,
    /// The compiler's message.
    pub message: Text,
    /// The fault is the criteria set in use not fitting the draft (the appendix compiles).
    pub criteria: bool,
}

/// The draft and what it started from.
#[derive(Clone, Debug, PartialEq)]
pub struct AppendixDraft {
    pub template: AppendixTemplate,
    base: AppendixTemplate,
    /// The version the draft takes once it differs from its base.
    new_version: u32,
    /// Every id the base had or this draft made: never given to a new row or table.
    used: BTreeSet<String>,
    /// The last edit refused, at its place, with the compiler's message; cleared by the next
    /// edit.
    pub refused: Option<Problem>,
}

/// The versions of appendix `id` built into the app.
pub fn builtin_versions(id: &str) -> Vec<u32> {
    builtin::APPENDICES
        .iter()
        .filter_map(|json| {
            let head: serde_json::Value = serde_json::from_str(json).ok()?;
            (head.get("id")?.as_str()? == id)
                .then(|| u32::try_from(head.get("version")?.as_u64()?).ok())
                .flatten()
        })
        .collect()
}

/// Every id the template claims (the compiler's namespace), grid cells included.
fn ids_of(t: &AppendixTemplate) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.insert(t.id.clone());
    out.extend(t.rates.iter().map(|r| r.id.clone()));
    for s in &t.sections {
        out.insert(s.id.clone());
        for table in &s.tables {
            out.insert(table.id.clone());
            for c in &table.columns {
                out.insert(format!("{}#{}", table.id, c.id));
            }
            for r in &table.rows {
                out.insert(r.id.clone());
                out.extend(table.columns.iter().map(|c| grid_id(&r.id, &c.id)));
            }
        }
    }
    out
}

impl AppendixDraft {
    /// A draft of `in_use`. `taken` are the appendices saved reports name: an edited draft
    /// takes a version above every one of them, the one in use and the built-in ones of its id.
    pub fn start(in_use: &AppendixTemplate, taken: &[TemplateRef]) -> Self {
        let top = taken
            .iter()
            .filter(|r| r.id == in_use.id)
            .map(|r| r.version)
            .chain(builtin_versions(&in_use.id))
            .chain([in_use.version])
            .max()
            .unwrap_or(in_use.version);
        AppendixDraft {
            template: in_use.clone(),
            base: in_use.clone(),
            new_version: top.saturating_add(1),
            used: ids_of(in_use),
            refused: None,
        }
    }

    /// The draft differs from what it started from (its version aside).
    pub fn edited(&self) -> bool {
        let mut t = self.template.clone();
        t.version = self.base.version;
        t != self.base
    }

    /// The version the draft started from.
    pub fn base_ref(&self) -> TemplateRef {
        TemplateRef {
            id: self.base.id.clone(),
            version: self.base.version,
        }
    }

    /// The draft as the app would put it in use: its JSON read and compiled, then the
    /// criteria set of `in_use` compiled on it (`Templates::with_appendix`).
    pub fn check(&self, in_use: &Templates) -> Result<Templates, AppendixError> {
        in_use.with_appendix(&self.to_json())
    }

    /// The draft as the file to load, keep and send to the communes (docs/TEMPLATES.md).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.template).unwrap_or_default()
    }

    /// "mau-phu-luc_phuluc-xa_v3.json", like the download of the appendix in use.
    pub fn file_name(&self) -> String {
        format!(
            "mau-phu-luc_{}_v{}.json",
            self.template.id, self.template.version
        )
    }

    /// The draft's problems, each at its place: the refused edit's, then the compiler's fault.
    pub fn problems(&self, in_use: &Templates) -> Vec<Problem> {
        let mut out: Vec<Problem> = self.refused.iter().cloned().collect();
        if let Err(e) = self.check(in_use) {
            let p = self.problem(&e);
            if !out.iter().any(|o| o.message == p.message) {
                out.push(p);
            }
        }
        out
    }

    fn problem(&self, e: &AppendixError) -> Problem {
        let (error, criteria) = match e {
            AppendixError::Invalid(e) => (e, false),
            AppendixError::CriteriaDoNotFit(e) => (e, true),
        };
        Problem {
            at: locate(&self.template, error),
            message: error.message(),
            criteria,
        }
    }

    /// Applies an edit; returns the place to show afterwards (the row added or moved), if any.
    /// An edit that does not fit its place (a total on a list row, an index out of range)
    /// changes nothing; removing what something reads is refused (see [`Self::refused`]).
    pub fn apply(&mut self, e: AppendixEdit, in_use: &Templates) -> Option<Place> {
        self.refused = None;
        let out = match e {
            AppendixEdit::Remove(p) => self.remove(p, in_use),
            e => edit(&mut self.template, &mut self.used, e),
        };
        self.template.version = match self.edited() {
            true => self.new_version,
            false => self.base.version,
        };
        out
    }

    /// Removes a row or table unless that brings a fault the draft did not have: then the
    /// draft is kept and the compiler's message is shown at what was to go.
    fn remove(&mut self, p: Place, in_use: &Templates) -> Option<Place> {
        let before = self.check(in_use).err();
        let mut after = self.clone();
        match p {
            Place::Row(s, t, r) => {
                let rows = &mut table_mut(&mut after.template, s, t)?.rows;
                (r < rows.len()).then(|| rows.remove(r))?;
            }
            Place::Table(s, t) => {
                let tables = &mut after.template.sections.get_mut(s)?.tables;
                (t < tables.len()).then(|| tables.remove(t))?;
            }
            Place::Section(_) => return None,
        }
        match after.check(in_use).err() {
            Some(e) if Some(&e) != before.as_ref() => {
                let (error, criteria) = match &e {
                    AppendixError::Invalid(e) => (e, false),
                    AppendixError::CriteriaDoNotFit(e) => (e, true),
                };
                self.refused = Some(Problem {
                    at: Some(p),
                    message: error.message(),
                    criteria,
                });
                Some(p)
            }
            _ => {
                self.template = after.template;
                None
            }
        }
    }
}

fn table_mut(t: &mut AppendixTemplate, s: usize, ti: usize) -> Option<&mut Table> {
    t.sections.get_mut(s)?.tables.get_mut(ti)
}

fn row_mut(t: &mut AppendixTemplate, p: Place) -> Option<&mut Row> {
    match p {
        Place::Row(s, ti, r) => table_mut(t, s, ti)?.rows.get_mut(r),
        _ => None,
    }
}

/// `prefix` followed by the first number that gives an id never used.
fn fresh_id(used: &mut BTreeSet<String>, prefix: &str) -> String {
    let id = (1u32..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !used.contains(id))
        .unwrap_or_default();
    used.insert(id.clone());
    id
}

/// The STT after `prev` ("4" → "5", "2.3" → "2.4", "b" → "c"), unless the table has it
/// already; empty otherwise (an empty STT is never a duplicate).
fn next_stt(prev: &str, table: &Table) -> String {
    let trimmed = prev.trim().trim_end_matches('.');
    let (head, last) = match trimmed.rsplit_once('.') {
        Some((h, l)) => (format!("{h}."), l),
        None => (String::new(), trimmed),
    };
    let next = if let Ok(n) = last.parse::<u32>() {
        n.checked_add(1).map(|n| n.to_string())
    } else {
        let mut chars = last.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_lowercase() && c != 'z' => {
                char::from_u32(c as u32 + 1).map(String::from)
            }
            _ => None,
        }
    };
    let Some(next) = next else {
        return String::new();
    };
    let stt = format!("{head}{next}");
    let taken = table
        .rows
        .iter()
        .any(|r| r.stt.trim().trim_end_matches('.') == stt);
    if taken {
        String::new()
    } else {
        stt
    }
}

/// A new row for `table` placed after `prev` (`None`: the table's first row).
fn new_row(used: &mut BTreeSet<String>, table: &Table, prev: Option<&Row>) -> Row {
    let grid = !table.columns.is_empty();
    // A list row holds what the row above typed holds; a count after a computed one.
    let kind = match prev {
        _ if grid => None,
        Some(p) if p.formula.is_none() && !p.heading => p.kind.or(Some(CellKind::Count)),
        _ => Some(CellKind::Count),
    };
    let stt = prev
        .filter(|p| !p.total && !p.heading)
        .map(|p| next_stt(&p.stt, table))
        .unwrap_or_default();
    Row {
        id: fresh_id(used, &format!("{}_dong", table.id)),
        stt,
        // No English of its own: a made-up one would stay behind once the officer words the row.
        label: Text::new("Dòng mới", ""),
        unit: Text::default(),
        kind,
        formula: None,
        total: false,
        heading: false,
        note: Text::default(),
    }
}

/// The edits that need no compiling to decide (all but removal).
fn edit(t: &mut AppendixTemplate, used: &mut BTreeSet<String>, e: AppendixEdit) -> Option<Place> {
    use AppendixEdit::*;
    match e {
        Title(s) => t.title.vi = s,
        Label(p, s) => match p {
            Place::Section(si) => t.sections.get_mut(si)?.title.vi = s,
            Place::Table(si, ti) => table_mut(t, si, ti)?.title.vi = s,
            Place::Row(..) => row_mut(t, p)?.label.vi = s,
        },
        LabelEn(p, s) => match p {
            Place::Section(si) => t.sections.get_mut(si)?.title.en = s,
            Place::Table(si, ti) => table_mut(t, si, ti)?.title.en = s,
            Place::Row(..) => row_mut(t, p)?.label.en = s,
        },
        Stt(p, s) => row_mut(t, p)?.stt = s.trim().to_owned(),
        Unit(p, s) => row_mut(t, p)?.unit.vi = s,
        Kind(p, k) => {
            let Place::Row(si, ti, _) = p else {
                return None;
            };
            // A grid row takes its columns' kinds; a computed row keeps its formula's.
            if !table_mut(t, si, ti)?.columns.is_empty() {
                return None;
            }
            let row = row_mut(t, p)?;
            if row.formula.is_none() {
                row.kind = Some(k);
            }
        }
        Heading(p, on) => {
            let Place::Row(si, ti, _) = p else {
                return None;
            };
            let grid = !table_mut(t, si, ti)?.columns.is_empty();
            let row = row_mut(t, p)?;
            row.heading = on;
            if on {
                row.total = false;
            } else if !grid && row.kind.is_none() {
                // A list row that holds a value needs a kind; a heading from a file may lack one.
                row.kind = Some(CellKind::Count);
            }
        }
        Total(p, on) => {
            let Place::Row(si, ti, _) = p else {
                return None;
            };
            if table_mut(t, si, ti)?.columns.is_empty() {
                return None;
            }
            let row = row_mut(t, p)?;
            row.total = on;
            if on {
                row.heading = false;
            }
        }
        AddRowAfter(p) => {
            let Place::Row(si, ti, r) = p else {
                return None;
            };
            let table = table_mut(t, si, ti)?;
            let prev = table.rows.get(r)?;
            let row = new_row(used, table, Some(prev));
            table.rows.insert(r + 1, row);
            return Some(Place::Row(si, ti, r + 1));
        }
        AddRow(p) => {
            let Place::Table(si, ti) = p else {
                return None;
            };
            let table = table_mut(t, si, ti)?;
            // Before the total rows at the end, so a grid's total stays last.
            let at = table.rows.len() - table.rows.iter().rev().take_while(|r| r.total).count();
            let prev = at.checked_sub(1).and_then(|i| table.rows.get(i));
            let row = new_row(used, table, prev);
            table.rows.insert(at, row);
            return Some(Place::Row(si, ti, at));
        }
        AddTable(p) => {
            let Place::Section(si) = p else {
                return None;
            };
            let section = t.sections.get_mut(si)?;
            let table = new_table(used, section);
            section.tables.push(table);
            return Some(Place::Table(si, section.tables.len() - 1));
        }
        Remove(_) => return None,
        MoveUp(p) | MoveDown(p) => {
            let up = matches!(e, MoveUp(_));
            let Place::Row(si, ti, r) = p else {
                return None;
            };
            let rows = &mut table_mut(t, si, ti)?.rows;
            let to = if up { r.checked_sub(1)? } else { r + 1 };
            (to < rows.len() && r < rows.len()).then(|| rows.swap(r, to))?;
            return Some(Place::Row(si, ti, to));
        }
    }
    None
}

/// A list table with one count row, its ids made from the section's.
fn new_table(used: &mut BTreeSet<String>, section: &Section) -> Table {
    let mut table = Table {
        id: fresh_id(used, &format!("{}_bang", section.id)),
        title: Text::new("Bảng mới", ""),
        unit_line: Text::default(),
        row_header: Text::default(),
        columns: Vec::new(),
        rows: Vec::new(),
        row_checks: Vec::new(),
    };
    let mut row = new_row(used, &table, None);
    row.stt = "1".into();
    table.rows.push(row);
    table
}

/// The place of whatever the compiler's fault names: the row holding the cell it could not
/// read as it should (a heading now, or the wrong kind), else the row or table whose formula
/// reads it; a fault with no place in the tables (a rate, a check, a criterion) is the
/// appendix's as a whole.
pub fn locate(t: &AppendixTemplate, e: &TemplateError) -> Option<Place> {
    match e {
        TemplateError::DuplicateId { id } => owner(t, id),
        TemplateError::UnknownCell { at, cell } | TemplateError::WrongKind { at, cell, .. } => {
            owner(t, cell).or_else(|| owner(t, at))
        }
        TemplateError::UnknownRate { at, .. } => owner(t, at),
        TemplateError::MissingKind { row } => owner(t, row),
        TemplateError::Cycle { cells } => cells.iter().find_map(|c| owner(t, c)),
        TemplateError::DuplicateStt { section, stt } => {
            let want = stt.trim_end_matches('.');
            t.sections.iter().enumerate().find_map(|(si, s)| {
                let ti = s.tables.iter().position(|x| &x.id == section)?;
                let rows = &s.tables.get(ti)?.rows;
                let r = rows
                    .iter()
                    .rposition(|r| r.stt.trim_end_matches('.') == want)?;
                Some(Place::Row(si, ti, r))
            })
        }
        _ => None,
    }
}

/// The section, table or row an id belongs to: its own id, a grid cell's "row.col", or a
/// column's "table.col" (a carry-over).
fn owner(t: &AppendixTemplate, id: &str) -> Option<Place> {
    for (si, s) in t.sections.iter().enumerate() {
        if s.id == id {
            return Some(Place::Section(si));
        }
        for (ti, table) in s.tables.iter().enumerate() {
            let is_column = |rest: &str| table.columns.iter().any(|c| c.id == rest);
            if table.id == id
                || id
                    .strip_prefix(&format!("{}.", table.id))
                    .is_some_and(is_column)
            {
                return Some(Place::Table(si, ti));
            }
            for (ri, r) in table.rows.iter().enumerate() {
                let cell = id
                    .strip_prefix(r.id.as_str())
                    .and_then(|rest| rest.strip_prefix('.'))
                    .is_some_and(is_column);
                if r.id == id || cell {
                    return Some(Place::Row(si, ti, ri));
                }
            }
        }
    }
    None
}
