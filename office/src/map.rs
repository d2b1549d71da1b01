//! Figures read from a sheet, mapped onto the appendix: rows by their label (accents, case,
//! numbering such as "1.", "a)", "II." and spacing do not matter), grid columns by their
//! printed numbers (3)…(13) or, failing those, by their labels. Nothing is applied here: the
//! preview (core::mapping) says what goes into which cell (old → new) and what was not
//! recognised; its `edits()` are ordinary core `Edit`s, and `undo()` puts the old values back.

use cchc_core::compute::{parse_date, parse_yes_no};
use cchc_core::exchange::slug;
use cchc_core::mapping::{Change, MappingPreview, Unrecognised};
use cchc_core::number::{self, NumberKind};
use cchc_core::report::Report;
use cchc_core::template::appendix::Table;
use cchc_core::template::CellKind;
use cchc_core::template::{Appendix, CellIx};
use cchc_core::text::Text;

use crate::read::{Cell, Sheet};

/// A label reduced to what identifies it: no accents, lower case, no leading numbering, words
/// joined by "-".
pub fn normalise(label: &str) -> String {
    let s = strip_numbering(label.trim());
    slug(s)
}

/// "1.", "1.2.", "a)", "II.", "(3)" at the start of a label, and the space after.
fn strip_numbering(s: &str) -> &str {
    let mut rest = s;
    loop {
        let before = rest;
        let t = rest.trim_start();
        let t = t.strip_prefix('(').unwrap_or(t);
        let token_end = t
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map(|(i, _)| i)
            .unwrap_or(t.len());
        let (token, after) = t.split_at(token_end);
        let punct = after.starts_with(['.', ')', ':', '-', '/']);
        let digits = !token.is_empty() && token.chars().all(|c| c.is_ascii_digit());
        let roman = !token.is_empty()
            && token.len() <= 4
            && token
                .chars()
                .all(|c| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x'));
        let letter = token.chars().count() == 1;
        let numbering = digits && (punct || after.starts_with(' ')) || (roman || letter) && punct;
        if !numbering {
            return before;
        }
        let after = after.trim_start_matches(['.', ')', ':', '-', '/']);
        // Keep a label made only of numbering ("1." alone is not a label).
        if after.trim().is_empty() {
            return before;
        }
        rest = after;
    }
}

/// A cell holding only a numbering: "1.", "a)", "II", "(3)".
fn numbering_only(t: &str) -> bool {
    let core = t
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(['.', ')', ':', '-']);
    let digits = !core.is_empty() && core.chars().all(|c| c.is_ascii_digit() || c == '.');
    let roman = !core.is_empty()
        && core.len() <= 4
        && core
            .chars()
            .all(|c| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x'));
    digits || roman || core.chars().count() == 1
}

fn col_name(c: usize) -> String {
    let mut n = c + 1;
    let mut s = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

fn place(sheet: &Sheet, r: usize, c: usize) -> String {
    format!("{}!{}{}", sheet.name, col_name(c), r + 1)
}

/// A printed column number "(3)" (also "3" alone in a row of such numbers).
fn column_number(cell: &Cell) -> Option<String> {
    let t = match cell {
        Cell::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n < 100.0 => {
            return Some(format!("({})", *n as u32))
        }
        Cell::Text(s) => s.trim(),
        _ => return None,
    };
    let inner = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(t);
    (!inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("({inner})"))
}

/// Words that name a grid's total row, whatever the template calls it.
const TOTAL_WORDS: [&str; 4] = ["tong-cong", "tong-so", "cong", "tong"];

/// The template rows a sheet label may mean: the exact label first, else the one label (of a
/// row of `rows`) contained in it or containing it.
fn match_row<'a>(label: &str, rows: &[(&'a str, String)]) -> Option<&'a str> {
    let key = normalise(label);
    if key.is_empty() {
        return None;
    }
    if let Some((id, _)) = rows.iter().find(|(_, k)| *k == key) {
        return Some(id);
    }
    let padded = format!("-{key}-");
    let hits: Vec<&(&str, String)> = rows
        .iter()
        .filter(|(_, k)| !k.is_empty())
        .filter(|(_, k)| padded.contains(&format!("-{k}-")) || format!("-{k}-").contains(&padded))
        .collect();
    match hits.as_slice() {
        [(id, _)] => Some(id),
        // Several: the longest label contained in the sheet's (the most specific).
        many if !many.is_empty() => {
            let inside: Vec<_> = many
                .iter()
                .filter(|(_, k)| padded.contains(&format!("-{k}-")))
                .collect();
            let best = inside.iter().max_by_key(|(_, k)| k.len())?;
            let ties = inside
                .iter()
                .filter(|(_, k)| k.len() == best.1.len())
                .count();
            (ties == 1).then_some(best.0)
        }
        _ => None,
    }
}

