//! The narrative drafted from the appendix, with its numbers bound to their cells.
//!
//! # Design
//!
//! A paragraph (one per appendix section) is a list of [`Segment`]s: plain text, or a
//! [`Figure`] — the sum of some cells written as a count, a percentage or a change against the
//! previous period — that is rendered through `number.rs` each time it is shown. The standard
//! sentences come from a narrative template ([`Narrative`], `templates/narrative-xa.v1.json`,
//! checked against the appendix like every template): each sentence is clauses, and a clause
//! whose figures are empty is left out, so no sentence is printed with blanks.
//!
//! The officer edits a paragraph as plain text. [`rebind`] reads the edited text against the
//! segments it was shown from and gives new segments: every figure whose rendering is still in
//! the text (found after the text that stood before it, else anywhere after the previous
//! figure) stays a bound [`Segment::Figure`], so it follows its cells from then on; where the
//! officer typed another number in a figure's place, it becomes [`Segment::Typed`]: kept as
//! typed, still tied to the cells, and reported by [`stale`] while it disagrees with them (it
//! becomes bound again once it agrees). A figure the officer deleted is gone. The app stores
//! the result in `Report::narrative` through `Edit::Narrative`; a section without an entry
//! there is drafted afresh from the figures, and `segments: None` returns to the draft.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::compute::Computed;
use crate::number::{self, format_integer, format_percent, NumberKind, NO_VALUE};
use crate::report::Report;
use crate::template::error::read_json;
use crate::template::TemplateError;
use crate::template::{Appendix, CellIx};
use crate::text::Text;

/// The built-in narrative for the commune appendix.
pub const NARRATIVE_XA: &str = include_str!("../../../templates/narrative-xa.v1.json");

/// How a figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// "1.794"
    Count,
    /// "99,89%"
    Percent,
    /// ", tăng 5,53% so với cùng kỳ (1.700)": against the previous period's report; written
    /// only when one is given and its value is not 0.
    Change,
}

/// A number bound to cells: their sum, written as `kind`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Figure {
    pub cells: Vec<String>,
    pub kind: FigureKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Text(String),
    Figure(Figure),
    /// A number the officer typed where `figure` stood, kept as typed.
    Typed {
        figure: Figure,
        text: String,
    },
}

