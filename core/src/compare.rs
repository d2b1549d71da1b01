//! Periods side by side: a commune's open report with its earlier ones. Per cell the previous
//! period's value and the change; a table with one column per period (seed 002's Phụ lục 03
//! and 07); and the carried-over column of Biểu 06 checked against the previous period's
//! pending, which is a finding when they differ.

use chrono::NaiveDate;

use crate::checks::{Finding, FindingKind, Place, Severity};
use crate::compute::{self, percent, Computed};
use crate::number::{format_decimal, format_integer, format_percent, NO_VALUE};
use crate::report::{Identity, Report};
use crate::rollup::{commune_key, commune_name, period_label, Period};
use crate::template::compile::{grid_id, Appendix, CellIx};
use crate::template::CellKind;
use crate::text::{Lang, Text};
use crate::workspace::Templates;

/// A cell's value in the previous period and now.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Change {
    pub previous: Option<f64>,
    pub current: Option<f64>,
}

impl Change {
    /// current − previous; `None` unless both have a value.
    pub fn delta(&self) -> Option<f64> {
        Some(self.current? - self.previous?)
    }

    /// The change as a share of the previous value, × 100; `None` when there is nothing to
    /// divide by (no previous value, or 0).
    pub fn percent(&self) -> Option<f64> {
        percent(self.delta()?, self.previous?)
    }

    /// "+12", "-3", "0"; a percentage cell changes by points: "+1,25". "—" without both values.
    pub fn delta_shown(&self, kind: CellKind) -> String {
        match self.delta() {
            None => NO_VALUE.to_owned(),
            Some(d) => {
                let body = match kind {
                    CellKind::Count | CellKind::Money => format_integer(d.abs()),
                    _ => format_decimal(d.abs(), 2),
                };
                signed(d, body)
            }
        }
    }

    /// "+8,33%", "-50,00%"; "—" when there is nothing to divide by.
    pub fn percent_shown(&self) -> String {
        match self.percent() {
            None => NO_VALUE.to_owned(),
            Some(p) => signed(p, format_percent(Some(p.abs()))),
        }
    }
}

/// A leading "+" or "-" unless the shown magnitude is zero.
fn signed(x: f64, body: String) -> String {
    let zero = body
        .trim_end_matches('%')
        .chars()
        .all(|c| matches!(c, '0' | ',' | '.'));
    match () {
        _ if zero => body,
        _ if x > 0.0 => format!("+{body}"),
        _ => format!("-{body}"),
    }
}

/// Every cell's change from `previous` to `current`, indexed like `Appendix::cells`.
pub fn changes(current: &Computed, previous: &Computed) -> Vec<Change> {
    let n = current.numbers.len().max(previous.numbers.len());
    (0..n)
        .map(|ix| Change {
            previous: previous.number(ix),
            current: current.number(ix),
        })
        .collect()
}

/// The order of periods in time: by the end of the data window (the officer's dates where
/// given), then by the kind (a quarter before the 6-month report ending the same day).
pub fn period_order(id: &Identity) -> (NaiveDate, usize, i32) {
    let end = id
        .window()
        .1
        .or_else(|| NaiveDate::from_ymd_opt(id.year, 12, 31))
        .unwrap_or_default();
    let kind = crate::period::PeriodKind::ALL
        .iter()
        .position(|&k| k == id.period)
        .unwrap_or(0);
    (end, kind, id.year)
}

fn period_of(r: &Report) -> Period {
    (r.identity.period, r.identity.year)
}

/// Why an earlier report cannot be set beside the open one.
#[derive(Clone, Debug, PartialEq)]
pub enum AttachError {
    OtherCommune { found: String, open: String },
    OtherTemplate,
    SamePeriod { period: Period },
    NotEarlier { found: Period, open: Period },
    AlreadyAttached { period: Period },
}

