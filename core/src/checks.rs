//! Cross-checks: what officers get wrong in real reports (DOMAIN.md §5), as findings with a
//! severity, the cells involved and a message in Vietnamese.
//!
//! A check reads computed values only; it never fires on a cell that is empty, since empty
//! means "not filled yet". Parts that already exceed their whole fire at once, complete or not.

use chrono::NaiveDate;

use crate::compute::Computed;
use crate::number::{format_percent, format_trimmed};
use crate::report::{Identity, Report};
use crate::template::compile::{Appendix, CellIx, Check, Expr};
use crate::text::{Lang, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    /// An entry that is not a number, a date or a yes/no where one is expected.
    InvalidInput,
    /// Parts that do not add up to their total.
    SumMismatch,
    /// A part larger than its whole (a share over 100 %, numerator and denominator swapped).
    PartExceedsWhole,
    /// A typed percentage that disagrees with its own numbers.
    TypedPercentMismatch,
    /// A template equation such as (3) = (7) + (11) that does not hold.
    Equation,
    PeriodReversed,
    PeriodOutsideYear,
    ReportBeforePeriodEnd,
}

/// Where a finding is shown: at an appendix cell, or at a field of the report's identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Cell(CellIx),
    From,
    To,
    Date,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub kind: FindingKind,
    pub place: Place,
    /// Every cell the finding involves, for highlighting.
    pub cells: Vec<CellIx>,
    pub message: Text,
}

/// All findings of a report, errors first, then in template order.
pub fn findings(appendix: &Appendix, report: &Report, computed: &Computed) -> Vec<Finding> {
    let mut out = Vec::new();
    for (&ix, err) in &computed.errors {
        let label = appendix.cell_label(ix);
        let typed = report.value(&appendix.cells[ix].id);
        let m = err.message();
        out.push(Finding {
            severity: Severity::Error,
            kind: FindingKind::InvalidInput,
            place: Place::Cell(ix),
            cells: vec![ix],
            message: Text::new(
                format!("«{}»: «{typed}» — {}", label.vi, m.vi),
                format!("“{}”: “{typed}” — {}", label.get(Lang::En), m.get(Lang::En)),
            ),
        });
    }
    shares(appendix, computed, &mut out);
    for check in &appendix.checks {
        if let Some(f) = run(appendix, report, computed, check) {
            out.push(f);
        }
    }
    out.extend(identity_findings(&report.identity));
    out.sort_by_key(|f| (f.severity, place_order(f.place)));
    out
}

fn place_order(p: Place) -> (u8, usize) {
    match p {
        Place::From => (0, 0),
        Place::To => (0, 1),
        Place::Date => (0, 2),
        Place::Cell(ix) => (1, ix),
    }
}

fn labels(a: &Appendix, cells: &[CellIx], lang: Lang) -> String {
    let names: Vec<String> = cells
        .iter()
        .map(|&c| format!("«{}»", a.cell_label(c).get(lang)))
        .collect();
    names.join(" + ")
}

fn num(x: f64) -> String {
    format_trimmed(x, 2)
}

/// The first cell of `cells` the officer types, where a finding is best shown.
fn first_input(a: &Appendix, cells: &[CellIx], fallback: CellIx) -> CellIx {
    cells
        .iter()
        .copied()
        .find(|&c| a.cells[c].is_input())
        .unwrap_or(fallback)
}

