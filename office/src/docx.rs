//! The report as a Word document: the same document the print view makes (Nghị định
//! 30/2020/NĐ-CP), as real, editable Word tables. The covering report with its two-column
//! header, then Phụ lục I (list tables on portrait pages, each grid such as Biểu 06 in a
//! landscape section of its own), then Phụ lục II in landscape.
//!
//! Times New Roman; body 14 pt, tables 12 pt (Biểu 06, thirteen columns, 11 pt). Margins of
//! Nghị định 30: top and bottom 20 mm, left 30 mm, right 15 mm.

use cchc_core::compute::{compute, Computed};
use cchc_core::present::document as words;
use cchc_core::present::scores::{
    self, RowKind, EVIDENCE_COLUMNS, EVIDENCE_HEAD, EXPLANATION_HEAD, HEAD,
};
use cchc_core::present::sheets::{self, Block, Sections, TableAt};
use cchc_core::present::table::grid_header;
use cchc_core::present::value as present;
use cchc_core::report::Report;
use cchc_core::workspace::{Evaluation, Templates};
use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, PageOrientationType, Paragraph, Run,
    RunFonts, Section, Table, TableCell, TableRow, VAlignType, VMergeType, WidthType,
};

use crate::OfficeError;

const FONT: &str = "Times New Roman";
/// Sizes in half-points.
const BODY: usize = 28;
const TABLE: usize = 24;
const FORM: usize = 22;
/// A4 in twentieths of a point, and the margins (1 mm = 56.7 twips).
const A4_W: u32 = 11906;
const A4_H: u32 = 16838;
const TOP: i32 = 1134;
const BOTTOM: i32 = 1134;
const LEFT: i32 = 1701;
const RIGHT: i32 = 850;
const PORTRAIT_WIDTH: usize = (A4_W as i32 - LEFT - RIGHT) as usize;
const LANDSCAPE_WIDTH: usize = (A4_H as i32 - LEFT - RIGHT) as usize;

fn margins() -> PageMargin {
    PageMargin::new()
        .top(TOP)
        .bottom(BOTTOM)
        .left(LEFT)
        .right(RIGHT)
        .header(567)
        .footer(567)
}

/// A paragraph of one run: the text, its size, bold/italic, alignment.
#[derive(Clone, Copy)]
struct Style {
    size: usize,
    bold: bool,
    italic: bool,
    align: AlignmentType,
}

const fn style(size: usize, bold: bool, italic: bool, align: AlignmentType) -> Style {
    Style {
        size,
        bold,
        italic,
        align,
    }
}

fn para(text: &str, s: Style) -> Paragraph {
    let mut p = Paragraph::new()
        .align(s.align)
        .line_spacing(LineSpacing::new().before(0).after(0));
    // Line breaks inside a text become Word line breaks.
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new().size(s.size);
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
        if s.bold {
            run = run.bold();
        }
        if s.italic {
            run = run.italic();
        }
        p = p.add_run(run);
    }
    p
}

