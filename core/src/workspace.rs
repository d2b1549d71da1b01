//! One report evaluated against its templates: everything a screen, an export or a print
//! needs, computed in one pass from what the officer typed.

use crate::checks::{self, Finding};
use crate::compute::{self, Computed};
use crate::number;
use crate::report::{Report, TemplateRef};
use crate::scoring::{self, Scorecard};
use crate::template::builtin;
use crate::template::compile::{grid_id, Appendix, CellIx, Criteria};
use crate::template::{CellKind, TemplateError};

/// The compiled templates a report is filled on.
#[derive(Debug)]
pub struct Templates {
    pub appendix: Appendix,
    pub criteria: Criteria,
}

impl Templates {
    /// The templates shipped with the app.
    pub fn builtin() -> Result<Self, TemplateError> {
        let (appendix, criteria) = builtin::default_templates()?;
        Ok(Templates { appendix, criteria })
    }

    /// These templates with a province's criteria set (JSON) in place of the current one,
    /// checked against the appendix it reads.
    pub fn with_criteria(&self, json: &str) -> Result<Self, TemplateError> {
        let criteria = Criteria::from_json(json, &self.appendix)?;
        Ok(Templates {
            appendix: self.appendix.clone(),
            criteria,
        })
    }

    /// These templates with a province's appendix (JSON) in place of the current one, and the
    /// criteria set in use checked against it: a set that reads a cell the new appendix lacks
    /// is refused with the compiler's message naming the criterion and the cell.
    pub fn with_appendix(&self, json: &str) -> Result<Self, AppendixError> {
        let appendix = Appendix::from_json(json).map_err(AppendixError::Invalid)?;
        self.on_appendix(appendix)
    }

    /// These templates' criteria set on `appendix` (already compiled), or why it does not fit.
    pub fn on_appendix(&self, appendix: Appendix) -> Result<Self, AppendixError> {
        let criteria = Criteria::compile(self.criteria.template.clone(), &appendix)
            .map_err(AppendixError::CriteriaDoNotFit)?;
        Ok(Templates { appendix, criteria })
    }

    pub fn appendix_ref(&self) -> TemplateRef {
        TemplateRef {
            id: self.appendix.template.id.clone(),
            version: self.appendix.template.version,
        }
    }

    pub fn criteria_ref(&self) -> TemplateRef {
        TemplateRef {
            id: self.criteria.template.id.clone(),
            version: self.criteria.template.version,
        }
    }

    /// A blank report on these templates.
    pub fn new_report(&self, id: impl Into<String>) -> Report {
        Report::new(id, self.appendix_ref(), self.criteria_ref())
    }
}

/// Why an appendix was not put in use.
#[derive(Clone, Debug, PartialEq)]
pub enum AppendixError {
    /// Not an appendix the app can fill: the compiler's message.
    Invalid(TemplateError),
    /// The appendix compiles, but the criteria set in use reads something it lacks.
    CriteriaDoNotFit(TemplateError),
}

/// Everything derived from a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub computed: Computed,
    pub findings: Vec<Finding>,
    pub scorecard: Scorecard,
}

pub fn evaluate(t: &Templates, report: &Report) -> Evaluation {
    let computed = compute::compute(&t.appendix, report);
    let findings = checks::findings(&t.appendix, report, &computed);
    let scorecard = scoring::score(&t.criteria, &computed, report);
    Evaluation {
        computed,
        findings,
        scorecard,
    }
}

/// A copy of `previous` for the period after it: same commune and signer, no figures, no
/// scores, and each carried-over column (Biểu 06's (6)) prefilled from the column the
/// template names (its (11), pending at the end of the previous period) where it is not 0.
pub fn next_period(t: &Templates, previous: &Report, id: impl Into<String>) -> Report {
    let computed = compute::compute(&t.appendix, previous);
    let mut next = t.new_report(id);
    let old = &previous.identity;
    let (period, year) = old.period.next(old.year);
    next.identity = crate::report::Identity {
        period,
        year,
        from: None,
        to: None,
        number: String::new(),
        date: None,
        ..old.clone()
    };
    next.optional_sections = previous.optional_sections.clone();
    for table in t.appendix.template.sections.iter().flat_map(|s| &s.tables) {
        for col in table.columns.iter().filter(|c| c.carry_from.is_some()) {
            let from = col.carry_from.as_deref().unwrap_or_default();
            for row in table.rows.iter().filter(|r| !r.total && !r.heading) {
                let Some(src) = t.appendix.cell(&grid_id(&row.id, from)) else {
                    continue;
                };
                if let Some(v) = computed.number(src).filter(|&v| v > 0.0) {
                    next.set_value(&grid_id(&row.id, &col.id), &number::format_integer(v));
                }
            }
        }
    }
    next
}

/// Adds up the typed quantities of many reports on the same appendix (a merge of communes or
/// a check of a province's totals) and computes the result. Typed percentages, yes/no answers
/// and text do not add up and are left empty.
pub fn aggregate<'a>(
    appendix: &Appendix,
    reports: impl IntoIterator<Item = &'a Report>,
) -> Computed {
    let computed: Vec<Computed> = reports
        .into_iter()
        .map(|r| compute::compute(appendix, r))
        .collect();
    sum_computed(appendix, &computed)
}

/// [`aggregate`] of reports already computed: every typed count, sum of money and decimal is
/// added up, then every derived cell (totals, every ratio) is computed from the sums, so a
/// rate of many communes is never an average of their rates.
pub fn sum_computed<'a>(
    appendix: &Appendix,
    computed: impl IntoIterator<Item = &'a Computed>,
) -> Computed {
    let n = appendix.cells.len();
    let mut totals: Vec<Option<f64>> = vec![None; n];
    let summable: Vec<CellIx> = appendix
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.is_input()
                && matches!(
                    c.kind,
                    CellKind::Count | CellKind::Money | CellKind::Decimal
                )
        })
        .map(|(ix, _)| ix)
        .collect();
    for one in computed {
        for &ix in &summable {
            if let Some(v) = one.number(ix) {
                totals[ix] = Some(totals[ix].unwrap_or(0.0) + v);
            }
        }
    }
    let mut merged = Computed::empty(n);
    merged.numbers = totals;
    compute::derive(appendix, &mut merged);
    merged
}

/// Templates are equal when they are the same versions of the same files, which is what a
/// re-render needs to know.
impl PartialEq for Templates {
    fn eq(&self, other: &Self) -> bool {
        self.appendix_ref() == other.appendix_ref() && self.criteria_ref() == other.criteria_ref()
    }
}
