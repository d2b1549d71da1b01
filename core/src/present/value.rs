//! How a value is written, the one rule for every view: the screen, the printed document, the
//! exported JSON's `shown`, the summary, Office files and the drafted narrative.
//!
//! - Counts and money: whole, grouped with "." — "1.794".
//! - Decimals: at most two places, trailing zeros dropped — "12,5", "0,75", "3".
//! - Percentages: exactly two places — "99,89%".
//! - Yes/no: "Có" / "Không"; dates: dd/mm/yyyy; text as typed.
//! - Nothing typed: nothing. A derived value with nothing to compute from: "—".
//! - An entry that cannot be read: shown as typed, and marked by the view.
//!
//! Everything is rounded once, half-up, here (number.rs); what is compared (ratio bands, the
//! index band) is compared at what these functions show.

use crate::compute::{parse_date, Computed};
use crate::number::{format_integer, format_percent, format_trimmed, NO_VALUE};
use crate::report::Report;
use crate::template::Appendix;
use crate::template::{CellIx, CellKind};

use super::document::{short_date, INVALID_MARK};

/// What a cell shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellText {
    /// Written out: "1.794", "12,5", "99,89%", "Có", "05/01/2026", or text as typed.
    Value(String),
    /// An input nobody has filled.
    Empty,
    /// A derived value with nothing to compute from: "—".
    NoValue,
    /// What the officer typed, which cannot be read: shown as typed, for the view to mark.
    Invalid(String),
}

impl CellText {
    /// The text as it stands in a cell: "" for [`CellText::Empty`], "—" for
    /// [`CellText::NoValue`], the raw entry for [`CellText::Invalid`].
    pub fn as_str(&self) -> &str {
        match self {
            CellText::Value(s) | CellText::Invalid(s) => s,
            CellText::Empty => "",
            CellText::NoValue => NO_VALUE,
        }
    }

    pub fn is_invalid(&self) -> bool {
        matches!(self, CellText::Invalid(_))
    }

    /// The text as plain paper writes it (Word, Excel): an entry that cannot be read is
    /// followed by "(*)", which a view with markup sets as a superscript instead.
    pub fn written(&self) -> String {
        match self {
            CellText::Invalid(raw) => format!("{raw}{INVALID_MARK}"),
            other => other.as_str().to_owned(),
        }
    }
}

/// A number of a cell of `kind`, written as the report writes it.
pub fn number(kind: CellKind, x: f64) -> String {
    match kind {
        CellKind::Count | CellKind::Money => format_integer(x),
        CellKind::Percent => format_percent(Some(x)),
        _ => format_trimmed(x, 2),
    }
}

/// "Có" / "Không": the official document is Vietnamese whatever the UI language.
pub fn yes_no(answer: bool) -> &'static str {
    if answer {
        "Có"
    } else {
        "Không"
    }
}

/// What cell `ix` shows for `report`, computed as `computed`.
pub fn cell(appendix: &Appendix, report: &Report, computed: &Computed, ix: CellIx) -> CellText {
    let Some(def) = appendix.cells.get(ix) else {
        return CellText::Empty;
    };
    let typed = report.value(&def.id);
    if computed.errors.contains_key(&ix) {
        return CellText::Invalid(typed.to_owned());
    }
    if let Some(x) = computed.number(ix) {
        return CellText::Value(number(def.kind, x));
    }
    if let Some(answer) = computed.answer(ix) {
        return CellText::Value(yes_no(answer).to_owned());
    }
    if !def.is_input() {
        return CellText::NoValue;
    }
    match def.kind {
        CellKind::Text if !typed.trim().is_empty() => CellText::Value(typed.to_owned()),
        CellKind::Date => {
            parse_date(typed).map_or(CellText::Empty, |d| CellText::Value(short_date(d)))
        }
        _ => CellText::Empty,
    }
}

/// Points, trimmed to at most two places: "0,75", "1", "12,5". The caller adds the unit.
pub fn points(x: f64) -> String {
    format_trimmed(x, 2)
}

/// Points taken away (a penalty, points lost), with a minus sign — but never "−0": nothing
/// taken away is written "0".
pub fn minus_points(x: f64) -> String {
    let shown = points(x);
    if shown == "0" || shown == NO_VALUE {
        shown
    } else {
        format!("−{shown}")
    }
}

/// Points added (a bonus), with a plus sign — but never "+0".
pub fn plus_points(x: f64) -> String {
    let shown = points(x);
    if shown == "0" || shown == NO_VALUE {
        shown
    } else {
        format!("+{shown}")
    }
}