/// What a sheet value becomes as typed text for a cell of `kind`, or why it cannot go there.
fn as_typed(cell: &Cell, kind: CellKind) -> Result<String, Text> {
    let not_number = || {
        Text::new(
            "Không phải số (ô cần một số).",
            "Not a number (the cell needs one).",
        )
    };
    match (cell, kind) {
        (Cell::Number(v), CellKind::Count | CellKind::Money) => {
            if v.fract() == 0.0 && *v >= 0.0 {
                Ok(number::format_integer(*v))
            } else {
                Err(Text::new(
                    "Cần một số nguyên không âm.",
                    "A whole number of zero or more is needed.",
                ))
            }
        }
        // Excel keeps 99,89% as 0.9989 behind a percent format: a fraction up to 1 in a
        // percentage cell is that.
        (Cell::Number(v), CellKind::Percent) => {
            let v = if *v > 0.0 && *v <= 1.0 { v * 100.0 } else { *v };
            Ok(number::format_trimmed(v, 4))
        }
        (Cell::Number(v), CellKind::Decimal) => Ok(number::format_trimmed(*v, 4)),
        (Cell::Number(v), CellKind::Text) => Ok(number::format_trimmed(*v, 4)),
        (Cell::Number(v), CellKind::YesNo) if *v == 1.0 => Ok("có".into()),
        (Cell::Number(v), CellKind::YesNo) if *v == 0.0 => Ok("không".into()),
        (Cell::Text(s), _) => {
            let s = s.trim();
            let ok = match kind {
                CellKind::Count | CellKind::Money => number::parse(s, NumberKind::Integer)
                    .map(|_| ())
                    .map_err(|e| Text::new(e.message_vi(), e.message_en())),
                CellKind::Decimal | CellKind::Percent => number::parse(s, NumberKind::Decimal)
                    .map(|_| ())
                    .map_err(|e| Text::new(e.message_vi(), e.message_en())),
                CellKind::YesNo => parse_yes_no(s)
                    .map(|_| ())
                    .ok_or_else(|| Text::new("Cần «Có» hoặc «Không».", "“Yes” or “No” is needed.")),
                CellKind::Date => parse_date(s).map(|_| ()).ok_or_else(|| {
                    Text::new(
                        "Không phải ngày (ngày/tháng/năm).",
                        "Not a date (day/month/year).",
                    )
                }),
                CellKind::Text => Ok(()),
            };
            ok.map(|_| s.to_owned())
        }
        _ => Err(not_number()),
    }
}

/// Whether two typed entries mean the same (so nothing changes).
fn same(old: &str, new: &str, kind: CellKind) -> bool {
    if old.trim() == new.trim() {
        return true;
    }
    let nk = match kind {
        CellKind::Count | CellKind::Money => NumberKind::Integer,
        CellKind::Decimal | CellKind::Percent => NumberKind::Decimal,
        _ => return false,
    };
    matches!((number::parse(old, nk), number::parse(new, nk)), (Ok(a), Ok(b)) if (a - b).abs() < 1e-9)
}

struct Collector<'a> {
    appendix: &'a Appendix,
    report: &'a Report,
    out: MappingPreview,
    taken: Vec<bool>,
}