// ---------------------------------------------------------------------------------------------
// The narrative template
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NarrativeJson {
    id: String,
    version: u32,
    appendix: String,
    sections: Vec<SectionJson>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionJson {
    section: String,
    sentences: Vec<Vec<ClauseJson>>,
}

/// A clause: its pieces, or `{"sep": "; ", "pieces": […]}` to join it with other than ", ".
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum ClauseJson {
    Pieces(Vec<PieceJson>),
    WithSep { sep: String, pieces: Vec<PieceJson> },
}

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum PieceJson {
    Text(String),
    Figure(FigureJson),
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum FigureJson {
    Count(Vec<String>),
    Percent(Vec<String>),
    Change(Vec<String>),
}

#[derive(Clone, Debug, PartialEq)]
struct Clause {
    sep: String,
    pieces: Vec<Segment>,
}

/// The standard sentences of each section, checked against an appendix.
#[derive(Clone, Debug, PartialEq)]
pub struct Narrative {
    pub id: String,
    pub version: u32,
    sections: BTreeMap<String, Vec<Vec<Clause>>>,
}

impl Narrative {
    pub fn builtin(appendix: &Appendix) -> Result<Self, TemplateError> {
        Self::from_json(NARRATIVE_XA, appendix)
    }

    /// Compiles a narrative template: every section and cell it names must exist in
    /// `appendix`, and every cell must hold a number.
    pub fn from_json(json: &str, appendix: &Appendix) -> Result<Self, TemplateError> {
        let raw: NarrativeJson = read_json(json, "lời văn")?;
        if raw.appendix != appendix.template.id {
            return Err(TemplateError::UnknownCell {
                at: raw.id.clone(),
                cell: raw.appendix.clone(),
            });
        }
        let mut sections = BTreeMap::new();
        for s in raw.sections {
            if !appendix.template.sections.iter().any(|x| x.id == s.section) {
                return Err(TemplateError::UnknownCell {
                    at: raw.id.clone(),
                    cell: s.section,
                });
            }
            let mut sentences = Vec::new();
            for sentence in s.sentences {
                let mut clauses = Vec::new();
                for c in sentence {
                    let (sep, pieces) = match c {
                        ClauseJson::Pieces(p) => (", ".to_owned(), p),
                        ClauseJson::WithSep { sep, pieces } => (sep, pieces),
                    };
                    let mut out = Vec::new();
                    for p in pieces {
                        out.push(match p {
                            PieceJson::Text(t) => Segment::Text(t),
                            PieceJson::Figure(f) => {
                                let (cells, kind) = match f {
                                    FigureJson::Count(c) => (c, FigureKind::Count),
                                    FigureJson::Percent(c) => (c, FigureKind::Percent),
                                    FigureJson::Change(c) => (c, FigureKind::Change),
                                };
                                for cell in &cells {
                                    let ix = appendix.cell(cell).ok_or_else(|| {
                                        TemplateError::UnknownCell {
                                            at: format!("{} {}", raw.id, s.section),
                                            cell: cell.clone(),
                                        }
                                    })?;
                                    if !appendix.cells[ix].kind.is_numeric() {
                                        return Err(TemplateError::WrongKind {
                                            at: format!("{} {}", raw.id, s.section),
                                            cell: cell.clone(),
                                            expected: "số",
                                        });
                                    }
                                }
                                Segment::Figure(Figure { cells, kind })
                            }
                        });
                    }
                    clauses.push(Clause { sep, pieces: out });
                }
                sentences.push(clauses);
            }
            sections.insert(s.section, sentences);
        }
        Ok(Narrative {
            id: raw.id,
            version: raw.version,
            sections,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

/// What figures are rendered from: the report's computed cells and, for changes, the previous
/// period's.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub appendix: &'a Appendix,
    pub report: &'a Report,
    pub computed: &'a Computed,
    pub previous: Option<(&'a Report, &'a Computed)>,
}

impl Context<'_> {
    fn cells(&self, f: &Figure) -> Vec<CellIx> {
        f.cells
            .iter()
            .filter_map(|c| self.appendix.cell(c))
            .collect()
    }

    /// The figure's value now, `None` when its cells are empty.
    pub fn value(&self, f: &Figure) -> Option<f64> {
        self.computed.sum(&self.cells(f))
    }

    /// "cùng kỳ" when the previous report is the same period a year before, else "kỳ trước".
    fn previous_label(&self) -> &'static str {
        match self.previous {
            Some((p, _))
                if p.identity.period == self.report.identity.period
                    && p.identity.year.checked_add(1) == Some(self.report.identity.year) =>
            {
                "cùng kỳ"
            }
            _ => "kỳ trước",
        }
    }

    /// The figure as written now; `None` when it has no value (a change without a previous
    /// period renders as nothing, which is `Some("")`).
    pub fn render(&self, f: &Figure) -> Option<String> {
        match f.kind {
            FigureKind::Count => self.value(f).map(format_integer),
            FigureKind::Percent => self.value(f).map(|v| format_percent(Some(v))),
            FigureKind::Change => {
                let now = self.value(f);
                let before = self
                    .previous
                    .and_then(|(_, c)| c.sum(&self.cells(f)))
                    .filter(|&b| b != 0.0);
                Some(match (now, before) {
                    (Some(now), Some(before)) => {
                        let label = self.previous_label();
                        let change = (now - before) / before * 100.0;
                        let rounded = number::round_half_up(change, 2);
                        let word = if rounded > 0.0 {
                            "tăng"
                        } else if rounded < 0.0 {
                            "giảm"
                        } else {
                            return Some(format!(", bằng {label} ({})", format_integer(before)));
                        };
                        format!(
                            ", {word} {} so với {label} ({})",
                            format_percent(Some(change.abs())),
                            format_integer(before)
                        )
                    }
                    _ => String::new(),
                })
            }
        }
    }

    fn render_or_dash(&self, f: &Figure) -> String {
        self.render(f).unwrap_or_else(|| NO_VALUE.to_owned())
    }
}

/// A paragraph as shown: its text and each figure's place and state, for highlighting.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    /// A figure rendered from its cells.
    Bound(String),
    /// A typed number: `agrees` with its cells or not (then `expected` is their value).
    Typed {
        text: String,
        expected: String,
        agrees: bool,
    },
}

impl Piece {
    pub fn text(&self) -> &str {
        match self {
            Piece::Text(t) | Piece::Bound(t) | Piece::Typed { text: t, .. } => t,
        }
    }
}

pub fn pieces(ctx: &Context, segments: &[Segment]) -> Vec<Piece> {
    segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => Piece::Text(t.clone()),
            Segment::Figure(f) => Piece::Bound(ctx.render_or_dash(f)),
            Segment::Typed { figure, text } => {
                let expected = ctx.render_or_dash(figure);
                Piece::Typed {
                    agrees: agrees(ctx, figure, text),
                    text: text.clone(),
                    expected,
                }
            }
        })
        .collect()
}

