//! Reads a sheet of figures: .xlsx (also .xlsm, .xls, .ods, which calamine reads the same way)
//! or .csv. Each sheet becomes rows of cells; numbers stay numbers, everything else text, so
//! the mapping reads "1.234" typed as text the Vietnamese way and 1234 stored by Excel as
//! itself.
//!
//! Limits, so a damaged or hostile file cannot exhaust the browser tab: the file at most
//! 5 MB, its unpacked parts at most 50 MB, at most 200 000 cells per sheet.

use std::io::Cursor;

use calamine::{Data, Reader};
use serde::{Deserialize, Serialize};

use crate::OfficeError;

pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;
/// What the parts of an .xlsx may unpack to altogether (a "zip bomb" unpacks to gigabytes).
pub const MAX_UNPACKED_BYTES: u64 = 50 * 1024 * 1024;
pub const MAX_CELLS: u64 = 200_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
}

impl Cell {
    /// The text of a text cell, trimmed; "" otherwise.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(s) => s.trim(),
            _ => "",
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    /// Row by row from A1; rows may differ in length.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The rows as text, the shape the criteria import reads (`core::authoring::sheet`): a
    /// number as Rust writes it ("0.5", "3"), which that import reads with a decimal point,
    /// since points and STT are never in the thousands.
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Cell::Empty => String::new(),
                        Cell::Number(x) => x.to_string(),
                        Cell::Text(s) => s.clone(),
                    })
                    .collect()
            })
            .collect()
    }
}

/// The sheet of a workbook that holds a table: the first with any cell filled.
pub fn first_table(sheets: &[Sheet]) -> Option<&Sheet> {
    sheets
        .iter()
        .find(|s| s.rows.iter().flatten().any(|c| !c.is_empty()))
}

enum Kind {
    Workbook,
    Csv,
}

fn kind_of(bytes: &[u8], file_name: &str) -> Option<Kind> {
    let lower = file_name.to_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    match ext {
        "xlsx" | "xlsm" | "xls" | "ods" => Some(Kind::Workbook),
        "csv" | "txt" => Some(Kind::Csv),
        // No known ending: a zip or an old Excel file is a workbook.
        _ if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => {
            Some(Kind::Workbook)
        }
        _ => None,
    }
}

/// The sheets of an .xlsx or .csv file, or why it cannot be read.
pub fn read_table(bytes: &[u8], file_name: &str) -> Result<Vec<Sheet>, OfficeError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(OfficeError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(OfficeError::Empty);
    }
    let sheets = match kind_of(bytes, file_name) {
        Some(Kind::Workbook) => workbook(bytes)?,
        Some(Kind::Csv) => vec![csv(bytes, file_name)?],
        None => {
            return Err(OfficeError::UnknownKind {
                file: file_name.to_owned(),
            })
        }
    };
    if sheets
        .iter()
        .all(|s| s.rows.iter().flatten().all(Cell::is_empty))
    {
        return Err(OfficeError::Empty);
    }
    Ok(sheets)
}

fn unreadable(e: impl std::fmt::Display) -> OfficeError {
    OfficeError::Unreadable {
        detail: e.to_string(),
    }
}

/// Refuses an archive whose parts unpack to more than the limit, before calamine unpacks any.
fn check_unpacked(bytes: &[u8]) -> Result<(), OfficeError> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(unreadable)?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(OfficeError::TooLarge {
            size: total,
            limit: MAX_UNPACKED_BYTES,
        });
    }
    Ok(())
}

fn workbook(bytes: &[u8]) -> Result<Vec<Sheet>, OfficeError> {
    check_unpacked(bytes)?;
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let names = wb.sheet_names().to_owned();
    let mut out = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(unreadable)?;
        let (h, w) = range.get_size();
        let cells = (h as u64).saturating_mul(w as u64);
        if cells > MAX_CELLS {
            return Err(OfficeError::TooManyCells {
                cells,
                limit: MAX_CELLS,
            });
        }
        // The range starts at its first used cell: pad so row and column numbers are the
        // sheet's own (A1 is rows[0][0]).
        let (top, left) = range.start().unwrap_or((0, 0));
        if (top as u64 + h as u64).saturating_mul(left as u64 + w as u64) > MAX_CELLS {
            return Err(OfficeError::TooManyCells {
                cells: (top as u64 + h as u64).saturating_mul(left as u64 + w as u64),
                limit: MAX_CELLS,
            });
        }
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells: Vec<Cell> = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            rows.push(cells);
        }
        out.push(Sheet { name, rows });
    }
    Ok(out)
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Float(f) if f.is_finite() => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(true) => Cell::Text("có".into()),
        Data::Bool(false) => Cell::Text("không".into()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        // Dates and error values hold no figure of the appendix.
        other => Cell::Text(other.to_string()),
    }
}

/// A CSV file: UTF-8 (with or without a byte-order mark), else Windows-1258 as older
/// Vietnamese Excel saves it; fields separated by ",", ";" or tab, whichever the first line
/// uses most; quotes as RFC 4180.
fn csv(bytes: &[u8], file_name: &str) -> Result<Sheet, OfficeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let mut s = String::new();
            let (decoded, _, bad) = encoding_rs::WINDOWS_1258.decode(bytes);
            if bad {
                return Err(unreadable("không phải văn bản UTF-8 hay Windows-1258"));
            }
            s.push_str(&decoded);
            s
        }
    };
    if text.contains('\0') {
        return Err(unreadable("tệp .csv chứa dữ liệu nhị phân"));
    }
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let sep = [',', ';', '\t']
        .into_iter()
        .max_by_key(|&c| first.matches(c).count())
        .unwrap_or(',');
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut cells: u64 = 0;
    let mut chars = text.chars().peekable();
    let mut push = |field: &mut String, row: &mut Vec<Cell>| -> Result<(), OfficeError> {
        cells += 1;
        if cells > MAX_CELLS {
            return Err(OfficeError::TooManyCells {
                cells,
                limit: MAX_CELLS,
            });
        }
        let f = std::mem::take(field);
        row.push(if f.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(f)
        });
        Ok(())
    };
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (c, false) if c == sep => push(&mut field, &mut row)?,
            ('\r', false) => {}
            ('\n', false) => {
                push(&mut field, &mut row)?;
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return Err(unreadable("dấu ngoặc kép (\") không được đóng"));
    }
    if !field.is_empty() || !row.is_empty() {
        push(&mut field, &mut row)?;
        rows.push(row);
    }
    let name = file_name
        .rsplit_once('.')
        .map(|(n, _)| n)
        .unwrap_or(file_name)
        .to_owned();
    Ok(Sheet { name, rows })
}