fn cell(text: &str, s: Style, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(para(text, s))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// A header row: it repeats at the top of every page its table spans. docx-rs 0.4 writes no
/// `w:tblHeader`, so header rows are the rows marked `cantSplit` (no other row is), and
/// [`repack`] adds the repeat to exactly those.
fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// What docx-rs writes for a row marked by [`header_row`], and what it becomes.
const CANT_SPLIT: &str = "<w:trPr><w:cantSplit />";
const REPEATED_HEADER: &str = "<w:trPr><w:cantSplit /><w:tblHeader />";

/// What the document is made of, in order: paragraphs and tables, and where a section ends.
// A few hundred parts, built once per export: their size does not matter.
#[allow(clippy::large_enum_variant)]
enum Part {
    P(Paragraph),
    T(Table),
    /// The section so far ends here, laid out portrait or landscape.
    End {
        landscape: bool,
    },
}

/// The Word document of the report; `previous`, the earlier report its narrative compares with
/// ("tăng … so với cùng kỳ"), as the print view's.
pub fn docx(
    t: &Templates,
    report: &Report,
    eval: &Evaluation,
    previous: Option<&Report>,
) -> Result<Vec<u8>, OfficeError> {
    let mut parts: Vec<Part> = Vec::new();
    let previous = previous.map(|p| (p, compute(&t.appendix, p)));
    let previous = previous.as_ref().map(|(p, c)| (*p, c));
    cover(t, report, eval, previous, &mut parts);
    appendix_i(t, report, eval, &mut parts);
    appendix_ii(t, report, eval, &mut parts);

    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT);
    let mut doc = Docx::new()
        .default_fonts(fonts)
        .default_size(BODY)
        .page_margin(margins());
    let mut section = Section::new();
    for part in parts {
        match part {
            Part::P(p) => section = section.add_paragraph(p),
            Part::T(tb) => section = section.add_table(tb),
            Part::End { landscape } => {
                let (w, h, o) = if landscape {
                    (A4_H, A4_W, PageOrientationType::Landscape)
                } else {
                    (A4_W, A4_H, PageOrientationType::Portrait)
                };
                let done = std::mem::replace(&mut section, Section::new())
                    .page_size(docx_rs::PageSize::new().size(w, h).orient(o))
                    .page_orient(o)
                    .page_margin(margins());
                doc = doc.add_section(done);
            }
        }
    }
    // The last section's layout is the document's own: Phụ lục II, landscape.
    for child in section.children().clone() {
        doc = match child {
            docx_rs::SectionChild::Paragraph(p) => doc.add_paragraph(*p),
            docx_rs::SectionChild::Table(tb) => doc.add_table(*tb),
            _ => doc,
        };
    }
    doc = doc
        .page_size(A4_H, A4_W)
        .page_orient(PageOrientationType::Landscape);
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| OfficeError::Write {
        detail: e.to_string(),
    })?;
    repack(&out.into_inner())
}

/// docx-rs stores its parts uncompressed (a 450 KB file for this report); the same parts
/// deflated with the zip the workbook writer uses make it about a tenth of that. On the way,
/// the header rows get their repeat (see [`header_row`]).
fn repack(stored: &[u8]) -> Result<Vec<u8>, OfficeError> {
    use std::io::{Read, Write};
    let fail = |e: &dyn std::fmt::Display| OfficeError::Write {
        detail: e.to_string(),
    };
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(stored)).map_err(|e| fail(&e))?;
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..from.len() {
        let mut part = from.by_index(i).map_err(|e| fail(&e))?;
        let name = part.name().map_err(|e| fail(&e))?.into_owned();
        let mut data = Vec::new();
        part.read_to_end(&mut data).map_err(|e| fail(&e))?;
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).map_err(|e| fail(&e))?;
            data = xml.replace(CANT_SPLIT, REPEATED_HEADER).into_bytes();
        }
        to.start_file(name, opts).map_err(|e| fail(&e))?;
        to.write_all(&data).map_err(|e| fail(&e))?;
    }
    let out = to.finish().map_err(|e| fail(&e))?;
    Ok(out.into_inner())
}

