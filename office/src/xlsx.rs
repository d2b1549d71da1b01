//! The report as an Excel workbook: "Phụ lục I" (the list tables, sections in order), each grid
//! (Biểu 06) on its own landscape sheet, and "Phụ lục II" (the self-scoring).
//!
//! Typed figures are numbers; derived cells are live formulas (SUM, differences, ratios guarded
//! against an empty or zero denominator) with the core's value cached, so the file reads right
//! before Excel recomputes and recomputes when a figure is changed.
//!
//! Number formats: a format code in the file is written with "," for grouping and "." for
//! decimals whatever the language; Excel shows it with the separators of the computer's
//! regional settings, so a Vietnamese Windows shows `#,##0` as 1.234 and `0.00%` as 99,89%.
//! The codes also carry the Vietnamese locale tag `[$-42A]`, with which LibreOffice shows
//! Vietnamese separators whatever its own language (Excel keeps the computer's separators).

use cchc_core::present::document as words;
use cchc_core::present::scores::{
    self, Points, RowKind, EVIDENCE_COLUMNS, EVIDENCE_HEAD, EXPLANATION_HEAD, HEAD,
};
use cchc_core::present::sheets::{self, Block, TableAt};
use cchc_core::present::table::grid_header;
use cchc_core::present::value as present;
use cchc_core::report::Report;
use cchc_core::template::appendix::Table;
use cchc_core::template::compile::Expr;
use cchc_core::template::CellIx;
use cchc_core::template::CellKind;
use cchc_core::workspace::{Evaluation, Templates};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

use crate::OfficeError;

const FONT: &str = "Times New Roman";
pub const COUNT_FORMAT: &str = "[$-42A]#,##0";
pub const DECIMAL_FORMAT: &str = "[$-42A]#,##0.00";
pub const PERCENT_FORMAT: &str = "[$-42A]0.00%";
/// Points to two decimals ("2,86", "1,00"): computed points (2,857…) stay exact in the cell
/// and in the sums, and show as the print view rounds them. ("0.##" would leave "1," with a
/// dangling separator; General would show 2,8571429.)
pub const POINTS_FORMAT: &str = "[$-42A]#,##0.00";
/// What a ratio with nothing to divide shows, as on screen and paper.
const NO_VALUE: &str = cchc_core::number::NO_VALUE;
/// The height of a row whose wrapped texts (each with its column width, in Excel's character
/// units) need several lines: Excel does not grow a row by itself when it opens a file, and
/// LibreOffice not always.
fn fit(ws: &mut Worksheet, row: u32, texts: &[(&str, f64)]) -> Result<(), OfficeError> {
    let lines = texts
        .iter()
        .map(|(text, width)| {
            text.split('\n')
                .map(|l| (l.chars().count() as f64 / (width * 1.05)).ceil().max(1.0))
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    if lines > 1.0 {
        ws.set_row_height(row, 15.75 * lines).map_err(err)?;
    }
    Ok(())
}

/// A4 in Excel's paper codes.
const A4: u8 = 9;

/// Where a cell of the appendix landed: sheet index, row, column.
type Place = (usize, u32, u16);

struct Formats {
    text: Format,
    wrap: Format,
    bold: Format,
    center_bold: Format,
    center_italic: Format,
    right_italic: Format,
    head: Format,
    col_number: Format,
    cell: Format,
    cell_wrap: Format,
    cell_center: Format,
    section: Format,
    table_title: Format,
    count: Format,
    decimal: Format,
    percent: Format,
    points: Format,
    total_label: Format,
    total_count: Format,
    total_percent: Format,
    total_points: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            bold: base.clone().set_bold(),
            center_bold: base
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            center_italic: base
                .clone()
                .set_italic()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            right_italic: base.clone().set_italic().set_align(FormatAlign::Right),
            head: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            col_number: cell.clone().set_italic().set_align(FormatAlign::Center),
            cell_wrap: cell.clone().set_text_wrap(),
            cell_center: cell.clone().set_align(FormatAlign::Center),
            section: cell.clone().set_bold().set_text_wrap(),
            table_title: cell.clone().set_bold().set_italic().set_text_wrap(),
            count: cell.clone().set_num_format(COUNT_FORMAT),
            decimal: cell.clone().set_num_format(DECIMAL_FORMAT),
            percent: cell.clone().set_num_format(PERCENT_FORMAT),
            points: cell.clone().set_num_format(POINTS_FORMAT),
            total_label: cell.clone().set_bold(),
            total_count: cell.clone().set_bold().set_num_format(COUNT_FORMAT),
            total_percent: cell.clone().set_bold().set_num_format(PERCENT_FORMAT),
            total_points: cell.clone().set_bold().set_num_format(POINTS_FORMAT),
            cell,
        }
    }

    fn value(&self, kind: CellKind, total: bool) -> &Format {
        match (kind, total) {
            (CellKind::Percent, false) => &self.percent,
            (CellKind::Percent, true) => &self.total_percent,
            (CellKind::Decimal, _) => &self.decimal,
            (CellKind::Count | CellKind::Money, false) => &self.count,
            (CellKind::Count | CellKind::Money, true) => &self.total_count,
            (_, true) => &self.total_label,
            _ => &self.cell_wrap,
        }
    }
}