/// Every ratio the template marks as a share must not exceed 100 %.
fn shares(a: &Appendix, c: &Computed, out: &mut Vec<Finding>) {
    for &ix in &a.eval_order {
        let Some(Expr::Ratio {
            num: n,
            den: d,
            share: true,
        }) = &a.cells[ix].formula
        else {
            continue;
        };
        let (Some(part), Some(whole)) = (c.sum(n), c.sum(d)) else {
            continue;
        };
        if part <= whole {
            continue;
        }
        let mut cells = n.clone();
        cells.extend(d);
        cells.push(ix);
        let ratio = a.cell_label(ix);
        out.push(Finding {
            severity: Severity::Error,
            kind: FindingKind::PartExceedsWhole,
            place: Place::Cell(first_input(a, n, ix)),
            cells,
            message: Text::new(
                format!(
                    "{} ({}) lớn hơn {} ({}): phần không thể lớn hơn tổng, nên «{}» không thể vượt 100%. Kiểm tra xem tử số và mẫu số có bị đảo không.",
                    labels(a, n, Lang::Vi), num(part), labels(a, d, Lang::Vi), num(whole), ratio.vi
                ),
                format!(
                    "{} ({}) exceeds {} ({}): a part cannot exceed its whole, so “{}” cannot pass 100 %. Check whether numerator and denominator are swapped.",
                    labels(a, n, Lang::En), num(part), labels(a, d, Lang::En), num(whole), ratio.get(Lang::En)
                ),
            ),
        });
    }
}

/// The values of all cells, or `None` if any is empty.
fn all(c: &Computed, cells: &[CellIx]) -> Option<f64> {
    cells
        .iter()
        .try_fold(0.0, |acc, &ix| Some(acc + c.number(ix)?))
}

fn run(a: &Appendix, report: &Report, c: &Computed, check: &Check) -> Option<Finding> {
    match check {
        Check::SumEquals { total, parts } => {
            let t = c.number(*total)?;
            let present = c.sum(parts)?;
            let complete = all(c, parts);
            let wrong = present > t || complete.is_some_and(|s| s != t);
            wrong.then(|| {
                let mut cells = parts.clone();
                cells.push(*total);
                Finding {
                    severity: Severity::Error,
                    kind: FindingKind::SumMismatch,
                    place: Place::Cell(*total),
                    cells,
                    message: Text::new(
                        format!(
                            "Các phần {} cộng lại {} nhưng tổng số «{}» là {}.",
                            labels(a, parts, Lang::Vi),
                            num(present),
                            a.cell_label(*total).vi,
                            num(t)
                        ),
                        format!(
                            "The parts {} add up to {} but the total “{}” is {}.",
                            labels(a, parts, Lang::En),
                            num(present),
                            a.cell_label(*total).get(Lang::En),
                            num(t)
                        ),
                    ),
                }
            })
        }
        Check::PartsWithin { whole, parts } => {
            let w = c.number(*whole)?;
            let p = c.sum(parts)?;
            (p > w).then(|| {
                let mut cells = parts.clone();
                cells.push(*whole);
                Finding {
                    severity: Severity::Error,
                    kind: FindingKind::PartExceedsWhole,
                    place: Place::Cell(first_input(a, parts, *whole)),
                    cells,
                    message: Text::new(
                        format!(
                            "{} ({}) lớn hơn «{}» ({}): phần không thể lớn hơn tổng.",
                            labels(a, parts, Lang::Vi),
                            num(p),
                            a.cell_label(*whole).vi,
                            num(w)
                        ),
                        format!(
                            "{} ({}) exceeds “{}” ({}): a part cannot exceed its whole.",
                            labels(a, parts, Lang::En),
                            num(p),
                            a.cell_label(*whole).get(Lang::En),
                            num(w)
                        ),
                    ),
                }
            })
        }
        Check::Equals {
            left,
            right,
            message,
        } => {
            let l = all(c, left)?;
            let complete = all(c, right);
            let present = c.sum(right)?;
            let wrong = complete.map_or(present > l, |r| r != l);
            wrong.then(|| {
                let mut cells = left.clone();
                cells.extend(right);
                let (shown_l, shown_r) = (num(l), num(present));
                Finding {
                    severity: Severity::Error,
                    kind: FindingKind::Equation,
                    place: Place::Cell(first_input(a, right, left[0])),
                    cells,
                    message: Text::new(
                        format!("{} ({shown_l} ≠ {shown_r})", message.vi),
                        format!("{} ({shown_l} ≠ {shown_r})", message.get(Lang::En)),
                    ),
                }
            })
        }
        Check::TypedPercent {
            cell,
            num: n,
            den: d,
        } => {
            let typed = c.number(*cell)?;
            let actual = c.ratio(n, d)?;
            // 100 % and 0 % claim "all" and "none": only the exact ratio bears them out.
            let tolerance = if typed == 100.0 || typed == 0.0 {
                1e-9
            } else {
                half_unit(report.value(&a.cells[*cell].id))
            };
            ((typed - actual).abs() > tolerance).then(|| {
                let mut cells = vec![*cell];
                cells.extend(n);
                cells.extend(d);
                let (t, r) = (format_percent(Some(typed)), format_percent(Some(actual)));
                Finding {
                    severity: Severity::Warning,
                    kind: FindingKind::TypedPercentMismatch,
                    place: Place::Cell(*cell),
                    cells,
                    message: Text::new(
                        format!(
                            "Tỷ lệ nhập {t} không khớp với số liệu: {} / {} = {r}.",
                            labels(a, n, Lang::Vi),
                            labels(a, d, Lang::Vi)
                        ),
                        format!(
                            "The typed rate {t} does not match the figures: {} / {} = {r}.",
                            labels(a, n, Lang::En),
                            labels(a, d, Lang::En)
                        ),
                    ),
                }
            })
        }
    }
}