impl AttachError {
    pub fn message(&self) -> Text {
        match self {
            AttachError::OtherCommune { found, open } => Text::new(
                format!("Báo cáo của {found}, không phải của {open} đang mở."),
                format!("The report is from {found}, not {open}, which is open."),
            ),
            AttachError::OtherTemplate => Text::new(
                "Báo cáo lập theo mẫu phụ lục khác: không so sánh được từng ô.",
                "The report is on another appendix template: its cells cannot be compared.",
            ),
            AttachError::SamePeriod { period } => {
                let p = period_label(*period);
                Text::new(
                    format!("Báo cáo cùng kỳ {} với báo cáo đang mở.", p.vi),
                    format!(
                        "The report is for the same period, {}, as the open one.",
                        p.en
                    ),
                )
            }
            AttachError::NotEarlier { found, open } => {
                let (f, o) = (period_label(*found), period_label(*open));
                Text::new(
                    format!("Báo cáo kỳ {} không trước kỳ {} đang mở.", f.vi, o.vi),
                    format!(
                        "The report for {} is not earlier than {}, which is open.",
                        f.en, o.en
                    ),
                )
            }
            AttachError::AlreadyAttached { period } => {
                let p = period_label(*period);
                Text::new(
                    format!(
                        "Đã có báo cáo kỳ {} bên cạnh; bỏ báo cáo đó trước nếu muốn thay.",
                        p.vi
                    ),
                    format!(
                        "A report for {} is already attached; remove it first to replace it.",
                        p.en
                    ),
                )
            }
        }
    }
}

/// Whether `candidate` can be set beside `open`: the same commune, the same appendix, an
/// earlier period, and not one already attached.
pub fn can_attach(
    open: &Report,
    attached: &[Report],
    candidate: &Report,
) -> Result<(), AttachError> {
    let (o, c) = (&open.identity, &candidate.identity);
    if commune_key(o).is_some() && commune_key(o) != commune_key(c) {
        return Err(AttachError::OtherCommune {
            found: commune_name(c),
            open: commune_name(o),
        });
    }
    if open.appendix != candidate.appendix {
        return Err(AttachError::OtherTemplate);
    }
    if period_of(open) == period_of(candidate) {
        return Err(AttachError::SamePeriod {
            period: period_of(open),
        });
    }
    if period_order(c) >= period_order(o) {
        return Err(AttachError::NotEarlier {
            found: period_of(candidate),
            open: period_of(open),
        });
    }
    if attached
        .iter()
        .any(|a| period_of(a) == period_of(candidate))
    {
        return Err(AttachError::AlreadyAttached {
            period: period_of(candidate),
        });
    }
    Ok(())
}

/// The report of the period just before `open` among `earlier`, if any is earlier.
pub fn previous<'a>(
    open: &Report,
    earlier: impl IntoIterator<Item = &'a Report>,
) -> Option<&'a Report> {
    let now = period_order(&open.identity);
    earlier
        .into_iter()
        .filter(|r| period_order(&r.identity) < now)
        .max_by_key(|r| period_order(&r.identity))
}

/// The report the open one is compared with in words ("so với cùng kỳ"): among `earlier`,
/// the same period a year before when there is one (what these reports compare with), else
/// the latest earlier period. Reports of another unit or appendix, or not earlier, are passed
/// over.
pub fn baseline<'a>(
    open: &Report,
    earlier: impl IntoIterator<Item = &'a Report>,
) -> Option<&'a Report> {
    let usable: Vec<&Report> = earlier
        .into_iter()
        .filter(|r| can_attach(open, &[], r).is_ok())
        .collect();
    let (period, year) = period_of(open);
    let year_before = year.checked_sub(1).map(|y| (period, y));
    usable
        .iter()
        .find(|r| Some(period_of(r)) == year_before)
        .copied()
        .or_else(|| previous(open, usable))
}

/// One line of a multi-period table.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodRow {
    pub cell: CellIx,
    pub label: Text,
    pub kind: CellKind,
    /// One per column of the table, oldest first.
    pub values: Vec<Option<f64>>,
}

/// Periods as columns, chosen cells as lines (seed 002's Phụ lục 03 and 07).
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodTable {
    /// "Năm 2024", "Năm 2025", oldest first.
    pub columns: Vec<Text>,
    pub rows: Vec<PeriodRow>,
}