fn err(e: XlsxError) -> OfficeError {
    OfficeError::Write {
        detail: e.to_string(),
    }
}

/// A sheet set up for A4: ND 30 margins (left 30 mm, right 15 mm, top and bottom 20 mm),
/// fitted to the page width, header rows repeated on every page.
fn a4(ws: &mut Worksheet, landscape: bool) {
    ws.set_paper_size(A4);
    if landscape {
        ws.set_landscape();
    }
    const MM: f64 = 1.0 / 25.4;
    ws.set_margins(
        30.0 * MM,
        15.0 * MM,
        20.0 * MM,
        20.0 * MM,
        10.0 * MM,
        10.0 * MM,
    );
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
}

/// The workbook of the report.
pub fn xlsx(t: &Templates, report: &Report, eval: &Evaluation) -> Result<Vec<u8>, OfficeError> {
    let f = Formats::new();
    let mut sheets: Vec<Worksheet> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut places: Vec<Option<Place>> = vec![None; t.appendix.cells.len()];
    // Derived cells, written once every cell they read has its place.
    let mut derived: Vec<(CellIx, Place, bool)> = Vec::new();

    let id = &report.identity;
    let blocks = sheets::blocks(&t.appendix, report);

    // Phụ lục I: the list tables, in order, with a pointer where a grid has its own sheet.
    let mut ws = Worksheet::new();
    ws.set_name("Phụ lục I").map_err(err)?;
    a4(&mut ws, false);
    ws.set_column_width(0, 6).map_err(err)?;
    ws.set_column_width(1, 60).map_err(err)?;
    ws.set_column_width(2, 14).map_err(err)?;
    ws.set_column_width(3, 16).map_err(err)?;
    let title = words::appendix_title(&t.appendix.template.title.vi, id);
    ws.merge_range(0, 0, 0, 3, words::APPENDIX_I, &f.center_bold)
        .map_err(err)?;
    ws.merge_range(1, 0, 1, 3, &title, &f.center_bold)
        .map_err(err)?;
    ws.set_row_height(1, 32).map_err(err)?;
    ws.merge_range(2, 0, 2, 3, &words::attached_line(id), &f.center_italic)
        .map_err(err)?;
    let mut r: u32 = 4;
    for (c, h) in sheets::LIST_HEAD.iter().enumerate() {
        ws.write_with_format(r, c as u16, *h, &f.head)
            .map_err(err)?;
    }
    ws.set_repeat_rows(r, r).map_err(err)?;
    r += 1;
    let mut current_section = None;
    let sheet_ix = sheets.len();
    let mut grid_sheets: Vec<(TableAt, String)> = Vec::new();
    for block in &blocks {
        let run: Vec<TableAt> = match block {
            Block::Lists(run) => run.clone(),
            Block::Grid(at) => vec![*at],
        };
        for at in run {
            let section = &t.appendix.template.sections[at.0];
            let table = sheets::table_at(&t.appendix, at);
            if current_section != Some(at.0) {
                current_section = Some(at.0);
                ws.write_with_format(r, 0, &section.stt, &f.section)
                    .map_err(err)?;
                ws.merge_range(r, 1, r, 3, &section.title.vi.to_uppercase(), &f.section)
                    .map_err(err)?;
                r += 1;
            }
            ws.write_with_format(r, 0, "", &f.table_title)
                .map_err(err)?;
            if !table.columns.is_empty() {
                let name = unique(&names, &grid_sheets, short_name(table));
                let line = format!("{} (xem trang tính «{name}»)", table.title.vi);
                ws.merge_range(r, 1, r, 3, &line, &f.table_title)
                    .map_err(err)?;
                grid_sheets.push((at, name));
                r += 1;
                continue;
            }
            ws.merge_range(r, 1, r, 3, &table.title.vi, &f.table_title)
                .map_err(err)?;
            r += 1;
            for row in &table.rows {
                if row.heading {
                    ws.write_with_format(r, 0, &row.stt, &f.section)
                        .map_err(err)?;
                    ws.merge_range(r, 1, r, 3, &row.label.vi, &f.section)
                        .map_err(err)?;
                    r += 1;
                    continue;
                }
                ws.write_with_format(r, 0, &row.stt, &f.cell_center)
                    .map_err(err)?;
                let ix = t.appendix.cell_at(table, row, None);
                let derived_note = sheets::derived_note(&t.appendix, row, ix).unwrap_or_default();
                ws.write_with_format(
                    r,
                    1,
                    format!("{}{derived_note}", row.label.vi),
                    &f.cell_wrap,
                )
                .map_err(err)?;
                ws.write_with_format(r, 2, &row.unit.vi, &f.cell_center)
                    .map_err(err)?;
                match ix {
                    Some(ix) => {
                        places[ix] = Some((sheet_ix, r, 3));
                        if t.appendix.cells[ix].is_input() {
                            write_input(&mut ws, &f, t, report, eval, ix, (r, 3), false)?;
                        } else {
                            derived.push((ix, (sheet_ix, r, 3), false));
                        }
                    }
                    None => {
                        ws.write_with_format(r, 3, "", &f.cell).map_err(err)?;
                    }
                }
                r += 1;
            }
        }
    }
    sheets.push(ws);
    names.push("Phụ lục I".to_owned());

    // Each grid on its own landscape sheet, as the official form prints it.
    for (at, name) in &grid_sheets {
        let ix = sheets.len();
        let ws = grid_sheet(
            t,
            report,
            eval,
            &f,
            *at,
            name,
            ix,
            &mut places,
            &mut derived,
        )?;
        sheets.push(ws);
        names.push(name.clone());
    }

    // Derived cells as formulas over the cells they read, wherever those landed.
    for (ix, (si, r, c), total) in derived {
        let cell = &t.appendix.cells[ix];
        let fmt = f.value(cell.kind, total);
        let formula = cell
            .formula
            .as_ref()
            .and_then(|e| formula_text(e, si, &places, &names));
        let value = eval.computed.number(ix);
        let ws = &mut sheets[si];
        match formula {
            Some(text) => {
                let cached = match (cell.kind, value) {
                    (CellKind::Percent, Some(v)) => (v / 100.0).to_string(),
                    (CellKind::Percent, None) => NO_VALUE.to_owned(),
                    (_, Some(v)) => v.to_string(),
                    (_, None) => String::new(),
                };
                ws.write_formula_with_format(r, c, Formula::new(text).set_result(cached), fmt)
                    .map_err(err)?;
            }
            // A formula reading a cell that is not in the workbook (an optional section left
            // out): the value, as computed.
            None => {
                write_number(ws, fmt, cell.kind, value, (r, c))?;
            }
        }
    }

    let ii = score_sheet(t, report, eval, &f)?;
    sheets.push(ii);

    let mut wb = Workbook::new();
    for ws in sheets {
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer().map_err(err)
}

/// A sheet name not used yet.
fn unique(names: &[String], grids: &[(TableAt, String)], want: String) -> String {
    let taken = |n: &str| {
        n == "Phụ lục I"
            || n == "Phụ lục II"
            || names
                .iter()
                .chain(grids.iter().map(|g| &g.1))
                .any(|m| m == n)
    };
    if !taken(&want) && !want.is_empty() {
        return want;
    }
    (2..)
        .map(|i| format!("{} ({i})", want.chars().take(24).collect::<String>()))
        .find(|n| !taken(n))
        .unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn write_input(
    ws: &mut Worksheet,
    f: &Formats,
    t: &Templates,
    report: &Report,
    eval: &Evaluation,
    ix: CellIx,
    (r, c): (u32, u16),
    total: bool,
) -> Result<(), OfficeError> {
    let cell = &t.appendix.cells[ix];
    let fmt = f.value(cell.kind, total);
    if eval.computed.errors.contains_key(&ix) {
        // Unreadable entries stay as typed and marked, as on paper.
        let raw = format!("{}{}", report.value(&cell.id), words::INVALID_MARK);
        ws.write_with_format(r, c, raw, &f.cell_wrap).map_err(err)?;
        return Ok(());
    }
    if cell.kind.is_numeric() {
        return write_number(ws, fmt, cell.kind, eval.computed.number(ix), (r, c));
    }
    let shown = present::cell(&t.appendix, report, &eval.computed, ix)
        .as_str()
        .to_owned();
    ws.write_with_format(r, c, shown, &f.cell_center)
        .map_err(err)?;
    Ok(())
}

fn write_number(
    ws: &mut Worksheet,
    fmt: &Format,
    kind: CellKind,
    value: Option<f64>,
    (r, c): (u32, u16),
) -> Result<(), OfficeError> {
    match value {
        // Excel's percent format multiplies by 100: store the fraction.
        Some(v) if kind == CellKind::Percent => ws.write_number_with_format(r, c, v / 100.0, fmt),
        Some(v) => ws.write_number_with_format(r, c, v, fmt),
        None if kind == CellKind::Percent => ws.write_with_format(r, c, "", fmt),
        None => ws.write_blank(r, c, fmt),
    }
    .map_err(err)?;
    Ok(())
}

/// "A1", or "'Biểu 06'!A1" from another sheet.
fn reference(
    places: &[Option<Place>],
    names: &[String],
    from: usize,
    ix: CellIx,
) -> Option<String> {
    let (si, r, c) = (*places.get(ix)?)?;
    let a1 = rust_xlsxwriter::utility::row_col_to_cell(r, c);
    Some(if si == from {
        a1
    } else {
        format!("'{}'!{a1}", names.get(si)?.replace('\'', "''"))
    })
}

/// The template's formula in Excel's words; `None` when a cell it reads is not in the workbook.
fn formula_text(
    e: &Expr,
    from: usize,
    places: &[Option<Place>],
    names: &[String],
) -> Option<String> {
    let refs = |cells: &[CellIx]| -> Option<Vec<String>> {
        cells
            .iter()
            .map(|&ix| reference(places, names, from, ix))
            .collect()
    };
    Some(match e {
        Expr::Sum(cells) => format!("=SUM({})", refs(cells)?.join(",")),
        Expr::Diff(cells) => {
            let r = refs(cells)?;
            let (first, rest) = r.split_first()?;
            if rest.is_empty() {
                format!("={first}")
            } else {
                format!("={first}-SUM({})", rest.join(","))
            }
        }
        // Nothing to divide shows "—", as on screen and paper.
        Expr::Ratio { num, den, .. } => {
            let (n, d) = (refs(num)?.join(","), refs(den)?.join(","));
            format!("=IF(OR(COUNT({n})=0,SUM({d})=0),\"{NO_VALUE}\",SUM({n})/SUM({d}))")
        }
    })
}

#[allow(clippy::too_many_arguments)]
fn grid_sheet(
    t: &Templates,
    report: &Report,
    eval: &Evaluation,
    f: &Formats,
    at: TableAt,
    name: &str,
    sheet_ix: usize,
    places: &mut [Option<Place>],
    derived: &mut Vec<(CellIx, Place, bool)>,
) -> Result<Worksheet, OfficeError> {
    let id = &report.identity;
    let section = &t.appendix.template.sections[at.0];
    let table = sheets::table_at(&t.appendix, at);
    let n = table.columns.len() as u16;
    let last = n + 1;
    let mut ws = Worksheet::new();
    ws.set_name(name).map_err(err)?;
    a4(&mut ws, true);
    ws.set_column_width(0, 5).map_err(err)?;
    ws.set_column_width(1, 28).map_err(err)?;
    for c in 0..n {
        ws.set_column_width(c + 2, 10.5).map_err(err)?;
    }
    ws.merge_range(
        0,
        0,
        0,
        last,
        &format!("{}. {}", section.stt, section.title.vi),
        &f.bold,
    )
    .map_err(err)?;
    ws.merge_range(
        1,
        0,
        1,
        last,
        &table.title.vi.to_uppercase(),
        &f.center_bold,
    )
    .map_err(err)?;
    ws.merge_range(2, 0, 2, last, &words::form_period(id), &f.center_bold)
        .map_err(err)?;
    ws.merge_range(3, 0, 3, last, &words::window_line(id), &f.center_italic)
        .map_err(err)?;
    let mut r = 4;
    let mut units = vec![
        words::form_reporting_unit(id),
        words::form_receiving_unit(id),
    ];
    if !table.unit_line.is_empty() {
        units.push(table.unit_line.vi.clone());
    }
    for line in units {
        ws.merge_range(r, 0, r, last, &line, &f.right_italic)
            .map_err(err)?;
        r += 1;
    }
    r += 1;
    let head = r;
    let header = grid_header(table);
    for p in header.placed() {
        let (y, x) = (head + p.row as u32, p.col as u16);
        let (h, w) = (p.cell.rowspan as u32, p.cell.colspan as u16);
        if h > 1 || w > 1 {
            ws.merge_range(y, x, y + h - 1, x + w - 1, &p.cell.text.vi, &f.head)
                .map_err(err)?;
        } else {
            ws.write_with_format(y, x, &p.cell.text.vi, &f.head)
                .map_err(err)?;
        }
    }
    ws.set_row_height(head, 30).map_err(err)?;
    if header.rows.len() > 1 {
        ws.set_row_height(head + 1, 48).map_err(err)?;
    }
    r = head + header.rows.len() as u32;
    if let Some(numbers) = &header.numbers {
        for (c, n) in (0..).zip(numbers) {
            ws.write_with_format(r, c, n, &f.col_number).map_err(err)?;
        }
        r += 1;
    }
    ws.set_repeat_rows(head, r - 1).map_err(err)?;
    for row in &table.rows {
        if row.heading {
            ws.write_with_format(r, 0, &row.stt, &f.section)
                .map_err(err)?;
            ws.merge_range(r, 1, r, last, &row.label.vi, &f.section)
                .map_err(err)?;
            r += 1;
            continue;
        }
        let label_fmt = if row.total {
            &f.total_label
        } else {
            &f.cell_wrap
        };
        ws.write_with_format(r, 0, &row.stt, &f.cell_center)
            .map_err(err)?;
        ws.write_with_format(r, 1, &row.label.vi, label_fmt)
            .map_err(err)?;
        for k in 0..table.columns.len() {
            let col = 2 + k as u16;
            match t.appendix.cell_at(table, row, Some(k)) {
                Some(ix) => {
                    places[ix] = Some((sheet_ix, r, col));
                    if t.appendix.cells[ix].is_input() {
                        write_input(&mut ws, f, t, report, eval, ix, (r, col), row.total)?;
                    } else {
                        derived.push((ix, (sheet_ix, r, col), row.total));
                    }
                }
                None => {
                    ws.write_blank(r, col, &f.cell).map_err(err)?;
                }
            }
        }
        r += 1;
    }
    Ok(ws)
}

/// Phụ lục II: the self-scoring with evidence and giải trình; criterion and area points as
/// sums of the rows below them.
fn score_sheet(
    t: &Templates,
    report: &Report,
    eval: &Evaluation,
    f: &Formats,
) -> Result<Worksheet, OfficeError> {
    let id = &report.identity;
    let mut ws = Worksheet::new();
    ws.set_name("Phụ lục II").map_err(err)?;
    a4(&mut ws, true);
    for (c, w) in [6.0, 48.0, 9.0, 9.0, 30.0, 14.0, 12.0, 40.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w).map_err(err)?;
    }
    ws.merge_range(0, 0, 0, 7, words::APPENDIX_II, &f.center_bold)
        .map_err(err)?;
    ws.merge_range(1, 0, 1, 7, &words::scoring_title(id), &f.center_bold)
        .map_err(err)?;
    ws.merge_range(2, 0, 2, 7, &words::attached_line(id), &f.center_italic)
        .map_err(err)?;
    let criteria = &t.criteria;
    ws.merge_range(3, 0, 3, 7, &scores::criteria_line(criteria), &f.text)
        .map_err(err)?;
    let mut r = 4;
    if let Some(note) = scores::sample_note(criteria) {
        ws.merge_range(r, 0, r, 7, &note, &f.bold).map_err(err)?;
        r += 1;
    }
    r += 1;
    let head = r;
    for (c, h) in [
        (0, HEAD[0]),
        (1, HEAD[1]),
        (2, HEAD[2]),
        (3, HEAD[3]),
        (7, EXPLANATION_HEAD),
    ] {
        ws.merge_range(head, c, head + 1, c, h, &f.head)
            .map_err(err)?;
    }
    ws.merge_range(head, 4, head, 6, EVIDENCE_HEAD, &f.head)
        .map_err(err)?;
    for (c, h) in (4..).zip(EVIDENCE_COLUMNS) {
        ws.write_with_format(head + 1, c, h, &f.head).map_err(err)?;
    }
    ws.set_repeat_rows(head, head + 1).map_err(err)?;
    r = head + 2;

    let rows = scores::rows(criteria, report, &eval.scorecard);
    // Where each row landed, and how many sheet rows it took.
    let mut at: Vec<(u32, u32)> = Vec::with_capacity(rows.len());
    {
        let mut y = r;
        for row in &rows {
            let h = row.lines() as u32;
            at.push((y, h));
            y += h;
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let (y, h) = at[i];
        let bold = row.kind != RowKind::Item;
        let (label, num) = if bold {
            (&f.total_label, &f.total_points)
        } else {
            (&f.cell_wrap, &f.points)
        };
        let span =
            |ws: &mut Worksheet, c: u16, text: &str, fmt: &Format| -> Result<(), OfficeError> {
                if h > 1 {
                    ws.merge_range(y, c, y + h - 1, c, text, fmt).map_err(err)?;
                } else {
                    ws.write_with_format(y, c, text, fmt).map_err(err)?;
                }
                Ok(())
            };
        span(&mut ws, 0, &row.stt, &f.cell_center)?;
        span(&mut ws, 1, &row.title, label)?;
        if h > 1 {
            ws.merge_range(y, 2, y + h - 1, 2, "", num).map_err(err)?;
        }
        ws.write_number_with_format(y, 2, row.max, num)
            .map_err(err)?;
        // The rows this one adds up: a criterion its items, a regular area its criteria.
        let below: Vec<u32> = if row.sums_below {
            let child = match row.kind {
                RowKind::Area(_) => RowKind::Criterion,
                _ => RowKind::Item,
            };
            rows[i + 1..]
                .iter()
                .zip(&at[i + 1..])
                .take_while(|(x, _)| {
                    x.kind == child || (child == RowKind::Criterion && x.kind == RowKind::Item)
                })
                .filter(|(x, _)| x.kind == child)
                .map(|(_, a)| a.0)
                .collect()
        } else {
            Vec::new()
        };
        if h > 1 {
            ws.merge_range(y, 3, y + h - 1, 3, "", num).map_err(err)?;
        }
        match &row.points {
            Points::Scored(p) if !below.is_empty() => {
                let cells: Vec<String> = below
                    .iter()
                    .map(|&b| rust_xlsxwriter::utility::row_col_to_cell(b, 3))
                    .collect();
                let formula =
                    Formula::new(format!("=SUM({})", cells.join(","))).set_result(p.to_string());
                ws.write_formula_with_format(y, 3, formula, num)
                    .map_err(err)?;
            }
            Points::Scored(p) => {
                ws.write_number_with_format(y, 3, *p, num).map_err(err)?;
            }
            other => {
                ws.write_with_format(y, 3, other.text(), &f.cell_center)
                    .map_err(err)?;
            }
        }
        for k in 0..h {
            let doc = row.documents.get(k as usize).map(|d| d.columns());
            for c in 0..3u16 {
                let text = doc.map(|d| d[c as usize]).unwrap_or_default();
                ws.write_with_format(y + k, 4 + c, text, &f.cell_wrap)
                    .map_err(err)?;
            }
        }
        let why = row.why();
        span(&mut ws, 7, &why, &f.cell_wrap)?;
        // The merged title and explanation share the rows of the documents.
        let share = h as f64;
        for k in 0..h {
            let doc = row.documents.get(k as usize).map(|d| d.columns());
            let d = |i: usize| doc.map(|d| d[i]).unwrap_or_default();
            fit(
                &mut ws,
                y + k,
                &[
                    (&row.title, 48.0 * share),
                    (&why, 40.0 * share),
                    (d(0), 30.0),
                    (d(1), 14.0),
                    (d(2), 12.0),
                ],
            )?;
        }
    }
    r = at.last().map(|(y, h)| y + h).unwrap_or(r) + 1;
    for line in scores::summary(criteria, &eval.scorecard).lines() {
        ws.merge_range(r, 0, r, 7, &line, &f.wrap).map_err(err)?;
        ws.set_row_height(r, 32).map_err(err)?;
        r += 1;
    }
    Ok(ws)
}

/// "Biểu 06" from "Tình hình … (Biểu 06/VPCP/KSTT)": a grid's short name, for its sheet.
fn short_name(table: &Table) -> String {
    let title = &table.title.vi;
    let inner = title
        .rfind('(')
        .map(|at| &title[at + 1..])
        .map(|s| s.split(['/', ')']).next().unwrap_or_default().trim())
        .filter(|s| !s.is_empty());
    let name = inner.unwrap_or(title.as_str());
    // Excel: at most 31 characters, none of []:*?/\ .
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}