/// Half a unit of the last digit the officer typed: "99,89" → 0,005; "99,9" → 0,05. A typed
/// percentage agrees with its numbers when it is their ratio rounded to what was typed.
fn half_unit(raw: &str) -> f64 {
    let digits = raw.trim().trim_end_matches('%').trim();
    let decimals = digits.rfind([',', '.']).map_or(0, |p| {
        let tail = &digits[p + 1..];
        // "1.234" groups thousands; only a tail of other than three digits is a fraction.
        if digits[p..].starts_with('.') && tail.len() == 3 {
            0
        } else {
            tail.len()
        }
    });
    0.5 * 10f64.powi(-(decimals as i32))
}

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn identity_findings(id: &Identity) -> Vec<Finding> {
    let mut out = Vec::new();
    let (from, to) = id.window();
    let finding = |severity, kind, place, vi: String, en: String| Finding {
        severity,
        kind,
        place,
        cells: Vec::new(),
        message: Text::new(vi, en),
    };
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            out.push(finding(
                Severity::Error,
                FindingKind::PeriodReversed,
                Place::To,
                format!(
                    "Kỳ số liệu bị đảo: từ ngày {} đến ngày {}.",
                    date(f),
                    date(t)
                ),
                format!(
                    "The data window is reversed: from {} to {}.",
                    date(f),
                    date(t)
                ),
            ));
        }
    }
    // A window may start in the previous December (Nghị định 09/2019: from 15/12).
    let earliest = id
        .year
        .checked_sub(1)
        .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 1));
    let latest = NaiveDate::from_ymd_opt(id.year, 12, 31);
    for (d, place) in [(from, Place::From), (to, Place::To)] {
        let (Some(d), Some(lo), Some(hi)) = (d, earliest, latest) else {
            continue;
        };
        if d < lo || d > hi {
            out.push(finding(
                Severity::Warning,
                FindingKind::PeriodOutsideYear,
                place,
                format!("Ngày {} nằm ngoài năm báo cáo {}.", date(d), id.year),
                format!("{} is outside the report year {}.", date(d), id.year),
            ));
        }
    }
    if let (Some(d), Some(t)) = (id.date, to) {
        if d < t {
            out.push(finding(
                Severity::Warning,
                FindingKind::ReportBeforePeriodEnd,
                Place::Date,
                format!(
                    "Ngày báo cáo {} sớm hơn ngày kết thúc kỳ số liệu {}.",
                    date(d),
                    date(t)
                ),
                format!(
                    "The report is dated {} before its data window ends on {}.",
                    date(d),
                    date(t)
                ),
            ));
        }
    }
    out
}
