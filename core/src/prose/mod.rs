//! The report's words: reading the figures in free Vietnamese text and checking them
//! ([`proofread`], [`proofread_against`]), and drafting the narrative from the appendix
//! ([`draft`]).
//!
//! # Reading
//!
//! Text is cut into sentences and tokens ([`lex`]); numbers are read by `number::parse`, so
//! "1.794" is 1794 and "99,89 %" is 99,89 %. Dates, document references ("457/KH-UBND"),
//! years ("năm 2020") and standards ("ISO 9001:2015") are recognised and left alone. The
//! statement shapes read ([`read`]):
//!
//! * a share: "a/b", "a/b (x%)", "a/b = x%", "a phiếu /b hồ sơ, đạt x%", "đạt trên x% (a/b)";
//! * a change: "a/b …, tăng|vượt|giảm x% so với …";
//! * a percentage beside its own numbers: "đã giải quyết 1.781 hồ sơ; trong đó: 1.779 hồ sơ
//!   đúng hạn … (đạt tỷ lệ 99,89%)": verified when two numbers of the sentence give it;
//! * a total and its parts: "a = b + c", "a …, trong đó: b …; c …", "a … gồm: b …, c …",
//!   "a người (b người; c người)";
//! * the same quantity twice ([`measure`]): received dossiers of one year given two values;
//! * against the open report: a figure the appendix also holds (Biểu 06 totals, on-time rate).
//!
//! # Leniency
//!
//! Percentages are compared at the precision they are written with, and said so: "98,6%" for
//! 98,64 % is a note (right at one decimal; reports use two), "84,15%" for 84,158 % is a note
//! (cut instead of rounded half-up), "87,9%" for 87,09 % is an error. "trên 30%" holds for
//! anything above 30 %. Parts listed after "trong đó" ("of which") may be incomplete, so only
//! parts that exceed their whole are flagged, unless the parts are the whole by their meaning
//! (on time + late; new + carried over) or are introduced by "gồm" ("consists of").
//!
//! Nothing here fires on a guess: a sentence the reader cannot tie together is not a
//! statement, so it is neither counted correct nor flagged.

pub mod draft;
pub mod lex;
pub mod measure;
pub mod read;

use serde::Serialize;

use crate::report::Report;
use crate::text::Text;
use crate::workspace::{Evaluation, Templates};

/// Where something is in the text: bytes (for slicing) and characters (for highlighting).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
}

impl Span {
    pub(crate) fn of(text: &str, r: lex::Range) -> Span {
        let char_start = text.get(..r.start).map_or(0, |s| s.chars().count());
        let char_end = char_start + text.get(r.start..r.end).map_or(0, |s| s.chars().count());
        Span {
            start: r.start,
            end: r.end,
            char_start,
            char_end,
        }
    }

    /// The spanned text, "" if the span does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum StatementKind {
    /// a of b, as a fraction and/or a percentage.
    Share,
    /// a against b as a rise or fall in percent.
    Change,
    /// A total and its parts.
    Sum,
    /// The same quantity given again elsewhere in the text.
    Repeat,
    /// A figure the open report's appendix also holds.
    Appendix,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Severity {
    /// The figure is wrong.
    Error,
    /// Right, but written less precisely than the convention (rounded to fewer places, cut
    /// instead of rounded).
    Note,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flag {
    pub severity: Severity,
    pub message: Text,
    /// The exact value as it should be written ("99,89%", "1.794"), when there is one.
    pub correct: Option<String>,
}

/// One quantitative statement found in the text, recomputed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    pub kind: StatementKind,
    /// The statement itself ("850 phiếu /5.658 hồ sơ tiếp nhận, đạt 15,02%").
    pub span: Span,
    /// The sentence it is in.
    pub sentence: Span,
    /// `None` when it is right.
    pub flag: Option<Flag>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Proofreading {
    /// In the order of the text.
    pub statements: Vec<Statement>,
}

impl Proofreading {
    pub fn flagged(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(|s| s.flag.is_some())
    }

    pub fn correct(&self) -> usize {
        self.statements.iter().filter(|s| s.flag.is_none()).count()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.flagged()
            .filter(|s| s.flag.as_ref().is_some_and(|f| f.severity == severity))
            .count()
    }
}

/// Every quantitative statement of `text` that can be read, each recomputed.
pub fn proofread(text: &str) -> Proofreading {
    let sentences = read::read_text(text);
    let mut statements = Vec::new();
    for i in 0..sentences.len() {
        statements.extend(read::statements(text, &sentences, i));
    }
    statements.extend(measure::repeats(text, &sentences));
    finish(statements)
}

/// [`proofread`], and a sentence whose figure contradicts the open report's appendix where the
/// same quantity is identifiable.
pub fn proofread_against(
    text: &str,
    templates: &Templates,
    report: &Report,
    evaluation: &Evaluation,
) -> Proofreading {
    let sentences = read::read_text(text);
    let mut statements = Vec::new();
    for i in 0..sentences.len() {
        statements.extend(read::statements(text, &sentences, i));
    }
    statements.extend(measure::repeats(text, &sentences));
    statements.extend(measure::against(
        text, &sentences, templates, report, evaluation,
    ));
    finish(statements)
}

fn finish(mut statements: Vec<Statement>) -> Proofreading {
    statements.sort_by_key(|s| (s.span.start, s.span.end));
    Proofreading { statements }
}