/// The paragraph's text now.
pub fn render(ctx: &Context, segments: &[Segment]) -> String {
    pieces(ctx, segments).iter().map(Piece::text).collect()
}

/// Whether a typed number says what the figure's cells say (the same value at the figure's
/// precision: "1794" agrees with 1.794).
fn agrees(ctx: &Context, f: &Figure, typed: &str) -> bool {
    if ctx.render(f).as_deref() == Some(typed) {
        return true;
    }
    let Some(v) = ctx.value(f) else {
        return false;
    };
    match (f.kind, number::parse(typed, NumberKind::Decimal)) {
        (FigureKind::Count, Ok(t)) => (t - v).abs() < 0.5,
        (FigureKind::Percent, Ok(t)) => {
            (number::round_half_up(t, 2) - number::round_half_up(v, 2)).abs() < 1e-9
        }
        _ => false,
    }
}

/// A typed number that no longer matches its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Stale {
    /// Its index in the paragraph's segments.
    pub index: usize,
    pub typed: String,
    pub expected: String,
    pub message: Text,
}

pub fn stale(ctx: &Context, segments: &[Segment]) -> Vec<Stale> {
    let mut out = Vec::new();
    for (index, s) in segments.iter().enumerate() {
        let Segment::Typed { figure, text } = s else {
            continue;
        };
        if agrees(ctx, figure, text) {
            continue;
        }
        let expected = ctx.render_or_dash(figure);
        let labels: Vec<String> = figure
            .cells
            .iter()
            .filter_map(|c| ctx.appendix.cell(c))
            .map(|ix| ctx.appendix.cell_label(ix).vi)
            .collect();
        out.push(Stale {
            index,
            message: Text::new(
                format!(
                    "Số {text} đã sửa tay khác số liệu của phụ lục: {expected} ({}).",
                    labels.join(" + ")
                ),
                format!(
                    "The number {text}, edited by hand, differs from the appendix: {expected}."
                ),
            ),
            typed: text.clone(),
            expected,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The draft
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// The appendix section it speaks for.
    pub section: String,
    /// "I. Công tác chỉ đạo, điều hành cải cách hành chính"
    pub heading: Text,
    pub segments: Vec<Segment>,
    /// The officer's edited text (from `Report::narrative`), not the fresh draft.
    pub edited: bool,
}

/// The standard sentences of one section from the figures; empty when it has none.
pub fn generate(narrative: &Narrative, ctx: &Context, section: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for sentence in narrative.sections.get(section).into_iter().flatten() {
        let mut kept: Vec<Segment> = Vec::new();
        for clause in sentence {
            let complete = clause.pieces.iter().all(|p| match p {
                Segment::Figure(f) if f.kind != FigureKind::Change => ctx.render(f).is_some(),
                _ => true,
            });
            if !complete {
                continue;
            }
            if !kept.is_empty() {
                kept.push(Segment::Text(clause.sep.clone()));
            }
            for p in &clause.pieces {
                match p {
                    Segment::Figure(f) if f.kind == FigureKind::Change => {
                        if ctx.render(f).is_some_and(|r| !r.is_empty()) {
                            kept.push(p.clone());
                        }
                    }
                    p => kept.push(p.clone()),
                }
            }
        }
        if kept.is_empty() {
            continue;
        }
        if let Some(Segment::Text(t)) = kept.first_mut() {
            *t = capitalized(t);
        }
        if !out.is_empty() {
            out.push(Segment::Text(" ".into()));
        }
        out.extend(kept);
        out.push(Segment::Text(".".into()));
    }
    merge_text(out)
}

/// Every section's paragraph: the officer's edited text where there is one, else the draft.
/// Sections left out of the report, and sections with no figure, have none.
pub fn draft(narrative: &Narrative, ctx: &Context) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for (si, s) in ctx.appendix.template.sections.iter().enumerate() {
        if !crate::compute::included(ctx.appendix, ctx.report, si) {
            continue;
        }
        let heading = Text::new(
            format!("{}. {}", s.stt, s.title.vi),
            format!("{}. {}", s.stt, s.title.get(crate::text::Lang::En)),
        );
        let (segments, edited) = match ctx.report.narrative.get(&s.id) {
            Some(edited) => (edited.clone(), true),
            None => (generate(narrative, ctx, &s.id), false),
        };
        if segments.is_empty() {
            continue;
        }
        out.push(Paragraph {
            section: s.id.clone(),
            heading,
            segments,
            edited,
        });
    }
    out
}

fn capitalized(t: &str) -> String {
    let mut chars = t.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn merge_text(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for s in segments {
        match (out.last_mut(), s) {
            (_, Segment::Text(t)) if t.is_empty() => {}
            (Some(Segment::Text(prev)), Segment::Text(t)) => prev.push_str(&t),
            (_, s) => out.push(s),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Editing
// ---------------------------------------------------------------------------------------------

/// The number written at the start of `s` (after spaces): its length in bytes, or 0.
fn number_at(s: &str, percent: bool) -> usize {
    let lead = s.len() - s.trim_start().len();
    let b = s.as_bytes();
    let mut i = lead;
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return 0;
    }
    while i < b.len() {
        let sep_digit = matches!(b[i], b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b[i].is_ascii_digit() || sep_digit {
            i += 1;
        } else {
            break;
        }
    }
    if percent {
        let rest = &s[i..];
        let trimmed = rest.trim_start();
        if trimmed.starts_with('%') {
            i += rest.len() - trimmed.len() + 1;
        }
    }
    i
}

/// Whether `text[at..at+len]` stands alone: no digit or number separator glued to it.
fn stands_alone(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let sep_digit = text[at + len..]
        .strip_prefix(['.', ','])
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    !glued(before) && !glued(after) && !sep_digit
}

/// Where figure `i` of `old` stands in `edited` from byte `cursor` on: (start, end, written as
/// shown). See the module docs for the order of the searches.
fn locate(
    old: &[Segment],
    shown: &[String],
    i: usize,
    edited: &str,
    cursor: usize,
) -> Option<(usize, usize, bool)> {
    let figure = match old.get(i)? {
        Segment::Text(_) => return None,
        Segment::Figure(f) | Segment::Typed { figure: f, .. } => f,
    };
    let was = &shown[i];
    // Up to 16 characters of the text shown before the figure, as an anchor.
    let left: String = match i.checked_sub(1).map(|p| &old[p]) {
        Some(Segment::Text(_)) => {
            let t = &shown[i - 1];
            let n = t.chars().count();
            t.chars().skip(n.saturating_sub(16)).collect()
        }
        _ => String::new(),
    };
    let rest = &edited[cursor..];
    let percent = figure.kind == FigureKind::Percent;
    if was.is_empty() {
        // A change with nothing to show: keep it after its anchor, or here.
        let at = if left.is_empty() {
            Some(0)
        } else {
            rest.find(&left).map(|p| p + left.len())
        };
        return at.map(|at| (cursor + at, cursor + at, true));
    }
    if !left.is_empty() {
        if let Some(p) = rest.find(&format!("{left}{was}")) {
            let s = cursor + p + left.len();
            if stands_alone(edited, s, was.len()) {
                return Some((s, s + was.len(), true));
            }
        }
        if figure.kind != FigureKind::Change {
            if let Some(p) = rest.find(&left) {
                let after = &rest[p + left.len()..];
                let len = number_at(after, percent);
                if len > 0 {
                    let s = cursor + p + left.len();
                    let lead = after.len() - after.trim_start().len();
                    return Some((s + lead, s + len, false));
                }
            }
        }
    }
    let mut from = 0;
    while let Some(p) = rest[from..].find(was.as_str()) {
        let s = cursor + from + p;
        if stands_alone(edited, s, was.len()) {
            return Some((s, s + was.len(), true));
        }
        from += p + was.len().max(1);
    }
    None
}

/// The segments of an edited paragraph: `old` is what the officer was shown, `edited` the
/// text after editing. See the module docs.
pub fn rebind(ctx: &Context, old: &[Segment], edited: &str) -> Vec<Segment> {
    let shown: Vec<String> = pieces(ctx, old)
        .iter()
        .map(|p| p.text().to_owned())
        .collect();
    let figures: Vec<usize> = (0..old.len())
        .filter(|&i| !matches!(old[i], Segment::Text(_)))
        .collect();
    let mut out: Vec<Segment> = Vec::new();
    let mut cursor = 0; // where the text not yet placed starts
    for (k, &i) in figures.iter().enumerate() {
        let (Segment::Figure(figure) | Segment::Typed { figure, .. }) = &old[i] else {
            continue;
        };
        let Some((start, end, as_shown)) = locate(old, &shown, i, edited, cursor) else {
            continue; // the officer deleted it
        };
        // Found past where the next figure stands: this one was deleted, and what was found
        // is a later figure's place.
        let next = figures
            .get(k + 1)
            .and_then(|&j| locate(old, &shown, j, edited, cursor));
        if next.is_some_and(|(s, _, _)| s < start) {
            continue;
        }
        if start > cursor {
            out.push(Segment::Text(edited[cursor..start].to_owned()));
        }
        let typed = &edited[start..end];
        let agree = agrees(ctx, figure, typed);
        out.push(match &old[i] {
            // A typed number stays typed until it agrees with its cells.
            Segment::Typed { .. } if !agree => Segment::Typed {
                figure: figure.clone(),
                text: typed.to_owned(),
            },
            _ if as_shown || agree => Segment::Figure(figure.clone()),
            _ => Segment::Typed {
                figure: figure.clone(),
                text: typed.to_owned(),
            },
        });
        cursor = end;
    }
    if cursor < edited.len() {
        out.push(Segment::Text(edited[cursor..].to_owned()));
    }
    merge_text(out)
}

// ---------------------------------------------------------------------------------------------
// For the document and the exports
// ---------------------------------------------------------------------------------------------

/// The built-in narrative for `appendix`, compiled once; `None` for an appendix it was not
/// written for (a province's own form has no narrative yet, so nothing is drafted).
pub fn builtin_for(appendix: &Appendix) -> Option<&'static Narrative> {
    static BUILTIN: std::sync::OnceLock<Option<Narrative>> = std::sync::OnceLock::new();
    if appendix.template.id != "phuluc-xa" {
        return None;
    }
    BUILTIN
        .get_or_init(|| Narrative::builtin(appendix).ok())
        .as_ref()
}

/// Each paragraph's heading and text now, as the covering report prints them.
pub fn document_text(ctx: &Context) -> Vec<(Text, String)> {
    let Some(narrative) = builtin_for(ctx.appendix) else {
        return Vec::new();
    };
    draft(narrative, ctx)
        .into_iter()
        .map(|p| (p.heading, render(ctx, &p.segments)))
        .collect()
}