/// The covering report: the two-column header, title, one paragraph, recipients and signature.
fn cover(
    t: &Templates,
    report: &Report,
    eval: &Evaluation,
    previous: Option<(&Report, &Computed)>,
    parts: &mut Vec<Part>,
) {
    let id = &report.identity;
    let half = PORTRAIT_WIDTH * 2 / 5;
    let other = PORTRAIT_WIDTH - half;
    let c = AlignmentType::Center;
    let left = TableCell::new()
        .width(half, WidthType::Dxa)
        .add_paragraph(para(words::COMMITTEE, style(26, false, false, c)))
        .add_paragraph(para(&words::body_name(id), style(26, true, false, c)))
        .add_paragraph(para(
            &format!("Số: {}", words::report_number(id)),
            style(26, false, false, c),
        ));
    let right = TableCell::new()
        .width(other, WidthType::Dxa)
        .add_paragraph(para(words::NATION, style(24, true, false, c)))
        .add_paragraph(para(words::MOTTO, style(26, true, false, c)))
        .add_paragraph(para("", style(26, false, false, c)))
        .add_paragraph(para(&words::place_and_date(id), style(26, false, true, c)));
    parts.push(Part::T(
        Table::without_borders(vec![TableRow::new(vec![left, right])])
            .set_grid(vec![half, other])
            .width(PORTRAIT_WIDTH, WidthType::Dxa),
    ));
    parts.push(Part::P(para("", style(BODY, false, false, c))));
    parts.push(Part::P(para(words::REPORT, style(BODY, true, false, c))));
    parts.push(Part::P(para(
        &words::report_subject(id),
        style(BODY, true, false, c),
    )));
    parts.push(Part::P(para("", style(BODY, false, false, c))));
    parts.push(Part::P(body_paragraph(&words::report_body(id), 120)));
    // The narrative drafted from the figures (or as the officer edited it), as printed.
    let ctx = cchc_core::prose::draft::Context {
        appendix: &t.appendix,
        report,
        computed: &eval.computed,
        previous,
    };
    for (heading, text) in cchc_core::prose::draft::document_text(&ctx) {
        parts.push(Part::P(para(
            &heading.vi,
            style(BODY, true, false, AlignmentType::Left),
        )));
        for paragraph in text.split('\n').filter(|p| !p.trim().is_empty()) {
            parts.push(Part::P(body_paragraph(paragraph.trim(), 60)));
        }
    }
    parts.push(Part::P(para("", style(BODY, false, false, c))));
    let mut recipients = TableCell::new()
        .width(half, WidthType::Dxa)
        .add_paragraph(para(
            words::RECIPIENTS,
            style(24, true, true, AlignmentType::Left),
        ));
    for r in words::recipients(id) {
        recipients =
            recipients.add_paragraph(para(&r, style(22, false, false, AlignmentType::Left)));
    }
    let mut signature = TableCell::new().width(other, WidthType::Dxa);
    for title in words::signature_titles(id) {
        signature = signature.add_paragraph(para(&title, style(BODY, true, false, c)));
    }
    for _ in 0..4 {
        signature = signature.add_paragraph(para("", style(BODY, false, false, c)));
    }
    signature = signature.add_paragraph(para(id.signer.trim(), style(BODY, true, false, c)));
    parts.push(Part::T(
        Table::without_borders(vec![TableRow::new(vec![recipients, signature])])
            .set_grid(vec![half, other])
            .width(PORTRAIT_WIDTH, WidthType::Dxa),
    ));
}

/// A paragraph of the report's body: justified, first line indented 1 cm, 1.3 lines apart,
/// `space` twips before and after.
fn body_paragraph(text: &str, space: u32) -> Paragraph {
    para(text, style(BODY, false, false, AlignmentType::Both))
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(567)),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(space).after(space).line(312))
}