/// The multi-period table of `reports` (in any order; shown oldest first) for `cells`.
pub fn period_table(t: &Templates, reports: &[&Report], cells: &[CellIx]) -> PeriodTable {
    let mut sorted: Vec<&Report> = reports.to_vec();
    sorted.sort_by_key(|r| period_order(&r.identity));
    let computed: Vec<Computed> = sorted
        .iter()
        .map(|r| compute::compute(&t.appendix, r))
        .collect();
    PeriodTable {
        columns: sorted.iter().map(|r| period_label(period_of(r))).collect(),
        rows: cells
            .iter()
            .filter(|&&ix| ix < t.appendix.cells.len())
            .map(|&ix| PeriodRow {
                cell: ix,
                label: t.appendix.cell_label(ix),
                kind: t.appendix.cells[ix].kind,
                values: computed.iter().map(|c| c.number(ix)).collect(),
            })
            .collect(),
    }
}

/// The lines a multi-period table starts with: the total row of every grid (Biểu 06) and
/// every cell computed by a named rate of the template.
pub fn default_rows(a: &Appendix) -> Vec<CellIx> {
    let mut out = Vec::new();
    for table in a.template.sections.iter().flat_map(|s| &s.tables) {
        for row in table.rows.iter().filter(|r| r.total) {
            for col in &table.columns {
                out.extend(a.cell(&grid_id(&row.id, &col.id)));
            }
        }
    }
    let rates: Vec<(Vec<CellIx>, Vec<CellIx>)> = a
        .template
        .rates
        .iter()
        .filter_map(|r| a.rate(&r.id))
        .map(|r| (r.num.clone(), r.den.clone()))
        .collect();
    for (ix, cell) in a.cells.iter().enumerate() {
        if let Some(crate::template::compile::Expr::Ratio { num, den, .. }) = &cell.formula {
            if rates.iter().any(|(n, d)| n == num && d == den) && !out.contains(&ix) {
                out.push(ix);
            }
        }
    }
    out
}

/// A value as the multi-period table shows it ("—" for a period without it).
pub fn shown(kind: CellKind, v: Option<f64>) -> String {
    v.map_or_else(
        || NO_VALUE.to_owned(),
        |v| crate::present::value::number(kind, v),
    )
}

/// The carried-over column (Biểu 06's (6)) against the previous period's column it carries
/// from ((11), pending at the end of that period), row by row: each difference is a finding
/// naming both values. Rows where either is empty are not compared; the total row follows
/// from the others.
pub fn carry_over_findings(
    t: &Templates,
    current: &Computed,
    previous: &Report,
    previous_computed: &Computed,
) -> Vec<Finding> {
    let a = &t.appendix;
    let prev_period = period_label(period_of(previous));
    let mut out = Vec::new();
    for table in a.template.sections.iter().flat_map(|s| &s.tables) {
        for col in table.columns.iter().filter(|c| c.carry_from.is_some()) {
            let from_id = col.carry_from.as_deref().unwrap_or_default();
            let Some(from) = table.columns.iter().find(|c| c.id == from_id) else {
                continue;
            };
            for row in table.rows.iter().filter(|r| !r.total && !r.heading) {
                let (Some(here), Some(there)) = (
                    a.cell(&grid_id(&row.id, &col.id)),
                    a.cell(&grid_id(&row.id, from_id)),
                ) else {
                    continue;
                };
                let (Some(now), Some(before)) =
                    (current.number(here), previous_computed.number(there))
                else {
                    continue;
                };
                if now == before {
                    continue;
                }
                let (n, b) = (format_integer(now), format_integer(before));
                out.push(Finding {
                    severity: Severity::Warning,
                    kind: FindingKind::CarryOver,
                    place: Place::Cell(here),
                    cells: vec![here],
                    message: Text::new(
                        format!(
                            "{}: cột {} «{}» kỳ này là {n}, khác cột {} «{}» của báo cáo kỳ trước ({}) là {b}.",
                            row.label.vi, col.number, col.label.vi, from.number,
                            group_label(&from.group.vi, &from.label.vi), prev_period.vi
                        ),
                        format!(
                            "{}: column {} “{}” is {n} this period, but column {} “{}” of the previous report ({}) is {b}.",
                            row.label.get(Lang::En), col.number, col.label.get(Lang::En), from.number,
                            group_label(from.group.get(Lang::En), from.label.get(Lang::En)), prev_period.en
                        ),
                    ),
                });
            }
        }
    }
    out
}

/// "Số hồ sơ đang giải quyết — Tổng số": a column's group tells apart columns of one name.
fn group_label(group: &str, label: &str) -> String {
    if group.is_empty() {
        label.to_owned()
    } else {
        format!("{group} — {label}")
    }
}