impl Collector<'_> {
    fn offer(&mut self, ix: CellIx, value: &Cell, source: String) {
        let cell = &self.appendix.cells[ix];
        if self.taken[ix] {
            return;
        }
        if !cell.is_input() {
            // A total or a rate: the app computes it from the figures.
            return;
        }
        match as_typed(value, cell.kind) {
            Ok(new) => {
                self.taken[ix] = true;
                let old = self.report.value(&cell.id).to_owned();
                if same(&old, &new, cell.kind) {
                    self.out.unchanged += 1;
                } else {
                    self.out.changes.push(Change {
                        cell: cell.id.clone(),
                        label: self.appendix.cell_label(ix),
                        old,
                        new,
                        source,
                    });
                }
            }
            Err(why) => self.out.unrecognised.push(Unrecognised {
                source,
                text: match value {
                    Cell::Text(s) => s.trim().to_owned(),
                    Cell::Number(n) => number::format_trimmed(*n, 4),
                    Cell::Empty => String::new(),
                },
                why,
            }),
        }
    }

    fn skip(&mut self, source: String, text: String, why: Text) {
        self.out
            .unrecognised
            .push(Unrecognised { source, text, why });
    }
}

/// Maps the figures of `sheets` onto the cells of `appendix`, against what `report` holds.
pub fn map_figures(appendix: &Appendix, report: &Report, sheets: &[Sheet]) -> MappingPreview {
    let mut c = Collector {
        appendix,
        report,
        out: MappingPreview::default(),
        taken: vec![false; appendix.cells.len()],
    };
    for sheet in sheets {
        match grid_header(appendix, sheet) {
            Some(g) => map_grid(&mut c, sheet, g),
            None => map_list(&mut c, sheet),
        }
    }
    c.out
}

/// A grid table found in a sheet: which table, the first data row, the label column and the
/// template column of each sheet column.
struct GridAt<'a> {
    table: &'a Table,
    first_row: usize,
    label_col: Option<usize>,
    columns: Vec<Option<usize>>,
}

fn grid_tables(appendix: &Appendix) -> impl Iterator<Item = &Table> {
    appendix
        .template
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .filter(|t| !t.columns.is_empty())
}

/// Finds a grid's header: a row of column numbers "(3)", "(4)", … naming at least three of a
/// grid's columns; else a row of column labels (under their group labels, the row above)
/// naming at least three.
fn grid_header<'a>(appendix: &'a Appendix, sheet: &Sheet) -> Option<GridAt<'a>> {
    for table in grid_tables(appendix) {
        for (r, row) in sheet.rows.iter().enumerate() {
            let numbers: Vec<Option<String>> = row.iter().map(column_number).collect();
            let columns: Vec<Option<usize>> = numbers
                .iter()
                .map(|n| {
                    n.as_ref()
                        .and_then(|n| table.columns.iter().position(|c| &c.number == n))
                })
                .collect();
            if columns.iter().flatten().count() >= 3 {
                let label_col = numbers.iter().position(|n| n.as_deref() == Some("(2)"));
                return Some(GridAt {
                    table,
                    first_row: r + 1,
                    label_col,
                    columns,
                });
            }
        }
        // By labels: (group, label) pairs, the group carried right over merged cells.
        for (r, row) in sheet.rows.iter().enumerate() {
            let above = r.checked_sub(1).and_then(|a| sheet.rows.get(a));
            let mut group = String::new();
            let columns: Vec<Option<usize>> = row
                .iter()
                .enumerate()
                .map(|(ci, cell)| {
                    if let Some(g) = above.and_then(|a| a.get(ci)).map(|c| normalise(c.text())) {
                        if !g.is_empty() {
                            group = g;
                        }
                    }
                    let label = normalise(cell.text());
                    if label.is_empty() {
                        return None;
                    }
                    let exact: Vec<usize> = table
                        .columns
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| normalise(&c.label.vi) == label)
                        .map(|(i, _)| i)
                        .collect();
                    match exact.as_slice() {
                        [one] => Some(*one),
                        many => many
                            .iter()
                            .copied()
                            .find(|&i| normalise(&table.columns[i].group.vi) == group),
                    }
                })
                .collect();
            if columns.iter().flatten().count() >= 3 {
                // Numbers may stand in the row under the labels: data start after them.
                let numbers_below = sheet
                    .rows
                    .get(r + 1)
                    .is_some_and(|n| n.iter().filter_map(column_number).count() >= 3);
                return Some(GridAt {
                    table,
                    first_row: r + 1 + usize::from(numbers_below),
                    label_col: None,
                    columns,
                });
            }
        }
    }
    None
}