fn page_break() -> Part {
    Part::P(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
}

fn appendix_head(parts: &mut Vec<Part>, label: &str, title: &str, attached: &str) {
    let c = AlignmentType::Center;
    parts.push(Part::P(para(label, style(BODY, true, false, c))));
    parts.push(Part::P(para(title, style(BODY, true, false, c))));
    parts.push(Part::P(para(attached, style(BODY, false, true, c))));
    parts.push(Part::P(para("", style(TABLE, false, false, c))));
}

/// Phụ lục I: portrait runs of list tables, each grid in a landscape section.
fn appendix_i(t: &Templates, report: &Report, eval: &Evaluation, parts: &mut Vec<Part>) {
    let id = &report.identity;
    let mut head = Some((
        words::appendix_title(&t.appendix.template.title.vi, id),
        words::attached_line(id),
    ));
    // The cover is portrait; the first sheet of Phụ lục I starts on a new page.
    let mut landscape = false;
    let mut first = true;
    let mut sections = Sections::default();
    for block in sheets::blocks(&t.appendix, report) {
        let wide = matches!(block, Block::Grid(_));
        if wide != landscape {
            parts.push(Part::End { landscape });
            landscape = wide;
        } else if first || wide {
            parts.push(page_break());
        }
        first = false;
        if let Some((title, attached)) = head.take() {
            appendix_head(parts, words::APPENDIX_I, &title, &attached);
        }
        match block {
            Block::Lists(run) => lists(t, report, eval, &run, &mut sections, parts),
            Block::Grid(at) => {
                sections.begin(at.0);
                grid(t, report, eval, at, parts);
            }
        }
    }
    // Phụ lục II is landscape: close a portrait run before it.
    if !landscape {
        parts.push(Part::End { landscape: false });
    } else {
        parts.push(page_break());
    }
}

fn shown(t: &Templates, report: &Report, eval: &Evaluation, ix: usize) -> String {
    present::cell(&t.appendix, report, &eval.computed, ix).written()
}

fn lists(
    t: &Templates,
    report: &Report,
    eval: &Evaluation,
    run: &[TableAt],
    sections: &mut Sections,
    parts: &mut Vec<Part>,
) {
    let w = [700, 5355, 1500, 1800];
    let s = style(TABLE, false, false, AlignmentType::Left);
    let b = style(TABLE, true, false, AlignmentType::Left);
    let bc = style(TABLE, true, false, AlignmentType::Center);
    let c = style(TABLE, false, false, AlignmentType::Center);
    let r = style(TABLE, false, false, AlignmentType::Right);
    let head = header_row(
        sheets::LIST_HEAD
            .iter()
            .zip(w)
            .map(|(h, w)| cell(h, bc, w))
            .collect(),
    );
    let mut rows = vec![head];
    let wide = |stt: &str, text: &str, st: Style| {
        TableRow::new(vec![
            cell(stt, c, w[0]),
            cell(text, st, w[1] + w[2] + w[3]).grid_span(3),
        ])
    };
    let mut current = None;
    for &at in run {
        let table = sheets::table_at(&t.appendix, at);
        if current != Some(at.0) {
            current = Some(at.0);
            let section = &t.appendix.template.sections[at.0];
            let title = sections.heading(at.0, section);
            rows.push(wide(&section.stt, &title, b));
        }
        rows.push(wide(
            "",
            &table.title.vi,
            style(TABLE, true, true, AlignmentType::Left),
        ));
        for row in &table.rows {
            if row.heading {
                rows.push(wide(&row.stt, &row.label.vi, b));
                continue;
            }
            let ix = t.appendix.cell_at(table, row, None);
            let formula = sheets::derived_note(&t.appendix, row, ix).unwrap_or_default();
            rows.push(TableRow::new(vec![
                cell(&row.stt, c, w[0]),
                cell(&format!("{}{formula}", row.label.vi), s, w[1]),
                cell(&row.unit.vi, c, w[2]),
                cell(
                    &ix.map(|ix| shown(t, report, eval, ix)).unwrap_or_default(),
                    r,
                    w[3],
                ),
            ]));
        }
    }
    parts.push(Part::T(
        Table::new(rows)
            .set_grid(w.to_vec())
            .width(PORTRAIT_WIDTH, WidthType::Dxa),
    ));
    if sheets::has_invalid(&t.appendix, &eval.computed, run) {
        parts.push(Part::P(para(
            sheets::INVALID_NOTE,
            style(TABLE, false, true, AlignmentType::Left),
        )));
    }
}

/// A grid as the official form prints it: the lines over it, the grouped header, the column
/// numbers, the rows.
fn grid(t: &Templates, report: &Report, eval: &Evaluation, at: TableAt, parts: &mut Vec<Part>) {
    let id = &report.identity;
    let section = &t.appendix.template.sections[at.0];
    let table = sheets::table_at(&t.appendix, at);
    let c = AlignmentType::Center;
    parts.push(Part::P(para(
        &sheets::form_section(section),
        style(BODY, true, false, AlignmentType::Left),
    )));
    parts.push(Part::P(para(
        &table.title.vi.to_uppercase(),
        style(BODY, true, false, c),
    )));
    parts.push(Part::P(para(
        &words::form_period(id),
        style(BODY, true, false, c),
    )));
    parts.push(Part::P(para(
        &words::window_line(id),
        style(BODY, false, true, c),
    )));
    let mut units = vec![
        words::form_reporting_unit(id),
        words::form_receiving_unit(id),
    ];
    if !table.unit_line.is_empty() {
        units.push(table.unit_line.vi.clone());
    }
    for u in units {
        parts.push(Part::P(para(
            &u,
            style(TABLE, false, true, AlignmentType::Right),
        )));
    }
    parts.push(Part::P(para("", style(TABLE, false, false, c))));

    let n = table.columns.len();
    let stt_w = 700;
    let label_w = 2500;
    let fig_w = (LANDSCAPE_WIDTH - stt_w - label_w) / n.max(1);
    let mut grid_w = vec![stt_w, label_w];
    grid_w.extend(std::iter::repeat_n(fig_w, n));
    let hb = style(FORM, true, false, c);
    let header = grid_header(table);
    let placed = header.placed();
    let width = |col: usize, span: usize| match col {
        0 => stt_w,
        1 => label_w,
        _ => fig_w * span,
    };
    // Word merges rows cell by cell: a cell spanning both header rows starts a vertical merge
    // that the row below continues with an empty cell at the same place.
    let mut rows: Vec<TableRow> = (0..header.rows.len())
        .map(|r| {
            let mut here: Vec<_> = placed.iter().filter(|p| p.covers(r, p.col)).collect();
            here.sort_by_key(|p| p.col);
            let cells = here.into_iter().map(|p| {
                let (starts, span) = (p.row == r, p.cell.colspan);
                let text = if starts { p.cell.text.vi.as_str() } else { "" };
                let mut cl = cell(text, hb, width(p.col, span));
                if span > 1 {
                    cl = cl.grid_span(span);
                }
                match (p.cell.rowspan > 1, starts) {
                    (false, _) => cl,
                    (true, true) => cl.vertical_merge(VMergeType::Restart),
                    (true, false) => cl.vertical_merge(VMergeType::Continue),
                }
            });
            header_row(cells.collect())
        })
        .collect();
    if let Some(numbers) = &header.numbers {
        let ni = style(FORM, false, true, c);
        let cells = numbers
            .iter()
            .enumerate()
            .map(|(col, n)| cell(n, ni, width(col, 1)))
            .collect();
        rows.push(header_row(cells));
    }
    for row in &table.rows {
        let b = row.total;
        let st = |align| style(FORM, b, false, align);
        if row.heading {
            rows.push(TableRow::new(vec![
                cell(&row.stt, st(c), stt_w),
                cell(
                    &row.label.vi,
                    style(FORM, true, false, AlignmentType::Left),
                    label_w + fig_w * n,
                )
                .grid_span(n + 1),
            ]));
            continue;
        }
        let mut cells = vec![
            cell(&row.stt, st(c), stt_w),
            cell(&row.label.vi, st(AlignmentType::Left), label_w),
        ];
        for k in 0..n {
            let text = t
                .appendix
                .cell_at(table, row, Some(k))
                .map(|ix| shown(t, report, eval, ix))
                .unwrap_or_default();
            cells.push(cell(&text, st(AlignmentType::Right), fig_w));
        }
        rows.push(TableRow::new(cells));
    }
    parts.push(Part::T(
        Table::new(rows)
            .set_grid(grid_w)
            .width(LANDSCAPE_WIDTH, WidthType::Dxa),
    ));
    if sheets::has_invalid(&t.appendix, &eval.computed, &[at]) {
        parts.push(Part::P(para(
            sheets::INVALID_NOTE,
            style(TABLE, false, true, AlignmentType::Left),
        )));
    }
}

/// Phụ lục II: the self-scoring table, then the total, index and band.
fn appendix_ii(t: &Templates, report: &Report, eval: &Evaluation, parts: &mut Vec<Part>) {
    let id = &report.identity;
    appendix_head(
        parts,
        words::APPENDIX_II,
        &words::scoring_title(id),
        &words::attached_line(id),
    );
    let criteria = &t.criteria;
    parts.push(Part::P(para(
        &scores::criteria_line(criteria),
        style(TABLE, false, false, AlignmentType::Left),
    )));
    if let Some(note) = scores::sample_note(criteria) {
        parts.push(Part::P(para(
            &note,
            style(TABLE, true, false, AlignmentType::Left),
        )));
    }
    let w = [800, 4000, 900, 900, 2500, 1500, 1400, 2287];
    let c = AlignmentType::Center;
    let hb = style(TABLE, true, false, c);
    let tall = |text: &str, w: usize| cell(text, hb, w).vertical_merge(VMergeType::Restart);
    let cont = |w: usize| cell("", hb, w).vertical_merge(VMergeType::Continue);
    let mut rows = vec![
        header_row(vec![
            tall(HEAD[0], w[0]),
            tall(HEAD[1], w[1]),
            tall(HEAD[2], w[2]),
            tall(HEAD[3], w[3]),
            cell(EVIDENCE_HEAD, hb, w[4] + w[5] + w[6]).grid_span(3),
            tall(EXPLANATION_HEAD, w[7]),
        ]),
        header_row(vec![
            cont(w[0]),
            cont(w[1]),
            cont(w[2]),
            cont(w[3]),
            cell(EVIDENCE_COLUMNS[0], hb, w[4]),
            cell(EVIDENCE_COLUMNS[1], hb, w[5]),
            cell(EVIDENCE_COLUMNS[2], hb, w[6]),
            cont(w[7]),
        ]),
    ];
    for row in scores::rows(criteria, report, &eval.scorecard) {
        let bold = row.kind != RowKind::Item;
        let st = |align| style(TABLE, bold, false, align);
        let points = row.points.text();
        let why = row.why();
        let n = row.lines();
        for k in 0..n {
            let doc = row.documents.get(k).map(|d| d.columns());
            let docs = (0..3).map(|i| {
                cell(
                    doc.map(|d| d[i]).unwrap_or_default(),
                    style(TABLE, false, false, AlignmentType::Left),
                    w[4 + i],
                )
            });
            // The item's own cells span its documents' rows.
            let own = |text: &str, align, width: usize| {
                let cl = cell(if k == 0 { text } else { "" }, st(align), width);
                match (n > 1, k == 0) {
                    (false, _) => cl,
                    (true, true) => cl.vertical_merge(VMergeType::Restart),
                    (true, false) => cl.vertical_merge(VMergeType::Continue),
                }
            };
            let mut cells = vec![
                own(&row.stt, c, w[0]),
                own(&row.title, AlignmentType::Left, w[1]),
                own(&present::points(row.max), c, w[2]),
                own(&points, c, w[3]),
            ];
            cells.extend(docs);
            cells.push(own(&why, AlignmentType::Left, w[7]));
            rows.push(TableRow::new(cells));
        }
    }
    parts.push(Part::T(
        Table::new(rows)
            .set_grid(w.to_vec())
            .width(LANDSCAPE_WIDTH, WidthType::Dxa),
    ));
    parts.push(Part::P(para("", style(TABLE, false, false, c))));
    for line in scores::summary(criteria, &eval.scorecard).lines() {
        parts.push(Part::P(para(
            &line,
            style(BODY, false, false, AlignmentType::Both),
        )));
    }
}