/// The label of a data row: the label column's text, else the first text that is not a
/// number or numbering.
fn row_label(row: &[Cell], label_col: Option<usize>) -> Option<(usize, String)> {
    if let Some(c) = label_col {
        let t = row.get(c).map(Cell::text).unwrap_or_default();
        if !t.is_empty() {
            return Some((c, t.to_owned()));
        }
    }
    row.iter().enumerate().find_map(|(i, cell)| {
        let t = cell.text();
        let is_label = number::parse(t, NumberKind::Decimal).is_err()
            && !numbering_only(t)
            && t.chars().any(char::is_alphabetic);
        is_label.then(|| (i, t.to_owned()))
    })
}

fn has_figures(row: &[Cell]) -> bool {
    row.iter().any(|c| match c {
        Cell::Number(_) => true,
        Cell::Text(t) => number::parse(t, NumberKind::Decimal).is_ok(),
        Cell::Empty => false,
    })
}

fn map_grid(c: &mut Collector, sheet: &Sheet, g: GridAt) {
    let rows: Vec<(&str, String)> = g
        .table
        .rows
        .iter()
        .filter(|r| !r.heading)
        .map(|r| (r.id.as_str(), normalise(&r.label.vi)))
        .collect();
    let total_row = g.table.rows.iter().find(|r| r.total).map(|r| r.id.as_str());
    for (r, row) in sheet.rows.iter().enumerate().skip(g.first_row) {
        if !has_figures(row) {
            continue;
        }
        let Some((label_at, label)) = row_label(row, g.label_col) else {
            c.skip(
                place(sheet, r, 0),
                String::new(),
                Text::new(
                    "Dòng có số liệu nhưng không có tên.",
                    "A row of figures without a name.",
                ),
            );
            continue;
        };
        let key = normalise(&label);
        let row_id = if TOTAL_WORDS.contains(&key.as_str()) {
            total_row
        } else {
            match_row(&label, &rows)
        };
        let Some(row_id) = row_id else {
            c.skip(
                place(sheet, r, label_at),
                label,
                Text::new(
                    format!("Không khớp dòng nào của «{}».", g.table.title.vi),
                    format!(
                        "Matches no row of “{}”.",
                        g.table.title.get(cchc_core::text::Lang::En)
                    ),
                ),
            );
            continue;
        };
        if Some(row_id) == total_row {
            // The app adds the total up itself; the file's total is not typed in.
            continue;
        }
        for (ci, value) in row.iter().enumerate() {
            if value.is_empty() || ci == label_at {
                continue;
            }
            let Some(Some(col)) = g.columns.get(ci) else {
                continue;
            };
            let id = format!("{row_id}.{}", g.table.columns[*col].id);
            if let Some(ix) = c.appendix.cell(&id) {
                c.offer(ix, value, place(sheet, r, ci));
            }
        }
    }
}

/// A sheet of label-value rows (the appendix filled in Excel, or this app's own export): each
/// row's label against the list tables' rows, its value the last figure of the row.
fn map_list(c: &mut Collector, sheet: &Sheet) {
    let rows: Vec<(&str, String)> = c
        .appendix
        .template
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .filter(|t| t.columns.is_empty())
        .flat_map(|t| &t.rows)
        .filter(|r| !r.heading)
        .map(|r| (r.id.as_str(), normalise(&r.label.vi)))
        .collect();
    for (r, row) in sheet.rows.iter().enumerate() {
        let Some((label_at, label)) = row_label(row, None) else {
            continue;
        };
        // The value: the last non-empty cell after the label that is not the unit.
        let Some((vi, value)) = row
            .iter()
            .enumerate()
            .skip(label_at + 1)
            .rev()
            .find(|(_, v)| !v.is_empty())
        else {
            continue;
        };
        // This app's export writes "= (2)/(1)" after a derived row's label.
        let label = label.split(" = ").next().unwrap_or(&label).to_owned();
        match match_row(&label, &rows).and_then(|id| c.appendix.cell(id)) {
            Some(ix) => c.offer(ix, value, place(sheet, r, vi)),
            None if has_figures(&row[label_at + 1..]) => c.skip(
                place(sheet, r, label_at),
                label,
                Text::new(
                    "Không khớp chỉ tiêu nào của phụ lục.",
                    "Matches no line of the appendix.",
                ),
            ),
            None => {}
        }
    }
}
